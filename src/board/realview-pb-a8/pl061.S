/*
 * pl061.S - the ARM PrimeCell PL061 GPIO controllers of the realview board:
 * three banks of eight pins (GPIO0..2), numbered pin = bank * 8 + bit.
 * Implements the gpio_hw_* interface that src/gpio.S uses.
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
 *   MIS   0x418  masked interrupt status;  IC 0x41C: write 1 to clear
 */
#include "kernel.h"
#include "a8os/syscall.h"

#define GPIO_DATA       0x000
#define GPIO_DIR        0x400
#define GPIO_IS         0x404
#define GPIO_IBE        0x408
#define GPIO_IEV        0x40C
#define GPIO_IE         0x410
#define GPIO_MIS        0x418
#define GPIO_IC         0x41C

        .section .rodata
        .balign 4
gpio_bases:
        .word   GPIO0_BASE, GPIO1_BASE, GPIO2_BASE
DATA(gpio_hw_bank_irqs)
        .word   IRQ_GPIO0, IRQ_GPIO1, IRQ_GPIO2
ENDDATA(gpio_hw_bank_irqs)

        .text

/*
 * pin_reg - the bank base and bit mask of a pin.
 * In: r0 = pin (< GPIO_NPINS).  Out: r2 = bank base, r3 = 1 << bit.
 * Clobbers: r12.
 */
LOCAL(pin_reg)
        lsr     r2, r0, #3
        ldr     r3, =gpio_bases
        ldr     r2, [r3, r2, lsl #2]
        and     r3, r0, #7
        mov     r12, #1
        lsl     r3, r12, r3
        bx      lr
ENDPROC(pin_reg)

/*
 * gpio_hw_config - set a pin's direction and interrupt type.
 * In: r0 = pin, r1 = mode (A8_GPIO_IN/OUT | A8_GPIO_IRQ_*).
 * Out: none.  Clobbers: none.
 * The pin's interrupt is left masked; gpio_hw_irq_enable unmasks it.
 */
ENTRY(gpio_hw_config)
        push    {r4, r5, lr}
        mov     r4, r1
        bl      pin_reg
        irq_save r5
        ldr     r1, [r2, #GPIO_IE]      /* masked while it changes      */
        bic     r1, r1, r3
        str     r1, [r2, #GPIO_IE]
        ldr     r1, [r2, #GPIO_DIR]
        tst     r4, #A8_GPIO_OUT
        orrne   r1, r1, r3
        biceq   r1, r1, r3
        str     r1, [r2, #GPIO_DIR]
        /* IS, IBE, IEV for the interrupt type. */
        and     r4, r4, #A8_GPIO_IRQ_MASK
        ldr     r0, [r2, #GPIO_IS]
        cmp     r4, #A8_GPIO_IRQ_HIGH
        cmpne   r4, #A8_GPIO_IRQ_LOW
        orreq   r0, r0, r3              /* level                        */
        bicne   r0, r0, r3              /* edge                         */
        str     r0, [r2, #GPIO_IS]
        ldr     r0, [r2, #GPIO_IBE]
        cmp     r4, #A8_GPIO_IRQ_BOTH
        orreq   r0, r0, r3
        bicne   r0, r0, r3
        str     r0, [r2, #GPIO_IBE]
        ldr     r0, [r2, #GPIO_IEV]
        cmp     r4, #A8_GPIO_IRQ_RISING
        cmpne   r4, #A8_GPIO_IRQ_HIGH
        orreq   r0, r0, r3              /* rising / high                */
        bicne   r0, r0, r3              /* falling / low                */
        str     r0, [r2, #GPIO_IEV]
        str     r3, [r2, #GPIO_IC]      /* forget what was pending      */
        irq_restore r5
        pop     {r4, r5, pc}
ENDPROC(gpio_hw_config)

/*
 * gpio_hw_read - a pin's level.
 * In: r0 = pin.  Out: r0 = 0 or 1.  Clobbers: none.
 */
ENTRY(gpio_hw_read)
        push    {r4, lr}
        bl      pin_reg
        ldr     r0, [r2, r3, lsl #2]    /* DATA + (mask << 2): this pin */
        cmp     r0, #0
        movne   r0, #1
        pop     {r4, pc}
ENDPROC(gpio_hw_read)

/*
 * gpio_hw_write - drive an output pin.
 * In: r0 = pin, r1 = 0 or 1.  Out: none.  Clobbers: none.
 */
ENTRY(gpio_hw_write)
        push    {r4, lr}
        mov     r4, r1
        bl      pin_reg
        cmp     r4, #0
        movne   r1, #0xFF               /* (only the masked bit counts) */
        str     r1, [r2, r3, lsl #2]
        pop     {r4, pc}
ENDPROC(gpio_hw_write)

/*
 * gpio_hw_irq_enable / gpio_hw_irq_disable - unmask or mask a pin's
 * interrupt.
 * In: r0 = pin.  Out: none.  Clobbers: none.
 */
ENTRY(gpio_hw_irq_enable)
        push    {r4, lr}
        bl      pin_reg
        irq_save r4
        ldr     r1, [r2, #GPIO_IE]
        orr     r1, r1, r3
        str     r1, [r2, #GPIO_IE]
        irq_restore r4
        pop     {r4, pc}
ENDPROC(gpio_hw_irq_enable)
ENTRY(gpio_hw_irq_disable)
        push    {r4, lr}
        bl      pin_reg
        irq_save r4
        ldr     r1, [r2, #GPIO_IE]
        bic     r1, r1, r3
        str     r1, [r2, #GPIO_IE]
        irq_restore r4
        pop     {r4, pc}
ENDPROC(gpio_hw_irq_disable)

/*
 * gpio_hw_take - the next pending interrupt of a bank: clear it (an edge)
 * or mask it (a level, which would otherwise fire again at once; the
 * owner of the pin unmasks it later).
 * In: r0 = bank.  Out: r0 = pin, or -1 if nothing is pending;
 * r1 = the pin's level.  Clobbers: none.  IRQ mode.
 */
ENTRY(gpio_hw_take)
        ldr     r3, =gpio_bases
        ldr     r2, [r3, r0, lsl #2]
        ldr     r1, [r2, #GPIO_MIS]
        cmp     r1, #0
        mvneq   r0, #0
        bxeq    lr
        rsb     r3, r1, #0
        and     r3, r3, r1              /* the lowest pending pin's bit */
        ldr     r1, [r2, #GPIO_IS]
        tst     r1, r3
        ldrne   r1, [r2, #GPIO_IE]      /* level: mask it               */
        bicne   r1, r1, r3
        strne   r1, [r2, #GPIO_IE]
        str     r3, [r2, #GPIO_IC]      /* clear the latched event      */
        ldr     r1, [r2, r3, lsl #2]    /* its level                    */
        cmp     r1, #0
        movne   r1, #1
        clz     r3, r3
        rsb     r3, r3, #31             /* bit number                   */
        add     r0, r3, r0, lsl #3      /* pin = bank * 8 + bit         */
        bx      lr
ENDPROC(gpio_hw_take)
