/*
 * assert.c - what a failed assert() calls.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

/* Prints "Assertion failed: EXPR, file F, line L, function FN" to stderr
 * and aborts. */
_Noreturn void __a8_assert_fail(const char *expr, const char *file, int line,
                                const char *func)
{
    fprintf(stderr, "Assertion failed: %s, file %s, line %d, function %s\n",
            expr, file, line, func);
    abort();
}
