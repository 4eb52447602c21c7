/*
 * syscall.S - the ways into the kernel: one small stub per system call,
 * and a8_syscall, the general one.
 *
 * The kernel takes the call number in r0 and the arguments in r1-r4
 * (a8os/syscall.h), so a C function  f(a, b, c)  moves its arguments up
 * one register, puts its number in r0 and executes "svc #0"; the result
 * comes back in r0, which is where C expects it.  A stub is 3 to 6
 * instructions: getpid() is "mov r0, #1; svc #0; bx lr".
 */
#include "a8os/syscall.h"

        .syntax unified
        .arm
        .text

/*
 * syscall NAME, NUMBER, ARGS - define  NAME(...)  for a call with ARGS
 * (0 to 3) arguments.
 * In: the C arguments in r0..r2.  Out: r0 = the kernel's result.
 * Clobbers: r1-r3, r12 (the kernel may change them), flags.
 */
        .macro  syscall name, number, args
        .global \name
        .type   \name, %function
        .balign 4
\name:
        .if     \args >= 3
        mov     r3, r2
        .endif
        .if     \args >= 2
        mov     r2, r1
        .endif
        .if     \args >= 1
        mov     r1, r0
        .endif
        mov     r0, #\number
        svc     #0
        bx      lr
        .size   \name, . - \name
        .endm

        syscall getpid,     SYS_getpid,     0
        syscall write,      SYS_write,      3
        syscall read,       SYS_read,       3
        syscall yield,      SYS_yield,      0
        syscall sleep_ms,   SYS_sleep_ms,   1
        syscall uptime_ms,  SYS_uptime_ms,  0
        syscall spawn,      SYS_spawn,      2
        syscall wait,       SYS_wait,       3
        syscall kill,       SYS_kill,       1
        syscall ps,         SYS_ps,         2
        syscall apps,       SYS_apps,       2
        syscall meminfo,    SYS_meminfo,    1
        syscall counter,    SYS_counter,    1
/* Devices for apps: GPIO, user interrupt handlers, UARTs, LEDs, shared
 * memory, and the slow (contended) paths of the mutexes of mutex.h. */
        syscall gpio_config, SYS_gpio_config, 2
        syscall gpio_read,  SYS_gpio_read,  1
        syscall gpio_write, SYS_gpio_write, 2
        syscall gpio_info,  SYS_gpio_info,  1
        syscall irq_attach, SYS_irq_attach, 2
        syscall irq_detach, SYS_irq_detach, 1
        syscall irq_wait,   SYS_irq_wait,   1
        syscall irqinfo,    SYS_irqinfo,    2
        syscall uart_open,  SYS_uart_open,  1
        syscall uart_close, SYS_uart_close, 1
        syscall uart_read,  SYS_uart_read,  3
        syscall uart_write, SYS_uart_write, 3
        syscall leds,       SYS_leds,       2
        syscall shm_map,    SYS_shm_map,    3
        syscall shm_unmap,  SYS_shm_unmap,  1
        syscall __mutex_lock_slow,   SYS_mutex_lock,   1
        syscall __mutex_unlock_slow, SYS_mutex_unlock, 1

/*
 * long a8_syscall(long n, long a, long b, long c, long d)
 * In:  r0 = call number n, r1..r3 = a..c, d on the stack at [sp] (AAPCS).
 * Out: r0 = the kernel's result (>= 0, or a negative errno).
 * Clobbers: r1-r3, r12 (the kernel may change them), flags.  r4, which
 * carries d into the kernel, is saved and restored.
 */
        .global a8_syscall
        .type   a8_syscall, %function
        .balign 4
a8_syscall:
        push    {r4, lr}
        ldr     r4, [sp, #8]            /* d: the fifth argument           */
        svc     #0
        pop     {r4, pc}
        .size   a8_syscall, . - a8_syscall
