/*
 * sys.c - the system call wrappers of a8os.h: each passes its arguments to
 * a8_syscall (syscall.S) and returns the kernel's result as it is (>= 0,
 * or a negative errno), except sbrk, which returns (void *)-1 and sets
 * errno on failure, as in POSIX.
 */
#include <a8os.h>
#include <errno.h>

/* The pid of this process. */
int getpid(void)
{
    return (int)a8_syscall(SYS_getpid, 0, 0, 0, 0);
}

/* Writes len bytes of buf to fd; returns the bytes written. */
int write(int fd, const void *buf, unsigned len)
{
    return (int)a8_syscall(SYS_write, fd, (long)buf, (long)len, 0);
}

/* Reads up to len bytes from fd into buf, blocking until at least one
 * came; returns the bytes read. */
int read(int fd, void *buf, unsigned len)
{
    return (int)a8_syscall(SYS_read, fd, (long)buf, (long)len, 0);
}

/* Gives the CPU to the next ready process. */
int yield(void)
{
    return (int)a8_syscall(SYS_yield, 0, 0, 0, 0);
}

/* Sleeps for ms milliseconds. */
int sleep_ms(unsigned ms)
{
    return (int)a8_syscall(SYS_sleep_ms, (long)ms, 0, 0, 0);
}

/* Milliseconds since boot. */
unsigned uptime_ms(void)
{
    return (unsigned)a8_syscall(SYS_uptime_ms, 0, 0, 0, 0);
}

/* Starts app with the NULL-terminated argv; returns the child's pid. */
int spawn(const char *app, char *const argv[])
{
    return (int)a8_syscall(SYS_spawn, (long)app, (long)argv, 0, 0);
}

/* Waits for child pid (-1: any) to end; its status goes to *status. */
int wait(int pid, int *status, int flags)
{
    return (int)a8_syscall(SYS_wait, pid, (long)status, flags, 0);
}

/* Ends process pid (wait status A8_SIGKILL). */
int kill(int pid)
{
    return (int)a8_syscall(SYS_kill, pid, 0, 0, 0);
}

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

/* Fills buf with up to max process entries; returns how many. */
int ps(struct a8_procinfo *buf, int max)
{
    return (int)a8_syscall(SYS_ps, (long)buf, max, 0, 0);
}

/* Fills buf with up to max app entries; returns how many. */
int apps(struct a8_appinfo *buf, int max)
{
    return (int)a8_syscall(SYS_apps, (long)buf, max, 0, 0);
}

/* Fills *info with the memory and process counts. */
int meminfo(struct a8_meminfo *info)
{
    return (int)a8_syscall(SYS_meminfo, (long)info, 0, 0, 0);
}

/* The free-running counter; its frequency in Hz goes to *hz unless hz is
 * NULL. */
unsigned counter(unsigned *hz)
{
    return (unsigned)a8_syscall(SYS_counter, (long)hz, 0, 0, 0);
}
