/*
 * arm_boot.S - bare-metal start for arm_check under QEMU (realview-pb-a8,
 * no kernel, no MMU): vectors, stacks, .bss cleared, then libc's own
 * _start (crt0.S) with argc and argv as the kernel would pass them, in SYS
 * mode.  libc's system call stubs execute real "svc #0" instructions; the
 * SVC vector hands them to fake_kernel() in arm_check.c, in SVC mode, and
 * returns its result in r0 as the kernel does.  Any other exception ends
 * QEMU.  And semihost(), the way out to QEMU.
 */
        .syntax unified
        .arm

        .section .text.boot, "ax", %progbits

/*
 * boot - the ELF entry point; QEMU starts here in SVC mode.
 * In: nothing.  Out: does not return (jumps to _start).
 */
        .global boot
        .type   boot, %function
boot:
        ldr     r0, =vectors
        mcr     p15, 0, r0, c12, c0, 0  /* VBAR: our vectors          */
        isb
        ldr     sp, =svc_stack_top      /* SVC mode: the fake kernel    */
        ldr     r0, =__bss_start
        ldr     r1, =__bss_end
        mov     r2, #0
1:      cmp     r0, r1
        strlo   r2, [r0], #4
        blo     1b
        cps     #0x1F                   /* SYS mode: like user mode,   */
        ldr     sp, =stack_top          /* but allowed to semihost     */
        mov     r0, #2                  /* argc                        */
        ldr     r1, =boot_argv          /* argv                        */
        mov     r2, #0
        mov     lr, #0
        b       _start
        .size   boot, . - boot

/*
 * SVC: a system call.  Like the kernel, take the number in r0 and the
 * arguments in r1-r4, return the result in r0, and preserve all but
 * r1-r3 and r12.  fake_kernel(n, a, b, c, d) gets d on the stack (AAPCS).
 * Any other exception ends QEMU with status 100 + its vector number, so
 * that a fault in libc shows as such rather than as a hang.
 */
        .balign 32
vectors:
        .irp    n, 0, 1
        b       vector\n
        .endr
        b       svc_vector
        .irp    n, 3, 4, 5, 6, 7
        b       vector\n
        .endr
svc_vector:
        push    {r4, lr}                /* lr_svc: where the stub goes on */
        push    {r4}                    /* d, the fifth argument        */
        bl      fake_kernel
        add     sp, sp, #4
        pop     {r4, lr}
        movs    pc, lr                  /* back, with the caller's CPSR */
        .irp    n, 0, 1, 3, 4, 5, 6, 7
vector\n:
        mov     r4, #(100 + \n)
        b       vector_exit
        .endr
vector_exit:
        ldr     sp, =stack_top
        mov     r0, r4
        bl      semihost_exit
        .size   vectors, . - vectors

        .text

/*
 * long semihost(long op, void *arg) - a semihosting call.
 * In: r0 = operation, r1 = argument (block).  Out: r0 = result.
 * Clobbers: r1-r3, r12.
 */
        .global semihost
        .type   semihost, %function
semihost:
        svc     #0x123456
        bx      lr
        .size   semihost, . - semihost

/*
 * semihost_exit(int status) - ends QEMU with status.
 * In: r0 = status.  Out: does not return.
 */
        .global semihost_exit
        .type   semihost_exit, %function
semihost_exit:
        ldr     r1, =0x20026            /* ADP_Stopped_ApplicationExit */
        push    {r0}
        push    {r1}
        mov     r1, sp
        mov     r0, #0x20               /* SYS_EXIT_EXTENDED           */
        svc     #0x123456
2:      b       2b
        .size   semihost_exit, . - semihost_exit

        .section .rodata
arg0:   .asciz  "arm_check"
arg1:   .asciz  "x"
        .section .data
        .balign 4
boot_argv:
        .word   arg0, arg1, 0

        .section .bss
        .balign 8
        .space  65536
stack_top:
        .space  8192
svc_stack_top:
