/*
 * badirq - a user interrupt handler that misbehaves, to show that the
 * kernel stops it and kills its process (and that the rest of the system
 * carries on).
 *
 * usage: badirq MODE
 *   kmem     the handler reads kernel memory at 0x70010000   (abort)
 *   loop     the handler loops forever                     (over budget)
 *   syscall  the handler calls getpid()                    (no system calls)
 *   kjump    the handler jumps into kernel code at 0x70010000     (abort)
 *   badsp    the handler points sp at address 0, then loops  (over budget:
 *            the kernel must not use the handler's sp to stop it)
 *   slow     the handler spins for about 5 million instructions, half
 *            its budget under QEMU -icount shift=0: it must be left alone,
 *            though ticks come due meanwhile (they wait: the interrupt
 *            that runs a handler lets only the watchdog in)
 * Configures GPIO pin 0 as an output with a level-high interrupt, attaches
 * the handler, prints "badirq: handler will <what>", and drives the pin
 * to 1: the interrupt fires at once.  If the process is still alive 100 ms
 * later it prints "badirq: still alive, the handler was not stopped" and
 * exits 1 - or, in mode slow, "badirq: the slow handler ran to its end"
 * and exits 0.  An unknown mode prints the usage, exit 2.
 */
#include <a8os.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define PIN     0
#define SOURCE  A8_SRC_GPIO(PIN)
#define SLOW_LOOPS 800000       /* about 6 instructions each */

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

/* Calls into the kernel's code, closed to handlers. */
static void jump_kernel(int source, int value)
{
    (void)source;
    (void)value;
    ((void (*)(void))0x70010000)();
}

/* Leaves no usable stack, then never returns. */
static void lose_stack(int source, int value)
{
    (void)source;
    (void)value;
    __asm__ volatile("mov sp, #0\n1: b 1b");
}

/* Takes a while, within the budget. */
static void spin(int source, int value)
{
    (void)source;
    (void)value;
    for (volatile unsigned i = 0; i < SLOW_LOOPS; i++)
        ;
    sink = 1;
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
    int survives;                       /* 1: must not be stopped */
} modes[] = {
    { "kmem",    "read kernel memory", read_kmem,    0 },
    { "loop",    "loop forever",       loop_forever, 0 },
    { "syscall", "make a system call", call_kernel,  0 },
    { "kjump",   "jump into the kernel", jump_kernel, 0 },
    { "badsp",   "lose its stack and loop", lose_stack, 0 },
    { "slow",    "take 5 ms",          spin,         1 },
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
        printf("usage: badirq kmem|loop|syscall|kjump|badsp|slow\n");
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
    if (m->survives && sink == 1) {
        irq_detach(SOURCE);
        printf("badirq: the slow handler ran to its end\n");
        return 0;
    }
    printf("badirq: still alive, the handler was not stopped\n");
    return 1;
}
