/*
 * klock.S - sleeping locks for kernel code that runs in process context
 * (system calls), where masking interrupts for the whole critical section
 * would be too long: the SD card while an app is loaded, the console
 * while a write() goes out.
 *
 * A lock is two words: the process holding it (0 when free), and the
 * number of processes waiting for it.  A process that finds it taken
 * blocks on the lock's address and tries again when woken; releasing it
 * wakes them only if there are any (most of the time nobody waits, and
 * wakeup has to look at the whole process table).
 *
 * While a process holds a lock, or waits for one, it cannot be killed (a
 * kill waits until it lets go, see P_NOKILL in proc.S): it must never die
 * owning a device half-way through a command.
 */
#include "kernel.h"
#include "proc.h"

        .text

/*
 * klock_acquire - take a lock, waiting while another process holds it.
 * In: r0 -> lock.  Out: none.  Clobbers: none.
 * Process context only (never from an interrupt, never from idle).
 */
ENTRY(klock_acquire)
        push    {r4-r6, lr}
        mov     r4, r0
        irq_save r6
        ldr     r5, =current
        ldr     r5, [r5]
        /* Unkillable from here, waiting included: a waiter that died
         * would leave KLOCK_WAITERS one too high for good. */
        ldr     r0, [r5, #P_NOKILL]
        add     r0, r0, #1
        str     r0, [r5, #P_NOKILL]
1:      ldr     r0, [r4, #KLOCK_OWNER]
        cmp     r0, #0
        beq     2f
        ldr     r0, [r4, #KLOCK_WAITERS]
        add     r0, r0, #1
        str     r0, [r4, #KLOCK_WAITERS]
        mov     r0, r4
        bl      sleep_on                /* returns with IRQs masked     */
        ldr     r0, [r4, #KLOCK_WAITERS]
        sub     r0, r0, #1
        str     r0, [r4, #KLOCK_WAITERS]
        b       1b
2:      str     r5, [r4]
        irq_restore r6
        pop     {r4-r6, pc}
ENDPROC(klock_acquire)

/*
 * klock_release - let go of a lock and wake whoever waits for it; then, if
 * a kill arrived while the lock was held, die now.
 * In: r0 -> lock.  Out: none (or does not return).  Clobbers: none.
 */
ENTRY(klock_release)
        push    {r4, lr}
        irq_save r4
        mov     r1, #0
        str     r1, [r0, #KLOCK_OWNER]
        ldr     r1, [r0, #KLOCK_WAITERS]
        cmp     r1, #0
        blne    wakeup
        irq_restore r4
        pop     {r4, lr}
        b       nokill_leave
ENDPROC(klock_release)
