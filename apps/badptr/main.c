/*
 * badptr - passes bad pointers to system calls and checks that the kernel
 * refuses each with -EFAULT (and survives).
 *
 * usage: badptr
 *   prints "badptr: CALL -> RESULT" per call, then
 *   "badptr: all N calls returned -EFAULT" and exits 0, or
 *   "badptr: FAILED" and exits 1.
 */
#include <errno.h>
#include <stdio.h>
#include <a8os.h>

#define KADDR ((void *)0x70010000)      /* kernel memory */
#define UNMAPPED ((void *)0x30000000)   /* user space, nothing mapped */
#define CODE ((void *)0x20000000)       /* this app's read-only code */

static int calls, good;

/* Reports one call's result and counts it. */
static void check(const char *what, int ret)
{
    printf("badptr: %s -> %d\n", what, ret);
    calls++;
    if (ret == -EFAULT)
        good++;
}

int main(void)
{
    check("write from kernel address", write(1, KADDR, 16));
    check("write from NULL", write(1, NULL, 4));
    check("write from unmapped address", write(1, UNMAPPED, 4));
    check("read into read-only code", read(0, CODE, 4));
    check("spawn with kernel name", spawn((const char *)KADDR, NULL));
    check("meminfo into kernel address", meminfo(KADDR));
    check("ps into kernel address", ps(KADDR, 4));

    if (good != calls) {
        printf("badptr: FAILED\n");
        return 1;
    }
    printf("badptr: all %d calls returned -EFAULT\n", calls);
    return 0;
}
