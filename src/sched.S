/*
 * sched.S - the scheduler: run queue, context switch, sleeping and
 * blocking.
 *
 * Round robin with a quantum of QUANTUM ticks.  Runnable processes form a
 * ring (a circular doubly linked list through P_NEXT and P_PREV), the
 * running one included: the next to run is simply current's successor,
 * and a process that becomes runnable is inserted just before current, at
 * the back of the line.  A process that blocks or exits leaves the ring;
 * `runq` then points at the one after it, where the round goes on.
 * Sleeping processes are in a list sorted by wake-up tick (P_SNEXT);
 * blocked ones are in no list at all: the tick looks only at the head of
 * the sleep list, so neither costs anything while it waits.  When the
 * ring is empty, idle_proc runs (WFI).
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
runq:                   .word 0         /* ring entry point, 0 if empty */
sleepq:                 .word 0         /* sleep list, by wake-up tick  */

        .text

/*
 * sched_init - make the running boot code the idle process, and let the
 * resched software interrupt through (irq_entry takes it straight to
 * schedule_irq).
 * In: none.  Out: none.  Clobbers: none.
 */
ENTRY(sched_init)
        ldr     r0, =idle_proc
        ldr     r1, =current
        str     r0, [r1]
        mov     r0, #IRQ_RESCHED
        b       intc_enable
ENDPROC(sched_init)

/*
 * schedule_irq - choose the next process and switch to it.  Entered at the
 * end of an interrupt (irq.S): IRQ mode, IRQs masked, sp -> the current
 * process's trap frame.  Registers: r4 -> current, r5 = prev, r6 = next,
 * r7 = prev's state.  All are free: the frame holds the interrupted
 * values.
 */
