/*
 * shared.h - checks that run both on the host (host_check.c, the libc
 * renamed to a8_NAME) and on the target in QEMU (arm_check.c, the real
 * libc.a): the printf matrix and the malloc stress.
 *
 * The includer defines, before including this file:
 *   LIBC(name)                 the libc-under-test name of a function
 *   void check(int ok, const char *fmt, ...)
 *   int good_block(const void *p, size_t n)   a fresh block looks right
 *   void *foreign_sbrk(int n)  moves the break behind malloc's back
 * and includes <stddef.h>, <stdint.h>, <string.h>.
 */

/* ---- the printf matrix ---------------------------------------------------- */

/* Values for the integer conversions, as 64-bit patterns. */
static const unsigned long long int_values[] = {
    0, 1, 2, 7, 8, 9, 10, 15, 16, 42, 99, 100, 127, 128, 255, 256, 1000,
    4095, 4096, 32767, 32768, 65535, 65536, 123456789, 0x7fffffff,
    0x80000000ULL, 0xffffffffULL, 0x100000000ULL, 1000000000000ULL,
    0x123456789abcdefULL, 10000000000000000000ULL, 0x7fffffffffffffffULL,
    0x8000000000000000ULL, 0xffffffffffffffffULL,
    (unsigned long long)-1, (unsigned long long)-2, (unsigned long long)-9,
    (unsigned long long)-10, (unsigned long long)-42,
    (unsigned long long)-128, (unsigned long long)-129,
    (unsigned long long)-32768, (unsigned long long)-32769,
    (unsigned long long)-2147483647 - 1, (unsigned long long)-2147483649LL,
    (unsigned long long)-1000000000000LL,
};
#define NVALUES (sizeof int_values / sizeof int_values[0])

/* Appends flags (a subset of "-+ 0#", chosen by the bits of mask) to p. */
static char *put_flags(char *p, unsigned mask)
{
    static const char flags[] = "-+ 0#";
    for (int i = 0; i < 5; i++)
        if (mask & (1u << i))
            *p++ = flags[i];
    return p;
}

/* Appends the string s to p. */
static char *put_str(char *p, const char *s)
{
    while (*s)
        *p++ = *s++;
    return p;
}

/* FNV-1a over n bytes at p, continuing from h. */
static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        h ^= b[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

typedef int (*snprintf_fn)(char *buf, size_t size, const char *fmt, ...);

/* Formats with sn every conversion of "diuoxXcsp" in every length whose
 * meaning is the same on a 32-bit and a 64-bit machine ("", hh, h, ll, j),
 * with every flag set, a range of widths and precisions, and every value;
 * into a 32-byte buffer, so that long results are truncated.  For each
 * conversion and length, out() gets one line "matrix CONV HASH COUNT":
 * the hash covers every return value and every whole buffer.  glibc on
 * the host and a8os on the target must give the same lines. */
static void printf_matrix(snprintf_fn sn, void (*out)(const char *line))
{
    static const char *const widths[] = { "", "1", "6", "23", "40" };
    static const char *const precs[] = { "", ".", ".0", ".1", ".3", ".22" };
    static const char *const lens[] = { "", "hh", "h", "ll", "j" };
    static const char *const strs[] = { "", "a", "hello", "hello, world!",
                                        "a string of some length, 0123456789",
                                        NULL };
    static const int chars[] = { 'a', 0, ' ', 0xff, 0x141 };
    static const uintptr_t ptrs[] = { 0, 1, 0x1234, 0xdeadbeef, 0x7fffffff,
                                      0x80000000u, 0xffffffffu };
    static const char convs[] = "diuoxXcsp";
    char fmt[40], buf[32], line[80];

    for (const char *c = convs; *c; c++) {
        int integer = *c != 'c' && *c != 's' && *c != 'p';
        for (int len = 0; len < (integer ? 5 : 1); len++) {
            uint64_t h = 0xcbf29ce484222325ULL;
            unsigned long count = 0;
            for (unsigned mask = 0; mask < 32; mask++)
                for (int w = 0; w < 5; w++)
                    for (int pr = 0; pr < 6; pr++) {
                        char *p = fmt;
                        *p++ = '[';
                        *p++ = '%';
                        p = put_flags(p, mask);
                        p = put_str(p, widths[w]);
                        p = put_str(p, precs[pr]);
                        p = put_str(p, lens[len]);
                        *p++ = *c;
                        *p++ = ']';
                        *p = '\0';
                        size_t n = *c == 'c' ? 5 : *c == 's' ? 6 : *c == 'p' ? 7
                                 : NVALUES;
                        for (size_t v = 0; v < n; v++) {
                            int r;
                            memset(buf, 0x5a, sizeof buf);
                            if (*c == 'c')
                                r = sn(buf, sizeof buf, fmt, chars[v]);
                            else if (*c == 's')
                                r = sn(buf, sizeof buf, fmt, strs[v]);
                            else if (*c == 'p')
                                r = sn(buf, sizeof buf, fmt, (void *)ptrs[v]);
                            else if (len == 3)
                                r = sn(buf, sizeof buf, fmt, (long long)int_values[v]);
                            else if (len == 4)
                                r = sn(buf, sizeof buf, fmt, (intmax_t)int_values[v]);
                            else
                                r = sn(buf, sizeof buf, fmt, (int)int_values[v]);
                            h = fnv(h, &r, sizeof r);
                            h = fnv(h, buf, sizeof buf);
                            count++;
                        }
                    }
            /* "matrix %c%s %016llx %lu", without printf. */
            char *p = put_str(line, "matrix ");
            *p++ = *c;
            p = put_str(p, lens[len]);
            *p++ = ' ';
            for (int i = 60; i >= 0; i -= 4)
                *p++ = "0123456789abcdef"[(h >> i) & 0xf];
            *p++ = ' ';
            char digits[24], *d = digits + sizeof digits;
            *--d = '\0';
            do {
                *--d = (char)('0' + count % 10);
                count /= 10;
            } while (count != 0);
            p = put_str(p, d);
            *p = '\0';
            out(line);
        }
    }
}

/* ---- the malloc stress ------------------------------------------------------ */

/* A block of the stress test, its size and the byte it is filled with. */
struct slot {
    unsigned char *p;
    size_t size;
    unsigned char fill;
};

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

/* xorshift64*: a repeatable pseudo-random number. */
static uint32_t rnd(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 2685821657736338717ULL) >> 32);
}

