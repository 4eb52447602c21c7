/*
 * mutex.S - the kernel's side of the mutexes in shared memory.
 *
 * A mutex is a word in user memory (a8os/syscall.h): 0 when free, else the
 * owner's pid, with A8_MUTEX_WAITERS set when some process waits in the
 * kernel.  libc locks and unlocks it with LDREX/STREX alone as long as
 * nobody waits (libc/include/mutex.h); only then does it call the kernel:
 *   mutex_lock:   the word was not 0.  The caller marks it "waiters",
 *                 takes a ticket and sleeps; tickets make the wait FIFO.
 *   mutex_unlock: the word has the waiters bit.  The first waiter (lowest
 *                 ticket) is handed the mutex - the word becomes its pid -
 *                 and woken.
 * If the owner dies holding the mutex, do_exit hands it to the first
 * waiter with -EOWNERDEAD instead of 0 (mutex_owner_died); a later locker
 * who finds the owner gone gets -EOWNERDEAD too.  Either way the caller now
 * owns the mutex, and knows the data it guards may be half-updated.
 *
 * The kernel reaches the word through its physical address (the kernel
 * maps all RAM), which is also what identifies a mutex: the same word may
 * appear at different addresses in different processes.  All the work is
 * done with IRQs masked: on one CPU, nothing else - no other process, no
 * libc fast path - can run in between.  (A process preempted between its
 * LDREX and STREX fails the STREX: the kernel clears the exclusive
 * monitor on every switch, and tries again.)
 */
#include "kernel.h"
#include "proc.h"
#include "a8os/syscall.h"

#define HANDED          1               /* P_WAKERES: given the mutex   */
#define HANDED_DEAD     2               /* ... of an owner that died    */

        .bss
        .balign 4
next_ticket:    .word   0

        .text

/*
 * mutex_addr - check a user mutex address (word aligned, user read/write)
 * and translate it to its physical address.
 * In: r0 = user address.  Out: r0 = physical address, or -EINVAL /
 * -EFAULT (< 0).  Clobbers: none.  IRQs masked by the caller (PAR).
 */
LOCAL(mutex_addr)
        tst     r0, #3
        mvnne   r0, #(EINVAL - 1)
        bxne    lr
        push    {r4, lr}
        mov     r4, r0
        mov     r1, #4
        mov     r2, #1
        bl      user_check
        cmp     r0, #0
        popne   {r4, pc}
        ats1cuw r4                      /* the MMU translates it        */
        isb
        read_par r0
        lsr     r0, r0, #PAGE_SHIFT     /* PAR[31:12]: the page         */
        lsl     r0, r0, #PAGE_SHIFT
        ubfx    r4, r4, #0, #PAGE_SHIFT /* + the offset in it           */
        orr     r0, r0, r4
        pop     {r4, pc}
ENDPROC(mutex_addr)

/*
 * sys_mutex_lock(mutex) -> 0, -EOWNERDEAD (owner died: the caller owns it
 * now), -EDEADLK (the caller owns it already), -EINVAL, -EFAULT.
 */
