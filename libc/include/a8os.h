/*
 * a8os.h - the a8os system interface for apps: one C function per system
 * call (include/a8os/syscall.h), readline, strsignal and the wait-status
 * macros.
 *
 * Unless stated otherwise a function returns what the kernel returned:
 * >= 0 on success, a negative errno (a8os/errno.h) on failure.  errno is
 * not touched, except by sbrk, which follows POSIX.
 */
#ifndef _A8OS_H
#define _A8OS_H

#include <stddef.h>
#include "a8os/syscall.h"
#include "a8os/errno.h"

/* The raw system call: svc #0 with n in r0 and a..d in r1..r4. */
long a8_syscall(long n, long a, long b, long c, long d);

int getpid(void);
int write(int fd, const void *buf, unsigned len);
/* Blocks until at least one byte came; the console gives raw bytes and
 * does not echo. */
int read(int fd, void *buf, unsigned len);
int yield(void);
int sleep_ms(unsigned ms);
unsigned uptime_ms(void);
/* Starts app with argv (NULL-terminated, argv[0] conventionally the app
 * name); returns the child's pid. */
int spawn(const char *app, char *const argv[]);
/* Waits for the child pid (-1: any child); stores its wait status in
 * *status if status is not NULL.  With A8_WNOHANG returns 0 at once when
 * no child has ended yet. */
int wait(int pid, int *status, int flags);
int kill(int pid);
/* Moves the break by increment bytes; returns the old break, or
 * (void *)-1 with errno set. */
void *sbrk(int increment);
int ps(struct a8_procinfo *buf, int max);
int apps(struct a8_appinfo *buf, int max);
int meminfo(struct a8_meminfo *info);
/* The board's free-running counter; its frequency goes to *hz if hz is
 * not NULL. */
unsigned counter(unsigned *hz);

/* Prints prompt, then reads one line from fd 0 with echo and editing
 * (backspace, Ctrl-U) into buf (size bytes, NUL included).  Returns the
 * length of the line, without the newline, or a negative errno. */
int readline(const char *prompt, char *buf, int size);

/* A text for a signal number of a wait status ("segmentation fault", ...). */
const char *strsignal(int sig);

/* Wait status, as in Unix. */
#define WIFEXITED(s)    (((s) & 0x7f) == 0)
#define WEXITSTATUS(s)  (((s) >> 8) & 0xff)
#define WIFSIGNALED(s)  (((s) & 0x7f) != 0)
#define WTERMSIG(s)     ((s) & 0x7f)

#endif /* _A8OS_H */
