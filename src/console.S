/*
 * console.S - the console as a device for processes: read() and write()
 * on file descriptors 0, 1 and 2.
 *
 * Input is interrupt driven.  The UART's receive interrupt moves every
 * byte that has arrived into a ring buffer (RX_SIZE bytes) and wakes the
 * readers; read() takes what is there, or blocks until something comes.
 * Nothing typed is lost while nobody reads, up to the ring's size; bytes
 * that arrive when it is full are counted in console_rx_overflows.  The
 * kernel does not echo: the line editor is the app's (libc readline).
 *
 * Output goes out polled (uart.S), one whole write() at a time: writers
 * take console_wlock, so lines from different processes do not mix.
 */
#include "kernel.h"
#include "proc.h"

#define CONSOLE_PORT    0
#define RX_SIZE         8192            /* a power of two               */

        .bss
        .balign 4
rx_head:        .word   0               /* next byte goes here (IRQ)    */
rx_tail:        .word   0               /* next byte read from here     */
DATA(console_rx_overflows)      .word 0
ENDDATA(console_rx_overflows)
console_wlock:  .word   0, 0            /* a klock (proc.h)             */
rx_buf:         .space  RX_SIZE

        .text

/*
 * console_start_input - switch console input to interrupts.
 * In: none.  Out: none.  Clobbers: none.
 */
ENTRY(console_start_input)
        push    {r4, lr}
        mov     r0, #CONSOLE_PORT
        bl      uart_hw_rx_irq_enable   /* r0 = its interrupt line      */
        ldr     r1, =console_rx_irq
        bl      irq_register
        pop     {r4, pc}
ENDPROC(console_start_input)

/*
 * console_rx_irq - the receive interrupt: drain the UART into the ring.
 * In: r0 = line.  Out: none.  Clobbers: none.  IRQ mode.
 */
LOCAL(console_rx_irq)
        push    {r4-r6, lr}
        /* Acknowledge first, then drain: a byte that arrives after the
         * acknowledge is either read by the loop below or raises the
         * interrupt again.  (The other order loses it: the acknowledge
         * would clear the interrupt of a byte the loop no longer sees.) */
        mov     r0, #CONSOLE_PORT
        bl      uart_hw_rx_ack
        ldr     r4, =rx_head
        ldr     r5, [r4]
        ldr     r6, =rx_buf
1:      mov     r0, #CONSOLE_PORT
        bl      uart_hw_getc
        cmp     r0, #0
        blt     3f
        add     r1, r5, #1
        bic     r1, r1, #RX_SIZE        /* (r5 + 1) mod RX_SIZE         */
        ldr     r2, [r4, #4]            /* rx_tail                      */
        cmp     r1, r2
        beq     2f                      /* full                         */
        strb    r0, [r6, r5]
        mov     r5, r1
        b       1b
2:      ldr     r1, =console_rx_overflows
        ldr     r2, [r1]
        add     r2, r2, #1
        str     r2, [r1]
        b       1b
3:      str     r5, [r4]
        mov     r0, r4
        bl      wakeup                  /* readers wait on rx_head      */
        pop     {r4-r6, pc}
ENDPROC(console_rx_irq)

/*
 * sys_read(fd, buf, len) -> bytes read: at least one, blocking until one
 * has arrived (0 for len 0).  Only fd 0, the console.
 */
ENTRY(sys_read)
        push    {r4-r6, lr}
        cmp     r1, #FD_STDIN
        mvnne   r0, #(EBADF - 1)
        popne   {r4-r6, pc}
        mov     r4, r2
        mov     r5, r3
        mov     r0, r4
        mov     r1, r5
        mov     r2, #1
        bl      user_check
        cmp     r0, #0
        popne   {r4-r6, pc}
        cmp     r5, #0
        popeq   {r4-r6, pc}
1:      cpsid   i
        ldr     r2, =rx_head
        ldmia   r2, {r0, r1}            /* head, tail                   */
        cmp     r0, r1
        bne     2f
        mov     r0, r2
        bl      sleep_on                /* nothing yet: wait            */
        cpsie   i
        b       1b
2:      ldr     r3, =rx_buf
        mov     r6, #0                  /* bytes copied                 */
3:      ldrb    r12, [r3, r1]
        strb    r12, [r4, r6]
        add     r6, r6, #1
        add     r1, r1, #1
        bic     r1, r1, #RX_SIZE
        cmp     r6, r5
        cmpne   r1, r0
        bne     3b
        str     r1, [r2, #4]            /* new tail                     */
        cpsie   i
        mov     r0, r6
        pop     {r4-r6, pc}
ENDPROC(sys_read)

/*
 * sys_write(fd, buf, len) -> len.  fd 1 and 2 both go to the console.
 */
ENTRY(sys_write)
        push    {r4-r6, lr}
        cmp     r1, #FD_STDOUT
        cmpne   r1, #FD_STDERR
        mvnne   r0, #(EBADF - 1)
        popne   {r4-r6, pc}
        mov     r4, r2
        mov     r5, r3
        mov     r0, r4
        mov     r1, r5
        mov     r2, #0
        bl      user_check
        cmp     r0, #0
        popne   {r4-r6, pc}
        ldr     r0, =console_wlock
        bl      klock_acquire
        mov     r6, #0
1:      cmp     r6, r5
        bhs     2f
        ldrb    r0, [r4, r6]
        bl      console_putc
        add     r6, r6, #1
        b       1b
2:      ldr     r0, =console_wlock
        bl      klock_release
        mov     r0, r5
        pop     {r4-r6, pc}
ENDPROC(sys_write)