ENTRY(sys_mutex_lock)
        push    {r4-r7, lr}
        ldr     r6, =current
        ldr     r6, [r6]
        ldr     r7, [r6, #P_PID]
        cpsid   i
        mov     r0, r1
        bl      mutex_addr
        movs    r4, r0
        blt     9f
1:      ldr     r0, [r4]
        bics    r5, r0, #A8_MUTEX_WAITERS       /* r5 = owner           */
        streq   r7, [r4]                /* free: ours                   */
        moveq   r0, #0
        beq     9f
        cmp     r5, r7
        mvneq   r0, #(EDEADLK - 1)
        beq     9f
        push    {r0}
        mov     r0, r5
        bl      proc_find               /* the owner: alive?            */
        cmp     r0, #0
        ldrne   r0, [r0, #P_STATE]
        cmpne   r0, #PS_ZOMBIE          /* (exited, not yet collected)  */
        pop     {r0}
        bne     2f
        and     r0, r0, #A8_MUTEX_WAITERS       /* owner gone: ours,    */
        orr     r0, r0, r7                      /* with -EOWNERDEAD     */
        str     r0, [r4]
        mvn     r0, #(EOWNERDEAD - 1)
        b       9f
        /* Wait in line: the waiters bit, a ticket, sleep. */
2:      orr     r0, r0, #A8_MUTEX_WAITERS
        str     r0, [r4]
        ldr     r1, =next_ticket
        ldr     r0, [r1]
        add     r0, r0, #1
        str     r0, [r1]
        str     r0, [r6, #P_TICKET]
        mov     r0, #0
        str     r0, [r6, #P_WAKERES]
        mov     r0, r4
        bl      sleep_on                /* returns with IRQs masked     */
        mov     r0, #0
        str     r0, [r6, #P_TICKET]
        ldr     r0, [r6, #P_WAKERES]
        cmp     r0, #HANDED
        moveq   r0, #0                  /* handed to us                 */
        beq     9f
        cmp     r0, #HANDED_DEAD
        mvneq   r0, #(EOWNERDEAD - 1)
        beq     9f
        b       1b                      /* (woken otherwise: try again) */
9:      cpsie   i
        pop     {r4-r7, pc}
ENDPROC(sys_mutex_lock)

/*
 * sys_mutex_unlock(mutex) -> 0; -EPERM if the caller does not own it.
 */
ENTRY(sys_mutex_unlock)
        push    {r4-r6, lr}
        ldr     r5, =current
        ldr     r5, [r5]
        ldr     r5, [r5, #P_PID]
        cpsid   i
        mov     r0, r1
        bl      mutex_addr
        movs    r4, r0
        blt     9f
        ldr     r0, [r4]
        bic     r0, r0, #A8_MUTEX_WAITERS
        cmp     r0, r5
        mvnne   r0, #(EPERM - 1)
        bne     9f
        mov     r0, r4
        mov     r1, #HANDED
        bl      mutex_hand_over
        mov     r0, #0
9:      cpsie   i
        pop     {r4-r6, pc}
ENDPROC(sys_mutex_unlock)

/*
 * mutex_hand_over - give a mutex to its first waiter, or free it.
 * In: r0 = the mutex's physical address, r1 = HANDED or HANDED_DEAD.
 * Out: none.  Clobbers: none.  IRQs masked.
 */
LOCAL(mutex_hand_over)
        push    {r4-r8, lr}
        mov     r4, r0
        mov     r5, r1
        mov     r6, #0                  /* first waiter                 */
        mov     r7, #0                  /* waiters                      */
        ldr     r8, =proc_table
        add     r2, r8, #(NPROC * P_SIZE)
1:      ldr     r0, [r8, #P_TICKET]
        cmp     r0, #0
        beq     2f
        ldr     r1, [r8, #P_WCHAN]
        cmp     r1, r4
        bne     2f
        add     r7, r7, #1
        cmp     r6, #0
        beq     3f
        ldr     r1, [r6, #P_TICKET]
        cmp     r0, r1
        bhs     2f
3:      mov     r6, r8
2:      add     r8, r8, #P_SIZE
        cmp     r8, r2
        blo     1b
        cmp     r6, #0
        moveq   r0, #0                  /* nobody waits: free           */
        streq   r0, [r4]
        popeq   {r4-r8, pc}
        ldr     r0, [r6, #P_PID]        /* the first one owns it now    */
        cmp     r7, #1
        orrhi   r0, r0, #A8_MUTEX_WAITERS       /* (others still wait)  */
        str     r0, [r4]
        str     r5, [r6, #P_WAKERES]
        mov     r0, #0
        str     r0, [r6, #P_TICKET]
        mov     r0, r6
        bl      unblock
        pop     {r4-r8, pc}
ENDPROC(mutex_hand_over)

/*
 * mutex_owner_died - a process is exiting: every mutex it holds that has
 * waiters goes to its first waiter, with -EOWNERDEAD.  (One it holds with
 * nobody waiting is found by its next locker.)
 * In: r0 = the exiting process's pid.  Out: none.  Clobbers: none.
 * IRQs masked.
 */
ENTRY(mutex_owner_died)
        push    {r4-r6, lr}
        mov     r4, r0
1:      ldr     r5, =proc_table
        add     r6, r5, #(NPROC * P_SIZE)
2:      ldr     r0, [r5, #P_TICKET]
        cmp     r0, #0
        beq     3f
        ldr     r0, [r5, #P_STATE]      /* still waiting? (a killed one */
        cmp     r0, #PS_BLOCKED         /* keeps its ticket, not its    */
        bne     3f                      /* wait channel)                */
        ldr     r0, [r5, #P_WCHAN]
        ldr     r1, [r0]
        bic     r1, r1, #A8_MUTEX_WAITERS
        cmp     r1, r4
        bne     3f
        mov     r1, #HANDED_DEAD
        bl      mutex_hand_over
        b       1b                      /* (the list changed: again)    */
3:      add     r5, r5, #P_SIZE
        cmp     r5, r6
        blo     2b
        pop     {r4-r6, pc}
ENDPROC(mutex_owner_died)
