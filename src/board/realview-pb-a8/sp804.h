/*
 * sp804.h - the ARM SP804 dual timer's registers (SP804 TRM, DDI 0271),
 * shared by the tick (sp804.S) and the user-handler watchdog (uirq_hw.h).
 * Each SP804 holds two timers, at offsets 0x00 and 0x20.
 */
#ifndef SP804_H
#define SP804_H

#define TIMER_LOAD      0x00            /* period or count, in cycles   */
#define TIMER_VALUE     0x04            /* the current count            */
#define TIMER_CONTROL   0x08
#define TIMER_INTCLR    0x0C            /* any write clears the interrupt */

#define CTRL_ENABLE     (1 << 7)
#define CTRL_PERIODIC   (1 << 6)
#define CTRL_INTEN      (1 << 5)
#define CTRL_32BIT      (1 << 1)
#define CTRL_ONESHOT    (1 << 0)

#endif /* SP804_H */
