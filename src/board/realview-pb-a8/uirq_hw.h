/*
 * uirq_hw.h - what a user interrupt handler's run needs from the board
 * (src/uirq.S), as assembler macros for the latency-critical path.
 *
 *   uirq_guard_on  - only the watchdog may interrupt the handler: the GIC
 *                    priority mask goes below every line but the
 *                    watchdog's; then the watchdog timer (the first timer
 *                    of the second SP804) starts a one-shot countdown of
 *                    A8_IRQ_BUDGET_MS
 *   uirq_guard_off - the watchdog stops (and forgets a pending expiry);
 *                    every line is let through again
 *   uirq_watchdog_clear - end a watchdog expiry at the timer
 */
#ifndef UIRQ_HW_H
#define UIRQ_HW_H

#include "intc.h"
#include "sp804.h"
#include "a8os/syscall.h"

#define WATCHDOG_LOAD   (A8_IRQ_BUDGET_MS * (TIMER_CLOCK_HZ / 1000))
#define WATCHDOG_CTRL   (CTRL_ENABLE | CTRL_ONESHOT | CTRL_INTEN | CTRL_32BIT)

#ifdef __ASSEMBLER__

        .macro  uirq_guard_on tmp1, tmp2
        ldr     \tmp1, =GIC_CPU_BASE
        mov     \tmp2, #PMR_WATCHDOG_ONLY
        str     \tmp2, [\tmp1, #GICC_PMR]
        ldr     \tmp1, =WATCHDOG_BASE
        movw    \tmp2, #WATCHDOG_LOAD
        str     \tmp2, [\tmp1, #TIMER_LOAD]
        mov     \tmp2, #WATCHDOG_CTRL
        str     \tmp2, [\tmp1, #TIMER_CONTROL]
        .endm

        .macro  uirq_watchdog_clear tmp1, tmp2
        ldr     \tmp1, =WATCHDOG_BASE
        mov     \tmp2, #0
        str     \tmp2, [\tmp1, #TIMER_CONTROL]
        str     \tmp2, [\tmp1, #TIMER_INTCLR]
        .endm

        .macro  uirq_guard_off tmp1, tmp2
        uirq_watchdog_clear \tmp1, \tmp2
        ldr     \tmp1, =GIC_CPU_BASE
        mov     \tmp2, #PMR_OPEN
        str     \tmp2, [\tmp1, #GICC_PMR]
        .endm

#endif /* __ASSEMBLER__ */
#endif /* UIRQ_HW_H */
