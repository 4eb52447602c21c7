/*
 * atomic.h - atomic operations on an int, and a spinlock, for processes
 * that share memory (shm_map) and for interrupt handlers.
 *
 *   int n = a8_atomic_add(&shared->count, 1);      the new value
 *   if (a8_atomic_cas(&word, 0, 7) == 0) ...       swapped 0 for 7
 *   a8_spin_lock(&lock); ... a8_spin_unlock(&lock);
 *
 * Each operation is an LDREX/STREX loop: STREX stores only if nothing
 * broke the exclusive reservation LDREX took, and the loop retries if it
 * did.  There is no DMB: a8os runs on one CPU, where every access is
 * seen in program order, and the kernel executes CLREX on every context
 * switch, so a sequence cut by a switch to another process fails its
 * STREX and starts again.  The "memory" clobber stops the compiler from
 * moving other memory accesses across an operation.
 *
 * An interrupt handler that shares a word with its process must change it
 * with these functions too: a plain store is not sure to break the
 * reservation of the LDREX it interrupted, a STREX is.
 * Works in ARM and Thumb-2 code.
 */
#ifndef _ATOMIC_H
#define _ATOMIC_H

#include <a8os.h>

/* Adds v to *p; returns the new value. */
static inline int a8_atomic_add(volatile int *p, int v)
{
    int val, fail;

    __asm__ volatile(
        "1:     ldrex   %[val], [%[p]]\n\t"
        "       add     %[val], %[val], %[v]\n\t"
        "       strex   %[fail], %[val], [%[p]]\n\t"
        "       cmp     %[fail], #0\n\t"
        "       bne     1b"
        : [val] "=&r"(val), [fail] "=&r"(fail)
        : [p] "r"(p), [v] "r"(v)
        : "cc", "memory");
    return val;
}

/* If *p is old, makes it new.  Returns the value *p had: the swap was
 * made if and only if that is old. */
static inline int a8_atomic_cas(volatile int *p, int old, int new)
{
    int seen, fail;

    __asm__ volatile(
        "1:     ldrex   %[seen], [%[p]]\n\t"
        "       cmp     %[seen], %[old]\n\t"
        "       bne     2f\n\t"             /* not old: no store      */
        "       strex   %[fail], %[new], [%[p]]\n\t"
        "       cmp     %[fail], #0\n\t"
        "       bne     1b\n\t"
        "2:"
        : [seen] "=&r"(seen), [fail] "=&r"(fail)
        : [p] "r"(p), [old] "r"(old), [new] "r"(new)
        : "cc", "memory");
    return seen;
}

/* Stores v in *p; returns the value *p had. */
static inline int a8_atomic_swap(volatile int *p, int v)
{
    int seen, fail;

    __asm__ volatile(
        "1:     ldrex   %[seen], [%[p]]\n\t"
        "       strex   %[fail], %[v], [%[p]]\n\t"
        "       cmp     %[fail], #0\n\t"
        "       bne     1b"
        : [seen] "=&r"(seen), [fail] "=&r"(fail)
        : [p] "r"(p), [v] "r"(v)
        : "cc", "memory");
    return seen;
}

/* A spinlock: 0 free, 1 held.  Initialise with A8_SPINLOCK_INIT (or let
 * shm_map's or .bss's zeroes do it).  Not for interrupt handlers: the
 * lock yields, which is a system call. */
typedef volatile int a8_spinlock_t;
#define A8_SPINLOCK_INIT    0

/* Takes the lock.  On one CPU the holder cannot run while we spin, so a
 * failed attempt gives the rest of the quantum away at once. */
static inline void a8_spin_lock(a8_spinlock_t *lock)
{
    while (a8_atomic_cas(lock, 0, 1) != 0)
        yield();
}

/* Releases the lock.  A plain store is enough: only the holder writes a
 * held lock (a failed CAS stores nothing), and the empty asm with its
 * "memory" clobber keeps the critical section's accesses before it. */
static inline void a8_spin_unlock(a8_spinlock_t *lock)
{
    __asm__ volatile("" ::: "memory");
    *lock = 0;
}

#endif /* _ATOMIC_H */
