/*
 * format.h - libc-internal: the printf formatter that the string printers
 * (printf.c) and the streams (stdio.c) share.
 */
#ifndef A8_FORMAT_H
#define A8_FORMAT_H

#include <stdarg.h>
#include <stddef.h>

/* Where formatted text goes: called with each piece, in order. */
typedef void (*a8_putfn)(void *ctx, const char *s, size_t n);

/* Formats fmt with ap, handing the text to put(ctx, ...); returns the
 * number of bytes produced. */
int a8_vformat(a8_putfn put, void *ctx, const char *fmt, va_list ap);

#endif /* A8_FORMAT_H */
