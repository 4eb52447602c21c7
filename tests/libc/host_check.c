/*
 * host_check.c - runs parts of the a8os libc on the host and compares them
 * with glibc (tests/test_libc.py builds and runs it).
 *
 * The libc sources are compiled with the host compiler against libc's own
 * headers, every public name renamed with -D to a8_NAME (a8_printf,
 * a8_malloc, a8_errno, ...), so that they sit beside glibc in one program.
 * The system calls they make (write, read, sbrk) and abort are provided
 * here as fakes that record what happens.
 *
 *   host_check printf|string|strtol|ctype|malloc|stdio|readline|assert|strerror
 *              |exit|matrix
 *
 * Each part prints its failures (the first few in detail) and a last line
 * "PART: N checks, M failures"; the exit status is 1 if anything failed.
 */
#define _POSIX_C_SOURCE 200809L

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "a8os/syscall.h"

/* ---- the a8os libc under test, as renamed by the build ------------------ */

struct FILE;                            /* a8os's FILE, not glibc's */
extern struct FILE *a8_stdin, *a8_stdout, *a8_stderr;
extern int a8_errno;

int a8_snprintf(char *buf, size_t size, const char *fmt, ...);
int a8_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int a8_sprintf(char *buf, const char *fmt, ...);
int a8_vsprintf(char *buf, const char *fmt, va_list ap);
int a8_printf(const char *fmt, ...);
int a8_fprintf(struct FILE *f, const char *fmt, ...);
int a8_vfprintf(struct FILE *f, const char *fmt, va_list ap);
int a8_fputc(int c, struct FILE *f);
int a8_putc(int c, struct FILE *f);
int a8_putchar(int c);
int a8_fputs(const char *s, struct FILE *f);
int a8_puts(const char *s);
int a8_fflush(struct FILE *f);
int a8_getchar(void);
int a8_readline(const char *prompt, char *buf, int size);

void *a8_memcpy(void *dst, const void *src, size_t n);
void *a8_memmove(void *dst, const void *src, size_t n);
void *a8_memset(void *dst, int c, size_t n);
int a8_memcmp(const void *a, const void *b, size_t n);
void *a8_memchr(const void *s, int c, size_t n);
size_t a8_strlen(const char *s);
size_t a8_strnlen(const char *s, size_t max);
char *a8_strcpy(char *dst, const char *src);
char *a8_strncpy(char *dst, const char *src, size_t n);
char *a8_strcat(char *dst, const char *src);
char *a8_strncat(char *dst, const char *src, size_t n);
int a8_strcmp(const char *a, const char *b);
int a8_strncmp(const char *a, const char *b, size_t n);
char *a8_strchr(const char *s, int c);
char *a8_strrchr(const char *s, int c);
char *a8_strstr(const char *h, const char *n);
size_t a8_strspn(const char *s, const char *accept);
size_t a8_strcspn(const char *s, const char *reject);
char *a8_strtok_r(char *s, const char *delim, char **save);
char *a8_strdup(const char *s);
char *a8_strerror(int errnum);
const char *a8_strsignal(int sig);

long a8_strtol(const char *s, char **end, int base);
unsigned long a8_strtoul(const char *s, char **end, int base);
int a8_atoi(const char *s);
long a8_atol(const char *s);

int a8_isdigit(int), a8_isxdigit(int), a8_isalpha(int), a8_isalnum(int),
    a8_isspace(int), a8_isupper(int), a8_islower(int), a8_isprint(int),
    a8_ispunct(int), a8_iscntrl(int), a8_toupper(int), a8_tolower(int);

void *a8_malloc(size_t n);
void a8_free(void *p);
void *a8_calloc(size_t n, size_t size);
void *a8_realloc(void *p, size_t n);

void a8_exit(int status);
void a8_real_abort(void);               /* stdlib.c's abort */
int a8_abs(int x);
long a8_labs(long x);

void __a8_assert_fail(const char *expr, const char *file, int line,
                      const char *func);
int a8_assert_probe(int x);             /* tests/libc/assert_use.c */
int a8_assert_probe_ndebug(int x);

/* ---- checks ------------------------------------------------------------- */

static const char *part;
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
        printf("FAIL %s: ", part);
        vprintf(fmt, ap);
        printf("\n");
        va_end(ap);
    }
}

/* s (n bytes) as a C string literal, in one of four rotating buffers. */
static const char *quote(const char *s, size_t n)
{
    static char bufs[4][1200];
    static int which;
    char *out = bufs[which++ & 3], *p = out;
    *p++ = '"';
    for (size_t i = 0; i < n && p < out + sizeof bufs[0] - 8; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            p += sprintf(p, "\\%c", c);
        else if (c >= 0x20 && c < 0x7f)
            *p++ = (char)c;
        else
            p += sprintf(p, "\\x%02x", c);
    }
    *p++ = '"';
    *p = '\0';
    return out;
}

/* -1, 0 or 1 as x is negative, zero or positive. */
static int sign(long x)
{
    return (x > 0) - (x < 0);
}

/* ---- fakes of the system calls malloc makes, and the shared checks ---- */

#define ARENA (32u << 20)
static _Alignas(4096) unsigned char arena[ARENA];
static unsigned char *brk_now = arena + 5;  /* an odd start, to align */
static size_t arena_limit = ARENA;      /* sbrk fails beyond this */
static long sbrk_calls;

/* The fake sbrk: moves a break through arena, failing (ENOMEM) past
 * arena_limit, as the kernel's SYS_sbrk would. */
void *a8_sbrk(int increment)
{
    sbrk_calls++;
    if (increment < 0 ? (size_t)-increment > (size_t)(brk_now - arena)
                      : (size_t)increment > arena_limit - (size_t)(brk_now - arena)) {
        a8_errno = ENOMEM;
        return (void *)-1;
    }
    void *old = brk_now;
    brk_now += increment;
    return old;
}

static jmp_buf abort_jump;
static int abort_armed, aborts;

/* The fake abort: counts, and returns to the test that expected it. */
void a8_abort(void)
{
    aborts++;
    if (abort_armed)
        longjmp(abort_jump, 1);
    printf("FAIL %s: unexpected abort()\n", part);
    exit(1);
}

/* Checks a fresh block: not NULL, 8-byte aligned, inside the arena. */
static int good_block(const void *p, size_t n)
{
    const unsigned char *b = p;
    return b != NULL && ((uintptr_t)b & 7) == 0 && b >= arena &&
           b + n <= brk_now;
}

/* The fake sbrk, called by the stress test behind malloc's back. */
static void *foreign_sbrk(int n)
{
    return a8_sbrk(n);
}

#define LIBC(name) a8_##name
#include "shared.h"

/* ---- printf --------------------------------------------------------------- */

#define BUF 600
static char gbuf[BUF], mbuf[BUF];

/* Compares what glibc (gr, gbuf) and a8os (mr, mbuf) printed for desc:
 * the return values and the whole buffers, bytes after the NUL included
 * (both were filled with 0x5a first). */
static void compare_printed(const char *desc, int gr, int mr)
{
    int ok = gr == mr && memcmp(gbuf, mbuf, BUF) == 0;
    size_t n = gr >= 0 && gr < BUF ? (size_t)gr : 0;
    check(ok, "%s: glibc %d %s, a8os %d %s", desc, gr, quote(gbuf, n), mr,
          quote(mbuf, mr >= 0 && mr < BUF ? (size_t)mr : 0));
}

