/*
 * gpio.S - GPIO pins and LEDs for processes, and the GPIO interrupts.
 *
 * Pins are numbered across the board's banks (pin = bank * 8 + bit on
 * realview-pb-a8); the register-level work is the board's (gpio_hw_*).
 * Any process may configure, read and write a pin, except the pins the
 * kernel itself uses (GPIO_RESERVED_PINS: the SD card's detect and
 * write-protect lines), which processes may read and attach a handler to
 * but not change.
 *
 * A pin's interrupt reaches the kernel as its bank's interrupt line;
 * gpio_bank_irq takes the lowest pending pin (an edge is cleared, a level
 * is masked after its handler, until its owner calls irq_wait) and passes
 * it on: to the user handler attached to the pin, if any (uirq.S), and to
 * the SD layer for the card-detect pin.
 */
#include "kernel.h"
#include "gpio_hw.h"
#include "a8os/syscall.h"

        .bss
DATA(gpio_modes)        .space  GPIO_NPINS      /* each pin's mode      */
ENDDATA(gpio_modes)
        .balign 4

        .text

/*
 * gpio_init - bank interrupts on, and the kernel's own pins set up: the
 * card-detect pin is an input interrupting on both edges.
 * In: none.  Out: none.  Clobbers: none.
 */
ENTRY(gpio_init)
        push    {r4, r5, r6, lr}
        ldr     r4, =gpio_hw_banks      /* line, base, first pin + 31   */
        add     r5, r4, #(GPIO_NBANKS * GPIO_BANK_SIZE)
1:      ldmia   r4!, {r0, r2, r3}
        ldr     r1, =gpio_bank_irq      /* (base, pin + 31: arguments)  */
        bl      irq_register
        cmp     r4, r5
        blo     1b
        mov     r0, #GPIO_PIN_CARD_DETECT
        mov     r1, #(A8_GPIO_IN | A8_GPIO_IRQ_BOTH)
        bl      gpio_set_mode
        mov     r0, #GPIO_PIN_CARD_DETECT
        bl      gpio_hw_irq_enable
        mov     r0, #GPIO_PIN_WRITE_PROT
        mov     r1, #A8_GPIO_IN
        bl      gpio_set_mode
        pop     {r4, r5, r6, pc}
ENDPROC(gpio_init)

/* Configure a pin and remember its mode.  r0 = pin, r1 = mode. */
LOCAL(gpio_set_mode)
        ldr     r2, =gpio_modes
        strb    r1, [r2, r0]
        b       gpio_hw_config
ENDPROC(gpio_set_mode)

/*
 * gpio_bank_irq - a bank's interrupt: its lowest pending pin goes to the
 * user handler attached to it (uirq.S), then, if it is the card-detect
 * pin, to the SD layer.  One pin per interrupt: while another pin is
 * pending the bank's line stays raised, and the next interrupt takes it.
 * In: r0 -> the bank's irq_table entry (see gpio_hw.h).  Out: none.
 * Clobbers: none.  IRQ mode.
 */
ENTRY(gpio_bank_irq)
        push    {r4, r5, r6, lr}
        gpio_hw_take_fast 9f            /* r0 = pin, r1 = level, r4, r5 */
        bl      run_user_handler        /* (keeps r0, r1)               */
        gpio_hw_end_fast r2
        cmp     r0, #GPIO_PIN_CARD_DETECT
        popne   {r4, r5, r6, pc}
        mov     r0, r1
        pop     {r4, r5, r6, lr}
        b       sd_card_detect_edge
9:      pop     {r4, r5, r6, pc}
ENDPROC(gpio_bank_irq)

/*
 * gpio_check_pin - is r0 a pin number?  And may a process change it?
 * In: r0 = pin, r1 = 1 if it is to be changed.  Out: r0 = 0, -EINVAL or
 * -EPERM.  Clobbers: none.
 */
LOCAL(gpio_check_pin)
        cmp     r0, #GPIO_NPINS
        mvnhs   r0, #(EINVAL - 1)
        bxhs    lr
        cmp     r1, #0
        beq     1f
        ldr     r2, =GPIO_RESERVED_PINS
        mov     r3, #1
        tst     r2, r3, lsl r0
        mvnne   r0, #(EPERM - 1)
        bxne    lr
1:      mov     r0, #0
        bx      lr
ENDPROC(gpio_check_pin)

/*
 * gpio_pin_irq_arm - let a pin's interrupt through, if it is configured to
 * interrupt (used when a handler is attached, and by irq_wait to re-arm a
 * level-triggered pin).
 * In: r0 = pin.  Out: r0 = 0, or -EINVAL if the pin has no interrupt
 * type.  Clobbers: none.
 */
ENTRY(gpio_pin_irq_arm)
        ldr     r1, =gpio_modes
        ldrb    r1, [r1, r0]
        tst     r1, #A8_GPIO_IRQ_MASK
        mvneq   r0, #(EINVAL - 1)
        bxeq    lr
        push    {r4, lr}
        bl      gpio_hw_irq_enable
        mov     r0, #0
        pop     {r4, pc}
