/*
 * gpio_hw.h - the PL061 GPIO registers of the realview board, and the
 * two steps of a bank's interrupt that src/gpio.S takes on the user
 * interrupt handler's hot path, as assembler macros.
 *
 * Registers (PL061 TRM, DDI 0190):
 *   DATA  0x000-0x3FC  address bits [9:2] select which pins an access
 *                      touches: DATA + (mask << 2) reads or writes exactly
 *                      the pins in mask
 *   DIR   0x400  1: output
 *   IS    0x404  interrupt sense: 1 level, 0 edge
 *   IBE   0x408  both edges
 *   IEV   0x40C  event: 1 rising edge / high level, 0 falling / low
 *   IE    0x410  interrupt mask: 1 enabled
 *   MIS   0x418  masked interrupt status;  IC 0x41C: write 1 to clear an
 *                edge (a level pin's status follows its level)
 *
 * gpio_hw_banks (pl061.S) describes each bank in GPIO_BANK_SIZE bytes:
 * its interrupt line, its base address, and its first pin + 31.  gpio.S
 * registers each bank's line with the last two as the handler's argument
 * words (irq.h), where gpio_hw_take_fast finds them.
 */
#ifndef GPIO_HW_H
#define GPIO_HW_H

#include "irq.h"

#define GPIO_DATA       0x000
#define GPIO_DIR        0x400
#define GPIO_IS         0x404
#define GPIO_IBE        0x408
#define GPIO_IEV        0x40C
#define GPIO_IE         0x410
#define GPIO_MIS        0x418
#define GPIO_IC         0x41C

#define GPIO_BANK_LINE  0
#define GPIO_BANK_BASE  4
#define GPIO_BANK_PIN31 8               /* first pin + 31               */
#define GPIO_BANK_SIZE  12

#ifdef __ASSEMBLER__
/*
 * gpio_hw_take_fast none - take the lowest pending pin of the bank whose
 * irq_table entry r0 points at: clear it if it is an edge.
 * Out: r0 = pin, r1 = its level (0 or 1), r4 = the bank's base, r5 = the
 * pin's bit (for gpio_hw_end_fast); or a branch to \none if nothing is
 * pending.  Clobbers r3, r12.
 */
        .macro  gpio_hw_take_fast none
        ldmib   r0, {r4, r12}           /* IRQ_ARG0, 1: base, pin + 31  */
        ldr     r3, [r4, #GPIO_MIS]
        rsbs    r5, r3, #0              /* (Z: nothing pending)         */
        beq     \none
        and     r5, r5, r3              /* the lowest pending bit       */
        str     r5, [r4, #GPIO_IC]
        clz     r3, r5                  /* 31 - its number              */
        sub     r0, r12, r3
        ldr     r1, [r4, r5, lsl #2]    /* DATA through that bit alone  */
        cmp     r1, #0
        movne   r1, #1
        .endm

/*
 * gpio_hw_end_fast tmp - after the pin's handler: a level-triggered pin
 * is masked (it would interrupt again at once); its owner's irq_wait
 * unmasks it.  In: r4 = base, r5 = bit, from gpio_hw_take_fast.
 */
        .macro  gpio_hw_end_fast tmp
        ldr     \tmp, [r4, #GPIO_IS]
        tst     \tmp, r5
        ldrne   \tmp, [r4, #GPIO_IE]
        bicne   \tmp, \tmp, r5
        strne   \tmp, [r4, #GPIO_IE]
        .endm
#endif /* __ASSEMBLER__ */

#endif /* GPIO_HW_H */