/* snprintf into gbuf and mbuf with the same arguments, then compare. */
#define CMP_SIZE(desc, size, ...) do {                                      \
        memset(gbuf, 0x5a, BUF);                                            \
        memset(mbuf, 0x5a, BUF);                                            \
        int gr_ = snprintf(gbuf, (size), __VA_ARGS__);                      \
        int mr_ = a8_snprintf(mbuf, (size), __VA_ARGS__);                   \
        compare_printed((desc), gr_, mr_);                                  \
    } while (0)
#define CMP(desc, ...)  CMP_SIZE((desc), BUF, __VA_ARGS__)
/* One literal case: its source text is its description. */
#define P(...)          CMP(#__VA_ARGS__, __VA_ARGS__)

enum { L_NONE, L_HH, L_H, L_L, L_LL, L_Z, L_T, L_J, NLEN };
static const char *const len_text[NLEN] = { "", "hh", "h", "l", "ll", "z", "t", "j" };

/* Formats v with fmt (an integer conversion of length len), passing it
 * as the type that length reads. */
static void cmp_int(const char *fmt, int len, unsigned long long v)
{
    switch (len) {
    case L_NONE: case L_HH: case L_H:
        CMP(fmt, fmt, (int)v); break;
    case L_L:  CMP(fmt, fmt, (long)v); break;
    case L_LL: CMP(fmt, fmt, (long long)v); break;
    case L_Z:  CMP(fmt, fmt, (size_t)v); break;
    case L_T:  CMP(fmt, fmt, (ptrdiff_t)v); break;
    case L_J:  CMP(fmt, fmt, (intmax_t)v); break;
    }
}

static const char *const widths[] = { "", "1", "3", "6", "23", "40" };
static const char *const precs[] = { "", ".", ".0", ".1", ".3", ".6", ".22", ".40" };
#define NW (sizeof widths / sizeof widths[0])
#define NP (sizeof precs / sizeof precs[0])

/* Every integer conversion with every flag set, width, precision and
 * length, on every value of int_values. */
static void printf_integers(void)
{
    static const char convs[] = "diuoxX";
    char fmt[64];

    for (const char *c = convs; *c; c++)
        for (int len = 0; len < NLEN; len++)
            for (unsigned mask = 0; mask < 32; mask++)
                for (size_t w = 0; w < NW; w++)
                    for (size_t pr = 0; pr < NP; pr++) {
                        char *p = fmt;
                        *p++ = '[';
                        *p++ = '%';
                        p = put_flags(p, mask);
                        p += sprintf(p, "%s%s%s%c]", widths[w], precs[pr],
                                     len_text[len], *c);
                        for (size_t v = 0; v < NVALUES; v++)
                            cmp_int(fmt, len, int_values[v]);
                    }
}

/* %c, %s, %p and %% with every flag set, width and precision. */
static void printf_others(void)
{
    static const int chars[] = { 'a', 'Z', ' ', '%', 0, 1, 0x7f, 0xff, 0x141 };
    static const char *const strings[] = {
        "", "a", "ab", "hello", "hello!", "hello, world",
        "a longer string of text, 0123456789 0123456789", "%d%s", NULL,
    };
    static int object;
    void *const pointers[] = {
        NULL, (void *)1, (void *)0xf, (void *)0x1234, (void *)0xdeadbeef,
        (void *)(uintptr_t)0x7fffffff, (void *)UINTPTR_MAX, &object,
        (void *)((uintptr_t)1 << (sizeof(void *) * 8 - 1)),
    };
    char fmt[64];

    for (unsigned mask = 0; mask < 32; mask++)
        for (size_t w = 0; w < NW; w++)
            for (size_t pr = 0; pr < NP; pr++) {
                char *p = fmt, *conv;
                *p++ = '<';
                *p++ = '%';
                p = put_flags(p, mask);
                p += sprintf(p, "%s%s", widths[w], precs[pr]);
                conv = p;
                p[1] = '>';
                p[2] = '\0';

                *conv = 'c';
                for (size_t i = 0; i < sizeof chars / sizeof chars[0]; i++)
                    CMP(fmt, fmt, chars[i]);
                *conv = 's';
                for (size_t i = 0; i < sizeof strings / sizeof strings[0]; i++)
                    CMP(fmt, fmt, strings[i]);
                *conv = 'p';
                for (size_t i = 0; i < sizeof pointers / sizeof pointers[0]; i++)
                    CMP(fmt, fmt, pointers[i]);
                *conv = '%';
                CMP(fmt, "%s", fmt);    /* the format itself as text */
                CMP(fmt, fmt, 0);
            }
}

/* Width and precision given as * arguments, negative ones included. */
static void printf_stars(void)
{
    static const char *const fmts[] = {
        "[%*d]", "[%-*d]", "[%0*d]", "[%*x]", "[%#*o]", "[%*s]", "[%-*s]",
        "[%*c]", "[%*p]", "[%+*i]",
    };
    static const char *const pfmts[] = {
        "[%.*d]", "[%8.*d]", "[%-8.*x]", "[%.*s]", "[%08.*u]", "[%#.*o]",
        "[%#.*X]", "[%.*p]", "[%12.*s]",
    };
    char desc[80];

    for (size_t f = 0; f < sizeof fmts / sizeof fmts[0]; f++)
        for (int w = -30; w <= 30; w++) {
            snprintf(desc, sizeof desc, "%s with * = %d", fmts[f], w);
            char conv = fmts[f][strlen(fmts[f]) - 2];
            if (conv == 's')
                CMP(desc, fmts[f], w, "text");
            else if (conv == 'p')
                CMP(desc, fmts[f], w, (void *)0xbeef);
            else
                CMP(desc, fmts[f], w, conv == 'c' ? 'q' : -1234);
        }
    for (size_t f = 0; f < sizeof pfmts / sizeof pfmts[0]; f++)
        for (int pr = -5; pr <= 25; pr++) {
            snprintf(desc, sizeof desc, "%s with * = %d", pfmts[f], pr);
            char conv = pfmts[f][strlen(pfmts[f]) - 2];
            if (conv == 's')
                CMP(desc, pfmts[f], pr, "some text here");
            else if (conv == 'p')
                CMP(desc, pfmts[f], pr, (void *)0xbeef);
            else
                CMP(desc, pfmts[f], pr, 0);
            if (conv != 's' && conv != 'p')
                CMP(desc, pfmts[f], pr, 4711);
        }
    for (int w = -12; w <= 12; w += 3)
        for (int pr = -2; pr <= 8; pr += 2) {
            snprintf(desc, sizeof desc, "[%%*.*d] with %d, %d", w, pr);
            CMP(desc, "[%*.*d]", w, pr, -77);
            CMP(desc, "[%*.*s]", w, pr, "abcdefghij");
        }
    P("[%-*d]", 0, 5);
}

/* Literal cases: edge values, several conversions in one format, text
 * around them, and what glibc does in cases C leaves open. */
