/*
 * uartdev.S - the UARTs besides the console, for processes: open one by
 * port number (1 to NUARTS - 1), read and write it, close it.  One owner
 * at a time; a process that exits lets go of its ports.
 *
 * Each port has a receive ring filled by its interrupt (ring.S), exactly
 * like the console's; if the owner attached a handler to the port
 * (A8_SRC_UART(port), uirq.S), received bytes go to the handler instead.
 * Output is polled, byte by byte, and raw: no "\n" -> "\r\n".
 */
#include "kernel.h"
#include "proc.h"
#include "ring.h"
#include "a8os/syscall.h"

#define NUARTS          4               /* port 0 is the console        */
#define PORT_RX_SIZE    2048

        RING    uart1_rx, PORT_RX_SIZE
        RING    uart2_rx, PORT_RX_SIZE
        RING    uart3_rx, PORT_RX_SIZE

        .section .rodata
        .balign 4
port_rings:     .word   0, uart1_rx, uart2_rx, uart3_rx

        .bss
        .balign 4
port_owners:    .space  NUARTS * 4      /* owning process, 0 if free    */

        .text

/*
 * uartdev_init - set up ports 1..3 and their receive interrupts.
 * In: none.  Out: none.  Clobbers: none.
 */
ENTRY(uartdev_init)
        push    {r4, lr}
        mov     r4, #1
1:      mov     r0, r4
        bl      uart_hw_init
        mov     r0, r4
        bl      uart_hw_rx_irq_enable   /* r0 = its line                */
        ldr     r1, =port_rx_irq
        mov     r2, r4                  /* arguments: the port, its ring */
        ldr     r3, =port_rings
        ldr     r3, [r3, r4, lsl #2]
        bl      irq_register
        add     r4, r4, #1
        cmp     r4, #NUARTS
        blo     1b
        pop     {r4, pc}
ENDPROC(uartdev_init)

/* A port's receive interrupt (irq.h): r0 -> its irq_table entry, whose
 * arguments are the port and its ring; drain it. */
LOCAL(port_rx_irq)
        ldmib   r0, {r0, r1}            /* IRQ_ARG0, IRQ_ARG1           */
        b       uart_rx_drain
ENDPROC(port_rx_irq)

/*
 * port_check - is r0 a port the current process has opened?
 * In: r0 = port.  Out: r0 = 0, -ENODEV or -EBADF.  Clobbers: none.
 */
LOCAL(port_check)
        cmp     r0, #1
        blo     8f
        cmp     r0, #NUARTS
        bhs     8f
        ldr     r1, =port_owners
        ldr     r1, [r1, r0, lsl #2]
        ldr     r2, =current
        ldr     r2, [r2]
        cmp     r1, r2
        moveq   r0, #0
        mvnne   r0, #(EBADF - 1)
        bx      lr
8:      mvn     r0, #(ENODEV - 1)
        bx      lr
ENDPROC(port_check)

/* sys_uart_open(port) -> 0; -EBUSY if another process has it, -EPERM for
 * the console, -ENODEV for no such port. */
ENTRY(sys_uart_open)
        push    {r4, lr}
        mov     r4, r1
        cmp     r4, #0
        mvneq   r0, #(EPERM - 1)
        popeq   {r4, pc}
        cmp     r4, #NUARTS
        mvnhs   r0, #(ENODEV - 1)
        pophs   {r4, pc}
        cpsid   i
        ldr     r1, =port_owners
        ldr     r0, [r1, r4, lsl #2]
        ldr     r2, =current
        ldr     r2, [r2]
        cmp     r0, #0
        cmpne   r0, r2
        mvnne   r0, #(EBUSY - 1)
        bne     1f
        str     r2, [r1, r4, lsl #2]
        ldr     r0, =port_rings         /* start with nothing received  */
        ldr     r0, [r0, r4, lsl #2]
        bl      ring_reset
        mov     r0, #0
1:      cpsie   i
        pop     {r4, pc}
ENDPROC(sys_uart_open)

/* sys_uart_close(port) -> 0. */
ENTRY(sys_uart_close)
        push    {r4, lr}
        mov     r4, r1
        mov     r0, r4
        bl      port_check
        cmp     r0, #0
        popne   {r4, pc}
        mov     r0, r4
        bl      port_release
        mov     r0, #0
        pop     {r4, pc}
ENDPROC(sys_uart_close)

/* Free a port and its handler.  r0 = port. */
LOCAL(port_release)
        push    {r4, lr}
        mov     r4, r0
        add     r0, r4, #A8_SRC_UART(0)
        bl      uirq_source_release
        ldr     r1, =port_owners
        mov     r0, #0
        str     r0, [r1, r4, lsl #2]
        pop     {r4, pc}
ENDPROC(port_release)

/* sys_uart_read(port, buf, len) -> bytes: at least one, blocking. */
ENTRY(sys_uart_read)
        push    {r4-r6, lr}
        mov     r4, r1
        mov     r5, r2
        mov     r6, r3
        mov     r0, r4
        bl      port_check
        cmp     r0, #0
        popne   {r4-r6, pc}
        mov     r0, r5
        mov     r1, r6
        mov     r2, #1
        bl      user_check
        cmp     r0, #0
        popne   {r4-r6, pc}
        cmp     r6, #0
        popeq   {r4-r6, pc}
        ldr     r0, =port_rings
        ldr     r0, [r0, r4, lsl #2]
        mov     r1, r5
        mov     r2, r6
        pop     {r4-r6, lr}
        b       ring_read
ENDPROC(sys_uart_read)

/* sys_uart_write(port, buf, len) -> len. */
ENTRY(sys_uart_write)
        push    {r4-r7, lr}
        mov     r4, r1
        mov     r5, r2
        mov     r6, r3
        mov     r0, r4
        bl      port_check
        cmp     r0, #0
        popne   {r4-r7, pc}
        mov     r0, r5
        mov     r1, r6
        mov     r2, #0
        bl      user_check
        cmp     r0, #0
        popne   {r4-r7, pc}
        mov     r7, #0
1:      cmp     r7, r6
        bhs     2f
        mov     r0, r4
        ldrb    r1, [r5, r7]
        bl      uart_hw_putc
        add     r7, r7, #1
        b       1b
2:      mov     r0, r6
        pop     {r4-r7, pc}
ENDPROC(sys_uart_write)

/*
 * uartdev_release - an exiting process lets go of its ports.
 * In: r0 = process.  Out: none.  Clobbers: none.
 */
ENTRY(uartdev_release)
        push    {r4, r5, lr}
        mov     r5, r0
        mov     r4, #1
1:      ldr     r1, =port_owners
        ldr     r1, [r1, r4, lsl #2]
        cmp     r1, r5
        moveq   r0, r4
        bleq    port_release
        add     r4, r4, #1
        cmp     r4, #NUARTS
        blo     1b
        pop     {r4, r5, pc}
ENDPROC(uartdev_release)

/*
 * uartdev_owns - does a process own a port (for irq_attach)?
 * In: r0 = port, r1 = process.  Out: r0 = 1 or 0.  Clobbers: none.
 */
ENTRY(uartdev_owns)
        cmp     r0, #1
        blo     1f
        cmp     r0, #NUARTS
        bhs     1f
        ldr     r2, =port_owners
        ldr     r2, [r2, r0, lsl #2]
        cmp     r2, r1
        moveq   r0, #1
        bxeq    lr
1:      mov     r0, #0
        bx      lr
ENDPROC(uartdev_owns)
