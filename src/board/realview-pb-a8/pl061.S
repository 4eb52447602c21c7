/*
 * pl061.S - the ARM PrimeCell PL061 GPIO controllers of the realview board:
 * three banks of eight pins (GPIO0..2), numbered pin = bank * 8 + bit.
 * Implements the gpio_hw_* interface that src/gpio.S uses.
 *
 * Registers and the interrupt's hot path: gpio_hw.h.
 */
#include "kernel.h"
#include "gpio_hw.h"
#include "a8os/syscall.h"

        .section .rodata
        .balign 4
/* Each bank: its line, its base, its first pin + 31 (gpio_hw.h). */
DATA(gpio_hw_banks)
        .word   IRQ_GPIO0, GPIO0_BASE, 0 * GPIO_PINS_PER_BANK + 31
        .word   IRQ_GPIO1, GPIO1_BASE, 1 * GPIO_PINS_PER_BANK + 31
        .word   IRQ_GPIO2, GPIO2_BASE, 2 * GPIO_PINS_PER_BANK + 31
ENDDATA(gpio_hw_banks)

        .text

/*
 * pin_reg - the bank base and bit mask of a pin.
 * In: r0 = pin (< GPIO_NPINS).  Out: r2 = bank base, r3 = 1 << bit.
 * Clobbers: r12.
 */
LOCAL(pin_reg)
        lsr     r2, r0, #3              /* bank                         */
        add     r2, r2, r2, lsl #1      /* * 3 words a bank             */
        ldr     r3, =(gpio_hw_banks + GPIO_BANK_BASE)
        ldr     r2, [r3, r2, lsl #2]
        and     r3, r0, #7
        mov     r12, #1
        lsl     r3, r12, r3
        bx      lr
ENDPROC(pin_reg)

/*
 * gpio_hw_pin_line - the interrupt line of a pin's bank.
 * In: r0 = pin (< GPIO_NPINS).  Out: r0 = line.  Clobbers: none.
 */
ENTRY(gpio_hw_pin_line)
        lsr     r0, r0, #3              /* bank                         */
        add     r0, r0, r0, lsl #1      /* * 3 words a bank             */
        ldr     r1, =(gpio_hw_banks + GPIO_BANK_LINE)
        ldr     r0, [r1, r0, lsl #2]
        bx      lr
ENDPROC(gpio_hw_pin_line)

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
 * interrupt.  Unmasking a level-triggered pin first clears its status:
 * the PL061's follows the pin's level, but QEMU's model latches it until
 * cleared, and would interrupt for a level the pin has left already.
 * (An edge pin's status is kept: an edge that came meanwhile is owed.)
 * In: r0 = pin.  Out: none.  Clobbers: none.
 */
ENTRY(gpio_hw_irq_enable)
        push    {r4, lr}
        bl      pin_reg
        irq_save r4
        ldr     r1, [r2, #GPIO_IS]
        tst     r1, r3
        strne   r3, [r2, #GPIO_IC]
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