static void printf_literals(void)
{
    P("");
    P("plain text, no conversion");
    P("%%");
    P("100%% sure");
    P("%d", 0);
    P("%d", INT_MAX);
    P("%d", INT_MIN);
    P("%i", -1);
    P("%u", UINT_MAX);
    P("%x", UINT_MAX);
    P("%X", 0xabcdefu);
    P("%o", 0u);
    P("%#o", 0u);
    P("%#x", 0u);
    P("%#X", 255u);
    P("%#.0o", 0u);
    P("%#.0x", 0u);
    P("%.0d", 0);
    P("%.0u|%.0x|%.0o|%.0i", 0u, 0u, 0u, 0);
    P("%+.0d|% .0d|%+5.0d|%-+5.0d|", 0, 0, 0, 0);
    P("%ld", LONG_MAX);
    P("%ld", LONG_MIN);
    P("%lu", ULONG_MAX);
    P("%lx", ULONG_MAX);
    P("%lld", LLONG_MIN);
    P("%lld", LLONG_MAX);
    P("%llu", ULLONG_MAX);
    P("%llx|%llX|%llo", ULLONG_MAX, ULLONG_MAX, ULLONG_MAX);
    P("%#llx|%#llo", 0x8000000000000000ULL, 0x8000000000000000ULL);
    P("%hhd|%hhu|%hhx", 0x1ff, 0x1ff, -1);
    P("%hhd|%hhd|%hhd", 127, 128, -129);
    P("%hd|%hu|%hx", 0x18000, -1, 70000);
    P("%hd|%hd", 32767, 32768);
    P("%zu|%zd|%zx", (size_t)-1, (size_t)-1, (size_t)12345);
    P("%td|%tu|%tx", (ptrdiff_t)-5, (ptrdiff_t)-5, (ptrdiff_t)255);
    P("%jd|%ju|%jx", INTMAX_MIN, UINTMAX_MAX, INTMAX_MAX);
    P("%s", "");
    P("%s", (char *)NULL);
    P("%.5s|%.6s|%.0s|%10.3s|%-10s|", (char *)NULL, (char *)NULL,
      (char *)NULL, (char *)NULL, (char *)NULL);
    P("%p", (void *)NULL);
    P("%p", (void *)0x1);
    P("%p|%10p|%-10p|%010p|%.8p|%+p|% p", (void *)0xabc, (void *)0xabc,
      (void *)0xabc, (void *)0xabc, (void *)0xabc, (void *)0xabc,
      (void *)0xabc);
    P("%p|%10p|%-10p|%010p|%.8p|%+p|% p|%.1p", (void *)0, (void *)0,
      (void *)0, (void *)0, (void *)0, (void *)0, (void *)0, (void *)0);
    P("%c%c%c", 'a', 0, 'b');
    P("[%5c][%-5c][%05c]", 'x', 'y', 'z');
    P("%d %s %c %x %p %%", 42, "str", '!', 0xbeefu, (void *)0x10);
    P("%5d|%-5d|%05d|%+5d|% 5d|%+05d|%-+5d|% 05d", 42, 42, 42, 42, 42, 42,
      42, 42);
    P("%5d|%-5d|%05d|%+5d|% 5d|%+05d|%-+5d|% 05d", -42, -42, -42, -42, -42,
      -42, -42, -42);
    P("%08.3d|%-8.3d|%8.3d|%.3d|%.10d", -7, -7, -7, -7, INT_MIN);
    P("%#08x|%#8x|%#-8x|%#.4x|%#08.4x", 0x2au, 0x2au, 0x2au, 0x2au, 0x2au);
    P("%#08o|%#8o|%#-8o|%#.4o|%#.1o|%#.2o", 8u, 8u, 8u, 8u, 8u, 8u);
    P("%+u|% u|%+x|% o", 5u, 5u, 5u, 5u);
    P("%+d|% d|%+ d|% +d", 0, 0, 0, 0);
    P("%+d|% d|%+ d|% +d", -3, -3, -3, -3);
    P("%0-8d|%-08d|%0+-8d|%00008d", 12, 12, 12, 12);
    P("%100d|", 1);
    P("%-100d|", -1);
    P("%.100d|", 1);
    P("%150s|%-150s|", "x", "y");
    P("%.200x|", 0xfu);
    P("%y");
    P("[%5y]");
    P("a%%b%%%%c%d%%", 1);
    P("%s%s%s%s%s", "a", "", "bc", "", "def");
    P("%d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d", 1, 2, 3, 4, 5, 6,
      7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
    P("%lld %d %lld %d", 1LL << 40, 7, -(1LL << 40), -7);
    P("%hhd %lld %hd %ld %zd %jd %td %d", 1, 2LL, 3, 4L, (size_t)5,
      (intmax_t)6, (ptrdiff_t)7, 8);

    /* No floating point: the spec is copied out, its double skipped. */
    char fbuf[40];
    int fr = a8_snprintf(fbuf, sizeof fbuf, "%f|%d|%.2e|%s", 1.5, 7, 2.0, "s");
    check(fr == 11 && strcmp(fbuf, "%f|7|%.2e|s") == 0, "%%f skipped: %d %s",
          fr, fbuf);
}

/* snprintf with every buffer size from 0 past the length (only size
 * bytes may be written, the NUL inside them), snprintf(NULL, 0), and the
 * v- and non-n variants. */
static void printf_truncation(void)
{
    char desc[80];

    for (size_t size = 0; size < 60; size++) {
        snprintf(desc, sizeof desc, "size %zu", size);
        CMP_SIZE(desc, size, "hello %s, %d%%", "world", -12345);
        CMP_SIZE(desc, size, "%20d|%-10s|%c", 42, "abc", 'x');
        CMP_SIZE(desc, size, "%s", "exactly-ten");
        CMP_SIZE(desc, size, "%08x%08x%08x", 1u, 2u, 3u);
        CMP_SIZE(desc, size, "%c", 0);
        CMP_SIZE(desc, size, "%p %p", (void *)0, (void *)0x1234);
        CMP_SIZE(desc, size, "%s", "");
    }
    check(a8_snprintf(NULL, 0, "%d-%s", 12345, "abc") ==
          snprintf(NULL, 0, "%d-%s", 12345, "abc"), "snprintf(NULL, 0) length");
    check(a8_snprintf(NULL, 0, "") == 0, "snprintf(NULL, 0, \"\")");

    /* sprintf and vsprintf: no size at all. */
    memset(gbuf, 0x5a, BUF);
    memset(mbuf, 0x5a, BUF);
    int gr = sprintf(gbuf, "%s=%d [%10x] %p", "key", -9, 0xabcu, (void *)0);
    int mr = a8_sprintf(mbuf, "%s=%d [%10x] %p", "key", -9, 0xabcu, (void *)0);
    compare_printed("sprintf", gr, mr);
}

/* vsnprintf and vsprintf, through functions that pass a va_list on. */
static int g_vsn(char *b, size_t n, const char *f, ...)
{
    va_list ap;
    va_start(ap, f);
    int r = vsnprintf(b, n, f, ap);
    va_end(ap);
    return r;
}

/* The same through a8os vsnprintf. */
static int m_vsn(char *b, size_t n, const char *f, ...)
{
    va_list ap;
    va_start(ap, f);
    int r = a8_vsnprintf(b, n, f, ap);
    va_end(ap);
    return r;
}

/* vsprintf through a8os, the same way. */
static int m_vs(char *b, const char *f, ...)
{
    va_list ap;
    va_start(ap, f);
    int r = a8_vsprintf(b, f, ap);
    va_end(ap);
    return r;
}

/* vsnprintf and vsprintf with a va_list passed on, against glibc. */
static void printf_valist(void)
{
    for (size_t size = 0; size < 30; size += 3) {
        memset(gbuf, 0x5a, BUF);
        memset(mbuf, 0x5a, BUF);
        int gr = g_vsn(gbuf, size, "%s|%5d|%llx|%c", "va", 77, 0xfedcba9876ULL, 'z');
        int mr = m_vsn(mbuf, size, "%s|%5d|%llx|%c", "va", 77, 0xfedcba9876ULL, 'z');
        compare_printed("vsnprintf", gr, mr);
    }
    memset(gbuf, 0x5a, BUF);
    memset(mbuf, 0x5a, BUF);
    int gr = sprintf(gbuf, "%-6s|%+d", "vs", 3);
    int mr = m_vs(mbuf, "%-6s|%+d", "vs", 3);
    compare_printed("vsprintf", gr, mr);
}

/* The "printf" part. */
static void test_printf(void)
{
    printf_literals();
    printf_truncation();
    printf_valist();
    printf_stars();
    printf_others();
    printf_integers();
}

/* ---- string.h ------------------------------------------------------------- */

#define SB 160
static unsigned char ga[SB], ma[SB];

/* Fills both arrays with the same recognisable pattern. */
static void fill_pattern(void)
{
    for (int i = 0; i < SB; i++)
        ga[i] = ma[i] = (unsigned char)(i * 7 + 3);
}

/* memcpy, memmove and memset at every alignment and length, overlaps of
 * memmove both ways; the whole arrays must match glibc's. */
static void string_mem(void)
{
    for (int d = 0; d < 9; d++)
        for (int s = 0; s < 9; s++)
            for (size_t n = 0; n < 70; n++) {
                fill_pattern();
                unsigned char src[SB];
                for (int i = 0; i < SB; i++)
                    src[i] = (unsigned char)(200 - i);
                void *gr = memcpy(ga + d, src + s, n);
                void *mr = a8_memcpy(ma + d, src + s, n);
                check(memcmp(ga, ma, SB) == 0 && mr == ma + d && gr == ga + d,
                      "memcpy dst+%d src+%d n=%zu", d, s, n);
            }
    for (int d = 0; d < 40; d++)
        for (int s = 0; s < 40; s++)
            for (size_t n = 0; n < 90; n += (n < 20 ? 1 : 7)) {
                fill_pattern();
                memmove(ga + d, ga + s, n);
                void *mr = a8_memmove(ma + d, ma + s, n);
                check(memcmp(ga, ma, SB) == 0 && mr == ma + d,
                      "memmove dst %d src %d n=%zu", d, s, n);
            }
    static const int values[] = { 0, 1, 0x5a, 0x80, 0xff, -1, 0x1ab, -256 };
    for (int d = 0; d < 9; d++)
        for (size_t n = 0; n < 70; n++)
            for (size_t v = 0; v < sizeof values / sizeof values[0]; v++) {
                fill_pattern();
                memset(ga + d, values[v], n);
                void *mr = a8_memset(ma + d, values[v], n);
                check(memcmp(ga, ma, SB) == 0 && mr == ma + d,
                      "memset +%d c=%d n=%zu", d, values[v], n);
            }
}

/* memcmp, strcmp, strncmp: the sign of the result, with the difference
 * at every position and bytes on both sides of 0x80. */
static void string_compare(void)
{
    static const unsigned char bytes[] = { 0, 1, 'a', 'b', 0x7f, 0x80, 0xfe, 0xff };
    const int nb = sizeof bytes;
    unsigned char a[40], b[40];

    for (int pos = 0; pos < 20; pos++)
        for (int i = 0; i < nb; i++)
            for (int j = 0; j < nb; j++) {
                memset(a, 'x', sizeof a);
                memset(b, 'x', sizeof b);
                a[pos] = bytes[i];
                b[pos] = bytes[j];
                a[30] = b[30] = '\0';
                for (size_t n = 0; n < 32; n += (n < 24 ? 1 : 4)) {
                    check(sign(a8_memcmp(a, b, n)) == sign(memcmp(a, b, n)),
                          "memcmp diff at %d (%#x vs %#x) n=%zu", pos,
                          bytes[i], bytes[j], n);
                    check(sign(a8_strncmp((char *)a, (char *)b, n)) ==
                          sign(strncmp((char *)a, (char *)b, n)),
                          "strncmp diff at %d (%#x vs %#x) n=%zu", pos,
                          bytes[i], bytes[j], n);
                }
                check(sign(a8_strcmp((char *)a, (char *)b)) ==
                      sign(strcmp((char *)a, (char *)b)),
                      "strcmp diff at %d (%#x vs %#x)", pos, bytes[i], bytes[j]);
            }
    static const char *const strs[] = { "", "a", "ab", "abc", "abd", "b",
                                        "abcdef", "ABC", "\x80", "\xff", "a\xff" };
    const int ns = sizeof strs / sizeof strs[0];
    for (int i = 0; i < ns; i++)
        for (int j = 0; j < ns; j++) {
            check(sign(a8_strcmp(strs[i], strs[j])) == sign(strcmp(strs[i], strs[j])),
                  "strcmp(%s, %s)", quote(strs[i], strlen(strs[i])),
                  quote(strs[j], strlen(strs[j])));
            for (size_t n = 0; n < 8; n++)
                check(sign(a8_strncmp(strs[i], strs[j], n)) ==
                      sign(strncmp(strs[i], strs[j], n)),
                      "strncmp(%s, %s, %zu)", quote(strs[i], strlen(strs[i])),
                      quote(strs[j], strlen(strs[j])), n);
        }
    check(a8_memcmp(NULL, NULL, 0) == 0, "memcmp of 0 bytes");
}

static const char *const texts[] = {
    "", "a", "ab", "abc", "hello, world", "aaaa", "aaab", "abababc",
    "mississippi", "  leading and trailing  ", ",,a,,b,c,,", "\x80\xff high",
    "exactly-16-bytes", "a string longer than sixteen bytes, for word loops",
};
#define NTEXTS (sizeof texts / sizeof texts[0])

/* strlen, strnlen, strchr, strrchr, memchr, strstr, strspn, strcspn on
 * every text, at every start alignment. */
static void string_search(void)
{
    static const int chars[] = { 'a', 'b', 'c', 's', ' ', ',', 0, 0x80, 0xff,
                                 -1, 'a' + 256, 'z' };
    static const char *const needles[] = { "", "a", "ab", "abc", "aab", "aaab",
                                           "abc,", "issip", "ssi", "world",
                                           "bytes", "zz", "\xff" };
    static const char *const sets[] = { "", "a", "ab", " ,", "abcdefghijklmnopqrstuvwxyz",
                                        "\x80\xff", "l", "sip" };
    char buf[80];

    for (size_t t = 0; t < NTEXTS; t++)
        for (int off = 0; off < 8; off++) {
            char *s = buf + off;
            strcpy(s, texts[t]);
            size_t len = strlen(s);
            const char *q = quote(s, len);
            check(a8_strlen(s) == len, "strlen(%s)+%d", q, off);
            for (size_t m = 0; m < len + 3; m++)
                check(a8_strnlen(s, m) == strnlen(s, m), "strnlen(%s, %zu)", q, m);
            for (size_t c = 0; c < sizeof chars / sizeof chars[0]; c++) {
                check(a8_strchr(s, chars[c]) == strchr(s, chars[c]),
                      "strchr(%s, %d)", q, chars[c]);
                check(a8_strrchr(s, chars[c]) == strrchr(s, chars[c]),
                      "strrchr(%s, %d)", q, chars[c]);
                for (size_t n = 0; n <= len + 1; n++)
                    check(a8_memchr(s, chars[c], n) == memchr(s, chars[c], n),
                          "memchr(%s, %d, %zu)", q, chars[c], n);
            }
            for (size_t n = 0; n < sizeof needles / sizeof needles[0]; n++)
                check(a8_strstr(s, needles[n]) == strstr(s, needles[n]),
                      "strstr(%s, %s)", q, quote(needles[n], strlen(needles[n])));
            for (size_t k = 0; k < sizeof sets / sizeof sets[0]; k++) {
                check(a8_strspn(s, sets[k]) == strspn(s, sets[k]),
                      "strspn(%s, %s)", q, quote(sets[k], strlen(sets[k])));
                check(a8_strcspn(s, sets[k]) == strcspn(s, sets[k]),
                      "strcspn(%s, %s)", q, quote(sets[k], strlen(sets[k])));
            }
        }
}

/* strcpy, strncpy, strcat, strncat, strdup: whole buffers compared, so
 * strncpy's NUL padding and writes past the end show. */
static void string_copy(void)
{
    for (size_t t = 0; t < NTEXTS; t++) {
        const char *src = texts[t];
        size_t len = strlen(src);
        const char *q = quote(src, len);

        fill_pattern();
        char *gr = strcpy((char *)ga + 3, src);
        char *mr = a8_strcpy((char *)ma + 3, src);
        check(memcmp(ga, ma, SB) == 0 && mr == (char *)ma + 3 &&
              gr == (char *)ga + 3, "strcpy(%s)", q);

        for (size_t n = 0; n < len + 6; n++) {
            fill_pattern();
            strncpy((char *)ga + 1, src, n);
            mr = a8_strncpy((char *)ma + 1, src, n);
            check(memcmp(ga, ma, SB) == 0 && mr == (char *)ma + 1,
                  "strncpy(%s, %zu)", q, n);
        }
        for (size_t d = 0; d < NTEXTS; d++) {
            fill_pattern();
            strcpy((char *)ga, texts[d]);
            strcpy((char *)ma, texts[d]);
            strcat((char *)ga, src);
            mr = a8_strcat((char *)ma, src);
            check(memcmp(ga, ma, SB) == 0 && mr == (char *)ma,
                  "strcat(%s, %s)", quote(texts[d], strlen(texts[d])), q);
            for (size_t n = 0; n < len + 3; n++) {
                fill_pattern();
                strcpy((char *)ga, texts[d]);
                strcpy((char *)ma, texts[d]);
                strncat((char *)ga, src, n);
                mr = a8_strncat((char *)ma, src, n);
                check(memcmp(ga, ma, SB) == 0 && mr == (char *)ma,
                      "strncat(%s, %s, %zu)", quote(texts[d], strlen(texts[d])),
                      q, n);
            }
        }
        char *dup = a8_strdup(src);
        check(dup != NULL && dup != src && strcmp(dup, src) == 0,
              "strdup(%s)", q);
        a8_free(dup);
    }
}

/* strtok_r: the same tokens, in place, as glibc's. */
static void string_strtok(void)
{
    static const char *const delims[] = { ",", " ", ", ", "", "abc", "xyz" };

    for (size_t t = 0; t < NTEXTS; t++)
        for (size_t d = 0; d < sizeof delims / sizeof delims[0]; d++) {
            char g[80], m[80], *gs, *ms;
            strcpy(g, texts[t]);
            strcpy(m, texts[t]);
            char *gt = strtok_r(g, delims[d], &gs);
            char *mt = a8_strtok_r(m, delims[d], &ms);
            for (int k = 0; k < 30; k++) {
                check((gt == NULL) == (mt == NULL) &&
                      (gt == NULL || gt - g == mt - m),
                      "strtok_r(%s, %s) token %d", quote(texts[t], strlen(texts[t])),
                      quote(delims[d], strlen(delims[d])), k);
                if (gt == NULL || mt == NULL)
                    break;
                gt = strtok_r(NULL, delims[d], &gs);
                mt = a8_strtok_r(NULL, delims[d], &ms);
            }
            check(memcmp(g, m, strlen(texts[t]) + 1) == 0, "strtok_r(%s, %s) buffer",
                  quote(texts[t], strlen(texts[t])), quote(delims[d], strlen(delims[d])));
            /* Once done, it stays done. */
            check(a8_strtok_r(NULL, delims[d], &ms) == NULL, "strtok_r after end");
        }
}

/* The "string" part. */
static void test_string(void)
{
    string_mem();
    string_compare();
    string_search();
    string_copy();
    string_strtok();
}

/* ---- strtol, atoi, ctype --------------------------------------------------- */

/* The "strtol" part: strtol, strtoul, atol, atoi against glibc on
 * awkward inputs in every base, bad bases included. */
static void test_strtol(void)
{
    static const char *const inputs[] = {
        "", " ", "+", "-", "0", "-0", "+0", "1", "-1", "42", "  42", "\t\n\v\f\r 42",
        "42abc", "abc", "  -17x", "+-1", "- 1", "0x", "0x1g", "0X1A", "0xg", "0x10",
        "-0x10", "  +0xFf", "010", "08", "0", "00", "0777", "09", "z", "Z", "zz",
        "1z", "101010", "12345678901234567890", "2147483647", "2147483648",
        "-2147483648", "-2147483649", "4294967295", "4294967296",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808",
        "-9223372036854775809", "18446744073709551615", "18446744073709551616",
        "-18446744073709551615", "-18446744073709551616",
        "99999999999999999999999999", "-99999999999999999999999999",
        "0x7fffffffffffffff", "0x8000000000000000", "0xffffffffffffffff",
        "0x10000000000000000", "1y", "777777777777777777777777",
        "3w5e11264sgsf", "3w5e11264sgsg", "\x80" "1",
    };
    static const int bases[] = { 0, 2, 3, 8, 10, 16, 35, 36, 1, 37, -1 };
    const int nbases = sizeof bases / sizeof bases[0];

    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        const char *s = inputs[i];
        const char *q = quote(s, strlen(s));
        for (int b = 0; b < nbases; b++) {
            int bad = bases[b] == 1 || bases[b] > 36 || bases[b] < 0;
            char *ge = NULL, *me = NULL;
            errno = 0;
            a8_errno = 0;
            long gv = strtol(s, &ge, bases[b]);
            int gerr = errno;
            long mv = a8_strtol(s, &me, bases[b]);
            check(gv == mv && gerr == a8_errno && (bad || ge == me),
                  "strtol(%s, %d): glibc %ld errno %d end +%td, a8os %ld errno %d end +%td",
                  q, bases[b], gv, gerr, ge - s, mv, a8_errno, me - s);

            errno = 0;
            a8_errno = 0;
            unsigned long gu = strtoul(s, &ge, bases[b]);
            gerr = errno;
            unsigned long mu = a8_strtoul(s, &me, bases[b]);
            check(gu == mu && gerr == a8_errno && (bad || ge == me),
                  "strtoul(%s, %d): glibc %lu errno %d end +%td, a8os %lu errno %d end +%td",
                  q, bases[b], gu, gerr, ge - s, mu, a8_errno, me - s);
        }
        check(strtol(s, NULL, 10) == a8_strtol(s, NULL, 10), "strtol(%s, NULL)", q);
        check(atol(s) == a8_atol(s), "atol(%s)", q);
        if (strlen(s) < 10)     /* atoi of an out-of-range value is undefined */
            check(atoi(s) == a8_atoi(s), "atoi(%s)", q);
    }
}

