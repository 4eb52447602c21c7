/*
 * arm_check.c - the real libc.a and crt0.o at work on the target: a bare
 * program for QEMU's realview-pb-a8 (no kernel; arm_boot.S starts it),
 * whose system calls are faked here over semihosting.  What the host
 * tests cannot see runs here: the 32-bit long, size_t and pointers, the
 * ARM calling convention for variadic 64-bit arguments, the word loops
 * of string.c on ARM, malloc with its 32-bit headers, and crt0's path from
 * _start through main to exit, flushing stdout on the way.
 *
 * And the new system call stubs (each must pass its arguments in the
 * right registers), atomic.h, and mutex.h's inline fast paths, whose slow
 * paths reach a fake kernel that plays the other processes.
 *
 * It prints the printf matrix (shared.h; tests/test_libc.py compares it
 * with glibc's on the host), its failures, and a last line
 * "arm: N checks, M failures"; QEMU's exit status is main's result, or
 * 100 + the vector number if an exception was taken.
 */
#include <a8os.h>
#include <atomic.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <mutex.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

long semihost(long op, void *arg);                  /* arm_boot.S */
_Noreturn void semihost_exit(int status);

static long checks, failures;

/* Counts one check; prints the message of a failed one (the first 40). */
static void check(int ok, const char *fmt, ...)
{
    checks++;
    if (ok)
        return;
    if (++failures <= 40) {
        va_list ap;
        va_start(ap, fmt);
        printf("FAIL arm: ");
        vprintf(fmt, ap);
        printf("\n");
        va_end(ap);
    }
}

/* ---- the system calls, faked ---------------------------------------------- */

#define ARENA (16u << 20)
static _Alignas(8) unsigned char arena[ARENA];
static unsigned char *brk_now = arena + 4096;
static const char *input = "12\x7f" "3\r";          /* what read() gives */

/* Writes n bytes to QEMU's standard output; returns the bytes written. */
static long tt_write(const void *buf, unsigned long n)
{
    static long handle = -1;
    if (handle < 0) {
        long open_block[3] = { (long)":tt", 4, 3 };     /* "w" */
        handle = semihost(0x01, open_block);            /* SYS_OPEN */
    }
    long write_block[3] = { handle, (long)buf, (long)n };
    return (long)n - semihost(0x05, write_block);       /* SYS_WRITE */
}

/* The last device call (SYS_gpio_config and up), as the kernel saw it. */
static long last_call[4];
static int yields, lock_slow, unlock_slow;
static volatile int *yield_frees;       /* a lock that yield() releases */
#define FAKE_PID    1                   /* what getpid and TPIDRURO say */
#define OTHER_PID   7

/* The kernel's side of every system call libc makes: arm_boot.S's SVC
 * vector calls it for each "svc #0". */
long fake_kernel(long n, long a, long b, long c, long d);
long fake_kernel(long n, long a, long b, long c, long d)
{
    (void)d;
    if (n >= SYS_gpio_config && n < NR_SYSCALLS) {
        last_call[0] = n;
        last_call[1] = a;
        last_call[2] = b;
        last_call[3] = c;
    }
    switch (n) {
    case SYS_exit:
        semihost_exit((int)a);
    case SYS_write:
        return a == FD_STDOUT || a == FD_STDERR ? tt_write((void *)b, (unsigned long)c)
                                                : -EBADF;
    case SYS_read:
        if (a != FD_STDIN || c == 0)
            return -EBADF;
        if (*input == '\0')
            return 0;
        *(char *)b = *input++;
        return 1;
    case SYS_sbrk:
        if (a > (long)(arena + ARENA - brk_now) || a < (long)(arena - brk_now))
            return -ENOMEM;
        brk_now += a;
        return (long)(brk_now - a);
    case SYS_getpid:
        return FAKE_PID;
    case SYS_yield:
        /* another process ran and released the lock */
        yields++;
        if (yield_frees != NULL)
            *yield_frees = 0;
        yield_frees = NULL;
        return 0;
    case SYS_mutex_lock: {
        /* a held mutex: its owner dies, the caller gets it */
        volatile int *m = (volatile int *)a;
        lock_slow++;
        if (*m == 0 || *m == FAKE_PID)
            return -EINVAL;             /* the fast path should not be here */
        *m = FAKE_PID;
        return -EOWNERDEAD;
    }
    case SYS_mutex_unlock: {
        /* waiters: the first gets the mutex; not ours: EPERM */
        volatile int *m = (volatile int *)a;
        unlock_slow++;
        if (*m == (FAKE_PID | (int)A8_MUTEX_WAITERS)) {
            *m = OTHER_PID;
            return 0;
        }
        return -EPERM;
    }
    case SYS_shm_map:
        return b == 0 ? -EINVAL : 0x3C000000;
    default:
        if (n >= SYS_gpio_config && n < NR_SYSCALLS)
            return 1000 + n;

        return -ENOSYS;
    }
}

