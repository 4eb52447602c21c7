/*
 * irq.h - the interrupt table (src/irq.S) and the macro that calls an
 * entry of it, shared by the IRQ entry (vectors.S) and irq_dispatch.
 *
 * irq_table has INTC_NTABLE entries of four words, indexed by what the
 * interrupt controller's acknowledge returns (intc_ack_fast): the handler
 * first, then three argument words the handler was registered with.  A
 * handler is called in IRQ mode, IRQs masked, with r0 -> its entry - it
 * reads its arguments at IRQ_ARG0.. - and follows AAPCS.  It neither
 * acknowledges nor ends the interrupt: the dispatcher does both.  Entries
 * of lines without a handler hold irq_unhandled, those above the last
 * line irq_spurious_entry.
 */
#ifndef IRQ_H
#define IRQ_H

#define IRQ_HANDLER     0
#define IRQ_ARG0        4
#define IRQ_ARG1        8
#define IRQ_ARG2        12
#define IRQ_ENTRY_SHIFT 4               /* 16 bytes an entry            */

#ifdef __ASSEMBLER__
/*
 * irq_call index - call the handler of irq_table[\index].
 * Clobbers r0, r1 and whatever the handler may (AAPCS: r2, r3, r12, lr).
 * The pre-indexed load leaves r0 pointing at the entry: the handler's
 * argument.
 */
        .macro  irq_call index
        ldr     r0, =irq_table
        ldr     r1, [r0, \index, lsl #IRQ_ENTRY_SHIFT]!
        blx     r1
        .endm
#endif

#endif /* IRQ_H */