/* The "ctype" part: every class and mapping on EOF and every byte, as
 * glibc in the C locale has them. */
static void test_ctype(void)
{
    static const struct {
        const char *name;
        int (*g)(int);
        int (*m)(int);
    } fns[] = {
        { "isdigit", isdigit, a8_isdigit }, { "isxdigit", isxdigit, a8_isxdigit },
        { "isalpha", isalpha, a8_isalpha }, { "isalnum", isalnum, a8_isalnum },
        { "isspace", isspace, a8_isspace }, { "isupper", isupper, a8_isupper },
        { "islower", islower, a8_islower }, { "isprint", isprint, a8_isprint },
        { "ispunct", ispunct, a8_ispunct }, { "iscntrl", iscntrl, a8_iscntrl },
    };
    for (int c = -1; c < 256; c++) {
        for (size_t f = 0; f < sizeof fns / sizeof fns[0]; f++)
            check(!fns[f].g(c) == !fns[f].m(c), "%s(%d)", fns[f].name, c);
        check(toupper(c) == a8_toupper(c), "toupper(%d)", c);
        check(tolower(c) == a8_tolower(c), "tolower(%d)", c);
    }
}

/* ---- malloc over a fake sbrk --------------------------------------------- */

/* Reuse, merging, page-sized growth, the special sizes, running out of
 * memory, and double free. */
