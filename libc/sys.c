/*
 * sys.c - sbrk, the one system call wrapper that is not a plain stub in
 * syscall.S: it returns (void *)-1 and sets errno on failure, as in POSIX,
 * where the others return the kernel's result as it is (>= 0, or a
 * negative errno).
 */
#include <a8os.h>
#include <errno.h>

/* Moves the break by increment bytes; the old break, or (void *)-1 with
 * errno set.  (User addresses are below 0x40000000, so a break is never
 * mistaken for a negative errno.) */
void *sbrk(int increment)
{
    long r = a8_syscall(SYS_sbrk, increment, 0, 0, 0);
    if (r < 0 && r >= -4095) {
        errno = (int)-r;
        return (void *)-1;
    }
    return (void *)r;
}
