/*
 * memhog - exhaust memory on purpose: grow the heap with sbrk a megabyte at
 * a time, touching every page, until the kernel refuses.  The kernel must
 * say no (-ENOMEM) without trouble, and give every page back at exit.
 *
 * usage: memhog [MAX_MIB]   (default: until memory runs out)
 * Prints "memhog: got N MiB before sbrk failed: ..." and exits 0.
 */
#include <a8os.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MIB (1024 * 1024)

int main(int argc, char **argv)
{
    int max = argc > 1 ? atoi(argv[1]) : 0;
    int mib = 0;

    for (;;) {
        if (max > 0 && mib == max) {
            printf("memhog: got %d MiB, the limit asked for\n", mib);
            return 0;
        }
        char *p = sbrk(MIB);
        if (p == (char *)-1) {
            printf("memhog: got %d MiB before sbrk failed: %s\n",
                   mib, strerror(errno));
            return 0;
        }
        for (int off = 0; off < MIB; off += 4096)
            p[off] = (char)mib;          /* really use every page */
        mib++;
    }
}