/* ---- the shared checks ------------------------------------------------------ */

/* Checks a fresh block: not NULL, 8-byte aligned, inside the arena. */
static int good_block(const void *p, size_t n)
{
    const unsigned char *b = p;
    return b != NULL && ((uintptr_t)b & 7) == 0 && b >= arena &&
           b + n <= brk_now;
}

/* Moves the break behind malloc's back, through libc's sbrk. */
static void *foreign_sbrk(int n)
{
    return sbrk(n);
}

#define LIBC(name) name
#include "shared.h"

/* Prints a line of the matrix. */
static void matrix_out(const char *line)
{
    check(puts(line) >= 0, "puts");
}

/* ---- printf where 32-bit types show ------------------------------------------ */

/* snprintf must give exactly want (and its length). */
static void expect(const char *want, const char *fmt, ...)
{
    char buf[100];
    va_list ap;
    va_start(ap, fmt);
    int r = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    check(r == (int)strlen(want) && strcmp(buf, want) == 0,
          "\"%s\": \"%s\" (%d), expected \"%s\"", fmt, buf, r, want);
}

/* printf with the types whose width differs between the host and here. */
static void printf_ilp32(void)
{
    check(sizeof(long) == 4 && sizeof(size_t) == 4 && sizeof(void *) == 4,
          "a 32-bit target");
    expect("2147483647 -2147483648", "%ld %ld", LONG_MAX, LONG_MIN);
    expect("4294967295 ffffffff 37777777777", "%lu %lx %lo", ULONG_MAX,
           ULONG_MAX, ULONG_MAX);
    expect("-1 4294967295 ffffffff", "%zd %zu %zx", SIZE_MAX, SIZE_MAX, SIZE_MAX);
    expect("-2147483648 2147483648", "%td %tu", PTRDIFF_MIN, PTRDIFF_MIN);
    expect("0xffffffff|0x20000000|(nil)", "%p|%p|%p", (void *)0xffffffff,
           (void *)0x20000000, (void *)0);
    expect("1 -9223372036854775808 2", "%d %lld %d", 1, LLONG_MIN, 2);
    expect("18446744073709551615 ffffffffffffffff 1777777777777777777777",
           "%llu %llx %llo", ULLONG_MAX, ULLONG_MAX, ULLONG_MAX);
    expect("a 1 b 4294967296 c", "%c %d %c %lld %c", 'a', 1, 'b', 1LL << 32, 'c');
    expect("-9223372036854775807 9223372036854775807", "%jd %jd",
           INTMAX_MIN + 1, INTMAX_MAX);
    expect("  -42|0xd6", "%5hhd|%#hhx", 214, 214);
    expect("-1 65535", "%hd %hu", 65535, -1);
    expect("  12345678901|", "%13lld|", 12345678901LL);
    expect("x=-10000000000 y=-42", "x=%lld y=%ld", -10000000000LL, -42L);
    expect("%f|7|%.2e|8", "%f|%d|%.2e|%d", 1.5, 7, 2.0, 8);
}

/* ---- string.h on ARM, against plain byte loops --------------------------------
 * (This file is compiled with -fno-tree-loop-distribute-patterns, so that
 * the reference loops stay loops and do not become calls of what they
 * check.) */

#define SB 200
static unsigned char ref[SB], got[SB];

/* Fills both arrays with the same pattern. */
static void fill(void)
{
    for (int i = 0; i < SB; i++)
        ref[i] = got[i] = (unsigned char)(i * 13 + 5);
}

/* -1, 0 or 1 as x is negative, zero or positive. */
static int sign(int x)
{
    return (x > 0) - (x < 0);
}

