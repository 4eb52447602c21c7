/*
 * syscall.S - a8_syscall, the one way into the kernel (the wrappers of
 * sys.c call it).
 */
        .syntax unified
        .arm
        .text

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
        pop     {r4, lr}
        bx      lr
        .size   a8_syscall, . - a8_syscall
