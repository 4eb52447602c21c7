/*
 * assert_use.c - assert() as an app uses it, compiled with the a8os libc
 * headers for host_check's "assert" part: once as it is, once after
 * defining NDEBUG and including assert.h again.
 */
#include <assert.h>

int a8_assert_probe(int x);
int a8_assert_probe_ndebug(int x);

/* Asserts x == 1. */
int a8_assert_probe(int x)
{
    assert(x == 1);
    return x;
}

#define NDEBUG
#include <assert.h>

/* The same assert, compiled out. */
int a8_assert_probe_ndebug(int x)
{
    assert(x == 1);
    return x;
}