/* string.h at every alignment against byte loops, and a few more. */
static void strings(void)
{
    for (int d = 0; d < 8; d++)
        for (int s = 0; s < 8; s++)
            for (int n = 0; n < 80; n++) {
                fill();
                for (int i = 0; i < n; i++)
                    ref[100 + d + i] = ref[s + i];
                check(memcpy(got + 100 + d, got + s, (size_t)n) == got + 100 + d &&
                      memcmp(ref, got, SB) == 0, "memcpy +%d +%d %d", d, s, n);
            }
    for (int d = 0; d < 40; d++)
        for (int s = 0; s < 40; s++)
            for (int n = 0; n < 100; n += 3) {
                fill();
                unsigned char tmp[SB];
                for (int i = 0; i < n; i++)
                    tmp[i] = ref[s + i];
                for (int i = 0; i < n; i++)
                    ref[d + i] = tmp[i];
                check(memmove(got + d, got + s, (size_t)n) == got + d &&
                      memcmp(ref, got, SB) == 0, "memmove %d %d %d", d, s, n);
            }
    for (int d = 0; d < 8; d++)
        for (int n = 0; n < 80; n++) {
            fill();
            for (int i = 0; i < n; i++)
                ref[d + i] = 0xa5;
            check(memset(got + d, 0x1a5, (size_t)n) == got + d &&
                  memcmp(ref, got, SB) == 0, "memset +%d %d", d, n);
        }
    for (int off = 0; off < 8; off++) {
        char *s = (char *)got + off;
        strcpy(s, "hello, world");
        check(strlen(s) == 12 && strchr(s, 'o') == s + 4 &&
              strrchr(s, 'o') == s + 8 && strstr(s, "world") == s + 7,
              "strlen/strchr/strstr at +%d", off);
    }
    check(sign(strcmp("a\x80", "a\x7f")) == 1 && sign(strcmp("", "a")) == -1 &&
          sign(memcmp("\xff", "\x01", 1)) == 1 && strncmp("abc", "abd", 2) == 0,
          "compare signs (bytes as unsigned)");
    check(toupper('q') == 'Q' && isspace('\t') && !isprint(0x80),
          "ctype");
    char *end;
    errno = 0;
    check(strtol("-2147483649", &end, 10) == LONG_MIN && errno == ERANGE &&
          *end == '\0' && strtoul("0xffffffff", NULL, 0) == 0xffffffffUL &&
          strtoul("4294967296", NULL, 10) == ULONG_MAX,
          "strtol/strtoul with a 32-bit long");
}

/* ---- the device system calls, atomic.h and mutex.h ---------------------------- */

/* The fake kernel must have seen call n with its nargs arguments a, b,
 * c (the registers past them hold whatever they held), and the stub must
 * have returned 1000 + n, the fake's answer. */
static void saw(long r, const char *name, long n, int nargs, long a, long b,
                long c)
{
    check(r == 1000 + n && last_call[0] == n && last_call[1] == a &&
          (nargs < 2 || last_call[2] == b) && (nargs < 3 || last_call[3] == c),
          "%s: got %ld, the kernel saw (%ld, %#lx, %#lx, %#lx)", name, r,
          last_call[0], last_call[1], last_call[2], last_call[3]);
}

static void on_irq(int source, int value)
{
    (void)source;
    (void)value;
}

/* Every new stub moves its arguments up one register and its number into
 * r0 (a8os/syscall.h). */
static void device_stubs(void)
{
    static char buf[8];
    struct a8_irqinfo info[2];

    saw(gpio_config(3, A8_GPIO_OUT | A8_GPIO_IRQ_BOTH), "gpio_config",
        SYS_gpio_config, 2, 3, A8_GPIO_OUT | A8_GPIO_IRQ_BOTH, 0);
    saw(gpio_read(4), "gpio_read", SYS_gpio_read, 1, 4, 0, 0);
    saw(gpio_write(5, 1), "gpio_write", SYS_gpio_write, 2, 5, 1, 0);
    saw(gpio_info(6), "gpio_info", SYS_gpio_info, 1, 6, 0, 0);
    saw(irq_attach(A8_SRC_UART(1), on_irq), "irq_attach", SYS_irq_attach,
        2, 33, (long)on_irq, 0);
    saw(irq_detach(7), "irq_detach", SYS_irq_detach, 1, 7, 0, 0);
    saw(irq_wait(8), "irq_wait", SYS_irq_wait, 1, 8, 0, 0);
    saw(irqinfo(info, 2), "irqinfo", SYS_irqinfo, 2, (long)info, 2, 0);
    saw(uart_open(1), "uart_open", SYS_uart_open, 1, 1, 0, 0);
    saw(uart_close(2), "uart_close", SYS_uart_close, 1, 2, 0, 0);
    saw(uart_read(1, buf, 5), "uart_read", SYS_uart_read, 3, 1, (long)buf, 5);
    saw(uart_write(2, buf, 6), "uart_write", SYS_uart_write, 3, 2, (long)buf, 6);
    saw(leds(0x3, 0x1), "leds", SYS_leds, 2, 3, 1, 0);
    saw(shm_unmap((void *)0x3C000000), "shm_unmap", SYS_shm_unmap,
        1, 0x3C000000, 0, 0);

    void *p = shm_map("region", 4096, A8_SHM_RO);
    check(p == (void *)0x3C000000 && !A8_IS_ERR(p) &&
          last_call[0] == SYS_shm_map && strcmp((char *)last_call[1], "region") == 0 &&
          last_call[2] == 4096 && last_call[3] == A8_SHM_RO, "shm_map: %p", p);
    p = shm_map("region", 0, A8_SHM_RW);
    check(A8_IS_ERR(p) && A8_PTR_ERR(p) == -EINVAL, "shm_map error: %p", p);
    check(!A8_IS_ERR((void *)0x3FFFF000) && A8_IS_ERR((void *)-1) &&
          A8_IS_ERR((void *)-4095) && !A8_IS_ERR((void *)-4096),
          "A8_IS_ERR bounds");
}

