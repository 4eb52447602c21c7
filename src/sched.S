/*
 * sched.S - the scheduler: run queue, context switch, sleeping and
 * blocking.
 *
 * Round robin with a quantum of QUANTUM ticks.  Runnable processes wait in
 * a FIFO (the run queue, linked through P_NEXT); the running one is
 * `current` and is not in the queue.  Sleeping processes are in a list
 * sorted by wake-up tick; blocked ones are in no list at all: the tick
 * looks only at the head of the sleep list, so neither costs anything
 * while it waits.  When nothing is runnable, idle_proc runs (WFI).
 *
 * Context switches happen in exactly one place: schedule_irq, at the end
 * of an interrupt, in IRQ mode.  The interrupted process's registers are
 * already saved as a trap frame on its own IRQ stack (irq_entry); the
 * switch adds its SVC-mode sp and lr (a process may have been interrupted
 * inside a system call), stores sp_irq in the process table, changes the
 * address space, loads the next process's sp_irq and unwinds its frame.
 * yield and every blocking system call get there by raising the software
 * interrupt IRQ_RESCHED (intc_raise_resched).
 */
#include "kernel.h"
#include "frame.h"
#include "proc.h"

        .bss
        .balign 4
DATA(current)           .word 0         /* the running process          */
ENDDATA(current)
DATA(need_resched)      .word 0         /* switch at the end of this IRQ */
ENDDATA(need_resched)
runq:                   .word 0, 0      /* run queue: head, tail        */
sleepq:                 .word 0         /* sleep list, by wake-up tick  */

        .text

/*
 * sched_init - make the running boot code the idle process and install
 * the resched software interrupt.
 * In: none.  Out: none.  Clobbers: none.
 */
ENTRY(sched_init)
        push    {r4, lr}
        ldr     r0, =idle_proc
        ldr     r1, =current
        str     r0, [r1]
        mov     r0, #IRQ_RESCHED
        ldr     r1, =resched_irq
        bl      irq_register
        pop     {r4, pc}
ENDPROC(sched_init)

/* The resched software interrupt: all it does is ask for a switch. */
LOCAL(resched_irq)
        ldr     r1, =need_resched
        mov     r0, #1
        str     r0, [r1]
        bx      lr
ENDPROC(resched_irq)

/*
 * irq_handle - entered from irq_entry (IRQ mode, sp -> the frame of the
 * interrupted code): dispatch the interrupt, then switch processes if the
 * handler asked for it.
 */
ENTRY(irq_handle)
        bl      irq_dispatch
        ldr     r0, =need_resched
        ldr     r1, [r0]
        cmp     r1, #0
        beq     irq_return
        mov     r1, #0
        str     r1, [r0]
        /* fall through */

/*
 * schedule_irq - choose the next process and switch to it.
 * IRQ mode, IRQs masked, sp -> the current process's trap frame.
 * Registers: r4 -> current, r5 = prev, r6 = next, r7 = idle_proc,
 * r8 -> run queue {head, tail}.  All free: the frame holds the
 * interrupted values.
 */
