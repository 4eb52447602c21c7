/*
 * stdio.c - the console streams stdin, stdout and stderr: buffering,
 * printf/fprintf and the character and string output functions, getchar.
 *
 * stdout is line-buffered: its buffer goes out at '\n', when full, before
 * getchar (and readline) reads, and at exit.  stderr is unbuffered, but a
 * single fprintf to it still leaves in as few writes as a small stack
 * buffer allows.  Output goes through write(); a failed write marks the
 * stream, drops what was buffered and sets errno.
 */
#include <a8os.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "format.h"

/* A stream: a file descriptor and its output buffer. */
struct FILE {
    int fd;
    int linebuf;                /* flush at '\n'                           */
    int err;                    /* a write failed                          */
    char *buf;                  /* NULL: unbuffered                        */
    size_t size;                /* bytes buf holds                         */
    size_t len;                 /* bytes waiting in buf                    */
};

static char stdout_buf[BUFSIZ];

static FILE files[] = {
    { FD_STDIN,  0, 0, NULL,       0,                  0 },
    { FD_STDOUT, 1, 0, stdout_buf, sizeof stdout_buf,  0 },
    { FD_STDERR, 0, 0, NULL,       0,                  0 },
};

FILE *stdin = &files[0];
FILE *stdout = &files[1];
FILE *stderr = &files[2];

/* Writes all n bytes of s to f's descriptor, however many write() calls
 * that takes; on failure marks f and sets errno.  Returns 0 or EOF. */
static int write_all(FILE *f, const char *s, size_t n)
{
    while (n > 0) {
        int r = write(f->fd, s, (unsigned)n);
        if (r <= 0) {
            f->err = 1;
            errno = r < 0 ? -r : EIO;
            return EOF;
        }
        s += r;
        n -= (size_t)r;
    }
    return 0;
}

/* Writes out what f has buffered (f == NULL: every stream); 0 or EOF. */
int fflush(FILE *f)
{
    if (f == NULL) {
        int r = 0;
        for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
            if (fflush(&files[i]) != 0)
                r = EOF;
        return r;
    }
    size_t n = f->len;
    f->len = 0;
    return n > 0 ? write_all(f, f->buf, n) : 0;
}

/* a8_putfn for streams: buffers n bytes of s in f (or writes them at once
 * if f has no buffer), flushing when the buffer fills and, for a
 * line-buffered stream, when the bytes held a '\n'. */
static void put_bytes(void *ctx, const char *s, size_t n)
{
    FILE *f = ctx;
    int newline = 0;

    if (f->buf == NULL) {
        write_all(f, s, n);
        return;
    }
    while (n > 0) {
        size_t k = f->size - f->len;
        if (k > n)
            k = n;
        memcpy(f->buf + f->len, s, k);
        if (f->linebuf && memchr(s, '\n', k) != NULL)
            newline = 1;
        f->len += k;
        s += k;
        n -= k;
        if (f->len == f->size)
            fflush(f);
    }
    if (newline)
        fflush(f);
}

/* Prints to f; returns the bytes printed, or EOF if a write failed. */
int vfprintf(FILE *restrict f, const char *restrict fmt, va_list ap)
{
    char local[128];
    int err = f->err;
    int n;

    f->err = 0;
    if (f->buf == NULL) {
        /* Unbuffered: gather the text in a stack buffer for this call. */
        f->buf = local;
        f->size = sizeof local;
        f->len = 0;
        n = a8_vformat(put_bytes, f, fmt, ap);
        fflush(f);
        f->buf = NULL;
        f->size = 0;
    } else {
        n = a8_vformat(put_bytes, f, fmt, ap);
    }
    if (f->err)
        n = EOF;
    f->err |= err;
    return n;
}

/* fprintf - vfprintf with the arguments in line. */
int fprintf(FILE *restrict f, const char *restrict fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vfprintf(f, fmt, ap);
    va_end(ap);
    return n;
}

/* vprintf - vfprintf to stdout. */
int vprintf(const char *restrict fmt, va_list ap)
{
    return vfprintf(stdout, fmt, ap);
}

/* printf - vfprintf to stdout with the arguments in line. */
int printf(const char *restrict fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vfprintf(stdout, fmt, ap);
    va_end(ap);
    return n;
}

/* Puts n bytes of s on f; returns 0, or EOF if a write failed. */
static int put_checked(FILE *f, const char *s, size_t n)
{
    int err = f->err;
    f->err = 0;
    put_bytes(f, s, n);
    int r = f->err ? EOF : 0;
    f->err |= err;
    return r;
}

/* Writes the byte c to f; returns it, or EOF. */
int fputc(int c, FILE *f)
{
    char ch = (char)c;
    return put_checked(f, &ch, 1) == 0 ? (unsigned char)c : EOF;
}

/* putc - fputc. */
int putc(int c, FILE *f)
{
    return fputc(c, f);
}

/* putchar - fputc to stdout. */
int putchar(int c)
{
    return fputc(c, stdout);
}

/* Writes the string s to f; returns 0, or EOF. */
int fputs(const char *restrict s, FILE *restrict f)
{
    return put_checked(f, s, strlen(s));
}

/* Writes s and a '\n' to stdout; returns 0, or EOF. */
int puts(const char *s)
{
    if (fputs(s, stdout) != 0)
        return EOF;
    return fputc('\n', stdout) == EOF ? EOF : 0;
}

/* One byte from stdin (fd 0), after flushing stdout; EOF at the end of
 * input or on an error (errno set). */
int getchar(void)
{
    unsigned char c;

    fflush(stdout);
    int r = read(FD_STDIN, &c, 1);
    if (r == 1)
        return c;
    if (r < 0)
        errno = -r;
    return EOF;
}
