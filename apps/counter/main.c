/*
 * counter - a CPU-bound loop that never sleeps or yields, to show that the
 * kernel preempts it: run two of them and watch their lines interleave.
 *
 * usage: counter [LABEL] [quiet]
 *   Increments a counter forever; every 2^24 increments prints
 *   "counter LABEL: K" (K = count / 2^24) unless "quiet" is given.
 *   LABEL defaults to "c".
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static volatile uint32_t count;

int main(int argc, char **argv)
{
    const char *label = "c";
    int quiet = 0;

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "quiet") == 0)
            quiet = 1;
        else
            label = argv[i];
    }

    for (;;) {
        uint32_t c = count + 1;         /* one read, one write */
        count = c;
        if ((c & 0xFFFFFFu) == 0 && !quiet) {
            printf("counter %s: %u\n", label, (unsigned)(c >> 24));
            fflush(stdout);
        }
    }
}
