/*
 * printf.c - the printf formatter, a8_vformat, and the printers into
 * memory: snprintf, vsnprintf, sprintf, vsprintf.
 *
 * Conversions d i u x X o c s p %, flags - + space 0 #, width and
 * precision (digits or *), lengths hh h l ll z t j; the output matches
 * glibc's, including its choices where C leaves them open: "(null)" for a
 * NULL %s (nothing if the precision is under 6), "(nil)" for a NULL %p,
 * 0x-prefixed lowercase hex for other pointers, spaces (never zeros) to
 * pad %s and %c, and a lone "%" for %% whatever its flags.  An unknown
 * conversion is copied out as it stands; so is a floating-point one
 * (there is no floating point), whose double argument is skipped.
 *
 * Portable C: the host tests compile this file with the host compiler and
 * compare it with glibc (tests/test_libc.py).
 */
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "format.h"

_Static_assert(sizeof(size_t) == sizeof(ptrdiff_t),
               "%z and %t read size_t and ptrdiff_t as the same width");

/* Flags of a conversion. */
enum {
    F_LEFT  = 1,                /* '-': pad on the right                   */
    F_PLUS  = 2,                /* '+': sign always                        */
    F_SPACE = 4,                /* ' ': space for a plus sign              */
    F_ZERO  = 8,                /* '0': pad numbers with zeros             */
    F_ALT   = 16,               /* '#': 0 for %o, 0x for %x                */
};

/* Length modifiers. */
enum length { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_Z, LEN_T, LEN_J };

/* One conversion specification. */
struct spec {
    int flags;
    int width;                  /* 0: none                                 */
    int prec;                   /* -1: none                                */
    enum length len;
    char conv;
};

/* The output and the count of bytes so far. */
struct out {
    a8_putfn put;
    void *ctx;
    size_t count;
};

/* Hands n bytes of s to the output. */
static void emit(struct out *o, const char *s, size_t n)
{
    if (n > 0) {
        o->put(o->ctx, s, n);
        o->count += n;
    }
}

/* Emits n copies of c (nothing if n <= 0). */
static void pad(struct out *o, char c, int n)
{
    char run[16];
    for (int i = 0; i < (int)sizeof run; i++)
        run[i] = c;
    while (n > 0) {
        int k = n < (int)sizeof run ? n : (int)sizeof run;
        emit(o, run, (size_t)k);
        n -= k;
    }
}

/* The length of s, reading at most max bytes of it. */
static size_t bounded_len(const char *s, size_t max)
{
    size_t n = 0;
    while (n < max && s[n] != '\0')
        n++;
    return n;
}

/* Writes v in base (8, 10 or 16) backwards ending at end, with the digit
 * characters xd; returns where the digits start. */
static char *to_digits(char *end, uintmax_t v, unsigned base, const char *xd)
{
    char *p = end;
    if (base == 10) {
        /* 64-bit division only while the value needs it. */
        while (v > UINT32_MAX) {
            *--p = (char)('0' + (unsigned)(v % 10));
            v /= 10;
        }
        uint32_t w = (uint32_t)v;
        do {
            *--p = (char)('0' + w % 10);
            w /= 10;
        } while (w != 0);
    } else {
        unsigned shift = base == 8 ? 3 : 4;
        do {
            *--p = xd[v & (base - 1)];
            v >>= shift;
        } while (v != 0);
    }
    return p;
}

/* Prints one integer conversion (d i u o x X, and p for a non-NULL
 * pointer): magnitude mag, negative if neg. */
