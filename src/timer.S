/*
 * timer.S - the system tick: HZ interrupts a second from the board's
 * timer, counted in `ticks`.  Time in the kernel is measured in ticks;
 * uptime in milliseconds is ticks * (1000 / HZ).  The 32-bit tick counter
 * wraps after 2^32 / HZ seconds (49.7 days at HZ = 1000).
 */
#include "kernel.h"

        .bss
        .balign 4
DATA(ticks)     .word   0               /* ticks since timer_init       */
ENDDATA(ticks)

        .text

/*
 * timer_init - start the tick.
 * In: none.  Out: none.  Clobbers: none.
 */
ENTRY(timer_init)
        push    {r4, lr}
        bl      tick_hw_init            /* r0 = the tick's line         */
        ldr     r1, =timer_tick
        bl      irq_register
        pop     {r4, pc}
ENDPROC(timer_init)

/*
 * timer_tick - interrupt handler of the tick line (irq.h).
 * In: r0 -> its irq_table entry (no arguments).  Out: none.
 * Clobbers: none.
 */
ENTRY(timer_tick)
        push    {r4, lr}
        bl      tick_hw_ack
        ldr     r1, =ticks
        ldr     r0, [r1]
        add     r0, r0, #1
        str     r0, [r1]
        pop     {r4, lr}
        b       sched_tick              /* quantum and sleepers         */
ENDPROC(timer_tick)

/*
 * uptime_ms - milliseconds since the tick started.
 * In: none.  Out: r0 = milliseconds (wraps with the tick counter).
 * Clobbers: none.
 */
ENTRY(uptime_ms)
        ldr     r0, =ticks
        ldr     r0, [r0]
        .if     HZ != 1000
        mov     r1, #(1000 / HZ)
        mul     r0, r0, r1
        .endif
        bx      lr
ENDPROC(uptime_ms)
