/*
 * strtol.c - reading numbers from strings: strtol, strtoul, atoi, atol.
 *
 * Portable C: the host tests compile this file with the host compiler and
 * compare it with glibc (tests/test_libc.py).
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

/* The value of digit character c (0-9, a-z, A-Z), or 99 if none. */
static unsigned digit_value(int c)
{
    if (c >= '0' && c <= '9')
        return (unsigned)(c - '0');
    if (c >= 'a' && c <= 'z')
        return (unsigned)(c - 'a' + 10);
    if (c >= 'A' && c <= 'Z')
        return (unsigned)(c - 'A' + 10);
    return 99;
}

/* The common part of strtol and strtoul: skips white space, reads a sign
 * and, in base 0 or 16, a 0x prefix (base 0: a leading 0 means octal), and
 * then the digits.  Returns the magnitude, ULONG_MAX with *overflow set if
 * it does not fit; *neg tells the sign; *end (if end is not NULL) points
 * after the number, or at s if there was none.  A bad base gives 0 and
 * errno EINVAL. */
static unsigned long scan(const char *s, char **end, int base, int *neg,
                          int *overflow)
{
    const char *p = s;
    unsigned long v = 0;
    int any = 0;

    *neg = 0;
    *overflow = 0;
    if (base < 0 || base == 1 || base > 36) {
        errno = EINVAL;
        if (end != NULL)
            *end = (char *)s;
        return 0;
    }
    while (isspace((unsigned char)*p))
        p++;
    if (*p == '+' || *p == '-')
        *neg = *p++ == '-';
    if ((base == 0 || base == 16) && p[0] == '0' &&
        (p[1] == 'x' || p[1] == 'X') && digit_value((unsigned char)p[2]) < 16) {
        p += 2;
        base = 16;
    } else if (base == 0) {
        base = p[0] == '0' ? 8 : 10;
    }
    for (;; p++) {
        unsigned d = digit_value((unsigned char)*p);
        if (d >= (unsigned)base)
            break;
        any = 1;
        if (v > (ULONG_MAX - d) / (unsigned)base)
            *overflow = 1;
        else
            v = v * (unsigned)base + d;
    }
    if (end != NULL)
        *end = (char *)(any ? p : s);
    return *overflow ? ULONG_MAX : v;
}

/* The long at the start of s in base (0, or 2..36); see scan.  Out of
 * range: LONG_MAX or LONG_MIN, and errno ERANGE. */
long strtol(const char *restrict s, char **restrict end, int base)
{
    int neg, overflow;
    unsigned long v = scan(s, end, base, &neg, &overflow);
    unsigned long limit = neg ? (unsigned long)LONG_MAX + 1 : LONG_MAX;

    if (overflow || v > limit) {
        errno = ERANGE;
        return neg ? LONG_MIN : LONG_MAX;
    }
    return neg ? (long)(0 - v) : (long)v;
}

/* The unsigned long at the start of s in base (0, or 2..36); see scan.  A
 * '-' negates the value, as C says.  Out of range: ULONG_MAX, and errno
 * ERANGE. */
unsigned long strtoul(const char *restrict s, char **restrict end, int base)
{
    int neg, overflow;
    unsigned long v = scan(s, end, base, &neg, &overflow);

    if (overflow) {
        errno = ERANGE;
        return ULONG_MAX;
    }
    return neg ? 0 - v : v;
}

/* The long at the start of s, in decimal (strtol without error report). */
long atol(const char *s)
{
    return strtol(s, NULL, 10);
}

/* The int at the start of s, in decimal. */
int atoi(const char *s)
{
    return (int)strtol(s, NULL, 10);
}