static void put_int(struct out *o, const struct spec *sp, uintmax_t mag,
                    int neg)
{
    char buf[3 * sizeof(uintmax_t) + 1];
    char *end = buf + sizeof buf, *digits = end;
    char prefix[3];
    int nprefix = 0;
    char c = sp->conv;
    unsigned base = c == 'o' ? 8 : (c == 'x' || c == 'X' || c == 'p') ? 16 : 10;
    const char *xd = c == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";

    if (!(mag == 0 && sp->prec == 0))
        digits = to_digits(end, mag, base, xd);
    int ndigits = (int)(end - digits);
    int zeros = sp->prec > ndigits ? sp->prec - ndigits : 0;

    /* glibc takes the sign flags for %p too. */
    if (c == 'd' || c == 'i' || c == 'p') {
        if (neg)
            prefix[nprefix++] = '-';
        else if (sp->flags & F_PLUS)
            prefix[nprefix++] = '+';
        else if (sp->flags & F_SPACE)
            prefix[nprefix++] = ' ';
    }
    if (c == 'p' || ((c == 'x' || c == 'X') && (sp->flags & F_ALT) && mag != 0)) {
        prefix[nprefix++] = '0';
        prefix[nprefix++] = c == 'X' ? 'X' : 'x';
    }
    /* %#o: the first digit is a 0. */
    if (c == 'o' && (sp->flags & F_ALT) && zeros == 0 &&
        (ndigits == 0 || digits[0] != '0'))
        zeros = 1;

    int len = nprefix + zeros + ndigits;
    if ((sp->flags & (F_ZERO | F_LEFT)) == F_ZERO && sp->prec < 0 &&
        sp->width > len) {
        zeros += sp->width - len;
        len = sp->width;
    }
    if (!(sp->flags & F_LEFT))
        pad(o, ' ', sp->width - len);
    emit(o, prefix, (size_t)nprefix);
    pad(o, '0', zeros);
    emit(o, digits, (size_t)ndigits);
    if (sp->flags & F_LEFT)
        pad(o, ' ', sp->width - len);
}

/* Prints n bytes of s padded with spaces to the width (%s, %c, (nil)). */
static void put_text(struct out *o, const struct spec *sp, const char *s,
                     size_t n)
{
    int padding = sp->width > (int)n ? sp->width - (int)n : 0;
    if (!(sp->flags & F_LEFT))
        pad(o, ' ', padding);
    emit(o, s, n);
    if (sp->flags & F_LEFT)
        pad(o, ' ', padding);
}

/* Takes an unsigned argument of the given length from ap. */
static uintmax_t arg_unsigned(va_list *ap, enum length len)
{
    switch (len) {
    case LEN_HH: return (unsigned char)va_arg(*ap, unsigned);
    case LEN_H:  return (unsigned short)va_arg(*ap, unsigned);
    case LEN_L:  return va_arg(*ap, unsigned long);
    case LEN_LL: return va_arg(*ap, unsigned long long);
    case LEN_Z:  return va_arg(*ap, size_t);
    case LEN_T:  return (size_t)va_arg(*ap, ptrdiff_t);
    case LEN_J:  return va_arg(*ap, uintmax_t);
    default:     return va_arg(*ap, unsigned);
    }
}

/* Takes a signed argument of the given length from ap. */
static intmax_t arg_signed(va_list *ap, enum length len)
{
    switch (len) {
    case LEN_HH: return (signed char)va_arg(*ap, int);
    case LEN_H:  return (short)va_arg(*ap, int);
    case LEN_L:  return va_arg(*ap, long);
    case LEN_LL: return va_arg(*ap, long long);
    case LEN_Z:  return (ptrdiff_t)va_arg(*ap, size_t);
    case LEN_T:  return va_arg(*ap, ptrdiff_t);
    case LEN_J:  return va_arg(*ap, intmax_t);
    default:     return va_arg(*ap, int);
    }
}

/* Reads a decimal number at *p (width or precision), capped at INT_MAX. */
static int parse_num(const char **p)
{
    int n = 0;
    while (**p >= '0' && **p <= '9') {
        int d = **p - '0';
        n = n > (INT_MAX - d) / 10 ? INT_MAX : n * 10 + d;
        (*p)++;
    }
    return n;
}

/* Reads the spec after a '%' at *p (flags, width, precision, length,
 * conversion), taking * arguments from ap; leaves *p after it. */
static void parse_spec(const char **p, struct spec *sp, va_list *ap)
{
    const char *s = *p;

    sp->flags = 0;
    for (;; s++) {
        int f = *s == '-' ? F_LEFT : *s == '+' ? F_PLUS : *s == ' ' ? F_SPACE
              : *s == '0' ? F_ZERO : *s == '#' ? F_ALT : 0;
        if (f == 0)
            break;
        sp->flags |= f;
    }

    sp->width = 0;
    if (*s == '*') {
        int w = va_arg(*ap, int);
        s++;
        if (w < 0) {
            sp->flags |= F_LEFT;
            w = w == INT_MIN ? INT_MAX : -w;
        }
        sp->width = w;
    } else {
        sp->width = parse_num(&s);
    }

    sp->prec = -1;
    if (*s == '.') {
        s++;
        if (*s == '*') {
            int pr = va_arg(*ap, int);
            s++;
            sp->prec = pr < 0 ? -1 : pr;
        } else {
            sp->prec = parse_num(&s);
        }
    }

    sp->len = LEN_NONE;
    switch (*s) {
    case 'h':
        s++;
        sp->len = LEN_H;
        if (*s == 'h') {
            s++;
            sp->len = LEN_HH;
        }
        break;
    case 'l':
        s++;
        sp->len = LEN_L;
        if (*s == 'l') {
            s++;
            sp->len = LEN_LL;
        }
        break;
    case 'z': s++; sp->len = LEN_Z; break;
    case 't': s++; sp->len = LEN_T; break;
    case 'j': s++; sp->len = LEN_J; break;
    default: break;
    }

    sp->conv = *s;
    if (*s != '\0')
        s++;
    *p = s;
}

