/*
 * bigbss - an app with a 4 MiB .bss, to check that the loader maps and
 * zeroes all of it: checks every word is 0, writes i*3 into word i, and
 * sums the words back.
 *
 * usage: bigbss
 *   prints "bigbss: 4096 KiB of .bss, checksum 4293394432" and exits 0;
 *   exits 1 if a word was not 0.
 */
#include <stdint.h>
#include <stdio.h>

#define WORDS (1u << 20)

static uint32_t big[WORDS];

/* Keeps the compiler from assuming anything about memory across it. */
static inline void barrier(void)
{
    __asm__ volatile("" ::: "memory");
}

int main(void)
{
    barrier();
    for (uint32_t i = 0; i < WORDS; i++) {
        if (big[i] != 0) {
            printf("bigbss: word %u is 0x%x, not 0\n", (unsigned)i, (unsigned)big[i]);
            return 1;
        }
    }

    for (uint32_t i = 0; i < WORDS; i++)
        big[i] = i * 3;
    barrier();

    uint32_t sum = 0;
    for (uint32_t i = 0; i < WORDS; i++)
        sum += big[i];

    printf("bigbss: %u KiB of .bss, checksum %u\n",
           (unsigned)(sizeof big / 1024), (unsigned)sum);
    return 0;
}
