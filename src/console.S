/*
 * console.S - the console as a device for processes: read() and write()
 * on file descriptors 0, 1 and 2.
 *
 * Input is interrupt driven: the UART's receive interrupt moves every byte
 * into a ring of RX_SIZE bytes (ring.S) and wakes the readers; read()
 * takes what is there, or blocks until something comes.  Nothing typed is
 * lost while nobody reads, up to RX_SIZE - 1 bytes (a full ring keeps one
 * slot empty, to tell full from empty); bytes that arrive when it is full
 * are counted, and the next read() reports how many were lost.
 * The kernel does not echo: the line editor is the app's (libc readline).
 *
 * Output goes out polled (uart.S), one whole write() at a time: writers
 * take console_wlock, so lines from different processes do not mix.
 */
#include "kernel.h"
#include "proc.h"
#include "ring.h"

#define CONSOLE_PORT    0
#define RX_SIZE         8192            /* a power of two               */

        RING    console_rx, RX_SIZE

        .bss
        .balign 4
console_wlock:  .space  KLOCK_SIZE
rx_reported:    .word   0               /* overflows already reported   */

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

/* The receive interrupt: into the ring. */
LOCAL(console_rx_irq)
        mov     r0, #CONSOLE_PORT
        ldr     r1, =console_rx
        b       uart_rx_drain
ENDPROC(console_rx_irq)

/*
 * sys_read(fd, buf, len) -> bytes read: at least one, blocking until one
 * has arrived (0 for len 0).  Only fd 0, the console.
 */
ENTRY(sys_read)
        push    {r4, r5, r6, lr}
        cmp     r1, #FD_STDIN
        mvnne   r0, #(EBADF - 1)
        popne   {r4, r5, r6, pc}
        mov     r4, r2
        mov     r5, r3
        mov     r0, r4
        mov     r1, r5
        mov     r2, #1
        bl      user_check
        cmp     r0, #0
        popne   {r4, r5, r6, pc}
        cmp     r5, #0
        popeq   {r4, r5, r6, pc}
        /* Input lost since the last report? Say so. */
        ldr     r0, =console_rx
        ldr     r1, [r0, #RING_OVERFLOWS]
        ldr     r2, =rx_reported
        ldr     r3, [r2]
        cmp     r1, r3
        beq     1f
        str     r1, [r2]
        sub     r1, r1, r3
        ldr     r0, =m_overflow
        bl      printk
1:      ldr     r0, =console_rx
        mov     r1, r4
        mov     r2, r5
        pop     {r4, r5, r6, lr}
        b       ring_read
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

        .section .rodata
m_overflow:     .asciz  "\nconsole: %u bytes of input were lost: nobody read them and the buffer was full\n"
