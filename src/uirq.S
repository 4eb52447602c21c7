/*
 * uirq.S - interrupt handlers in user processes.
 *
 * A process attaches a handler (one of its own functions) to an interrupt
 * source: a GPIO pin, or the receive side of a UART it has opened.  When
 * that source interrupts, the kernel - still in IRQ mode, in the middle of
 * the interrupt - makes the owner's address space current (TTBR0 and ASID,
 * whoever was interrupted), closes domain 0 (the kernel) so that only user
 * memory (domain 1) and the vector page (domain 2) stay reachable, and
 * jumps to the handler:  handler(source, value).  When the handler returns
 * (to uh_return, in the vector page) everything is put back and the
 * interrupt goes on as if nothing had happened.  This is the seed design,
 * with guards: docs/user-irq.md discusses what it protects and what not.
 *
 * The guards, all set up in run_user_handler and undone in uirq_finish:
 *   - the handler runs on a stack of its own (one page at USER_IRQ_STACK in
 *     its process), so the interrupted code's stacks are untouched;
 *   - VBAR points at the sandbox vectors (vectors.S), and DACR closes the
 *     kernel's domain: a handler that touches kernel memory takes a domain
 *     fault, reported and stopped (uirq_fault, from fault_handle);
 *   - only the watchdog interrupt can come in - the handler runs inside
 *     its source's interrupt, before that interrupt's end, and the GIC then
 *     signals only more urgent ones (intc.h) - and the watchdog fires after
 *     A8_IRQ_BUDGET_MS: a handler that runs too long is stopped
 *     (uirq_overrun).  Other interrupts wait meanwhile: a tick that comes
 *     due is taken late, two that come due are taken as one.  A handler
 *     cannot be paused and resumed: an
 *     interrupt taken in IRQ mode overwrites lr_irq, the handler's own link
 *     register - so a timer can only stop it, never share the CPU with it;
 *   - an SVC from the handler would overwrite lr_svc, which the interrupted
 *     code may still need: its value is kept here and put back
 *     (uirq_syscall), and the handler is stopped.
 * A stopped handler is detached and its process killed; the interrupted
 * process - if it is another one - goes on untouched.
 */
#include "kernel.h"
#include "frame.h"
#include "proc.h"
#include "uirq.h"
#include "uirq_hw.h"
#include "a8os/syscall.h"

#define NSOURCES        (A8_SRC_UART(0) + 4)    /* pins, then 4 UARTs   */
#define UE_OWNER        0               /* attached process, or 0       */
#define UE_HANDLER      4               /* its address (bit 0: Thumb)   */
#define UE_RUNS         8               /* runs since the last irq_wait */
#define UE_SIZE         16
#define UE_SHIFT        4

/* uirq_state (uirq.h): the handler running now, and what it interrupted. */

        .bss
        .balign 8
DATA(uirq_state)        .space  US_SIZE
ENDDATA(uirq_state)
uirq_table:             .space  NSOURCES * UE_SIZE      /* (right after) */

        .text

/*
 * uirq_init - let the watchdog's interrupt reach the GIC (it can only
 * come while a handler runs: nothing else starts the watchdog), and load
 * its count.
 * In: none.  Out: none.  Clobbers: none.
 */
ENTRY(uirq_init)
        uirq_watchdog_clear r0, r1
        mov     r0, #IRQ_WATCHDOG
        ldr     r1, =watchdog_stray
        b       irq_register
ENDPROC(uirq_init)

/* An expiry that arrived after its handler had returned: just end it. */
LOCAL(watchdog_stray)
        uirq_watchdog_clear r0, r1
        bx      lr
ENDPROC(watchdog_stray)

/*
 * uirq_jump - the last steps of run_user_handler, in both of its paths:
 * the sandbox vectors, the watchdog, the handler's own stack, and
 * uh_enter (vectors.S), which closes the kernel's domain and calls the
 * handler.  The VBAR write is made visible by uh_enter's ISB; the
 * watchdog, just started, cannot expire in the few instructions before.
 */
        .macro  uirq_jump
        ldr     r2, =sandbox_vectors
        write_vbar r2
        uirq_guard_on r2, r3
        ldr     sp, =USER_IRQ_STACK_TOP
        ldr     pc, =uh_enter
        .endm

