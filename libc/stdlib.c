/*
 * stdlib.c - ending the process (exit, abort) and abs, labs.
 */
#include <a8os.h>
#include <stdio.h>
#include <stdlib.h>

/* Flushes stdio and ends the process; the parent's wait status holds
 * (status & 0xff) << 8. */
_Noreturn void exit(int status)
{
    fflush(NULL);
    for (;;)
        a8_syscall(SYS_exit, status, 0, 0, 0);
}

/* Writes "abort()" to stderr and ends the process with status 134 (as a
 * shell reports SIGABRT), without flushing stdout. */
_Noreturn void abort(void)
{
    static const char msg[] = "abort()\n";
    write(FD_STDERR, msg, sizeof msg - 1);
    for (;;)
        a8_syscall(SYS_exit, 134, 0, 0, 0);
}

/* |x| (abs(INT_MIN) is undefined, as in C). */
int abs(int x)
{
    return x < 0 ? -x : x;
}

/* |x| for long. */
long labs(long x)
{
    return x < 0 ? -x : x;
}
