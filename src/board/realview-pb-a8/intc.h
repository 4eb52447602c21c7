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
 * the watchdog, which has IRQ_PRIO_WATCHDOG.  While an interrupt is being
 * handled (acknowledged, not yet ended) the GIC signals only interrupts
 * of a more urgent priority than the one being handled: during any
 * handler - a user interrupt handler included - only the watchdog can
 * come in.  The priority mask itself stays open. */
#define IRQ_PRIO_NORMAL 0xA0
#define IRQ_PRIO_WATCHDOG 0x00
#define PMR_OPEN        0xF0            /* every line                    */

/* The interrupt table (irq.S) has INTC_NTABLE entries, indexed by what
 * intc_ack_fast returns: a line below INTC_NLINES, or an index at or
 * above it for "nothing was pending" (a spurious interrupt). */
#define INTC_NTABLE     128
#define INTC_INDEX_MASK (INTC_NTABLE - 1)

#ifdef __ASSEMBLER__

/* intc_ack_fast index, token, tmp - acknowledge the pending interrupt:
 * \index = its line, or INTC_NLINES or more if it is spurious (nothing to
 * end), \token = what intc_eoi_fast needs.  The interrupt ID is IAR[9:0]
 * (bits above: the sender of an SGI); a line is below 96, and the
 * spurious ID 1023 keeps 127 of its bits: both fit the table. */
        .macro  intc_ack_fast index, token, tmp
        ldr     \tmp, =GIC_CPU_BASE
        ldr     \token, [\tmp, #GICC_IAR]
        and     \index, \token, #INTC_INDEX_MASK
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