static void malloc_edges(void)
{
    /* Freed memory is reused and neighbours merge: after freeing three
     * adjacent blocks, one block of their total size fits without the
     * break moving. */
    unsigned char *before = brk_now;
    void *a = a8_malloc(1000), *b = a8_malloc(1000), *c = a8_malloc(1000);
    check(a && b && c, "three blocks");
    void *hold = a8_malloc(16);         /* keeps c off the top */
    a8_free(a);
    a8_free(c);
    a8_free(b);
    unsigned char *brk_mid = brk_now;
    void *big = a8_malloc(2900);
    check(big == a && brk_now == brk_mid, "merged blocks reused (break moved %td)",
          brk_now - brk_mid);
    a8_free(big);
    a8_free(hold);

    /* The same requests again do not grow the heap. */
    void *ptrs[200];
    unsigned char *mark = brk_now;
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 200; i++)
            ptrs[i] = a8_malloc((size_t)(i * 13 % 300));
        for (int i = 0; i < 200; i++)
            a8_free(ptrs[(i * 7) % 200]);
        if (round == 0)
            mark = brk_now;
        else
            check(brk_now == mark, "round %d grew the heap by %td", round,
                  brk_now - mark);
    }
    (void)before;

    /* Growth is in whole pages. */
    long calls = sbrk_calls;
    size_t grown = (size_t)(brk_now - arena);
    void *huge = a8_malloc(3u << 20);
    check(huge != NULL && sbrk_calls == calls + 1 &&
          (size_t)(brk_now - arena - grown) % 4096 == 0,
          "a large block takes one sbrk of whole pages");
    a8_free(huge);

    /* malloc(0) gives distinct pointers; free(NULL) does nothing. */
    void *z1 = a8_malloc(0), *z2 = a8_malloc(0);
    check(z1 != NULL && z2 != NULL && z1 != z2, "malloc(0)");
    a8_free(z1);
    a8_free(z2);
    a8_free(NULL);

    /* realloc(NULL, n) is malloc; realloc(p, 0) frees. */
    char *r = a8_realloc(NULL, 10);
    check(good_block(r, 10), "realloc(NULL, 10)");
    strcpy(r, "123456789");
    r = a8_realloc(r, 5000);
    check(r != NULL && strcmp(r, "123456789") == 0, "realloc grows, keeps");
    r = a8_realloc(r, 3);
    check(r != NULL && memcmp(r, "123", 3) == 0, "realloc shrinks, keeps");
    check(a8_realloc(r, 0) == NULL, "realloc(p, 0) returns NULL");

    /* Out of memory: NULL and ENOMEM, and the heap still works. */
    a8_errno = 0;
    check(a8_malloc(SIZE_MAX) == NULL && a8_errno == ENOMEM, "malloc(SIZE_MAX)");
    a8_errno = 0;
    check(a8_malloc(SIZE_MAX - 4) == NULL && a8_errno == ENOMEM, "malloc(SIZE_MAX - 4)");
    a8_errno = 0;
    check(a8_malloc((size_t)INT_MAX + 1) == NULL && a8_errno == ENOMEM,
          "malloc(INT_MAX + 1)");
    a8_errno = 0;
    check(a8_calloc(SIZE_MAX / 2 + 1, 2) == NULL && a8_errno == ENOMEM,
          "calloc overflow");
    a8_errno = 0;
    check(a8_calloc((size_t)1 << (sizeof(size_t) * 4), (size_t)1 << (sizeof(size_t) * 4)) == NULL &&
          a8_errno == ENOMEM, "calloc overflow to 0");
    check(a8_calloc(0, 100) != NULL, "calloc(0, n)");
    arena_limit = (size_t)(brk_now - arena) + 64 * 1024;
    a8_errno = 0;
    check(a8_malloc(8u << 20) == NULL && a8_errno == ENOMEM, "malloc beyond the arena");
    char *keep = a8_malloc(100);
    check(keep != NULL, "malloc after a failure");
    memset(keep, 'k', 100);
    a8_errno = 0;
    check(a8_realloc(keep, 8u << 20) == NULL && a8_errno == ENOMEM &&
          all_are((unsigned char *)keep, 100, 'k'), "failed realloc keeps the block");
    a8_free(keep);
    arena_limit = ARENA;

    /* Double free is caught. */
    void *d = a8_malloc(40);
    a8_free(d);
    int before_aborts = aborts;
    abort_armed = 1;
    if (setjmp(abort_jump) == 0)
        a8_free(d);
    abort_armed = 0;
    check(aborts == before_aborts + 1, "double free aborts");
}