ENDPROC(gpio_pin_irq_arm)

/*
 * gpio_pin_irq_disarm - no more interrupts from a pin whose handler went
 * away (the kernel's own pins keep theirs).
 * In: r0 = pin.  Out: none.  Clobbers: none.
 */
ENTRY(gpio_pin_irq_disarm)
        ldr     r1, =GPIO_RESERVED_PINS
        mov     r2, #1
        tst     r1, r2, lsl r0
        bxne    lr
        b       gpio_hw_irq_disable
ENDPROC(gpio_pin_irq_disarm)

/* sys_gpio_config(pin, mode) -> 0.  The pin's interrupt, if any, is armed
 * again only if a handler is attached. */
ENTRY(sys_gpio_config)
        push    {r4, r5, lr}
        mov     r4, r1
        mov     r5, r2
        mov     r0, r4
        mov     r1, #1
        bl      gpio_check_pin
        cmp     r0, #0
        popne   {r4, r5, pc}
        bic     r0, r5, #(A8_GPIO_OUT | A8_GPIO_IRQ_MASK)
        cmp     r0, #0                  /* no unknown bits ...          */
        bne     9f
        and     r1, r5, #A8_GPIO_IRQ_MASK
        cmp     r1, #A8_GPIO_IRQ_LOW    /* ... and a known type         */
        bhi     9f
        mov     r0, r4
        mov     r1, r5
        bl      gpio_set_mode
        mov     r0, r4                  /* a handler waiting for it?    */
        bl      uirq_has_handler
        cmp     r0, #0
        movne   r0, r4
        blne    gpio_pin_irq_arm
        mov     r0, #0
        pop     {r4, r5, pc}
9:      mvn     r0, #(EINVAL - 1)
        pop     {r4, r5, pc}
ENDPROC(sys_gpio_config)

/* sys_gpio_read(pin) -> 0 or 1. */
ENTRY(sys_gpio_read)
        push    {r4, lr}
        mov     r4, r1
        mov     r0, r4
        mov     r1, #0
        bl      gpio_check_pin
        cmp     r0, #0
        popne   {r4, pc}
        mov     r0, r4
        pop     {r4, lr}
        b       gpio_hw_read
ENDPROC(sys_gpio_read)

/* sys_gpio_write(pin, value) -> 0.  The pin must be an output. */
ENTRY(sys_gpio_write)
        push    {r4, r5, lr}
        mov     r4, r1
        mov     r5, r2
        mov     r0, r4
        mov     r1, #1
        bl      gpio_check_pin
        cmp     r0, #0
        popne   {r4, r5, pc}
        ldr     r0, =gpio_modes
        ldrb    r0, [r0, r4]
        tst     r0, #A8_GPIO_OUT
        mvneq   r0, #(EINVAL - 1)       /* configure it as an output    */
        popeq   {r4, r5, pc}
        mov     r0, r4
        subs    r1, r5, #0
        movne   r1, #1
        bl      gpio_hw_write
        mov     r0, #0
        pop     {r4, r5, pc}
ENDPROC(sys_gpio_write)

/* sys_gpio_info(pin) -> mode | A8_GPIO_INFO_* bits; -ENODEV past the last
 * pin. */
ENTRY(sys_gpio_info)
        push    {r4, r5, lr}
        mov     r4, r1
        cmp     r4, #GPIO_NPINS
        mvnhs   r0, #(ENODEV - 1)
        pophs   {r4, r5, pc}
        ldr     r5, =gpio_modes
        ldrb    r5, [r5, r4]
        mov     r0, r4
        bl      gpio_hw_read
        cmp     r0, #0
        orrne   r5, r5, #A8_GPIO_INFO_VALUE
        ldr     r0, =GPIO_RESERVED_PINS
        mov     r1, #1
        tst     r0, r1, lsl r4
        orrne   r5, r5, #A8_GPIO_INFO_RESERVED
        mov     r0, r4
        bl      uirq_has_handler
        cmp     r0, #0
        orrne   r5, r5, #A8_GPIO_INFO_HANDLER
        mov     r0, r5
        pop     {r4, r5, pc}
ENDPROC(sys_gpio_info)

/*
 * sys_leds(mask, value) -> the LEDs' state, with the number of LEDs in
 * bits 16..23.  The LEDs in mask take the bits of value (leds(0, 0) only
 * reads).
 */
ENTRY(sys_leds)
        push    {r4, r5, r6, lr}
        mov     r4, r1
        mov     r5, r2
        irq_save r6                     /* read-modify-write: not torn  */
        bl      board_leds_get          /* by another process's change  */
        ldr     r1, =((1 << BOARD_NLEDS) - 1)
        and     r4, r4, r1
        bic     r0, r0, r4
        and     r5, r5, r4
        orr     r4, r0, r5
        mov     r0, r4
        bl      board_leds_set
        irq_restore r6
        mov     r0, r4
        orr     r0, r0, #(BOARD_NLEDS << 16)
        pop     {r4, r5, r6, pc}
ENDPROC(sys_leds)
