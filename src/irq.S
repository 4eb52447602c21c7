/*
 * irq.S - interrupt dispatch: from the interrupt controller's answer to
 * the handler registered for that interrupt line, and back.
 *
 * The first steps are in the vector page (irq_entry, vectors.S): save the
 * interrupted context as a trap frame on the IRQ stack, acknowledge the
 * interrupt at the controller (which answers with its line), and then
 *   - for IRQ_RESCHED, the software interrupt that yield and blocking
 *     system calls raise: irq_resched ends it and goes straight to the
 *     scheduler (schedule_irq, sched.S) - the fast path a context switch
 *     takes;
 *   - for any other line: call the handler in irq_table (irq.h: each
 *     entry holds a handler and its argument words), then irq_done counts
 *     the interrupt, ends it, and switches processes only if a handler
 *     asked for it (need_resched: the tick at the end of a quantum, a
 *     wake-up while the CPU was idle).
 * irq_return restores the frame and returns from the interrupt.
 *
 * A line with no handler is reported and disabled, so that it cannot
 * storm.  A spurious interrupt (the controller had nothing to report by
 * the time it was asked) is counted, and nothing else happens.
 */
#include "kernel.h"
#include "frame.h"
#include "intc.h"
#include "irq.h"
#include "proc.h"
#include "a8os/syscall.h"

        .bss
        .balign 4
DATA(irq_table)         .space  INTC_NTABLE << IRQ_ENTRY_SHIFT
ENDDATA(irq_table)
DATA(irq_counts)        .space  INTC_NTABLE * 4 /* interrupts taken per line */
ENDDATA(irq_counts)
DATA(irq_spurious)      .word   0       /* spurious interrupts seen     */
ENDDATA(irq_spurious)

        .text

