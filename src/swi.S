/*
 * swi.S - the system call entry, the table, and the small system calls.
 *
 * An app calls the kernel with "svc #0", the call number in r0 and the
 * arguments in r1-r4 (a8os/syscall.h); the immediate of the SVC
 * instruction is not looked at.  The CPU enters SVC mode at the vector
 * 0x08 with IRQs masked, lr_svc = the instruction after the SVC and
 * spsr_svc = the caller's CPSR.
 *
 * svc_entry saves lr_svc and spsr_svc on the process's SVC stack first
 * (SRSDB): from then on an interrupt - and a switch to another process,
 * which makes its own system calls and so reuses these banked registers -
 * can no longer lose them.  Then IRQs are enabled: system calls may block
 * and may be preempted.  The handler is an ordinary AAPCS routine taking
 * its arguments in r1-r4 and returning r0; svc_return masks IRQs again and
 * RFE restores pc and CPSR in one instruction.
 *
 * A null system call (getpid), counted from the caller's bl to its
 * return, is 16 instructions: the bl, 3 in the libc stub (mov, svc, bx),
 * the vector's ldr pc, 5 here on the way in, 4 in sys_getpid, 2 on the
 * way out.  (make bench measures it: docs/PERFORMANCE.md.)
 *
 * r1-r3 and r12 come back as the handler left them (AAPCS lets it use
 * them): clearing them would cost 4 instructions on every call, and what
 * they may show - kernel addresses, identity-mapped and listed in the
 * kernel's symbol table anyway - is no secret here.  See docs/syscalls.md.
 */
#include "kernel.h"
#include "proc.h"
#include "intc.h"

        .text

ENTRY(svc_entry)
        srsdb   sp!, #MODE_SVC          /* push the return pc and CPSR  */
        cpsie   i
        cmp     r0, #NR_SYSCALLS
        adr     lr, svc_return
        ldrlo   pc, [pc, r0, lsl #2]    /* pc reads 8 ahead: the table  */
        b       sys_nosys
syscall_table:
        .word   sys_exit                /* 0                            */
        .word   sys_getpid              /* 1                            */
        .word   sys_write               /* 2                            */
        .word   sys_read                /* 3                            */
        .word   sys_yield               /* 4                            */
        .word   sys_sleep_ms            /* 5                            */
        .word   sys_uptime_ms           /* 6                            */
        .word   sys_spawn               /* 7                            */
        .word   sys_wait                /* 8                            */
        .word   sys_kill                /* 9                            */
        .word   sys_sbrk                /* 10                           */
        .word   sys_ps                  /* 11                           */
        .word   sys_apps                /* 12                           */
        .word   sys_meminfo             /* 13                           */
        .word   sys_counter             /* 14                           */
        .word   sys_gpio_config         /* 15  gpio.S                   */
        .word   sys_gpio_read           /* 16                           */
        .word   sys_gpio_write          /* 17                           */
        .word   sys_gpio_info           /* 18                           */
        .word   sys_irq_attach          /* 19  uirq.S                   */
        .word   sys_irq_detach          /* 20                           */
        .word   sys_irq_wait            /* 21                           */
        .word   sys_irqinfo             /* 22  irq.S                    */
        .word   sys_uart_open           /* 23  uartdev.S                */
        .word   sys_uart_close          /* 24                           */
        .word   sys_uart_read           /* 25                           */
        .word   sys_uart_write          /* 26                           */
        .word   sys_leds                /* 27  gpio.S                   */
        .word   sys_shm_map             /* 28  shm.S                    */
        .word   sys_shm_unmap           /* 29                           */
        .word   sys_mutex_lock          /* 30  mutex.S                  */
        .word   sys_mutex_unlock        /* 31                           */
        .if     (. - syscall_table) != NR_SYSCALLS * 4
        .error  "syscall_table does not match NR_SYSCALLS"
        .endif
svc_return:
        cpsid   i
        rfeia   sp!                     /* pc and CPSR from the stack   */
ENDPROC(svc_entry)

/* An unknown call number. */
LOCAL(sys_nosys)
        mvn     r0, #(ENOSYS - 1)
        bx      lr
ENDPROC(sys_nosys)

/* exit(status): wait status = (status & 0xFF) << 8.  Does not return. */
LOCAL(sys_exit)
        and     r0, r1, #0xFF
        lsl     r0, r0, #8
        b       do_exit
ENDPROC(sys_exit)

/* getpid() -> the caller's pid. */
LOCAL(sys_getpid)
        ldr     r0, =current
        ldr     r0, [r0]
        ldr     r0, [r0, #P_PID]
        bx      lr
ENDPROC(sys_getpid)

/* yield(): raise the resched interrupt; it is taken at once (IRQs are on),
 * in the middle of this routine, and the caller goes to the back of the
 * line.  When it comes back to this process, yield returns 0. */
LOCAL(sys_yield)
        intc_raise_resched_fast r0, r1
        mov     r0, #0
        bx      lr
ENDPROC(sys_yield)

/* sleep_ms(ms): sleep for at least ms milliseconds (0: just yield). */
LOCAL(sys_sleep_ms)
        cmp     r1, #0
        beq     sys_yield
        push    {r4, lr}
        .if     HZ != 1000
        .error  "sys_sleep_ms assumes one tick per millisecond"
        .endif
        cpsid   i
        ldr     r0, =ticks
        ldr     r0, [r0]
        add     r0, r0, r1
        add     r0, r0, #1              /* a whole ms: the next tick is */
        bl      sleep_until             /* less than 1 ms away          */
        cpsie   i
        mov     r0, #0
        pop     {r4, pc}
ENDPROC(sys_sleep_ms)

/* uptime_ms() -> milliseconds since boot. */
LOCAL(sys_uptime_ms)
        b       uptime_ms
ENDPROC(sys_uptime_ms)

/* counter(hz) -> the board's free-running counter; *hz = its rate. */
LOCAL(sys_counter)
        push    {r4, lr}
        movs    r4, r1
        beq     1f
        mov     r0, r4
        mov     r1, #4
        mov     r2, #1
        bl      user_check
        cmp     r0, #0
        popne   {r4, pc}
        ldr     r0, =COUNTER_HZ
        str     r0, [r4]
1:      bl      counter_read
        pop     {r4, pc}
ENDPROC(sys_counter)
