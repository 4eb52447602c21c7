/*
 * gic.S - the ARM Generic Interrupt Controller (architecture v1) of the
 * realview board: a distributor that collects the board's interrupt lines
 * and a CPU interface that presents the highest-priority pending one to
 * the core's IRQ input.  Implements the board-neutral intc_* interface.
 *
 * Registers used (GIC architecture spec, IHI 0048):
 *   distributor   CTLR 0x000, ISENABLER 0x100, ICENABLER 0x180,
 *                 ISPENDR 0x200, ICPENDR 0x280, IPRIORITYR 0x400 (a byte
 *                 per ID), ITARGETSR 0x800 (a byte per ID), ICFGR 0xC00,
 *                 SGIR 0xF00
 *   CPU interface CTLR 0x00, PMR 0x04 (priority mask), BPR 0x08,
 *                 IAR 0x0C (acknowledge), EOIR 0x10 (end of interrupt)
 *
 * Priorities (intc.h): lower is more urgent.  Every ID gets
 * IRQ_PRIO_NORMAL, the watchdog IRQ_PRIO_WATCHDOG: while an interrupt is
 * active (acknowledged, not yet ended), the CPU interface signals only
 * more urgent ones, so a user interrupt handler can be interrupted by the
 * watchdog and nothing else.
 */
#include "kernel.h"
#include "intc.h"

#define GICD_CTLR       0x000
#define GICD_ISENABLER  0x100
#define GICD_ICENABLER  0x180
#define GICD_ISPENDR    0x200
#define GICD_ICPENDR    0x280
#define GICD_IPRIORITYR 0x400
#define GICD_ITARGETSR  0x800
#define GICC_CTLR       0x00
#define GICC_BPR        0x08

#define GIC_ENABLE      1
#define CPU0_TARGET     0x01010101      /* four ITARGETSR bytes: CPU 0   */
#define PRIO_X4         (IRQ_PRIO_NORMAL * 0x01010101)  /* 4 IPRIORITYR bytes */

        .text

/*
 * intc_init - quiesce and configure the GIC: every line disabled and not
 * pending, normal priority, routed to CPU 0; then both halves enabled.
 * In: none.  Out: none.  Clobbers: none.
 */
ENTRY(intc_init)
        mov32   r0, GIC_DIST_BASE
        mov     r1, #0
        str     r1, [r0, #GICD_CTLR]    /* distributor off meanwhile    */
        mvn     r2, #0
        mov     r1, #0                  /* r1 = byte offset, 32 IDs each */
1:      add     r3, r0, r1
        str     r2, [r3, #GICD_ICENABLER]
        str     r2, [r3, #GICD_ICPENDR]
        add     r1, r1, #4
        cmp     r1, #(INTC_NLINES / 8)
        blo     1b
        ldr     r2, =PRIO_X4
        ldr     r12, =CPU0_TARGET
        mov     r1, #0                  /* r1 = byte offset, 4 IDs each  */
2:      add     r3, r0, r1
        str     r2, [r3, #GICD_IPRIORITYR]
        str     r12, [r3, #GICD_ITARGETSR]
        add     r1, r1, #4
        cmp     r1, #INTC_NLINES
        blo     2b
        mov     r1, #IRQ_PRIO_WATCHDOG  /* the watchdog above all       */
        add     r2, r0, #GICD_IPRIORITYR
        strb    r1, [r2, #IRQ_WATCHDOG]
        mov     r1, #GIC_ENABLE
        str     r1, [r0, #GICD_CTLR]
        mov32   r0, GIC_CPU_BASE
        mov     r1, #PMR_OPEN
        str     r1, [r0, #GICC_PMR]
        mov     r1, #0
        str     r1, [r0, #GICC_BPR]     /* all priority bits: no groups */
        mov     r1, #GIC_ENABLE
        str     r1, [r0, #GICC_CTLR]
        bx      lr
ENDPROC(intc_init)

/*
 * intc_enable / intc_disable - let one interrupt ID through, or stop it.
 * In: r0 = interrupt ID.  Out: none.  Clobbers: none.
 */
ENTRY(intc_enable)
        mov     r1, #GICD_ISENABLER
        b       gic_set_bit
ENDPROC(intc_enable)
ENTRY(intc_disable)
        mov     r1, #GICD_ICENABLER
        /* fall through */
ENDPROC(intc_disable)
/* Write the bit for ID r0 into the set/clear register bank at offset r1. */
LOCAL(gic_set_bit)
        mov32   r2, GIC_DIST_BASE
        add     r2, r2, r1
        lsr     r1, r0, #5              /* which 32-bit register        */
        and     r0, r0, #31
        mov     r3, #1
        lsl     r3, r3, r0
        str     r3, [r2, r1, lsl #2]
        bx      lr
ENDPROC(gic_set_bit)

/*
 * intc_ack - acknowledge the highest-priority pending interrupt.  Reading
 * IAR marks it active; the value read must be written back to EOIR when
 * the handler is done (intc_eoi).  IDs 1020 to 1023 mean that nothing was
 * pending: a spurious interrupt, for which no EOI is owed.
 * In: none.  Out: r0 = interrupt line (INTC_NLINES or more: spurious),
 * r1 = token for intc_eoi.  Clobbers: none.
 */
ENTRY(intc_ack)
        intc_ack_fast r0, r1, r2
        bx      lr
ENDPROC(intc_ack)

/*
 * intc_eoi - signal the end of an interrupt's handling, so that the GIC
 * may present that ID again.
 * In: r0 = token from intc_ack.  Out: none.  Clobbers: none.
 */
ENTRY(intc_eoi)
        intc_eoi_fast r0, r1
        bx      lr
ENDPROC(intc_eoi)

/*
 * intc_raise_resched - raise the scheduler's software interrupt: SGI
 * IRQ_RESCHED, sent by this CPU to itself.  The IRQ is taken as soon as
 * interrupts are unmasked.  An SGI is the GIC's own mechanism for this;
 * QEMU's realview GIC would also honour setting an SPI pending in
 * GICD_ISPENDR, but that would borrow a device's line.
 * In: none.  Out: none.  Clobbers: none.
 */
ENTRY(intc_raise_resched)
        intc_raise_resched_fast r0, r1
        bx      lr
ENDPROC(intc_raise_resched)
