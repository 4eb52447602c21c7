/*
 * intc.h - the interrupt controller operations of the hot paths, as
 * assembler macros: acknowledging and ending an interrupt on the IRQ entry,
 * raising the resched software interrupt in yield.  Every board provides
 * these three macros with the same names and operands; gic.S builds its
 * routines (intc_ack, intc_eoi, intc_raise_resched) from them.
 *
 * On this board: the GIC's CPU interface (GICC_IAR / GICC_EOIR) and the
 * distributor's software interrupt register (GICD_SGIR).
 */
#ifndef INTC_H
#define INTC_H

#define GICD_SGIR       0xF00
#define GICC_PMR        0x04
#define GICC_IAR        0x0C
#define GICC_EOIR       0x10
#define SGIR_TO_SELF    (2 << 24)       /* TargetListFilter: this CPU    */

/* Priorities: lower is more urgent.  Every line has IRQ_PRIO_NORMAL but
 * the watchdog, which has IRQ_PRIO_WATCHDOG; the priority mask lets
 * through anything more urgent than the PMR value. */
#define IRQ_PRIO_NORMAL 0xA0
#define IRQ_PRIO_WATCHDOG 0x00
#define PMR_OPEN        0xF0            /* every line                    */
#define PMR_WATCHDOG_ONLY 0x10          /* only the watchdog             */

#ifdef __ASSEMBLER__

/* intc_ack_fast id, token, tmp - acknowledge the pending interrupt: \id =
 * its line (INTC_NLINES or more: spurious, nothing to end), \token = what
 * intc_eoi_fast needs. */
        .macro  intc_ack_fast id, token, tmp
        ldr     \tmp, =GIC_CPU_BASE
        ldr     \token, [\tmp, #GICC_IAR]
        ubfx    \id, \token, #0, #10    /* IAR[9:0]: the interrupt ID   */
        .endm

/* intc_eoi_fast token, tmp - end the interrupt acknowledged with \token. */
        .macro  intc_eoi_fast token, tmp
        ldr     \tmp, =GIC_CPU_BASE
        str     \token, [\tmp, #GICC_EOIR]
        .endm

/* intc_raise_resched_fast tmp1, tmp2 - raise IRQ_RESCHED, an SGI sent by
 * this CPU to itself. */
        .macro  intc_raise_resched_fast tmp1, tmp2
        ldr     \tmp1, =GIC_DIST_BASE
        ldr     \tmp2, =(SGIR_TO_SELF | IRQ_RESCHED)
        str     \tmp2, [\tmp1, #GICD_SGIR]
        .endm

#endif /* __ASSEMBLER__ */
#endif /* INTC_H */
