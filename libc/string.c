/*
 * string.c - the memory and string functions of string.h (strerror is in
 * strerror.c).
 *
 * GCC turns some loops into calls of memcpy, memset or memmove ("loop
 * distribution"); in this file that would make those functions call
 * themselves, so the optimisation is off here.  Bulk copies and fills go
 * a word at a time when the pointers allow it (aligned accesses only).
 *
 * Portable C: the host tests compile this file with the host compiler and
 * compare it with glibc (tests/test_libc.py).
 */
#pragma GCC optimize("no-tree-loop-distribute-patterns")

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A 32-bit word that may alias any object (for the word-wise loops). */
typedef uint32_t __attribute__((__may_alias__)) word;

/* True if every pointer given is word aligned. */
#define ALIGNED(a, b)   ((((uintptr_t)(a) | (uintptr_t)(b)) & (sizeof(word) - 1)) == 0)

/* Copies n bytes upwards from src to dst; right for memmove too when dst
 * is below src (no restrict: the two may overlap). */
static void copy_up(unsigned char *d, const unsigned char *s, size_t n)
{
    if (ALIGNED(d, s)) {
        for (; n >= 4 * sizeof(word); n -= 4 * sizeof(word)) {
            word *dw = (word *)d;
            const word *sw = (const word *)s;
            word w0 = sw[0], w1 = sw[1], w2 = sw[2], w3 = sw[3];
            dw[0] = w0;
            dw[1] = w1;
            dw[2] = w2;
            dw[3] = w3;
            d += 4 * sizeof(word);
            s += 4 * sizeof(word);
        }
        for (; n >= sizeof(word); n -= sizeof(word)) {
            *(word *)d = *(const word *)s;
            d += sizeof(word);
            s += sizeof(word);
        }
    }
    while (n-- > 0)
        *d++ = *s++;
}

/* Copies n bytes from src to dst (they must not overlap); returns dst. */
void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
    copy_up(dst, src, n);
    return dst;
}

/* Copies n bytes from src to dst, which may overlap; returns dst. */
void *memmove(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;

    if (d == s || n == 0)
        return dst;
    if ((uintptr_t)d - (uintptr_t)s >= n) {
        copy_up(d, s, n);               /* dst not inside (src, src+n) */
        return dst;
    }

    /* dst above src and overlapping: copy from the end down. */
    d += n;
    s += n;
    if (ALIGNED(d, s)) {
        for (; n >= sizeof(word); n -= sizeof(word)) {
            d -= sizeof(word);
            s -= sizeof(word);
            *(word *)d = *(const word *)s;
        }
    }
    while (n-- > 0)
        *--d = *--s;
    return dst;
}

/* Fills n bytes at dst with (unsigned char)c; returns dst. */
void *memset(void *dst, int c, size_t n)
{
    unsigned char *d = dst;
    unsigned char b = (unsigned char)c;

    while (n > 0 && ((uintptr_t)d & (sizeof(word) - 1)) != 0) {
        *d++ = b;
        n--;
    }
    word w = b * (word)0x01010101u;
    for (; n >= 4 * sizeof(word); n -= 4 * sizeof(word)) {
        word *dw = (word *)d;
        dw[0] = w;
        dw[1] = w;
        dw[2] = w;
        dw[3] = w;
        d += 4 * sizeof(word);
    }
    for (; n >= sizeof(word); n -= sizeof(word)) {
        *(word *)d = w;
        d += sizeof(word);
    }
    while (n-- > 0)
        *d++ = b;
    return dst;
}

/* Compares n bytes as unsigned chars: <0, 0 or >0. */
int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *p = a, *q = b;
    for (; n > 0; n--, p++, q++)
        if (*p != *q)
            return *p - *q;
    return 0;
}

/* The first (unsigned char)c in the n bytes at s, or NULL. */
void *memchr(const void *s, int c, size_t n)
{
    const unsigned char *p = s;
    for (; n > 0; n--, p++)
        if (*p == (unsigned char)c)
            return (void *)p;
    return NULL;
}

/* The length of s. */
size_t strlen(const char *s)
{
    const char *p = s;
    while (*p != '\0')
        p++;
    return (size_t)(p - s);
}

