/*
 * ring.S - receive rings: a UART's interrupt handler drains the UART into
 * one, and read() takes the bytes out, blocking while it is empty.  Used
 * by the console (console.S) and the UARTs processes open (uartdev.S).
 *
 * The interrupt side only moves `head`, the reading side only `tail`; the
 * reader masks IRQs while it looks at both, so that it cannot miss the
 * wake-up of a byte that arrives just after it found the ring empty.
 */
#include "kernel.h"
#include "ring.h"
#include "a8os/syscall.h"

        .text

/*
 * uart_rx_drain - the receive interrupt of a UART: acknowledge it, then
 * take every byte the UART holds - to the user handler attached to the
 * port, or into the ring - and wake the ring's readers.
 * Acknowledge first, then drain: a byte that arrives after the
 * acknowledge is either read by the loop or raises the interrupt again.
 * (The other order loses it: the acknowledge would clear the interrupt of
 * a byte the loop no longer sees.)
 * In: r0 = port, r1 -> ring.  Out: none.  Clobbers: none.  IRQ mode.
 */
ENTRY(uart_rx_drain)
        push    {r4-r6, lr}
        mov     r4, r0
        mov     r5, r1
        bl      uart_hw_rx_ack
1:      mov     r0, r4
        bl      uart_hw_getc
        subs    r6, r0, #0
        blt     2f
        add     r0, r4, #A8_SRC_UART(0)
        bl      uirq_has_handler
        cmp     r0, #0
        beq     3f
        add     r0, r4, #A8_SRC_UART(0) /* to the user handler ...      */
        mov     r1, r6
        bl      run_user_handler
        b       1b
3:      mov     r0, r5                  /* ... or into the ring         */
        mov     r1, r6
        bl      ring_put
        b       1b
2:      mov     r0, r5
        pop     {r4-r6, lr}
        b       wakeup                  /* readers wait on the ring     */
ENDPROC(uart_rx_drain)

/*
 * ring_put - add a byte, or count it as lost if the ring is full.
 * In: r0 -> ring, r1 = byte.  Out: none.  Clobbers: none.  IRQs masked.
 */
ENTRY(ring_put)
        push    {r4, lr}
        ldmia   r0, {r2, r3, r12}       /* head, tail, mask             */
        add     r4, r2, #1
        and     r4, r4, r12             /* where head would go next     */
        cmp     r4, r3
        beq     1f                      /* onto tail: the ring is full  */
        ldr     r12, [r0, #RING_BUF]
        strb    r1, [r12, r2]
        str     r4, [r0, #RING_HEAD]
        pop     {r4, pc}
1:      ldr     r1, [r0, #RING_OVERFLOWS]
        add     r1, r1, #1
        str     r1, [r0, #RING_OVERFLOWS]
        pop     {r4, pc}
ENDPROC(ring_put)

/*
 * ring_reset - empty a ring (and forget its overflows).
 * In: r0 -> ring.  Out: none.  Clobbers: none.
 */
ENTRY(ring_reset)
        mov     r1, #0
        str     r1, [r0, #RING_HEAD]
        str     r1, [r0, #RING_TAIL]
        str     r1, [r0, #RING_OVERFLOWS]
        bx      lr
ENDPROC(ring_reset)

/*
 * ring_read - read() from a ring: at least one byte, blocking until one
 * has arrived, at most len.  The user buffer must have been checked.
 * In: r0 -> ring, r1 = user buffer, r2 = length (> 0).
 * Out: r0 = bytes read.  Clobbers: none.  Process context.
 */
ENTRY(ring_read)
        push    {r4-r7, lr}
        mov     r4, r0
        mov     r5, r1
        mov     r6, r2
1:      cpsid   i
        ldmia   r4, {r0, r1, r2}        /* head, tail, mask             */
        cmp     r0, r1
        bne     2f
        mov     r0, r4
        bl      sleep_on                /* nothing yet: wait            */
        cpsie   i
        b       1b
2:      ldr     r3, [r4, #RING_BUF]
        mov     r7, #0                  /* bytes copied                 */
3:      ldrb    r12, [r3, r1]
        strb    r12, [r5, r7]
        add     r7, r7, #1
        add     r1, r1, #1
        and     r1, r1, r2
        cmp     r7, r6
        cmpne   r1, r0
        bne     3b
        str     r1, [r4, #RING_TAIL]
        cpsie   i
        mov     r0, r7
        pop     {r4-r7, pc}
ENDPROC(ring_read)
