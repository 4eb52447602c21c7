/*
 * irq.S - interrupt dispatch: from the interrupt controller's answer to
 * the handler registered for that interrupt line.
 *
 * irq_entry (vectors.S) has saved the interrupted context as a trap frame
 * on the IRQ stack and jumps to irq_handle.  irq_handle asks the interrupt
 * controller which line fired (intc_ack), counts it, calls the line's
 * handler, tells the controller the handler is done (intc_eoi), and
 * returns through irq_return, which restores the frame.
 *
 * An interrupt with no handler is reported and its line disabled, so that
 * it cannot storm.  A spurious interrupt (the controller had nothing to
 * report by the time it was asked) is counted, and nothing else happens.
 *
 * Handlers run in IRQ mode with IRQs masked.  They are called as
 * handler(line) and follow AAPCS; r4-r11 are free to use without saving,
 * because the trap frame already holds the interrupted values, but the
 * handlers below keep to AAPCS anyway.
 */
#include "kernel.h"
#include "frame.h"

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
 * irq_dispatch - acknowledge, count, handle and end one interrupt.
 * In: none.  Out: none.  Clobbers: none.
 */
ENTRY(irq_dispatch)
        push    {r4, r5, r6, lr}
        bl      intc_ack                /* r0 = line or -1, r1 = token  */
        cmp     r0, #0
        blt     .Lspurious
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
.Leoi:  mov     r0, r5
        bl      intc_eoi
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

        .section .rodata
msg_unhandled:  .asciz  "irq: no handler for line %u, line disabled\n"
