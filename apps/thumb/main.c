/*
 * thumb - an app compiled as Thumb-2 (see cflags), to show that the kernel
 * enters and resumes Thumb code correctly: counts the primes below 10000
 * with a sieve of Eratosthenes.
 *
 * usage: thumb
 */
#include <stdint.h>
#include <stdio.h>

#define LIMIT 10000

static unsigned char composite[LIMIT];

/* Number of primes below LIMIT. */
static int count_primes(void)
{
    int n = 0;

    for (int i = 2; i < LIMIT; i++) {
        if (composite[i])
            continue;
        n++;
        for (int j = i * i; j < LIMIT; j += i)
            composite[j] = 1;
    }
    return n;
}

int main(void)
{
    /* In Thumb state a function's address has bit 0 set. */
    printf("thumb: running Thumb-2 code, main at %p\n", (void *)(uintptr_t)main);
    printf("thumb: %d primes below %d\n", count_primes(), LIMIT);
    return 0;
}
