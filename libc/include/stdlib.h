/*
 * stdlib.h - memory allocation, number conversion, exit.
 */
#ifndef _STDLIB_H
#define _STDLIB_H

#include <stddef.h>

#define EXIT_SUCCESS    0
#define EXIT_FAILURE    1

/* The heap, on sbrk.  Results are 8-byte aligned; NULL with errno ENOMEM
 * when memory runs out. */
void *malloc(size_t size);
void free(void *p);
void *calloc(size_t n, size_t size);
void *realloc(void *p, size_t size);

int atoi(const char *s);
long atol(const char *s);
long strtol(const char *restrict s, char **restrict end, int base);
unsigned long strtoul(const char *restrict s, char **restrict end, int base);

int abs(int x);
long labs(long x);

/* Flushes stdio and ends the process with status & 0xff. */
_Noreturn void exit(int status);
/* Writes "abort()" to stderr and ends the process with status 134. */
_Noreturn void abort(void);

#endif /* _STDLIB_H */