/* Formats fmt with ap into put(ctx, ...); returns the byte count. */
int a8_vformat(a8_putfn put, void *ctx, const char *fmt, va_list ap0)
{
    struct out o = { put, ctx, 0 };
    struct spec sp;
    va_list ap;

    va_copy(ap, ap0);
    while (*fmt != '\0') {
        /* Plain text up to the next '%' goes out in one piece. */
        const char *text = fmt;
        while (*fmt != '\0' && *fmt != '%')
            fmt++;
        emit(&o, text, (size_t)(fmt - text));
        if (*fmt == '\0')
            break;

        const char *start = fmt++;
        parse_spec(&fmt, &sp, &ap);
        switch (sp.conv) {
        case 'd':
        case 'i': {
            intmax_t v = arg_signed(&ap, sp.len);
            put_int(&o, &sp, v < 0 ? -(uintmax_t)v : (uintmax_t)v, v < 0);
            break;
        }
        case 'u':
        case 'o':
        case 'x':
        case 'X':
            put_int(&o, &sp, arg_unsigned(&ap, sp.len), 0);
            break;
        case 'p': {
            void *ptr = va_arg(ap, void *);
            if (ptr != NULL)
                put_int(&o, &sp, (uintptr_t)ptr, 0);
            else
                put_text(&o, &sp, "(nil)", 5);
            break;
        }
        case 'c': {
            char ch = (char)va_arg(ap, int);
            put_text(&o, &sp, &ch, 1);
            break;
        }
        case 's': {
            const char *s = va_arg(ap, const char *);
            if (s == NULL)
                s = sp.prec < 0 || sp.prec >= 6 ? "(null)" : "";
            put_text(&o, &sp, s,
                     bounded_len(s, sp.prec < 0 ? SIZE_MAX : (size_t)sp.prec));
            break;
        }
        case '%':
            emit(&o, "%", 1);
            break;
        case 'a': case 'A': case 'e': case 'E':
        case 'f': case 'F': case 'g': case 'G':
            /* No floating point: the spec is copied out, but its double
             * is taken, so that the arguments after it stay right. */
            (void)va_arg(ap, double);
            emit(&o, start, (size_t)(fmt - start));
            break;
        default:
            /* Unknown: copy the spec out as written. */
            emit(&o, start, (size_t)(fmt - start));
            break;
        }
    }
    va_end(ap);
    return o.count > INT_MAX ? INT_MAX : (int)o.count;
}

/* A piece of memory being printed into; pos counts every byte produced,
 * those that did not fit included. */
struct membuf {
    char *buf;
    size_t size;
    size_t pos;
};

/* a8_putfn for struct membuf: copies what fits, leaving room for the NUL. */
static void mem_put(void *ctx, const char *s, size_t n)
{
    struct membuf *m = ctx;
    size_t room = m->pos + 1 < m->size ? m->size - 1 - m->pos : 0;
    size_t k = n < room ? n : room;
    for (size_t i = 0; i < k; i++)
        m->buf[m->pos + i] = s[i];
    m->pos += n;
}

/* Prints at most size - 1 bytes and a NUL into buf; returns the length
 * the whole text has. */
int vsnprintf(char *restrict buf, size_t size, const char *restrict fmt,
              va_list ap)
{
    struct membuf m = { buf, size, 0 };
    int n = a8_vformat(mem_put, &m, fmt, ap);
    if (size > 0)
        buf[m.pos < size ? m.pos : size - 1] = '\0';
    return n;
}

/* snprintf - vsnprintf with the arguments in line. */
int snprintf(char *restrict buf, size_t size, const char *restrict fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

/* Prints into buf, which must be large enough. */
int vsprintf(char *restrict buf, const char *restrict fmt, va_list ap)
{
    return vsnprintf(buf, SIZE_MAX, fmt, ap);
}

/* sprintf - vsprintf with the arguments in line. */
int sprintf(char *restrict buf, const char *restrict fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsprintf(buf, fmt, ap);
    va_end(ap);
    return n;
}