/* The "malloc" part. */
static void test_malloc(void)
{
    malloc_edges();
    malloc_stress(1500, 300000);
    malloc_stress(1500, 300000);
}

/* ---- stdio and readline over fake write and read -------------------------- */

static char events[8192];               /* "W1:text|" "R|" ... */
static size_t nevents;
static const char *input;               /* what read() delivers */
static size_t input_len;
static int write_error;                 /* write returns this if non-zero */
static unsigned write_max = 1u << 30;   /* bytes one write takes at most */

/* Appends to the event log. */
static void event(const char *s, size_t n)
{
    if (nevents + n < sizeof events) {
        memcpy(events + nevents, s, n);
        nevents += n;
        events[nevents] = '\0';
    }
}

/* The fake write: logs "W<fd>:<bytes>|". */
int a8_write(int fd, const void *buf, unsigned len)
{
    char head[8];
    if (write_error)
        return write_error;
    if (len > write_max)
        len = write_max;
    snprintf(head, sizeof head, "W%d:", fd);
    event(head, strlen(head));
    event(buf, len);
    event("|", 1);
    return (int)len;
}

/* The fake read: one byte of input at a time; 0 at the end. */
int a8_read(int fd, void *buf, unsigned len)
{
    event("R|", 2);
    if (fd != 0 || len == 0)
        return -EBADF;
    if (input_len == 0)
        return 0;
    if (*input == '!') {                /* '!' in the script: read fails */
        input++;
        input_len--;
        return -EIO;
    }
    *(char *)buf = *input++;
    input_len--;
    return 1;
}

