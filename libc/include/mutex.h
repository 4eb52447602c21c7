/*
 * mutex.h - mutexes between processes, in shared memory (shm_map), that
 * enter the kernel only when contended.
 *
 *   struct shared { a8_mutex_t lock; int count; } *s = shm_map(...);
 *   if (a8_mutex_lock(&s->lock) >= 0) {      0, or -EOWNERDEAD
 *       s->count++;
 *       a8_mutex_unlock(&s->lock);
 *   }
 *
 * A mutex is an int: 0 when free (A8_MUTEX_INIT; a new shm region is
 * zeroed), else the owner's pid, with A8_MUTEX_WAITERS set while some
 * process waits for it in the kernel.  The caller's pid comes from the
 * TPIDRURO register (CP15 c13, c0, 3: user read-only thread ID), which
 * the kernel sets to the running process's pid on every switch.
 *
 * The fast paths are 6 ARM instructions each, so an uncontended lock and
 * unlock cost 12 and no kernel entry.  LDREX/STREX make the test and the
 * store one atomic step: the kernel executes CLREX on every context
 * switch, so if another process ran in between, the STREX fails (no DMB:
 * a8os runs on one CPU, see atomic.h).  When the fast path sees the mutex
 * held (lock) or someone waiting (unlock), the out-of-line system call
 * __mutex_lock_slow / __mutex_unlock_slow does the rest: the kernel
 * queues the caller, or hands the mutex to the first waiter (FIFO).
 *
 * Not for interrupt handlers: the slow paths are system calls.
 */
#ifndef _MUTEX_H
#define _MUTEX_H

#include <a8os.h>

typedef volatile int a8_mutex_t;
#define A8_MUTEX_INIT   0

/*
 * Takes the mutex, waiting in the kernel while another process holds it.
 * Returns 0; or -EOWNERDEAD: the previous owner died holding it, the
 * caller owns it now (and should repair what it guards); or another
 * negative errno, and the caller got nothing: -EDEADLK (it holds the
 * mutex already), -EINVAL (not word aligned), -EFAULT.
 *
 * Fast path, the free mutex:
 *   mrc      id <- TPIDRURO         our pid
 *   ldrex    old <- [m]             the mutex, reserved
 *   cmp      old, #0                free?
 *   strexeq  t <- store id to [m]   if free: take it (t = 0 if stored)
 *   cmpeq    t, #0                  if free: did the store happen?
 *   bne      slow                   Z clear: held, or the store failed
 * ("itt eq" makes the conditional pair legal Thumb-2; in ARM code the
 * assembler emits nothing for it.)  The bne is the compiler's, from the
 * "=@ccne" flag output; it goes to the code after the asm, which tells
 * the two failures apart: old == 0 means only the STREX failed (a context
 * switch came between LDREX and STREX): try again.
 */
static inline int a8_mutex_lock(a8_mutex_t *m)
{
    int id, old, t, failed;

    for (;;) {
        __asm__ volatile(
            "mrc     p15, 0, %[id], c13, c0, 3\n\t"
            "ldrex   %[old], [%[m]]\n\t"
            "cmp     %[old], #0\n\t"
            "itt     eq\n\t"
            "strexeq %[t], %[id], [%[m]]\n\t"
            "cmpeq   %[t], #0"
            : [id] "=&r"(id), [old] "=&r"(old), [t] "=&r"(t),
              "=@ccne"(failed)
            : [m] "r"(m)
            : "memory");
        if (__builtin_expect(!failed, 1))
            return 0;
        if (old != 0)
            return __mutex_lock_slow(m);
    }
}

/*
 * Releases the mutex, which the caller must own; if processes wait, the
 * kernel hands it to the first of them.  Returns 0 or a negative errno
 * (e.g. -EPERM when the caller is not the owner).
 *
 * Fast path, nobody waiting:
 *   mrc      id <- TPIDRURO         our pid
 *   ldrex    old <- [m]             the mutex, reserved
 *   eors     z, old, id             z = 0 iff old == id: ours, no waiters
 *   strexeq  t <- store z to [m]    if so: store z, which is the free value
 *   cmpeq    t, #0                  did the store happen?
 *   bne      slow                   Z clear: waiters, not ours, or the
 *                                   store failed
 * After the asm, z == 0 means only the STREX failed: try again; anything
 * else is the kernel's business (A8_MUTEX_WAITERS set, or not the owner).
 */
static inline int a8_mutex_unlock(a8_mutex_t *m)
{
    int id, old, z, t, failed;

    for (;;) {
        __asm__ volatile(
            "mrc     p15, 0, %[id], c13, c0, 3\n\t"
            "ldrex   %[old], [%[m]]\n\t"
            "eors    %[z], %[old], %[id]\n\t"
            "itt     eq\n\t"
            "strexeq %[t], %[z], [%[m]]\n\t"
            "cmpeq   %[t], #0"
            : [id] "=&r"(id), [old] "=&r"(old), [z] "=&r"(z), [t] "=&r"(t),
              "=@ccne"(failed)
            : [m] "r"(m)
            : "memory");
        if (__builtin_expect(!failed, 1))
            return 0;
        if (z != 0)
            return __mutex_unlock_slow(m);
    }
}

#endif /* _MUTEX_H */
