/*
 * a8os.h - the a8os system interface for apps: one C function per system
 * call (include/a8os/syscall.h), readline, strsignal and the wait-status
 * macros.  Mutexes and atomic operations have headers of their own:
 * <mutex.h> and <atomic.h>.
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

/* ---- devices for apps (a8os/syscall.h says more) ---- */

/* GPIO pins 0..23 on realview-pb-a8.  gpio_config takes A8_GPIO_IN or
 * A8_GPIO_OUT, or'ed with an A8_GPIO_IRQ_* type; gpio_read gives 0 or 1;
 * gpio_info gives the pin's mode with the A8_GPIO_INFO_* bits. */
int gpio_config(int pin, int mode);
int gpio_read(int pin);
int gpio_write(int pin, int value);
int gpio_info(int pin);

/* Interrupt handlers: attach handler to a source (A8_SRC_GPIO(pin) or
 * A8_SRC_UART(port)).  It runs as handler(source, value) in IRQ mode, on
 * a stack of its own, and may touch only the process's memory: no system
 * calls, no stdio.  irq_wait blocks until the handler has run, returns
 * how many times it ran since the last irq_wait and re-arms a level
 * interrupt. */
int irq_attach(int source, void (*handler)(int source, int value));
int irq_detach(int source);
int irq_wait(int source);
/* Fills buf with up to max interrupt lines; returns the count. */
int irqinfo(struct a8_irqinfo *buf, int max);

/* The extra UARTs (port 1 and up; the console is port 0). */
int uart_open(int port);
int uart_close(int port);
int uart_read(int port, void *buf, unsigned len);
int uart_write(int port, const void *buf, unsigned len);

/* Sets the LEDs selected by mask to the bits of value (mask 0 only reads);
 * returns the state: A8_LEDS_STATE (bit i = LED i is on) and A8_LEDS_COUNT
 * (how many LEDs the board has). */
int leds(unsigned mask, unsigned value);
#define A8_LEDS_STATE(r)    ((unsigned)(r) & 0xFFFFu)
#define A8_LEDS_COUNT(r)    (((unsigned)(r) >> 16) & 0xFFu)

/* Maps the shared memory region name (the first mapper creates it),
 * size bytes, flags A8_SHM_RW or A8_SHM_RO; every process gets it at the
 * same address.  Returns the address, or a negative errno cast to
 * void *: test the result with A8_IS_ERR, and get the errno with
 * A8_PTR_ERR. */
void *shm_map(const char *name, unsigned size, int flags);
int shm_unmap(void *addr);

/* Whether the pointer p is a negative errno (-4095..-1, i.e. 0xFFFFF001
 * and above) rather than an address (user addresses are below
 * 0x40000000); A8_PTR_ERR(p) is that negative errno. */
#define A8_IS_ERR(p)        ((unsigned long)(p) >= 0xFFFFF001ul)
#define A8_PTR_ERR(p)       ((int)(long)(p))

/* The kernel's side of mutex.h (SYS_mutex_lock, SYS_mutex_unlock): only
 * called when the inline fast path finds the mutex contended. */
int __mutex_lock_slow(volatile int *mutex);
int __mutex_unlock_slow(volatile int *mutex);

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