/* Starts a new log with the given input. */
static void reset(const char *in)
{
    a8_fflush(NULL);
    nevents = 0;
    events[0] = '\0';
    input = in;
    input_len = strlen(in);
    write_error = 0;
    write_max = 1u << 30;
}

/* Checks the log against what was expected. */
static void expect_log(const char *what, const char *want)
{
    check(strcmp(events, want) == 0, "%s: log %s, expected %s", what,
          quote(events, nevents), quote(want, strlen(want)));
}

/* The "stdio" part: when and how output reaches write(). */
static void test_stdio(void)
{
    reset("");
    check(a8_printf("abc") == 3, "printf return");
    expect_log("no newline, nothing written", "");
    check(a8_printf("%d\n", 5) == 2, "printf return with newline");
    expect_log("line buffering", "W1:abc5\n|");

    reset("");
    a8_printf("pending");
    check(a8_fprintf(a8_stderr, "e%s=%d\n", "x", 42) == 6, "fprintf(stderr) return");
    expect_log("stderr: one write, at once", "W2:ex=42\n|");
    a8_fflush(a8_stdout);
    expect_log("fflush(stdout)", "W2:ex=42\n|W1:pending|");
    a8_fflush(a8_stdout);
    expect_log("fflush of nothing", "W2:ex=42\n|W1:pending|");

    reset("");
    a8_fputs("no", a8_stderr);
    a8_fputc('!', a8_stderr);
    check(a8_fputs("two\nlines\n", a8_stdout) >= 0, "fputs return");
    expect_log("fputs, fputc", "W2:no|W2:!|W1:two\nlines\n|");

    reset("");
    check(a8_puts("hi") >= 0, "puts return");
    check(a8_putchar('x') == 'x' && a8_putc('y', a8_stdout) == 'y' &&
          a8_putchar(0x1ff) == 0xff && a8_fputc('\n', a8_stdout) == '\n',
          "putchar, putc, fputc return the byte");
    expect_log("puts, putchar", "W1:hi\n|W1:xy\xff\n|");

    /* A full buffer goes out in BUFSIZ pieces; the rest waits. */
    reset("");
    char big[1300], want[1400];
    for (int i = 0; i < 1300; i++)
        big[i] = (char)('a' + i % 26);
    check(a8_printf("%.1300s", big) == 1300, "printf of 1300 bytes");
    snprintf(want, sizeof want, "W1:%.512s|W1:%.512s|", big, big + 512);
    expect_log("BUFSIZ pieces", want);
    a8_fflush(NULL);
    snprintf(want, sizeof want, "W1:%.512s|W1:%.512s|W1:%.276s|", big, big + 512,
             big + 1024);
    expect_log("the rest at fflush(NULL)", want);

    /* A long fprintf to stderr: few writes, all of it. */
    reset("");
    check(a8_fprintf(a8_stderr, "%.300s\n", big) == 301, "long stderr fprintf");
    snprintf(want, sizeof want, "W2:%.128s|W2:%.128s|W2:%.44s\n|", big, big + 128,
             big + 256);
    expect_log("stderr in 128-byte pieces", want);

    /* Partial writes are continued. */
    reset("");
    write_max = 3;
    a8_printf("abcdefgh\n");
    expect_log("partial writes", "W1:abc|W1:def|W1:gh\n|");

    /* A failing write: EOF and errno. */
    reset("");
    write_error = -EIO;
    a8_errno = 0;
    check(a8_printf("x\n") == EOF && a8_errno == EIO, "printf on a failing write");
    check(a8_fputs("x\n", a8_stdout) == EOF, "fputs on a failing write");
    check(a8_fputc('\n', a8_stdout) == EOF, "fputc on a failing write");
    check(a8_fprintf(a8_stderr, "e") == EOF, "fprintf(stderr) on a failing write");
    write_error = 0;
    check(a8_printf("ok\n") == 3, "printf after the failure is over");

    /* getchar flushes stdout, then reads one byte; EOF at the end. */
    reset("q\xff");
    a8_printf("prompt> ");
    int c1 = a8_getchar(), c2 = a8_getchar(), c3 = a8_getchar();
    check(c1 == 'q' && c2 == 0xff && c3 == EOF, "getchar: %d %d %d", c1, c2, c3);
    expect_log("getchar flushes first", "W1:prompt> |R|R|R|");
}

/* Runs readline on input; checks the result, the line and the log. */
static void readline_case(const char *in, int size, int want_r,
                          const char *want_line, const char *want_log)
{
    char buf[64];
    memset(buf, 'X', sizeof buf);
    reset(in);
    int r = a8_readline("$ ", buf, size);
    a8_fflush(NULL);
    check(r == want_r && (r < 0 || strcmp(buf, want_line) == 0),
          "readline(%s): %d %s, expected %d %s", quote(in, strlen(in)), r,
          quote(buf, r >= 0 ? (size_t)r : 0), want_r, want_line);
    expect_log(quote(in, strlen(in)), want_log);
}

/* The "readline" part: editing, echo, line ends, limits, errors. */
static void test_readline(void)
{
    readline_case("ls\r", 64, 2, "ls", "W1:$ |R|W1:l|R|W1:s|R|W1:\n|");
    readline_case("ls\n", 64, 2, "ls", "W1:$ |R|W1:l|R|W1:s|R|W1:\n|");
    readline_case("\n", 64, 0, "", "W1:$ |R|W1:\n|");
    readline_case("ab\x7f" "c\n", 64, 2, "ac",
                  "W1:$ |R|W1:a|R|W1:b|R|W1:\b \b|R|W1:c|R|W1:\n|");
    readline_case("a\b\b\x7f" "b\n", 64, 1, "b",
                  "W1:$ |R|W1:a|R|W1:\b \b|R|R|R|W1:b|R|W1:\n|");
    readline_case("abc\x15xy\r", 64, 2, "xy",
                  "W1:$ |R|W1:a|R|W1:b|R|W1:c|R|W1:\b \b\b \b\b \b|R|W1:x|R|W1:y|R|W1:\n|");
    readline_case("\x15z\n", 64, 1, "z", "W1:$ |R|R|W1:z|R|W1:\n|");
    readline_case("a\x01\t\x1b\x80\xff" "b\n", 64, 2, "ab",
                  "W1:$ |R|W1:a|R|R|R|R|R|R|W1:b|R|W1:\n|");
    readline_case("abcdef\n", 4, 3, "abc",
                  "W1:$ |R|W1:a|R|W1:b|R|W1:c|R|R|R|R|W1:\n|");
    readline_case("x\n", 1, 0, "", "W1:$ |R|R|W1:\n|");
    readline_case("ab!", 64, -EIO, "", "W1:$ |R|W1:a|R|W1:b|R|");
    readline_case("ab", 64, 2, "ab", "W1:$ |R|W1:a|R|W1:b|R|");

    /* CR LF is one line end, not two. */
    char buf[32];
    reset("one\r\ntwo\n\nthree\r\r");
    int r1 = a8_readline("", buf, sizeof buf);
    check(r1 == 3 && strcmp(buf, "one") == 0, "CR LF line 1: %d", r1);
    int r2 = a8_readline("", buf, sizeof buf);
    check(r2 == 3 && strcmp(buf, "two") == 0, "CR LF line 2: %d", r2);
    int r3 = a8_readline("", buf, sizeof buf);
    check(r3 == 0 && buf[0] == '\0', "an empty line after LF: %d", r3);
    int r4 = a8_readline("", buf, sizeof buf);
    check(r4 == 5 && strcmp(buf, "three") == 0, "line after: %d", r4);
    int r5 = a8_readline("", buf, sizeof buf);
    check(r5 == 0, "CR CR is two lines: %d", r5);

    /* Pending output goes out before the first read. */
    reset("k\n");
    a8_printf("before ");
    a8_readline("> ", buf, sizeof buf);
    expect_log("flush before reading", "W1:before > |R|W1:k|R|W1:\n|");

    check(a8_readline("", buf, 0) == -EINVAL, "readline size 0");
}

