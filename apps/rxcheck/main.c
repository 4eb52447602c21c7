/*
 * rxcheck - console input that nobody reads for a while must not be lost:
 * sleep first, then read everything that was typed meanwhile.
 *
 * usage: rxcheck N MS
 * Prints "rxcheck: sleeping MS ms", sleeps MS milliseconds without reading,
 * then reads exactly N bytes from the console and prints
 * "rxcheck: read N bytes, fnv1a 0xHHHHHHHH" - a hash of the bytes in the
 * order they came (FNV-1a, 32 bits), so a tester can tell that none was
 * lost, doubled or reordered.
 */
#include <a8os.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    if (argc != 3) {
        printf("usage: rxcheck N MS\n");
        return 2;
    }
    unsigned n = (unsigned)strtoul(argv[1], NULL, 10);
    unsigned ms = (unsigned)strtoul(argv[2], NULL, 10);

    printf("rxcheck: sleeping %u ms\n", ms);
    fflush(stdout);
    sleep_ms(ms);

    unsigned hash = 2166136261u;        /* FNV-1a offset basis */
    unsigned got = 0;
    char buf[256];
    while (got < n) {
        unsigned want = n - got < sizeof buf ? n - got : sizeof buf;
        int r = read(0, buf, want);
        if (r <= 0) {
            printf("rxcheck: read failed after %u bytes: %d\n", got, r);
            return 1;
        }
        for (int i = 0; i < r; i++) {
            hash ^= (unsigned char)buf[i];
            hash *= 16777619u;          /* FNV prime */
        }
        got += (unsigned)r;
    }
    printf("rxcheck: read %u bytes, fnv1a 0x%08x\n", got, hash);
    return 0;
}