schedule_irq:
        ldr     r4, =current
        ldr     r5, [r4]
        ldr     r7, =idle_proc
        ldr     r8, =runq
        ldmia   r8, {r0, r1}            /* r0 = head, r1 = tail         */
        /* A process that is still runnable goes to the back of the queue
         * (the idle process never queues). */
        ldr     r2, [r5, #P_STATE]
        cmp     r2, #PS_RUNNING
        bne     1f                      /* blocked, sleeping or exited  */
        cmp     r5, r7
        beq     1f                      /* idle                         */
        mov     r2, #0
        str     r2, [r5, #P_NEXT]
        cmp     r1, #0
        strne   r5, [r1, #P_NEXT]       /* tail->next = prev            */
        moveq   r0, r5                  /* (queue was empty)            */
        mov     r1, r5
        /* Take the head of the queue, or idle if it is empty. */
1:      movs    r6, r0
        moveq   r6, r7
        ldrne   r0, [r6, #P_NEXT]
        cmp     r0, #0
        moveq   r1, #0
        stmia   r8, {r0, r1}
        mov     r0, #QUANTUM
        str     r0, [r6, #P_QUANTUM]
        cmp     r6, r5
        beq     irq_return              /* the same process goes on     */

        /* Save prev: its SVC sp and lr, then sp_irq in the table. */
        cps     #MODE_SVC
        mov     r2, sp
        mov     r3, lr
        cps     #MODE_IRQ
        push    {r2, r3}
        str     sp, [r5, #P_SP_IRQ]
        clrex                           /* no LDREX reservation survives */

        /* Change the address space if it differs (idle and exited
         * processes use the kernel's table). */
        ldr     r0, [r5, #P_L1]
        ldr     r1, [r6, #P_L1]
        cmp     r0, r1
        movne   r0, r6
        blne    switch_mm

        /* Restore next: sp_irq, then its SVC sp and lr. */
        ldr     sp, [r6, #P_SP_IRQ]
        pop     {r2, r3}
        cps     #MODE_SVC
        mov     sp, r2
        mov     lr, r3
        cps     #MODE_IRQ
        str     r6, [r4]                /* current = next               */

        /* An exited process has just left the CPU for good: its kernel
         * page (and, if no parent will wait for it, its slot) can go. */
        ldr     r0, [r5, #P_STATE]
        cmp     r0, #PS_ZOMBIE
        blo     irq_return
        mov     r0, r5
        bl      proc_release_kpage
        b       irq_return
ENDPROC(irq_handle)

/*
 * make_runnable - put a process at the back of the run queue.  If the CPU
 * is idle, ask for a switch at the end of the current interrupt.
 * In: r0 = process.  Out: none.  Clobbers: none.  IRQs masked by caller.
 */
ENTRY(make_runnable)
        mov     r1, #PS_RUNNING
        str     r1, [r0, #P_STATE]
        /* The current process is never queued: it may be woken before its
         * own switch-out has happened (block_current), and then it simply
         * goes on. */
        ldr     r1, =current
        ldr     r1, [r1]
        cmp     r0, r1
        bxeq    lr
        mov     r1, #0
        str     r1, [r0, #P_NEXT]
        ldr     r2, =runq
        ldr     r3, [r2, #4]            /* tail                         */
        cmp     r3, #0
        strne   r0, [r3, #P_NEXT]
        streq   r0, [r2]                /* empty: it is the head too    */
        str     r0, [r2, #4]
        ldr     r1, =current
        ldr     r1, [r1]
        ldr     r2, =idle_proc
        cmp     r1, r2
        ldreq   r1, =need_resched
        moveq   r2, #1
        streq   r2, [r1]
        bx      lr
ENDPROC(make_runnable)

/*
 * runq_remove - take a process out of the run queue if it is there.
 * In: r0 = process.  Out: none.  Clobbers: none.  IRQs masked by caller.
 */
ENTRY(runq_remove)
        ldr     r2, =runq
        mov     r1, #0                  /* r1 = previous entry          */
        ldr     r3, [r2]
1:      cmp     r3, #0
        bxeq    lr                      /* not queued                   */
        cmp     r3, r0
        beq     2f
        mov     r1, r3
        ldr     r3, [r3, #P_NEXT]
        b       1b
2:      ldr     r3, [r0, #P_NEXT]
        cmp     r1, #0
        streq   r3, [r2]                /* it was the head              */
        strne   r3, [r1, #P_NEXT]
        ldr     r12, [r2, #4]
        cmp     r12, r0
        streq   r1, [r2, #4]            /* it was the tail              */
        bx      lr
ENDPROC(runq_remove)

/*
 * sched_tick - the scheduler's part of every timer tick: charge the tick
 * to the running process, end its quantum when used up, and wake the
 * sleepers whose time has come.
 * In: none.  Out: none.  Clobbers: none.  IRQ mode.
 */
ENTRY(sched_tick)
        push    {r4, r5, r6, lr}
        ldr     r0, =current
        ldr     r0, [r0]
        ldr     r1, [r0, #P_TICKS]
        add     r1, r1, #1
        str     r1, [r0, #P_TICKS]
        ldr     r1, =idle_proc
        cmp     r0, r1
        beq     1f
        ldr     r1, [r0, #P_QUANTUM]
        subs    r1, r1, #1
        str     r1, [r0, #P_QUANTUM]
        ldrle   r1, =need_resched
        movle   r2, #1
        strle   r2, [r1]
        /* Sleepers: the list is sorted, so only its head is looked at. */
1:      ldr     r4, =sleepq
        ldr     r5, =ticks
        ldr     r5, [r5]
2:      ldr     r0, [r4]
        cmp     r0, #0
        popeq   {r4, r5, r6, pc}
        ldr     r1, [r0, #P_WAKE]
        subs    r1, r1, r5              /* wake - now (wraps correctly) */
        popgt   {r4, r5, r6, pc}
        ldr     r1, [r0, #P_NEXT]
        str     r1, [r4]
        bl      make_runnable
        b       2b
ENDPROC(sched_tick)

/*
 * sleep_until - put the current process to sleep until a tick.
 * In: r0 = tick to wake at.  Out: none.  Clobbers: none.
 * Called with IRQs masked; returns with IRQs masked, after the wake-up.
 */
ENTRY(sleep_until)
        push    {r4, lr}
        ldr     r1, =current
        ldr     r1, [r1]
        str     r0, [r1, #P_WAKE]
        /* Insert in order: after every sleeper that wakes no later. */
        ldr     r2, =sleepq             /* r2 -> the link to update     */
1:      ldr     r3, [r2]
        cmp     r3, #0
        beq     2f
        ldr     r12, [r3, #P_WAKE]
        subs    r12, r12, r0            /* its wake - ours              */
        bgt     2f
        add     r2, r3, #P_NEXT
        b       1b
2:      str     r3, [r1, #P_NEXT]
        str     r1, [r2]
        mov     r0, #PS_SLEEPING
        bl      block_current
        pop     {r4, pc}
ENDPROC(sleep_until)

/*
 * sleep_on - block the current process until wakeup(wchan).
 * The caller masks IRQs, checks the condition it waits for, and only then
 * calls sleep_on: a wakeup cannot slip in between.  Callers re-check the
 * condition in a loop when sleep_on returns.
 * In: r0 = wait channel (any address).  Out: none.  Clobbers: none.
 * Returns with IRQs masked.
 */
ENTRY(sleep_on)
        ldr     r1, =current
        ldr     r1, [r1]
        str     r0, [r1, #P_WCHAN]
        mov     r0, #PS_BLOCKED
        /* fall through */

/*
 * block_current - leave the CPU until someone makes us runnable again.
 * In: r0 = the new state (PS_BLOCKED, PS_SLEEPING), r1 = current.
 * Raises the resched interrupt and opens IRQs until the switch has
 * happened (the interrupt may take a moment to arrive); once this process
 * runs again it returns, IRQs masked.
 */
ENTRY(block_current)
        push    {r4, lr}
        mov     r4, r1
        ldr     r2, =idle_proc
        cmp     r1, r2
        beq     9f                      /* idle must never block        */
        str     r0, [r4, #P_STATE]
        bl      intc_raise_resched
1:      cpsie   i                       /* the switch happens here      */
        ldr     r0, [r4, #P_STATE]
        cmp     r0, #PS_RUNNING
        bne     1b
        cpsid   i
        pop     {r4, pc}
9:      ldr     r0, =m_idle_block
        bl      panic
ENDPROC(block_current)

/*
 * wakeup - make every process blocked on a wait channel runnable.
 * In: r0 = wait channel.  Out: none.  Clobbers: none.
 * Callable with IRQs masked or not, from any mode.
 */
ENTRY(wakeup)
        push    {r4-r8, lr}
        irq_save r6
        mov     r5, r0
        ldr     r4, =proc_table
        add     r7, r4, #(NPROC * P_SIZE)
1:      ldr     r0, [r4, #P_STATE]
        cmp     r0, #PS_BLOCKED
        ldreq   r0, [r4, #P_WCHAN]
        cmpeq   r0, r5
        bne     2f
        mov     r0, #0
        str     r0, [r4, #P_WCHAN]
        mov     r0, r4
        bl      make_runnable
2:      add     r4, r4, #P_SIZE
        cmp     r4, r7
        blo     1b
        irq_restore r6
        pop     {r4-r8, pc}
ENDPROC(wakeup)

/*
 * unblock - take a process out of whatever it waits in (sleep list, wait
 * channel) and make it runnable; nothing if it is runnable already.
 * In: r0 = process.  Out: none.  Clobbers: none.  IRQs masked by caller.
 */
ENTRY(unblock)
        ldr     r1, [r0, #P_STATE]
        cmp     r1, #PS_BLOCKED
        beq     2f
        cmp     r1, #PS_SLEEPING
        bxne    lr
        /* Unlink from the sleep list. */
        ldr     r2, =sleepq
1:      ldr     r3, [r2]
        cmp     r3, #0
        beq     2f
        cmp     r3, r0
        addne   r2, r3, #P_NEXT
        bne     1b
        ldr     r3, [r0, #P_NEXT]
        str     r3, [r2]
2:      mov     r1, #0
        str     r1, [r0, #P_WCHAN]
        b       make_runnable
ENDPROC(unblock)

        .section .rodata
m_idle_block:   .asciz  "the idle process tried to block"
