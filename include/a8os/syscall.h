/*
 * a8os/syscall.h - the system call interface, shared by the kernel
 * (assembly, through cpp) and libc (C).
 *
 * Calling convention: "svc #0" with the call number in r0 and arguments in
 * r1, r2, r3, r4; the result comes back in r0, a negative errno on failure
 * (a8os/errno.h).  The SVC immediate is ignored.  r1-r3 and r12 may be
 * changed by a call; every other register is preserved.  This is the AAPCS
 * layout of  long syscall(long n, long a, long b, long c, long d)  with
 * d loaded into r4 by the stub.
 *
 * Every pointer argument is checked against the caller's mapped user space
 * (with read or write permission as the call needs): a bad one gives
 * -EFAULT and nothing else happens.
 */
#ifndef A8OS_SYSCALL_H
#define A8OS_SYSCALL_H

#define SYS_exit        0   /* (int status)                       no return  */
#define SYS_getpid      1   /* ()                                 -> pid     */
#define SYS_write       2   /* (int fd, const void *buf, len)     -> bytes   */
#define SYS_read        3   /* (int fd, void *buf, len)           -> bytes   */
#define SYS_yield       4   /* ()                                 -> 0       */
#define SYS_sleep_ms    5   /* (unsigned ms)                      -> 0       */
#define SYS_uptime_ms   6   /* ()                                 -> ms      */
#define SYS_spawn       7   /* (const char *app, char *const argv[]) -> pid  */
#define SYS_wait        8   /* (int pid or -1, int *status, flags) -> pid    */
#define SYS_kill        9   /* (int pid)                          -> 0       */
#define SYS_sbrk        10  /* (int increment)                    -> old brk */
#define SYS_ps          11  /* (struct a8_procinfo *, int max)    -> count   */
#define SYS_apps        12  /* (struct a8_appinfo *, int max)     -> count   */
#define SYS_meminfo     13  /* (struct a8_meminfo *)              -> 0       */
#define SYS_counter     14  /* (unsigned *hz or 0)                -> count   */
#define NR_SYSCALLS     15

/* SYS_wait flags. */
#define A8_WNOHANG      1   /* return 0 at once if no child has ended     */

/* File descriptors of the console. */
#define FD_STDIN        0
#define FD_STDOUT       1
#define FD_STDERR       2

/*
 * SYS_counter returns the board's free-running counter (the 24 MHz one on
 * realview-pb-a8), and stores its frequency in *hz if hz is not 0: the
 * clock benchmarks measure with.
 *
 * Wait status, as in Unix: a process that called exit(code) has status
 * (code & 0xFF) << 8; one that was killed has the reason in the low 7 bits.
 */
#define A8_SIGILL       4   /* undefined instruction                     */
#define A8_SIGBUS       7   /* alignment fault                           */
#define A8_SIGKILL      9   /* kill() from another process               */
#define A8_SIGSEGV      11  /* data or prefetch abort                    */

/* Limits. */
#define A8_NAME_MAX     16  /* app and process names, NUL included        */
#define A8_ARGV_MAX     16  /* arguments to spawn, argv[0] included       */
#define A8_ARGS_BYTES   1024 /* bytes of argument strings, NULs included  */

/* Process states reported by SYS_ps. */
#define A8_STATE_RUNNING   'R'   /* on the CPU or ready to run             */
#define A8_STATE_SLEEPING  'S'   /* in sleep_ms                            */
#define A8_STATE_BLOCKED   'B'   /* waiting: input, a child, ...           */
#define A8_STATE_ZOMBIE    'Z'   /* exited, parent has not waited yet      */

#ifndef __ASSEMBLER__
/* One entry of SYS_ps. */
struct a8_procinfo {
    int      pid;
    int      ppid;
    int      state;             /* A8_STATE_*                              */
    unsigned ticks;             /* CPU time, in ticks (ms)                 */
    unsigned pages;             /* user pages mapped                       */
    char     name[A8_NAME_MAX];
};

/* One entry of SYS_apps: an app on the SD card that passed its checks. */
struct a8_appinfo {
    char     name[A8_NAME_MAX];
    unsigned size;              /* bytes of ELF                            */
};

/* SYS_meminfo. */
struct a8_meminfo {
    unsigned pages_total;       /* pages the allocator manages             */
    unsigned pages_free;
    unsigned asids_used;        /* ASIDs held by live processes            */
    unsigned asid_generation;   /* ASID rollovers so far                   */
    unsigned nproc;             /* processes (zombies included)            */
    unsigned nproc_max;
};
#endif

#endif /* A8OS_SYSCALL_H */