/* atomic.h on the real LDREX/STREX. */
static void atomics(void)
{
    static volatile int w;
    static a8_spinlock_t lock;

    w = 5;
    check(a8_atomic_add(&w, 3) == 8 && w == 8, "atomic_add: %d", w);
    check(a8_atomic_add(&w, -10) == -2 && w == -2, "atomic_add negative: %d", w);
    check(a8_atomic_cas(&w, 4, 9) == -2 && w == -2, "failed cas: %d", w);
    check(a8_atomic_cas(&w, -2, 9) == -2 && w == 9, "cas: %d", w);
    check(a8_atomic_swap(&w, 11) == 9 && w == 11, "swap: %d", w);

    yields = 0;
    a8_spin_lock(&lock);
    check(lock == 1 && yields == 0, "free spinlock: %d, %d yields", lock, yields);
    yield_frees = &lock;                /* the "holder" lets go at a yield */
    a8_spin_lock(&lock);
    check(lock == 1 && yields == 1, "held spinlock: %d, %d yields", lock, yields);
    a8_spin_unlock(&lock);
    check(lock == 0, "spin_unlock: %d", lock);
}

/* mutex.h: the fast paths change the word alone, the slow paths go to
 * the kernel with what it needs. */
static void mutexes(void)
{
    static a8_mutex_t m;
    int r;

    /* the kernel's job, done here: our pid in TPIDRURO */
    __asm__ volatile("mcr p15, 0, %0, c13, c0, 3" : : "r"(FAKE_PID));

    lock_slow = unlock_slow = 0;
    m = A8_MUTEX_INIT;
    r = a8_mutex_lock(&m);
    check(r == 0 && m == FAKE_PID && lock_slow == 0, "lock a free mutex: %d %#x %d",
          r, m, lock_slow);
    r = a8_mutex_unlock(&m);
    check(r == 0 && m == 0 && unlock_slow == 0, "unlock: %d %#x %d",
          r, m, unlock_slow);
    for (int i = 0; i < 1000; i++) {
        r = a8_mutex_lock(&m);
        r |= a8_mutex_unlock(&m);
    }
    check(r == 0 && m == 0 && lock_slow == 0 && unlock_slow == 0,
          "1000 lock+unlock: %d %#x %d %d", r, m, lock_slow, unlock_slow);

    m = OTHER_PID;                      /* held: the slow path */
    r = a8_mutex_lock(&m);
    check(r == -EOWNERDEAD && m == FAKE_PID && lock_slow == 1,
          "lock a held mutex: %d %#x %d", r, m, lock_slow);
    m = OTHER_PID | (int)A8_MUTEX_WAITERS;
    r = a8_mutex_lock(&m);
    check(r == -EOWNERDEAD && lock_slow == 2, "lock with waiters: %d %d", r, lock_slow);

    m = FAKE_PID | (int)A8_MUTEX_WAITERS;   /* ours, with waiters */
    r = a8_mutex_unlock(&m);
    check(r == 0 && m == OTHER_PID && unlock_slow == 1,
          "unlock with waiters: %d %#x %d", r, m, unlock_slow);
    m = OTHER_PID;                      /* not ours */
    r = a8_mutex_unlock(&m);
    check(r == -EPERM && m == OTHER_PID && unlock_slow == 2,
          "unlock another's: %d %#x %d", r, m, unlock_slow);
    m = 0;                              /* not locked */
    r = a8_mutex_unlock(&m);
    check(r == -EPERM && m == 0 && unlock_slow == 3,
          "unlock a free mutex: %d %#x %d", r, m, unlock_slow);
}

/* Runs every check; returns 1 if one failed (crt0 passes it to exit). */
int main(int argc, char **argv)
{
    char line[16];

    check(argc == 2 && strcmp(argv[0], "arm_check") == 0 &&
          strcmp(argv[1], "x") == 0 && argv[2] == NULL, "argc and argv");
    printf_ilp32();
    strings();
    check(readline("> ", line, sizeof line) == 2 && strcmp(line, "13") == 0,
          "readline");
    malloc_stress(1000, 60000);
    printf_matrix(snprintf, matrix_out);
    check(strcmp(strsignal(WTERMSIG(11)), "segmentation fault") == 0, "strsignal");
    device_stubs();
    atomics();
    mutexes();

    /* No newline: exit must flush this line. */
    printf("arm: %ld checks, %ld failures", checks, failures);
    return failures != 0;
}
