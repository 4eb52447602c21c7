/*
 * board.S - board-level tables the generic kernel reads.
 */
#include "kernel.h"

        .section .rodata
        .balign 4

/* Device regions for mmu_init: (base, size) pairs, size 0 ends the list. */
DATA(board_device_regions)
        .word   DEVICE_REGION0_BASE, DEVICE_REGION0_SIZE
        .word   DEVICE_REGION1_BASE, DEVICE_REGION1_SIZE
        .word   0, 0
ENDDATA(board_device_regions)

/* The board's name, for the banner. */
DATA(board_name)
        .asciz  BOARD_NAME_STR
ENDDATA(board_name)

/* What each interrupt line is, for `irqs`: (line, name) pairs, 0 name
 * ends the list.  Names fit A8_NAME_MAX (15 characters). */
        .balign 4
DATA(board_irq_names)
        .word   IRQ_RESCHED,  n_resched
        .word   IRQ_TIMER01,  n_tick
        .word   IRQ_TIMER23,  n_watchdog
        .word   IRQ_GPIO0,    n_gpio0
        .word   IRQ_GPIO1,    n_gpio1
        .word   IRQ_GPIO2,    n_gpio2
        .word   IRQ_UART0,    n_uart0
        .word   IRQ_UART1,    n_uart1
        .word   IRQ_UART2,    n_uart2
        .word   IRQ_UART3,    n_uart3
        .word   IRQ_MMCI0,    n_mmci
        .word   0, 0
ENDDATA(board_irq_names)
n_resched:      .asciz  "resched SGI 1"
n_tick:         .asciz  "tick timer"
n_watchdog:     .asciz  "irq watchdog"
n_gpio0:        .asciz  "gpio0"
n_gpio1:        .asciz  "gpio1"
n_gpio2:        .asciz  "gpio2 (card)"
n_uart0:        .asciz  "uart0 console"
n_uart1:        .asciz  "uart1"
n_uart2:        .asciz  "uart2"
n_uart3:        .asciz  "uart3"
n_mmci:         .asciz  "mmci sd card"
