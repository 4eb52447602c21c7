/*
 * uart.S - the console: the kernel's text output and input on UART 0.
 *
 * Output is polled (each byte waits for room in the transmit FIFO) and
 * uses nothing but the caller's registers and stack, so it works in any
 * mode, with or without the MMU, with interrupts masked or not.  A '\n'
 * goes out as "\r\n" so that terminals start a new line.
 * The register-level UART code is the board's (uart_hw_*).
 */
#include "kernel.h"

#define CONSOLE_PORT    0

        .text

/*
 * console_init - set up the console UART.
 * In: none.  Out: none.  Clobbers: none.
 */
ENTRY(console_init)
        mov     r0, #CONSOLE_PORT
        b       uart_hw_init
ENDPROC(console_init)

/*
 * console_putc - write one character.
 * In: r0 = character.  Out: none.  Clobbers: none.
 */
ENTRY(console_putc)
        push    {r4, lr}
        mov     r4, r0
        cmp     r4, #'\n'
        moveq   r0, #CONSOLE_PORT
        moveq   r1, #'\r'
        bleq    uart_hw_putc
        mov     r0, #CONSOLE_PORT
        mov     r1, r4
        pop     {r4, lr}
        b       uart_hw_putc
ENDPROC(console_putc)

/*
 * console_puts - write a NUL-terminated string.
 * In: r0 = string.  Out: none.  Clobbers: none.
 */
ENTRY(console_puts)
        push    {r4, lr}
        mov     r4, r0
1:      ldrb    r0, [r4], #1
        cmp     r0, #0
        popeq   {r4, pc}
        bl      console_putc
        b       1b
ENDPROC(console_puts)

/*
 * console_getc - read one character if one has arrived.
 * In: none.  Out: r0 = character, or -1 if none is waiting.
 * Clobbers: none.
 */
ENTRY(console_getc)
        mov     r0, #CONSOLE_PORT
        b       uart_hw_getc
ENDPROC(console_getc)
