/*
 * pl011.S - the ARM PrimeCell PL011 UARTs of the realview board, at the
 * register level.  Polled transmit and receive; the generic console code
 * (src/uart.S) sits on top.
 *
 * Registers used (PL011 TRM, DDI 0183):
 *   DR    0x00  data: write to send, read to receive
 *   FR    0x18  flags: TXFF (bit 5) transmit FIFO full,
 *                      RXFE (bit 4) receive FIFO empty
 *   IBRD  0x24, FBRD 0x28  baud divisor = UARTCLK / (16 * baud)
 *   LCR_H 0x2C  line control: WLEN (bits 6:5) = 8 bits, FEN (bit 4) FIFOs
 *   CR    0x30  control: UARTEN (0), TXE (8), RXE (9)
 *   IMSC  0x38  interrupt mask;  ICR 0x44 interrupt clear
 */
#include "kernel.h"

#define UART_DR         0x00
#define UART_FR         0x18
#define UART_IBRD       0x24
#define UART_FBRD       0x28
#define UART_LCR_H      0x2C
#define UART_CR         0x30
#define UART_IMSC       0x38
#define UART_ICR        0x44

#define FR_TXFF         (1 << 5)
#define FR_RXFE         (1 << 4)
#define LCR_WLEN8       (3 << 5)
#define LCR_FEN         (1 << 4)
#define IMSC_RXIM       (1 << 4)        /* receive interrupt            */
#define IMSC_RTIM       (1 << 6)        /* receive timeout interrupt    */
#define ICR_RX          (IMSC_RXIM | IMSC_RTIM)
#define CR_UARTEN       (1 << 0)
#define CR_TXE          (1 << 8)
#define CR_RXE          (1 << 9)

/* 115200 baud from the board's 24 MHz UARTCLK: 24e6 / (16 * 115200) =
 * 13.02, so IBRD = 13 and FBRD = round(0.02 * 64) = 1. */
#define UARTCLK_BAUD_I  13
#define UARTCLK_BAUD_F  1

#define NUARTS          4

        .section .rodata
        .balign 4
uart_bases:
        .word   UART0_BASE, UART1_BASE, UART2_BASE, UART3_BASE
uart_irqs:
        .word   IRQ_UART0, IRQ_UART1, IRQ_UART2, IRQ_UART3

        .text

/*
 * uart_hw_base - register base of UART n.
 * In: r0 = port number (0..3).  Out: r0 = base address.  Clobbers: none.
 */
LOCAL(uart_hw_base)
        ldr     r1, =uart_bases
        ldr     r0, [r1, r0, lsl #2]
        bx      lr
ENDPROC(uart_hw_base)

/*
 * uart_hw_init - set a UART to 115200 baud, 8N1, FIFOs on, interrupts
 * masked, transmitter and receiver enabled.
 * In: r0 = port number.  Out: none.  Clobbers: none.
 */
ENTRY(uart_hw_init)
        push    {r4, lr}
        bl      uart_hw_base
        mov     r4, r0
        mov     r1, #0
        str     r1, [r4, #UART_CR]      /* disable while reconfiguring  */
        str     r1, [r4, #UART_IMSC]    /* no interrupts                */
        ldr     r1, =0x7FF
        str     r1, [r4, #UART_ICR]     /* clear any pending ones       */
        mov     r1, #UARTCLK_BAUD_I
        str     r1, [r4, #UART_IBRD]
        mov     r1, #UARTCLK_BAUD_F
        str     r1, [r4, #UART_FBRD]
        mov     r1, #(LCR_WLEN8 | LCR_FEN)
        str     r1, [r4, #UART_LCR_H]   /* (also latches the divisor)   */
        ldr     r1, =(CR_UARTEN | CR_TXE | CR_RXE)
        str     r1, [r4, #UART_CR]
        pop     {r4, pc}
ENDPROC(uart_hw_init)

/*
 * uart_hw_putc - send one byte, waiting while the transmit FIFO is full.
 * In: r0 = port number, r1 = byte.  Out: none.  Clobbers: none.
 */
ENTRY(uart_hw_putc)
        ldr     r2, =uart_bases
        ldr     r2, [r2, r0, lsl #2]
1:      ldr     r3, [r2, #UART_FR]
        tst     r3, #FR_TXFF
        bne     1b
        strb    r1, [r2, #UART_DR]
        bx      lr
ENDPROC(uart_hw_putc)

/*
 * uart_hw_getc - take one received byte if there is one.
 * In: r0 = port number.  Out: r0 = byte (0..255) or -1 if none waiting.
 * Clobbers: none.
 */
ENTRY(uart_hw_getc)
        ldr     r2, =uart_bases
        ldr     r2, [r2, r0, lsl #2]
        ldr     r3, [r2, #UART_FR]
        tst     r3, #FR_RXFE
        mvnne   r0, #0
        bxne    lr
        ldr     r0, [r2, #UART_DR]
        and     r0, r0, #0xFF           /* drop the error flags 11:8    */
        bx      lr
ENDPROC(uart_hw_getc)

/*
 * uart_hw_rx_irq_enable - let a UART interrupt when bytes arrive: when the
 * receive FIFO reaches its trigger level, and when bytes sit in it with
 * nothing more coming (the receive timeout).
 * In: r0 = port number.  Out: r0 = its interrupt line.  Clobbers: none.
 */
ENTRY(uart_hw_rx_irq_enable)
        ldr     r2, =uart_bases
        ldr     r2, [r2, r0, lsl #2]
        mov     r1, #ICR_RX
        str     r1, [r2, #UART_ICR]
        ldr     r1, [r2, #UART_IMSC]
        orr     r1, r1, #(IMSC_RXIM | IMSC_RTIM)
        str     r1, [r2, #UART_IMSC]
        ldr     r2, =uart_irqs
        ldr     r0, [r2, r0, lsl #2]
        bx      lr
ENDPROC(uart_hw_rx_irq_enable)

/*
 * uart_hw_rx_ack - clear the receive interrupts, before the FIFO is
 * drained (see uart_rx_drain in ring.S for why first).
 * In: r0 = port number.  Out: none.  Clobbers: none.
 */
ENTRY(uart_hw_rx_ack)
        ldr     r2, =uart_bases
        ldr     r2, [r2, r0, lsl #2]
        mov     r1, #ICR_RX
        str     r1, [r2, #UART_ICR]
        bx      lr
ENDPROC(uart_hw_rx_ack)

/*
 * uart_hw_irq_line - a UART's interrupt line.
 * In: r0 = port number.  Out: r0 = line.  Clobbers: none.
 */
ENTRY(uart_hw_irq_line)
        ldr     r1, =uart_irqs
        ldr     r0, [r1, r0, lsl #2]
        bx      lr
ENDPROC(uart_hw_irq_line)