/* A request size: mostly small, sometimes pages, now and then large. */
static size_t rnd_size(void)
{
    uint32_t r = rnd() % 100;
    if (r < 60)
        return rnd() % 65;
    if (r < 90)
        return rnd() % 1024;
    if (r < 98)
        return rnd() % 16384;
    return rnd() % 200000;
}

/* True if the n bytes at p all equal c. */
static int all_are(const unsigned char *p, size_t n, unsigned char c)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != c)
            return 0;
    return 1;
}

/* nops random mallocs, callocs, reallocs and frees over nslots (at most
 * 1500) slots; every block is filled with its own byte and checked at each
 * later visit and at the end, so overlapping blocks or lost contents show.
 * Now and then the break moves behind malloc's back (foreign_sbrk). */
static void malloc_stress(int nslots, long nops)
{
    static struct slot slots[1500];

    for (long op = 0; op < nops; op++) {
        struct slot *s = &slots[rnd() % (uint32_t)nslots];
        uint32_t what = rnd() % 10;

        if (op % 20000 == 10000)
            check(foreign_sbrk(4096 + 3) != (void *)-1, "foreign sbrk");
        if (s->p != NULL)
            check(all_are(s->p, s->size, s->fill),
                  "block %p (%u bytes) lost its contents", (void *)s->p,
                  (unsigned)s->size);
        if (s->p == NULL && what < 7) {
            s->size = rnd_size();
            s->fill = (unsigned char)(rnd() | 1);
            if (what == 0) {
                size_t n = rnd() % 8 + 1;
                s->size = s->size / n * n;
                s->p = LIBC(calloc)(n, s->size / n);
                check(good_block(s->p, s->size) &&
                      (s->p == NULL || all_are(s->p, s->size, 0)),
                      "calloc(%u, %u) = %p", (unsigned)n,
                      (unsigned)(s->size / n), (void *)s->p);
            } else {
                s->p = LIBC(malloc)(s->size);
                check(good_block(s->p, s->size), "malloc(%u) = %p",
                      (unsigned)s->size, (void *)s->p);
            }
            if (s->p != NULL)
                memset(s->p, s->fill, s->size);
        } else if (s->p != NULL && what < 7) {
            LIBC(free)(s->p);
            s->p = NULL;
        } else {
            size_t n = rnd_size() + 1;  /* realloc(p, 0) frees: not here */
            unsigned char *q = LIBC(realloc)(s->p, n);
            check(good_block(q, n), "realloc(%p, %u) = %p", (void *)s->p,
                  (unsigned)n, (void *)q);
            if (q == NULL)
                continue;
            size_t kept = s->p == NULL ? 0 : n < s->size ? n : s->size;
            check(all_are(q, kept, s->fill), "realloc(%u -> %u) lost contents",
                  (unsigned)s->size, (unsigned)n);
            s->p = q;
            s->size = n;
            memset(q, s->fill, n);
        }
    }
    for (int i = 0; i < nslots; i++) {
        if (slots[i].p != NULL)
            check(all_are(slots[i].p, slots[i].size, slots[i].fill),
                  "block %d lost its contents at the end", i);
        LIBC(free)(slots[i].p);
        slots[i].p = NULL;
    }
}