/*
 * irq_end index, token - count an interrupt and end it at the controller.
 * Not for a spurious one (index INTC_NLINES or more): its handler counted
 * it, and it owes no end.  Clobbers r0, r1.
 */
        .macro  irq_end index, token
        ldr     r0, =irq_counts
        ldr     r1, [r0, \index, lsl #2]
        add     r1, r1, #1
        str     r1, [r0, \index, lsl #2]
        intc_eoi_fast \token, r0
        .endm

/*
 * irq_init - set up the interrupt controller with every line disabled,
 * and the table with irq_unhandled for every line and
 * irq_spurious_entry past the last one.
 * In: none.  Out: none.  Clobbers: none.
 */
ENTRY(irq_init)
        ldr     r0, =irq_table
        mov     r1, #0                  /* index                        */
        ldr     r2, =irq_unhandled
1:      cmp     r1, #INTC_NLINES
        ldreq   r2, =irq_spurious_entry
        str     r2, [r0, #IRQ_HANDLER]
        str     r1, [r0, #IRQ_ARG0]     /* (irq_unhandled reports it)   */
        add     r0, r0, #(1 << IRQ_ENTRY_SHIFT)
        add     r1, r1, #1
        cmp     r1, #INTC_NTABLE
        blo     1b
        b       intc_init
ENDPROC(irq_init)

/*
 * irq_register - install the handler for a line and enable the line.
 * In: r0 = line, r1 = handler, r2, r3 = its first two argument words
 * (IRQ_ARG0, IRQ_ARG1).  Out: none.  Clobbers: none.
 */
ENTRY(irq_register)
        ldr     r12, =irq_table
        add     r12, r12, r0, lsl #IRQ_ENTRY_SHIFT
        stmia   r12, {r1, r2, r3}
        b       intc_enable
ENDPROC(irq_register)

/*
 * irq_resched - the resched software interrupt (from irq_entry): count
 * it, end it, and switch.
 * In: r4 = line, r5 = token, sp -> the interrupted code's frame.
 */
ENTRY(irq_resched)
        irq_end r4, r5
        b       schedule_irq
ENDPROC(irq_resched)

/*
 * irq_done - a handler called from irq_entry has returned: count and end
 * the interrupt, then switch processes if a handler asked for it.
 * In: r4 = line, r5 = token (kept by the handler: AAPCS), sp -> frame.
 */
ENTRY(irq_done)
        cmp     r4, #INTC_NLINES        /* spurious: nothing to end     */
        bhs     irq_return
        irq_end r4, r5
        ldr     r0, =need_resched
        ldr     r1, [r0]
        cmp     r1, #0
        beq     irq_return
        mov     r1, #0
        str     r1, [r0]
        b       schedule_irq
ENDPROC(irq_done)

/*
 * irq_return - restore the trap frame at sp and return from the interrupt:
 * r0-r12 and the user r13/r14 with "ldm ...^", then pc and CPSR with RFE.
 */
ENTRY(irq_return)
        ldmia   sp, {r0-r14}^
        add     sp, sp, #FRAME_REGS
        rfeia   sp!
ENDPROC(irq_return)

/*
 * irq_dispatch - handle, count and end one acknowledged interrupt, as the
 * IRQ entry does (for the kernel's tests, which call it directly).
 * In: r0 = line (INTC_NLINES or more: spurious), r1 = token.
 * Out: none.  Clobbers: none.
 */
ENTRY(irq_dispatch)
        push    {r4, r5, r6, lr}
        mov     r4, r0
        mov     r5, r1
        irq_call r4
        cmp     r4, #INTC_NLINES        /* spurious: nothing to end     */
        bhs     1f
        irq_end r4, r5
1:      pop     {r4, r5, r6, pc}
ENDPROC(irq_dispatch)

/*
 * irq_unhandled - the handler of every line nobody registered: report
 * the line and disable it, so that it cannot interrupt again.
 * In: r0 -> its table entry (IRQ_ARG0 = the line).  Clobbers: none.
 */
LOCAL(irq_unhandled)
        push    {r4, lr}
        ldr     r4, [r0, #IRQ_ARG0]
        mov     r0, r4
        bl      intc_disable
        ldr     r0, =msg_unhandled
        mov     r1, r4
        pop     {r4, lr}
        b       printk
ENDPROC(irq_unhandled)

/* irq_spurious_entry - the handler past the last line: count it. */
LOCAL(irq_spurious_entry)
        ldr     r0, =irq_spurious
        ldr     r1, [r0]
        add     r1, r1, #1
        str     r1, [r0]
        bx      lr
ENDPROC(irq_spurious_entry)

/*
 * sys_irqinfo(buf, max) -> entries: every line that has a handler or has
 * interrupted, with its count, the first user handler on it and what it
 * is (struct a8_irqinfo).
 */
#define II_LINE         0
#define II_COUNT        4
#define II_SOURCE       8
#define II_OWNER        12
#define II_NAME         16
#define II_SIZE         (16 + A8_NAME_MAX)

ENTRY(sys_irqinfo)
        push    {r4-r8, lr}
        mov     r4, r1
        movs    r5, r2
        movle   r0, #0
        pople   {r4-r8, pc}
        cmp     r5, #INTC_NLINES        /* no more entries than lines:  */
        movhi   r5, #INTC_NLINES        /* the size below cannot wrap   */
        mov     r0, #II_SIZE
        mul     r1, r5, r0
        mov     r0, r4
        mov     r2, #1
        bl      user_check
        cmp     r0, #0
        popne   {r4-r8, pc}
        mov     r6, #0                  /* line                         */
        mov     r7, #0                  /* entries written              */
1:      cmp     r7, r5
        bhs     3f
        ldr     r0, =irq_table          /* a handler of its own ...     */
        ldr     r0, [r0, r6, lsl #IRQ_ENTRY_SHIFT]
        ldr     r1, =irq_counts         /* ... or interrupts counted?   */
        ldr     r1, [r1, r6, lsl #2]
        ldr     r2, =irq_unhandled
        cmp     r0, r2
        cmpeq   r1, #0
        bne     2f
        cmp     r6, #IRQ_RESCHED        /* (no handler entry: built in) */
        bne     4f
2:      str     r6, [r4, #II_LINE]
        str     r1, [r4, #II_COUNT]
        mov     r0, r6
        bl      uirq_owner_of_line      /* r0 = source, r1 = owner      */
        str     r0, [r4, #II_SOURCE]
        cmp     r1, #0
        ldrne   r1, [r1, #P_PID]
        str     r1, [r4, #II_OWNER]
        mov     r0, r6
        bl      irq_line_name
        mov     r1, r0
        add     r0, r4, #II_NAME
        mov     r2, #A8_NAME_MAX
        bl      strlcpy0
        add     r4, r4, #II_SIZE
        add     r7, r7, #1
4:      add     r6, r6, #1
        cmp     r6, #INTC_NLINES
        blo     1b
3:      mov     r0, r7
        pop     {r4-r8, pc}
ENDPROC(sys_irqinfo)

/* The board's name for a line (board_irq_names), or "?".  r0 = line. */
LOCAL(irq_line_name)
        ldr     r2, =board_irq_names
1:      ldmia   r2!, {r1, r3}
        cmp     r3, #0
        ldreq   r0, =s_unknown
        bxeq    lr
        cmp     r1, r0
        bne     1b
        mov     r0, r3
        bx      lr
ENDPROC(irq_line_name)

        .section .rodata
s_unknown:      .asciz  "?"
msg_unhandled:  .asciz  "irq: no handler for line %u, line disabled\n"