/* The length of s, but at most max (reads no further than that). */
size_t strnlen(const char *s, size_t max)
{
    size_t n = 0;
    while (n < max && s[n] != '\0')
        n++;
    return n;
}

/* Copies src with its NUL to dst; returns dst. */
char *strcpy(char *restrict dst, const char *restrict src)
{
    char *d = dst;
    while ((*d++ = *src++) != '\0')
        ;
    return dst;
}

/* Copies at most n bytes of src to dst and fills the rest of the n with
 * NULs (no NUL at all if src is n bytes or longer); returns dst. */
char *strncpy(char *restrict dst, const char *restrict src, size_t n)
{
    size_t i = 0;
    for (; i < n && src[i] != '\0'; i++)
        dst[i] = src[i];
    for (; i < n; i++)
        dst[i] = '\0';
    return dst;
}

/* Appends src to dst; returns dst. */
char *strcat(char *restrict dst, const char *restrict src)
{
    strcpy(dst + strlen(dst), src);
    return dst;
}

/* Appends at most n bytes of src, and a NUL, to dst; returns dst. */
char *strncat(char *restrict dst, const char *restrict src, size_t n)
{
    char *d = dst + strlen(dst);
    for (; n > 0 && *src != '\0'; n--)
        *d++ = *src++;
    *d = '\0';
    return dst;
}

/* Compares two strings as unsigned chars: <0, 0 or >0. */
int strcmp(const char *a, const char *b)
{
    const unsigned char *p = (const unsigned char *)a;
    const unsigned char *q = (const unsigned char *)b;
    while (*p != '\0' && *p == *q) {
        p++;
        q++;
    }
    return *p - *q;
}

/* strcmp on at most the first n bytes. */
int strncmp(const char *a, const char *b, size_t n)
{
    const unsigned char *p = (const unsigned char *)a;
    const unsigned char *q = (const unsigned char *)b;
    for (; n > 0; n--, p++, q++)
        if (*p != *q || *p == '\0')
            return *p - *q;
    return 0;
}

/* The first (char)c in s (c == 0: the terminating NUL), or NULL. */
char *strchr(const char *s, int c)
{
    for (;; s++) {
        if (*s == (char)c)
            return (char *)s;
        if (*s == '\0')
            return NULL;
    }
}

/* The last (char)c in s (c == 0: the terminating NUL), or NULL. */
char *strrchr(const char *s, int c)
{
    const char *last = NULL;
    for (;; s++) {
        if (*s == (char)c)
            last = s;
        if (*s == '\0')
            return (char *)last;
    }
}

/* The first occurrence of needle in haystack (haystack itself if needle
 * is empty), or NULL. */
char *strstr(const char *haystack, const char *needle)
{
    size_t n = strlen(needle);
    if (n == 0)
        return (char *)haystack;
    for (; (haystack = strchr(haystack, needle[0])) != NULL; haystack++)
        if (strncmp(haystack, needle, n) == 0)
            return (char *)haystack;
    return NULL;
}

/* The length of the start of s made only of bytes in accept. */
size_t strspn(const char *s, const char *accept)
{
    size_t n = 0;
    while (s[n] != '\0' && strchr(accept, s[n]) != NULL)
        n++;
    return n;
}

/* The length of the start of s made only of bytes not in reject. */
size_t strcspn(const char *s, const char *reject)
{
    size_t n = 0;
    while (s[n] != '\0' && strchr(reject, s[n]) == NULL)
        n++;
    return n;
}

/* Splits a string into tokens separated by bytes of delim: the first call
 * passes the string in s, later ones NULL; *save keeps the place.  Returns
 * the next token (NUL-terminated in place), or NULL when none is left. */
char *strtok_r(char *restrict s, const char *restrict delim,
               char **restrict save)
{
    if (s == NULL)
        s = *save;
    if (s == NULL)
        return NULL;
    s += strspn(s, delim);
    if (*s == '\0') {
        *save = s;
        return NULL;
    }
    char *end = s + strcspn(s, delim);
    if (*end != '\0')
        *end++ = '\0';
    *save = end;
    return s;
}

/* A copy of s in memory from malloc, or NULL (errno ENOMEM). */
char *strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *copy = malloc(n);
    if (copy != NULL)
        memcpy(copy, s, n);
    return copy;
}
