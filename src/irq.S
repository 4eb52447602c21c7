/*
 * irq.S - interrupt dispatch: from the interrupt controller's answer to
 * the handler registered for that interrupt line.
 *
 * irq_entry (vectors.S) has saved the interrupted context as a trap frame
 * on the IRQ stack and jumps to irq_handle.  irq_handle asks the interrupt
 * controller which line fired (acknowledging it), counts it, and either
 *   - for IRQ_RESCHED, the software interrupt that yield and blocking
 *     system calls raise: ends it and goes straight to the scheduler
 *     (schedule_irq, sched.S) - the fast path a context switch takes;
 *   - for any other line: calls the line's handler, ends the interrupt,
 *     and switches processes only if a handler asked for it
 *     (need_resched: the tick at the end of a quantum, a wake-up while
 *     the CPU was idle).
 * irq_return restores the frame and returns from the interrupt.
 *
 * An interrupt with no handler is reported and its line disabled, so that
 * it cannot storm.  A spurious interrupt (the controller had nothing to
 * report by the time it was asked) is counted, and nothing else happens.
 *
 * Handlers run in IRQ mode with IRQs masked, as handler(line), and follow
 * AAPCS.
 */
#include "kernel.h"
#include "frame.h"
#include "intc.h"
#include "proc.h"
#include "a8os/syscall.h"

        .bss
        .balign 4
irq_handlers:   .space  INTC_NLINES * 4 /* handler per line, 0 = none   */
DATA(irq_counts)        .space  INTC_NLINES * 4 /* interrupts taken per line */
ENDDATA(irq_counts)
DATA(irq_spurious)      .word   0       /* spurious interrupts seen     */
ENDDATA(irq_spurious)

        .text

/*
 * irq_init - set up the interrupt controller with every line disabled.
 * In: none.  Out: none.  Clobbers: none.
 */
ENTRY(irq_init)
        b       intc_init
ENDPROC(irq_init)

/*
 * irq_register - install the handler for a line and enable the line.
 * In: r0 = line, r1 = handler (called with r0 = line).  Out: none.
 * Clobbers: none.
 */
ENTRY(irq_register)
        ldr     r2, =irq_handlers
        str     r1, [r2, r0, lsl #2]
        b       intc_enable
ENDPROC(irq_register)

/*
 * irq_handle - entered from irq_entry: IRQ mode, sp -> the frame of the
 * interrupted code.  All registers are free (the frame holds them).
 */
ENTRY(irq_handle)
        intc_ack_fast r4, r5, r0        /* r4 = line, r5 = EOI token    */
        cmp     r4, #IRQ_RESCHED
        bne     1f
        ldr     r0, =irq_counts         /* the fast path: count it ...  */
        ldr     r1, [r0, r4, lsl #2]
        add     r1, r1, #1
        str     r1, [r0, r4, lsl #2]
        intc_eoi_fast r5, r0            /* ... end it, and switch       */
        b       schedule_irq
1:      mov     r0, r4
        mov     r1, r5
        bl      irq_dispatch
        ldr     r0, =need_resched
        ldr     r1, [r0]
        cmp     r1, #0
        beq     irq_return
        mov     r1, #0
        str     r1, [r0]
        b       schedule_irq
ENDPROC(irq_handle)

/*
 * irq_dispatch - count, handle and end one acknowledged interrupt.
 * In: r0 = line (INTC_NLINES or more: spurious), r1 = EOI token.
 * Out: none.  Clobbers: none.
 */
ENTRY(irq_dispatch)
        push    {r4, r5, r6, lr}
        cmp     r0, #INTC_NLINES
        bhs     .Lspurious
        mov     r4, r0
        mov     r5, r1
        ldr     r2, =irq_counts
        ldr     r3, [r2, r4, lsl #2]
        add     r3, r3, #1
        str     r3, [r2, r4, lsl #2]
        ldr     r2, =irq_handlers
        ldr     r3, [r2, r4, lsl #2]
        cmp     r3, #0
        beq     .Lunhandled
        blx     r3                      /* handler(line)                */
.Leoi:  intc_eoi_fast r5, r0
        pop     {r4, r5, r6, pc}
.Lunhandled:
        mov     r0, r4
        bl      intc_disable
        ldr     r0, =msg_unhandled
        mov     r1, r4
        bl      printk
        b       .Leoi
.Lspurious:
        ldr     r2, =irq_spurious
        ldr     r3, [r2]
        add     r3, r3, #1
        str     r3, [r2]
        pop     {r4, r5, r6, pc}
ENDPROC(irq_dispatch)

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
        ldr     r0, =irq_handlers
        ldr     r0, [r0, r6, lsl #2]
        ldr     r1, =irq_counts
        ldr     r1, [r1, r6, lsl #2]
        orrs    r0, r0, r1
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
