/*
 * sp804.S - the ARM SP804 dual timer at TIMER01_BASE, timer 0, as the
 * periodic scheduler tick.  Implements tick_hw_init / tick_hw_ack.
 *
 * Registers of timer 0 (SP804 TRM, DDI 0271):
 *   Load    0x00  the period, in timer clock cycles
 *   Value   0x04  the current count (counts down)
 *   Control 0x08  Enable (7), Periodic (6), IntEnable (5), 32-bit (1)
 *   IntClr  0x0C  any write clears the interrupt
 * The timer clock is TIMER_CLOCK_HZ (1 MHz).  In periodic mode the counter
 * counts down from Load, raises its interrupt when it reaches zero and
 * reloads.  QEMU's model makes one period exactly Load cycles (the system
 * test "tick rate" measures it against the 24 MHz counter); Linux's sp804
 * driver programs the same value.
 */
#include "kernel.h"
#include "sp804.h"

/* Cycles per tick.  An assembly-time constant: no run-time division. */
#define TICK_LOAD       (TIMER_CLOCK_HZ / HZ)

        .text

/*
 * tick_hw_init - start timer 0 ticking HZ times a second.
 * In: none.  Out: r0 = interrupt ID of the tick.  Clobbers: none.
 */
ENTRY(tick_hw_init)
        mov32   r0, TIMER01_BASE
        mov     r1, #0
        str     r1, [r0, #TIMER_CONTROL]        /* stop it first         */
        str     r1, [r0, #TIMER_INTCLR]
        ldr     r1, =TICK_LOAD
        str     r1, [r0, #TIMER_LOAD]
        mov     r1, #(CTRL_ENABLE | CTRL_PERIODIC | CTRL_INTEN | CTRL_32BIT)
        str     r1, [r0, #TIMER_CONTROL]
        mov     r0, #IRQ_TICK
        bx      lr
ENDPROC(tick_hw_init)

/*
 * tick_hw_ack - clear the tick interrupt at the timer.
 * In: none.  Out: none.  Clobbers: none.
 */
ENTRY(tick_hw_ack)
        mov32   r0, TIMER01_BASE
        str     r0, [r0, #TIMER_INTCLR]         /* any value will do     */
        bx      lr
ENDPROC(tick_hw_ack)
