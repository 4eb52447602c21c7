/*
 * badirq - a user interrupt handler that misbehaves, to show that the
 * kernel stops it and kills its process (and that the rest of the system
 * carries on).
 *
 * usage: badirq MODE
 *   kmem     the handler reads kernel memory at 0x70010000   (abort)
 *   loop     the handler loops forever                     (over budget)
 *   syscall  the handler calls getpid()                    (no system calls)
 * Configures GPIO pin 0 as an output with a level-high interrupt, attaches
 * the handler, prints "badirq: handler will <what>", and drives the pin
 * to 1: the interrupt fires at once.  If the process is still alive 100 ms
 * later it prints "badirq: still alive, the handler was not stopped" and
 * exits 1.  An unknown mode prints the usage, exit 2.
 */
#include <a8os.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define PIN     0
#define SOURCE  A8_SRC_GPIO(PIN)

static volatile uint32_t sink;

/* Reads a word of the kernel's memory, closed to handlers. */
static void read_kmem(int source, int value)
{
    (void)source;
    (void)value;
    sink = *(volatile uint32_t *)0x70010000;
}

/* Never returns: only the kernel's time budget can end it. */
static void loop_forever(int source, int value)
{
    (void)source;
    (void)value;
    for (;;)
        __asm__ volatile("");
}

/* Makes a system call, which a handler may not. */
static void call_kernel(int source, int value)
{
    (void)source;
    (void)value;
    sink = (uint32_t)getpid();
}

static const struct mode {
    const char *name;
    const char *what;
    void (*handler)(int source, int value);
} modes[] = {
    { "kmem",    "read kernel memory", read_kmem },
    { "loop",    "loop forever",       loop_forever },
    { "syscall", "make a system call", call_kernel },
};

/* Prints "badirq: what: error" for a failed call r; returns 1. */
static int fail(const char *what, int r)
{
    printf("badirq: %s: %s\n", what, strerror(-r));
    return 1;
}

int main(int argc, char **argv)
{
    const struct mode *m = NULL;

    for (unsigned i = 0; argc == 2 && i < sizeof modes / sizeof modes[0]; i++)
        if (strcmp(argv[1], modes[i].name) == 0)
            m = &modes[i];
    if (m == NULL) {
        printf("usage: badirq kmem|loop|syscall\n");
        return 2;
    }

    /* Drive the pin low before arming the level interrupt, in case an
     * earlier run left it high. */
    int r = gpio_config(PIN, A8_GPIO_OUT);
    if (r < 0)
        return fail("gpio_config", r);
    r = gpio_write(PIN, 0);
    if (r < 0)
        return fail("gpio_write", r);
    r = gpio_config(PIN, A8_GPIO_OUT | A8_GPIO_IRQ_HIGH);
    if (r < 0)
        return fail("gpio_config", r);
    r = irq_attach(SOURCE, m->handler);
    if (r < 0)
        return fail("irq_attach", r);

    printf("badirq: handler will %s\n", m->what);
    fflush(stdout);                     /* the process may not come back */
    gpio_write(PIN, 1);                 /* the interrupt fires in here */
    sleep_ms(100);
    printf("badirq: still alive, the handler was not stopped\n");
    return 1;
}
