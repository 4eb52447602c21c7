/*
 * assert.h - assert(expr): when expr is false, prints
 *   Assertion failed: EXPR, file F, line L, function FN
 * to stderr and calls abort().  Compiled out when NDEBUG is defined where
 * this header is included (it may be included again with another NDEBUG,
 * as the standard says).
 */
#undef assert
#ifdef NDEBUG
#define assert(expr)    ((void)0)
#else
#define assert(expr) \
    ((expr) ? (void)0 : __a8_assert_fail(#expr, __FILE__, __LINE__, __func__))
#endif

#ifndef _ASSERT_H
#define _ASSERT_H

#define static_assert _Static_assert

/* Reports a failed assertion and aborts. */
_Noreturn void __a8_assert_fail(const char *expr, const char *file, int line,
                                const char *func);

#endif /* _ASSERT_H */
