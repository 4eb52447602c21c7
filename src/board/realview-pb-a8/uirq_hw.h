/*
 * uirq_hw.h - what a user interrupt handler's run needs from the board
 * (src/uirq.S), as assembler macros for the latency-critical path.
 *
 *   uirq_guard_on  - start the watchdog (the first timer of the second
 *                    SP804): a one-shot countdown of A8_IRQ_BUDGET_MS.
 *                    Nothing else needs shutting out: the handler runs
 *                    inside the interrupt that called it, before its end
 *                    of interrupt, and the GIC then signals only more
 *                    urgent interrupts - only the watchdog's (intc.h).
 *   uirq_guard_off - stop the watchdog (and forget a pending expiry)
 *   uirq_watchdog_clear - the same, from the watchdog's own interrupt
 *
 * The count is loaded while the timer is stopped (uirq_watchdog_clear,
 * and once at boot), so that starting it is a single write.  On QEMU's
 * SP804 enabling also reloads the count; on a real one the counter would
 * start from the value loaded: the budget either way.
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
        ldr     \tmp1, =WATCHDOG_BASE
        mov     \tmp2, #WATCHDOG_CTRL
        str     \tmp2, [\tmp1, #TIMER_CONTROL]
        .endm

        .macro  uirq_watchdog_clear tmp1, tmp2
        ldr     \tmp1, =WATCHDOG_BASE
        mov     \tmp2, #0
        str     \tmp2, [\tmp1, #TIMER_CONTROL]
        str     \tmp2, [\tmp1, #TIMER_INTCLR]
        movw    \tmp2, #WATCHDOG_LOAD   /* ready for the next start     */
        str     \tmp2, [\tmp1, #TIMER_LOAD]
        .endm

        .macro  uirq_guard_off tmp1, tmp2
        uirq_watchdog_clear \tmp1, \tmp2
        .endm

#endif /* __ASSEMBLER__ */
#endif /* UIRQ_HW_H */