/*
 * run_user_handler - run the handler attached to a source, if any.
 * In: r0 = source, r1 = value.  IRQ mode, IRQs masked, inside the
 * interrupt of that source (acknowledged, not yet ended: the GIC lets only
 * the watchdog through until it ends).
 * Out: none; r0 and r1 are kept (the handler has returned, or has been
 * stopped).  Clobbers: none.
 *
 * The path from here to the handler is the latency that make bench
 * measures.  Registers: r4 -> the table entry, r6 = owner, r7 = handler,
 * r8 = sp_irq, r10/r11 = the owner's TTBR0 and ASID word.
 */
ENTRY(run_user_handler)
        push    {r0, r1, r4-r12, lr}
        ldr     r2, =uirq_table
        add     r4, r2, r0, lsl #UE_SHIFT
        ldrd    r6, r7, [r4, #UE_OWNER] /* owner, handler               */
        cmp     r6, #0
        popeq   {r0, r1, r4-r12, pc}    /* nobody attached              */
        /* Remember what to come back to: the entry, the owner, sp_irq,
         * and lr_svc - which an SVC from the handler would overwrite. */
        mov     r8, sp
        stmdb   r2, {r4, r6, r8}        /* US_ENTRY, US_OWNER, US_SP    */
        cps     #MODE_SVC
        str     lr, [r2, #(US_LR_SVC - US_SIZE)]
        cpsie   i, #MODE_IRQ            /* open: only the watchdog comes */
        /* The owner's address space, unless it is the one interrupted. */
        ldrd    r10, r11, [r6, #P_TTBR] /* its TTBR0, its ASID          */
        read_ttbr0 r9
        cmp     r9, r10
        bne     1f
        uirq_jump
1:      mm_switch r10, r11, r9
        uirq_jump
ENDPROC(run_user_handler)

/*
 * uirq_finish - the handler returned (through uh_return: IRQ mode, IRQs
 * masked, kernel domain open, normal vectors): count the run, wake the
 * owner if it waits in irq_wait, put everything back, and return from
 * run_user_handler.
 * The first thing on every way out of a handler (here, uirq_overrun,
 * uirq_syscall, uirq_fault) is the kernel's own IRQ stack again: the
 * handler's sp may be anything.
 */
ENTRY(uirq_finish)
        ldr     r7, =uirq_state
        ldr     sp, [r7, #US_SP]
        uirq_guard_off r0, r1
        ldr     r4, [r7, #US_ENTRY]
        ldr     r5, [r7, #US_OWNER]
        ldr     r0, [r4, #UE_RUNS]
        add     r0, r0, #1
        str     r0, [r4, #UE_RUNS]
        ldr     r0, [r5, #P_STATE]      /* the owner waits for this?    */
        cmp     r0, #PS_BLOCKED
        ldreq   r0, [r5, #P_WCHAN]
        cmpeq   r0, r4
        moveq   r0, r5
        bleq    unblock
        /* fall through */
uirq_restore:
        ldr     r7, =uirq_state
        mov     r0, #0
        str     r0, [r7, #US_OWNER]
        ldr     r8, =current            /* back to the interrupted      */
        ldr     r8, [r8]                /* address space                */
        ldrd    r10, r11, [r8, #P_TTBR]
        read_ttbr0 r9
        cmp     r9, r10
        beq     1f
        mm_switch r10, r11, r9
1:      pop     {r0, r1, r4-r12, pc}
ENDPROC(uirq_finish)

/*
 * uirq_overrun - the watchdog fired (IRQ mode, nested in the handler's
 * interrupt, via the sandbox IRQ vector and uh_irq_entry): the handler ran
 * past its budget.  End the watchdog's interrupt, then stop the handler.
 */
ENTRY(uirq_overrun)
        ldr     sp, =uirq_state
        ldr     sp, [sp, #US_SP]
        bl      intc_ack                /* r0 = line, r1 = token        */
        ldr     r2, =irq_counts         /* (it counts, like any other)  */
        ldr     r3, [r2, r0, lsl #2]
        add     r3, r3, #1
        str     r3, [r2, r0, lsl #2]
        push    {r1}
        uirq_watchdog_clear r2, r3
        pop     {r0}
        bl      intc_eoi
        ldr     r0, =m_overrun
        bl      uirq_report
        mov     r0, #A8_SIGXCPU
        b       uirq_stop
ENDPROC(uirq_overrun)

/*
 * uirq_syscall - the handler executed SVC (SVC mode, via the sandbox SVC
 * vector and uh_svc_entry).  The SVC overwrote lr_svc: put the interrupted
 * code's value back, then stop the handler from IRQ mode.  (sp_svc was not
 * touched.)
 */
ENTRY(uirq_syscall)
        ldr     r0, =uirq_state
        ldr     lr, [r0, #US_LR_SVC]
        cps     #MODE_IRQ
        ldr     sp, [r0, #US_SP]
        ldr     r0, =m_syscall
        bl      uirq_report
        mov     r0, #A8_SIGSYS
        b       uirq_stop
ENDPROC(uirq_syscall)

/*
 * uirq_fault - the handler faulted (called by fault_handle, in ABT or UND
 * mode on the exception stack, kernel domain already open again).
 * In: r0 = TRAP_* type, r1 -> trap frame.  Out: does not return.
 */
ENTRY(uirq_fault)
        mov     r4, r0
        mov     r5, r1
        ldr     r0, =VECTORS_VIRT       /* the normal vectors back      */
        write_vbar r0
        isb
        ldr     r0, =m_fault
        bl      uirq_report
        mov     r0, r4
        mov     r1, r5
        bl      fault_report
        mov     r0, r4
        bl      fault_reason            /* r0 = A8_SIG*                 */
        add     sp, r5, #FRAME_SIZE     /* this mode's frame: given back */
        cps     #MODE_IRQ               /* (IRQs stay masked)           */
        ldr     r1, =uirq_state
        ldr     sp, [r1, #US_SP]
        b       uirq_stop
ENDPROC(uirq_fault)

/*
 * uirq_report - print "*** irq handler of pid N (name), source S, <why>".
 * In: r0 = the reason's text.  Out: none.  Clobbers: none.
 */
LOCAL(uirq_report)
        push    {r4, lr}
        ldr     r1, =uirq_state
        ldr     r3, [r1, #US_ENTRY]     /* source = entry's index       */
        ldr     r2, =uirq_table
        sub     r3, r3, r2
        lsr     r3, r3, #UE_SHIFT
        push    {r3}
        push    {r0}
        ldr     r2, [r1, #US_OWNER]
        ldr     r1, [r2, #P_PID]
        add     r2, r2, #P_NAME
        ldr     r0, =m_handler
        bl      printk
        add     sp, sp, #8
        pop     {r4, pc}
ENDPROC(uirq_report)

/*
 * uirq_stop - a handler was stopped: detach it, kill its process with the
 * reason, and return from run_user_handler as if it had returned.
 * In: r0 = reason (A8_SIG*).  IRQ mode, IRQs masked, sp = US_SP.
 * Out: does not return here.
 */
LOCAL(uirq_stop)
        mov     r6, r0
        uirq_guard_off r0, r1
        ldr     r7, =uirq_state
        ldr     r0, [r7, #US_ENTRY]     /* its source                   */
        ldr     r1, =uirq_table
        sub     r0, r0, r1
        lsr     r0, r0, #UE_SHIFT
        bl      uirq_source_release
        ldr     r0, [r7, #US_OWNER]
        mov     r1, r6
        bl      proc_kill
        ldr     r0, =m_killed
        ldr     r1, [r7, #US_OWNER]
        ldr     r1, [r1, #P_PID]
        bl      printk
        b       uirq_restore
ENDPROC(uirq_stop)

/*
 * uirq_has_handler - is a handler attached to this source?
 * In: r0 = source.  Out: r0 = its owner process, or 0.  Clobbers: none.
 */
ENTRY(uirq_has_handler)
        cmp     r0, #NSOURCES
        movhs   r0, #0
        bxhs    lr
        ldr     r1, =uirq_table
        add     r1, r1, r0, lsl #UE_SHIFT
        ldr     r0, [r1, #UE_OWNER]
        bx      lr
ENDPROC(uirq_has_handler)

/*
 * uirq_source_release - detach a source's handler and stop its interrupt
 * (a GPIO pin's; a UART's bytes go back to its ring).
 * In: r0 = source.  Out: none.  Clobbers: none.
 */
ENTRY(uirq_source_release)
        push    {r4, lr}
        mov     r4, r0
        ldr     r1, =uirq_table
        add     r1, r1, r4, lsl #UE_SHIFT
        mov     r0, #0
        str     r0, [r1, #UE_OWNER]
        str     r0, [r1, #UE_RUNS]
        cmp     r4, #GPIO_NPINS
        movlo   r0, r4
        bllo    gpio_pin_irq_disarm
        pop     {r4, pc}
ENDPROC(uirq_source_release)

/*
 * uirq_owner_of_line - the first user handler whose source interrupts on
 * a line (for the `irqs` report).
 * In: r0 = line.  Out: r0 = source or -1, r1 = its owner process.
 * Clobbers: none.
 */
ENTRY(uirq_owner_of_line)
        push    {r4-r6, lr}
        mov     r5, r0
        mov     r4, #0
1:      ldr     r6, =uirq_table
        add     r6, r6, r4, lsl #UE_SHIFT
        ldr     r0, [r6, #UE_OWNER]
        cmp     r0, #0
        beq     2f
        mov     r0, r4                  /* the source's line            */
        cmp     r4, #GPIO_NPINS
        bllo    gpio_hw_pin_line
        subhs   r0, r4, #A8_SRC_UART(0)
        blhs    uart_hw_irq_line
        cmp     r0, r5
        moveq   r0, r4
        ldreq   r1, [r6, #UE_OWNER]
        popeq   {r4-r6, pc}
2:      add     r4, r4, #1
        cmp     r4, #NSOURCES
        blo     1b
        mvn     r0, #0
        mov     r1, #0
        pop     {r4-r6, pc}
ENDPROC(uirq_owner_of_line)

/*
 * uirq_release - an exiting process loses all its handlers.
 * In: r0 = process.  Out: none.  Clobbers: none.
 */
ENTRY(uirq_release)
        push    {r4-r6, lr}
        mov     r5, r0
        mov     r4, #0
        ldr     r6, =uirq_table
1:      ldr     r0, [r6, r4, lsl #UE_SHIFT]
        cmp     r0, r5
        moveq   r0, r4
        bleq    uirq_source_release
        add     r4, r4, #1
        cmp     r4, #NSOURCES
        blo     1b
        pop     {r4-r6, pc}
ENDPROC(uirq_release)

/*
 * uirq_check_source - may the current process attach to this source?
 * In: r0 = source.  Out: r0 = 0, -EINVAL (no such source) or -EBADF (a
 * UART it has not opened).  Clobbers: none.
 */
LOCAL(uirq_check_source)
        cmp     r0, #GPIO_NPINS
        movlo   r0, #0
        bxlo    lr
        sub     r0, r0, #A8_SRC_UART(0)
        cmp     r0, #4
        mvnhs   r0, #(EINVAL - 1)
        bxhs    lr
        push    {r4, lr}
        ldr     r1, =current
        ldr     r1, [r1]
        bl      uartdev_owns
        cmp     r0, #0
        mvneq   r0, #(EBADF - 1)        /* not its port                 */
        movne   r0, #0
        pop     {r4, pc}
ENDPROC(uirq_check_source)

/*
 * sys_irq_attach(source, handler) -> 0.  -EBUSY if another process has a
 * handler on it; -EFAULT if the handler is not in the caller's memory;
 * -EINVAL for a pin configured without an interrupt type.
 */
ENTRY(sys_irq_attach)
        push    {r4-r7, lr}
        mov     r4, r1
        mov     r5, r2
        mov     r0, r4
        bl      uirq_check_source
        cmp     r0, #0
        popne   {r4-r7, pc}
        bic     r0, r5, #1              /* the handler: user code       */
        mov     r1, #4
        mov     r2, #0
        bl      user_check
        cmp     r0, #0
        popne   {r4-r7, pc}
        ldr     r7, =current
        ldr     r7, [r7]
        ldr     r6, =uirq_table
        add     r6, r6, r4, lsl #UE_SHIFT
        ldr     r0, [r6, #UE_OWNER]
        cmp     r0, #0
        cmpne   r0, r7
        mvnne   r0, #(EBUSY - 1)
        popne   {r4-r7, pc}
        /* The handlers' stack page, the first time. */
        ldr     r1, =USER_IRQ_STACK
        ldr     r0, [r7, #P_L1]
        bl      mmu_walk                /* r1 = its L2 entry, if any    */
        tst     r1, #PTE_VALID
        bne     1f
        mov     r0, r7
        ldr     r1, =USER_IRQ_STACK
        ldr     r2, =PTE_UDATA
        bl      as_map_page
        cmp     r0, #0
        mvneq   r0, #(ENOMEM - 1)
        popeq   {r4-r7, pc}
        /* Attach, then let the source interrupt.  (Again under cpsid: the
         * check above was preemptible, another process may have come
         * first.) */
1:      cpsid   i
        ldr     r0, [r6, #UE_OWNER]
        cmp     r0, #0
        cmpne   r0, r7
        beq     2f
        cpsie   i
        mvn     r0, #(EBUSY - 1)
        pop     {r4-r7, pc}
2:      str     r5, [r6, #UE_HANDLER]
        mov     r0, #0
        str     r0, [r6, #UE_RUNS]
        str     r7, [r6, #UE_OWNER]
        cpsie   i
        cmp     r4, #GPIO_NPINS
        movhs   r0, #0
        pophs   {r4-r7, pc}
        mov     r0, r4
        bl      gpio_pin_irq_arm
        cmp     r0, #0                  /* a pin without interrupt type */
        popeq   {r4-r7, pc}
        mov     r5, r0
        mov     r0, r4
        bl      uirq_source_release
        mov     r0, r5
        pop     {r4-r7, pc}
ENDPROC(sys_irq_attach)

/* Is r0 a source the current process has a handler on?  r1 -> its entry
 * (r0 = 0), or r0 = -EINVAL. */
LOCAL(own_source)
        cmp     r0, #NSOURCES
        bhs     1f
        ldr     r1, =uirq_table
        add     r1, r1, r0, lsl #UE_SHIFT
        ldr     r0, [r1, #UE_OWNER]
        ldr     r2, =current
        ldr     r2, [r2]
        cmp     r0, r2
        moveq   r0, #0
        bxeq    lr
1:      mvn     r0, #(EINVAL - 1)
        bx      lr
ENDPROC(own_source)

/* sys_irq_detach(source) -> 0. */
ENTRY(sys_irq_detach)
        push    {r4, lr}
        mov     r4, r1
        mov     r0, r4
        bl      own_source
        cmp     r0, #0
        popne   {r4, pc}
        mov     r0, r4
        bl      uirq_source_release
        mov     r0, #0
        pop     {r4, pc}
ENDPROC(sys_irq_detach)

/*
 * sys_irq_wait(source) -> how many times the handler ran since the last
 * irq_wait (at least 1: it blocks until the next run).  A level-triggered
 * pin, masked when it fired, is armed again.
 */
ENTRY(sys_irq_wait)
        push    {r4, r5, lr}
        mov     r4, r1
1:      cpsid   i
        mov     r0, r4
        bl      own_source              /* (again after every wait: the */
        cmp     r0, #0                  /* handler may have been stopped) */
        bne     3f
        mov     r5, r1
        ldr     r0, [r5, #UE_RUNS]
        cmp     r0, #0
        bne     2f
        mov     r0, r5
        bl      sleep_on
        cpsie   i
        b       1b
2:      mov     r1, #0
        str     r1, [r5, #UE_RUNS]
        cpsie   i
        mov     r5, r0
        cmp     r4, #GPIO_NPINS         /* re-arm a pin                 */
        movlo   r0, r4
        bllo    gpio_pin_irq_arm
        mov     r0, r5
        pop     {r4, r5, pc}
3:      cpsie   i
        pop     {r4, r5, pc}
ENDPROC(sys_irq_wait)

        .section .rodata
m_handler:      .asciz  "\n*** irq handler of pid %u (%s), source %u, %s\n"
m_overrun:      .asciz  "ran past its budget of " STR(A8_IRQ_BUDGET_MS) " ms: stopped"
m_syscall:      .asciz  "made a system call: stopped"
m_fault:        .asciz  "faulted:"
m_killed:       .asciz  "*** pid %u killed: its interrupt handler was stopped\n"