/* ---- the printf matrix, by glibc (arm_check prints the same by a8os) ---- */

/* Prints a line of the matrix. */
static void matrix_out(const char *line)
{
    printf("%s\n", line);
    checks++;
}

/* The "matrix" part: glibc's printf matrix lines, for arm_check. */
static void test_matrix(void)
{
    printf_matrix(snprintf, matrix_out);
}

/* ---- exit and abort over a fake SYS_exit --------------------------------- */

static jmp_buf exit_jump;
static int exit_status;

/* The fake system call: SYS_exit returns to the test that called exit. */
long a8_syscall(long n, long a, long b, long c, long d)
{
    (void)b, (void)c, (void)d;
    if (n == SYS_exit) {
        exit_status = (int)a;
        longjmp(exit_jump, 1);
    }
    return -ENOSYS;
}

/* The "exit" part: exit flushes, abort does not; abs and labs. */
static void test_exit(void)
{
    reset("");
    a8_printf("pending");
    exit_status = -1;
    if (setjmp(exit_jump) == 0)
        a8_exit(3);
    check(exit_status == 3, "exit(3) made SYS_exit with %d", exit_status);
    expect_log("exit flushes stdout", "W1:pending|");

    reset("");
    a8_printf("not flushed");
    exit_status = -1;
    if (setjmp(exit_jump) == 0)
        a8_real_abort();
    check(exit_status == 134, "abort made SYS_exit with %d", exit_status);
    expect_log("abort writes to stderr", "W2:abort()\n|");
    reset("");

    check(a8_abs(-5) == 5 && a8_abs(7) == 7 && a8_abs(INT_MIN + 1) == INT_MAX,
          "abs");
    check(a8_labs(-5L) == 5 && a8_labs(LONG_MIN + 1) == LONG_MAX, "labs");
}

/* ---- assert, strerror, strsignal ------------------------------------------ */

/* The "assert" part: the message, the abort, and NDEBUG. */
static void test_assert(void)
{
    reset("");
    int before = aborts;
    abort_armed = 1;
    if (setjmp(abort_jump) == 0)
        __a8_assert_fail("x == 1", "f.c", 12, "main");
    abort_armed = 0;
    check(aborts == before + 1, "__a8_assert_fail aborts");
    expect_log("assert message",
               "W2:Assertion failed: x == 1, file f.c, line 12, function main\n|");

    reset("");
    check(a8_assert_probe(1) == 1, "a true assert passes");
    expect_log("a true assert says nothing", "");
    abort_armed = 1;
    if (setjmp(abort_jump) == 0)
        a8_assert_probe(2);
    abort_armed = 0;
    check(aborts == before + 2, "a false assert aborts");
    check(strstr(events, "W2:Assertion failed: x == 1, file ") == events &&
          strstr(events, "assert_use.c, line ") != NULL &&
          strstr(events, ", function a8_assert_probe\n|") != NULL,
          "assert macro message: %s", quote(events, nevents));
    reset("");
    check(a8_assert_probe_ndebug(2) == 2 && aborts == before + 2,
          "NDEBUG turns assert off");
    expect_log("NDEBUG assert says nothing", "");
}

/* The "strerror" part: a distinct text for each a8os error number (the
 * list comes in A8_ERRNOS), either sign; strsignal's texts. */
static void test_strerror(void)
{
    /* The a8os error numbers, from include/a8os/errno.h by test_libc.py. */
    const char *list = getenv("A8_ERRNOS");
    int errs[64], n = 0;
    char seen[64][64];

    for (char *end; list != NULL && n < 64; list = end) {
        long e = strtol(list, &end, 10);
        if (end == list)
            break;
        errs[n++] = (int)e;
    }
    check(n >= 20, "A8_ERRNOS holds %d numbers", n);
    for (int i = 0; i < n; i++) {
        const char *t = a8_strerror(errs[i]);
        check(t != NULL && *t != '\0' && strstr(t, "unknown") == NULL,
              "strerror(%d) = %s", errs[i], t ? t : "NULL");
        check(t != NULL && strcmp(t, a8_strerror(-errs[i])) == 0,
              "strerror(-%d) differs", errs[i]);
        snprintf(seen[i], sizeof seen[i], "%s", t ? t : "");
        for (int j = 0; j < i; j++)
            check(strcmp(seen[i], seen[j]) != 0, "strerror(%d) == strerror(%d)",
                  errs[i], errs[j]);
    }
    check(strcmp(a8_strerror(99), "unknown error 99") == 0, "strerror(99): %s",
          a8_strerror(99));
    check(strcmp(a8_strerror(INT_MIN), "unknown error -2147483648") == 0,
          "strerror(INT_MIN): %s", a8_strerror(INT_MIN));
    check(strcmp(a8_strsignal(11), "segmentation fault") == 0, "SIGSEGV");
    check(strcmp(a8_strsignal(4), "illegal instruction") == 0, "SIGILL");
    check(strcmp(a8_strsignal(7), "bus error (alignment)") == 0, "SIGBUS");
    check(strcmp(a8_strsignal(9), "killed") == 0, "SIGKILL");
    check(strcmp(a8_strsignal(24), "interrupt handler ran past its budget") == 0,
          "SIGXCPU");
    check(strcmp(a8_strsignal(31), "system call from an interrupt handler") == 0,
          "SIGSYS");
    check(strcmp(a8_strsignal(6), "signal 6") == 0, "signal 6: %s", a8_strsignal(6));
    check(strcmp(a8_strsignal(127), "signal 127") == 0, "signal 127");
}

/* ---- main ------------------------------------------------------------------ */

/* Runs the parts named on the command line. */
int main(int argc, char **argv)
{
    static const struct {
        const char *name;
        void (*run)(void);
    } parts[] = {
        { "printf", test_printf }, { "string", test_string },
        { "strtol", test_strtol }, { "ctype", test_ctype },
        { "malloc", test_malloc }, { "stdio", test_stdio },
        { "readline", test_readline }, { "assert", test_assert },
        { "strerror", test_strerror }, { "matrix", test_matrix },
        { "exit", test_exit },
    };
    int status = 0;

    setvbuf(stdout, NULL, _IOLBF, 0);
    for (int a = 1; a < argc; a++) {
        size_t i = 0;
        while (i < sizeof parts / sizeof parts[0] && strcmp(parts[i].name, argv[a]) != 0)
            i++;
        if (i == sizeof parts / sizeof parts[0]) {
            fprintf(stderr, "host_check: no part '%s'\n", argv[a]);
            return 2;
        }
        part = parts[i].name;
        checks = failures = 0;
        parts[i].run();
        printf("%s: %ld checks, %ld failures\n", part, checks, failures);
        if (failures != 0)
            status = 1;
    }
    return status;
}
