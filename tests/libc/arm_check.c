/*
 * arm_check.c - the real libc.a and crt0.o at work on the target: a bare
 * program for QEMU's realview-pb-a8 (no kernel; arm_boot.S starts it),
 * whose system calls are faked here over semihosting.  What the host
 * tests cannot see runs here: the 32-bit long, size_t and pointers, the
 * ARM calling convention for variadic 64-bit arguments, the word loops
 * of string.c on ARM, malloc with its 32-bit headers, and crt0's path from
 * _start through main to exit, flushing stdout on the way.
 *
 * It prints the printf matrix (shared.h; tests/test_libc.py compares it
 * with glibc's on the host), its failures, and a last line
 * "arm: N checks, M failures"; QEMU's exit status is main's result, or
 * 100 + the vector number if an exception was taken.
 */
#include <a8os.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>
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

/* The kernel's side of every system call libc makes: arm_boot.S's SVC
 * vector calls it for each "svc #0". */
long fake_kernel(long n, long a, long b, long c, long d);
long fake_kernel(long n, long a, long b, long c, long d)
{
    (void)d;
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
        return 1;
    default:
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

    /* No newline: exit must flush this line. */
    printf("arm: %ld checks, %ld failures", checks, failures);
    return failures != 0;
}
