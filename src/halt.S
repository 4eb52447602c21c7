/*
 * halt.S - stopping the system for good.
 *
 * On the board the CPU parks in WFI with interrupts masked.  A test build
 * (CONFIG_TEST_HOOKS) run under QEMU with -semihosting ends QEMU instead,
 * so that a test sees the exit status: a semihosting call is an SVC with
 * the immediate 0x123456 in ARM state, which QEMU intercepts when executed
 * in a privileged mode.  Operation SYS_EXIT_EXTENDED (0x20) takes a pointer
 * to {reason, status}; reason ADP_Stopped_ApplicationExit makes QEMU exit
 * with that status.
 */
#include "kernel.h"

#define SEMIHOST_SVC            0x123456
#define SYS_EXIT_EXTENDED       0x20
#define ADP_APPLICATION_EXIT    0x20026

        .text

/*
 * system_halt - stop the system.
 * In: r0 = status (HALT_*).  Out: does not return.
 */
ENTRY(system_halt)
        cpsid   if
#ifdef CONFIG_TEST_HOOKS
        ldr     r1, =ADP_APPLICATION_EXIT
        push    {r0}                    /* {reason, status} block       */
        push    {r1}
        mov     r1, sp
        mov     r0, #SYS_EXIT_EXTENDED
        svc     #SEMIHOST_SVC
#endif
1:      wfi
        b       1b
ENDPROC(system_halt)
