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
/* Devices for apps (docs/devices.md). */
#define SYS_gpio_config 15  /* (int pin, int mode)                -> 0       */
#define SYS_gpio_read   16  /* (int pin)                          -> 0 or 1  */
#define SYS_gpio_write  17  /* (int pin, int value)               -> 0       */
#define SYS_gpio_info   18  /* (int pin)                          -> A8_GPIO_INFO bits */
#define SYS_irq_attach  19  /* (int source, void (*h)(int, int))  -> 0       */
#define SYS_irq_detach  20  /* (int source)                       -> 0       */
#define SYS_irq_wait    21  /* (int source)                       -> runs    */
#define SYS_irqinfo     22  /* (struct a8_irqinfo *, int max)     -> count   */
#define SYS_uart_open   23  /* (int port)                         -> 0       */
#define SYS_uart_close  24  /* (int port)                         -> 0       */
#define SYS_uart_read   25  /* (int port, void *buf, len)         -> bytes   */
#define SYS_uart_write  26  /* (int port, const void *buf, len)   -> bytes   */
#define SYS_leds        27  /* (unsigned mask, unsigned value)    -> state   */
#define SYS_shm_map     28  /* (const char *name, size, flags)    -> address */
#define SYS_shm_unmap   29  /* (void *address)                    -> 0       */
#define SYS_mutex_lock  30  /* (int *mutex)                       -> 0       */
#define SYS_mutex_unlock 31 /* (int *mutex)                       -> 0       */
#define NR_SYSCALLS     32

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
#define A8_SIGXCPU      24  /* an interrupt handler ran past its budget  */
#define A8_SIGSYS       31  /* an interrupt handler made a system call   */

/*
 * GPIO pins are numbered across the board's banks: pin = bank * 8 + bit on
 * realview-pb-a8 (GPIO0..2: pins 0..23; pin 16 is the SD card-detect line,
 * pin 17 write-protect: the kernel's, read-only to apps).
 * SYS_gpio_config modes: a direction, optionally with an interrupt type.
 */
#define A8_GPIO_IN          0
#define A8_GPIO_OUT         1
#define A8_GPIO_IRQ_NONE    (0 << 4)
#define A8_GPIO_IRQ_RISING  (1 << 4)
#define A8_GPIO_IRQ_FALLING (2 << 4)
#define A8_GPIO_IRQ_BOTH    (3 << 4)
#define A8_GPIO_IRQ_HIGH    (4 << 4)    /* level: while the pin is 1     */
#define A8_GPIO_IRQ_LOW     (5 << 4)    /* level: while the pin is 0     */
#define A8_GPIO_IRQ_MASK    (7 << 4)
/* SYS_gpio_info: the pin's mode (as configured) and these bits. */
#define A8_GPIO_INFO_VALUE    (1 << 8)  /* the pin reads 1               */
#define A8_GPIO_INFO_RESERVED (1 << 9)  /* the kernel's: read-only       */
#define A8_GPIO_INFO_HANDLER  (1 << 10) /* a user handler is attached    */

/*
 * Interrupt sources a process can attach a handler to (SYS_irq_attach):
 * a GPIO pin, or the receive side of a UART the process has opened.
 * The handler runs as  handler(source, value)  - value is the pin's level
 * for GPIO, the byte received for a UART - in IRQ mode, privileged, with
 * the kernel's memory closed to it (docs/user-irq.md), on a 4 KiB stack of
 * its own, for at most A8_IRQ_BUDGET_MS.  It may not make system calls.
 * A level-triggered GPIO interrupt stays masked after it fires until the
 * owner calls SYS_irq_wait.
 */
#define A8_SRC_GPIO(pin)    (pin)
#define A8_SRC_UART(port)   (32 + (port))
#define A8_IRQ_BUDGET_MS    10

/* SYS_shm_map flags. */
#define A8_SHM_RW           0           /* read and write                */
#define A8_SHM_RO           1           /* read only                     */
#define A8_SHM_MAX_SIZE     0x00100000  /* 1 MiB per region              */

/* A mutex (SYS_mutex_lock/unlock) is an int in shared memory: 0 when free,
 * else the owner's pid, with A8_MUTEX_WAITERS set when some process waits
 * in the kernel.  Lock and unlock do not enter the kernel unless the mutex
 * is contended (libc a8os/mutex.h). */
#define A8_MUTEX_WAITERS    0x80000000

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

/* One entry of SYS_irqinfo: an interrupt line, its count, its owner. */
struct a8_irqinfo {
    int      line;              /* the interrupt controller's line      */
    unsigned count;             /* interrupts taken since boot          */
    int      source;            /* a user handler's source, or -1       */
    int      owner;             /* pid of that handler's process, or 0  */
    char     name[A8_NAME_MAX]; /* what the line is                     */
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
