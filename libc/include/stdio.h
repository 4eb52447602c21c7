/*
 * stdio.h - formatted and character output on the console streams, and
 * character input.
 *
 * stdout is line-buffered: flushed at '\n', when its buffer is full,
 * before any read from stdin and at exit.  stderr is unbuffered.  printf
 * knows the conversions d i u x X o c s p % with the flags - + space 0 #,
 * width and precision (digits or *), and the lengths hh h l ll z t j;
 * it prints as glibc's does.  There is no floating point.
 */
#ifndef _STDIO_H
#define _STDIO_H

#include <stdarg.h>
#include <stddef.h>

#define EOF     (-1)
#define BUFSIZ  512

typedef struct FILE FILE;

extern FILE *stdin;
extern FILE *stdout;
extern FILE *stderr;

int printf(const char *restrict fmt, ...)
    __attribute__((__format__(__printf__, 1, 2)));
int vprintf(const char *restrict fmt, va_list ap)
    __attribute__((__format__(__printf__, 1, 0)));
int fprintf(FILE *restrict f, const char *restrict fmt, ...)
    __attribute__((__format__(__printf__, 2, 3)));
int vfprintf(FILE *restrict f, const char *restrict fmt, va_list ap)
    __attribute__((__format__(__printf__, 2, 0)));
int sprintf(char *restrict buf, const char *restrict fmt, ...)
    __attribute__((__format__(__printf__, 2, 3)));
int vsprintf(char *restrict buf, const char *restrict fmt, va_list ap)
    __attribute__((__format__(__printf__, 2, 0)));
int snprintf(char *restrict buf, size_t size, const char *restrict fmt, ...)
    __attribute__((__format__(__printf__, 3, 4)));
int vsnprintf(char *restrict buf, size_t size, const char *restrict fmt,
              va_list ap)
    __attribute__((__format__(__printf__, 3, 0)));

int fputc(int c, FILE *f);
int putc(int c, FILE *f);
int putchar(int c);
int fputs(const char *restrict s, FILE *restrict f);
int puts(const char *s);
/* Writes out what f has buffered; f == NULL: every stream. */
int fflush(FILE *f);
/* One byte from fd 0 (after flushing stdout), or EOF. */
int getchar(void);

#endif /* _STDIO_H */