ENTRY(schedule_irq)
        ldr     r4, =current
        ldr     r5, [r4]
        ldr     r7, [r5, #P_STATE]
        cmp     r7, #PS_RUNNING
        ldreq   r6, [r5, #P_NEXT]       /* in the ring: its successor   */
        bne     .Lfrom_outside
.Lchosen:
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

        /* Its address space: ASID 0, TTBR0, then its ASID (asid.S);
         * and its pid where user code can read it (TPIDRURO: mutexes). */
        ldrd    r0, r1, [r6, #P_TTBR]   /* TTBR0 value, ASID            */
        mm_switch r0, r1, r2
        ldr     r0, [r6, #P_PID]
        write_tpidruro r0

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
        cmp     r7, #PS_ZOMBIE
        blo     irq_return
        cmp     r7, #PS_DEAD
        bhi     irq_return              /* (idle)                       */
        mov     r0, r5
        bl      proc_release_kpage
        b       irq_return

        /* prev is not in the ring (it blocked, exited, or is idle): the
         * round goes on where it left it, or idle runs. */
.Lfrom_outside:
        ldr     r6, =runq
        ldr     r6, [r6]
        cmp     r6, #0
        ldreq   r6, =idle_proc
        b       .Lchosen
ENDPROC(schedule_irq)

/*
 * ring_insert - put a process into the ring of runnable processes, at the
 * back of the line: just before current if current is in the ring, else
 * just before runq.
 * In: r0 = process (not in the ring).  Out: none.  Clobbers: none.
 * IRQs masked by the caller.
 */
LOCAL(ring_insert)
        ldr     r1, =current
        ldr     r1, [r1]
        ldr     r2, [r1, #P_STATE]
        cmp     r2, #PS_RUNNING
        ldrne   r1, =runq
        ldrne   r1, [r1]
        cmp     r1, #0
        beq     1f
        ldr     r2, [r1, #P_PREV]       /* between r2 and r1            */
        str     r1, [r0, #P_NEXT]
        str     r2, [r0, #P_PREV]
        str     r0, [r2, #P_NEXT]
        str     r0, [r1, #P_PREV]
        bx      lr
1:      str     r0, [r0, #P_NEXT]       /* alone in the ring            */
        str     r0, [r0, #P_PREV]
        ldr     r1, =runq
        str     r0, [r1]
        bx      lr
ENDPROC(ring_insert)

/*
 * ring_remove - take a process out of the ring; the round will go on with
 * the one after it.
 * In: r0 = process (in the ring).  Out: none.  Clobbers: none.
 * IRQs masked by the caller.
 */
ENTRY(ring_remove)
        ldr     r1, [r0, #P_NEXT]
        cmp     r1, r0
        moveq   r1, #0                  /* it was alone: the ring is empty */
        beq     1f
        ldr     r2, [r0, #P_PREV]
        str     r1, [r2, #P_NEXT]
        str     r2, [r1, #P_PREV]
1:      ldr     r2, =runq
        str     r1, [r2]
        bx      lr
ENDPROC(ring_remove)

/*
 * make_runnable - a blocked, sleeping or new process may run again: into
 * the ring, at the back of the line.  If the CPU is idle, ask for a switch
 * at the end of the current interrupt.
 * In: r0 = process.  Out: none.  Clobbers: none.  IRQs masked by caller.
 */
ENTRY(make_runnable)
        ldr     r1, [r0, #P_STATE]
        cmp     r1, #PS_RUNNING
        bxeq    lr                      /* in the ring already          */
        push    {r0, lr}
        bl      ring_insert             /* (before the state changes:   */
        pop     {r0, lr}                /* ring_insert looks at it)     */
        mov     r1, #PS_RUNNING
        str     r1, [r0, #P_STATE]
        ldr     r1, =current
        ldr     r1, [r1]
        ldr     r1, [r1, #P_STATE]
        cmp     r1, #PS_IDLE
        ldreq   r1, =need_resched
        moveq   r2, #1
        streq   r2, [r1]
        bx      lr
ENDPROC(make_runnable)

/*
 * sched_tick - the scheduler's part of every timer tick: charge the tick
 * to the running process, end its quantum when used up, carry out a kill
 * that waited for it to leave the kernel, and wake the sleepers whose
 * time has come.
 * In: none.  Out: none.  Clobbers: none.  IRQ mode.
 */
ENTRY(sched_tick)
        push    {r4, r5, r6, lr}
        ldr     r0, =current
        ldr     r0, [r0]
        ldr     r1, [r0, #P_TICKS]
        add     r1, r1, #1
        str     r1, [r0, #P_TICKS]
        ldr     r1, [r0, #P_STATE]
        cmp     r1, #PS_RUNNING         /* (not the idle process)       */
        bne     1f
        ldr     r1, [r0, #P_QUANTUM]
        subs    r1, r1, #1
        str     r1, [r0, #P_QUANTUM]
        ldrle   r1, =need_resched
        movle   r2, #1
        strle   r2, [r1]
        /* A kill that had to wait (proc_kill) lands once the process is
         * interrupted in user mode; proc_kill looks at this frame. */
        ldr     r1, [r0, #P_KILLED]
        cmp     r1, #0
        blne    proc_kill
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
        ldr     r1, [r0, #P_SNEXT]
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
        bl      die_if_killed
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
        add     r2, r3, #P_SNEXT
        b       1b
2:      str     r3, [r1, #P_SNEXT]
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
        push    {r0, lr}
        bl      die_if_killed
        pop     {r0, lr}
        ldr     r1, =current
        ldr     r1, [r1]
        str     r0, [r1, #P_WCHAN]
        mov     r0, #PS_BLOCKED
        b       block_current
ENDPROC(sleep_on)

/*
 * die_if_killed - a process about to wait, with a kill pending and no
 * kernel lock held, exits instead (see proc_kill: waits are where a
 * deferred kill lands).
 * In: none.  Out: none, or does not return.  Clobbers: none.
 */
LOCAL(die_if_killed)
        push    {r0, r1}
        ldr     r0, =current
        ldr     r0, [r0]
        ldr     r1, [r0, #P_NOKILL]
        cmp     r1, #0
        ldreq   r1, [r0, #P_KILLED]     /* no lock held: a kill pending? */
        movne   r1, #0                  /* a lock held: the kill waits  */
        cmp     r1, #0
        popeq   {r0, r1}
        bxeq    lr
        add     sp, sp, #8
        mov     r0, r1
        cpsie   i                       /* do_exit runs with IRQs on    */
        b       do_exit
ENDPROC(die_if_killed)

/*
 * block_current - leave the CPU until someone makes us runnable again.
 * In: r0 = the new state (PS_BLOCKED, PS_SLEEPING), r1 = current.
 * Raises the resched interrupt and opens IRQs until the switch has
 * happened (the interrupt may take a moment to arrive); once this process
 * runs again it returns, IRQs masked.
 */
ENTRY(block_current)
        push    {r4, r5, lr}
        mov     r4, r1
        mov     r5, r0
        ldr     r2, [r4, #P_STATE]
        cmp     r2, #PS_IDLE
        beq     9f                      /* idle must never block        */
        mov     r0, r4
        bl      ring_remove
        str     r5, [r4, #P_STATE]
        bl      intc_raise_resched
1:      cpsie   i                       /* the switch happens here      */
        ldr     r0, [r4, #P_STATE]
        cmp     r0, #PS_RUNNING
        bne     1b
        cpsid   i
        pop     {r4, r5, pc}
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
        addne   r2, r3, #P_SNEXT
        bne     1b
        ldr     r3, [r0, #P_SNEXT]
        str     r3, [r2]
2:      mov     r1, #0
        str     r1, [r0, #P_WCHAN]
        b       make_runnable
ENDPROC(unblock)

        .section .rodata
m_idle_block:   .asciz  "the idle process tried to block"
