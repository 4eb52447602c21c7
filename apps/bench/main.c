/*
 * bench - the kernel benchmark, meant for QEMU with -icount shift=0 where
 * one instruction takes one nanosecond, so that counter ticks convert to
 * instruction counts.  Measures, over N iterations each:
 *   - the null system call (getpid), call and return included;
 *   - the yield round trip to a partner process that yields back: two
 *     context switches, each with an address-space switch;
 *   - an uncontended mutex lock + unlock (mutex.h) in a shared memory
 *     region: the inline fast paths, no kernel entry.
 * The first two subtract the cost of a loop calling an empty function and
 * add back the call's own instructions; the mutex, inline and called from
 * nowhere, subtracts a loop with an empty body and adds nothing.
 *
 * usage: bench [N]       (N defaults to 200000)
 *        bench irq [K]   for tracing the user interrupt path (make
 *                        bench, tests/bench.py): GPIO pin 0 interrupts
 *                        while high, into bench_irq_handler.  K times
 *                        (default 5) this process drives the pin to 1 and
 *                        back to 0 - the handler runs inside that system
 *                        call, in the interrupted address space - then K
 *                        times a child, "bench irqpoke 1", does - the
 *                        handler runs in this process's address space
 *                        while the child's is interrupted.  Prints
 *                        "bench: irq N handler runs" (N = 2K).
 *        bench partner   (internal: the partner, yields forever)
 *        bench irqpoke K (internal: the child of bench irq)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <a8os.h>
#include <mutex.h>

#define DEFAULT_N   200000
#define DEFAULT_K   5
#define CALL_INSNS  2           /* bl and bx lr of the empty call */
#define IRQ_PIN     0

/* Does nothing, but is a real call: the loop's overhead. */
__attribute__((noinline))
static void empty(void)
{
    __asm__ volatile("");
}

/* Counter ticks taken by n calls of empty(), getpid(), yield(). */
__attribute__((noinline))
static uint32_t time_empty(unsigned n)
{
    uint32_t t0 = counter(NULL);
    for (unsigned i = 0; i < n; i++)
        empty();
    return counter(NULL) - t0;
}

/* Counter ticks taken by n rounds of a loop with an empty body. */
__attribute__((noinline))
static uint32_t time_bare(unsigned n)
{
    uint32_t t0 = counter(NULL);
    for (unsigned i = 0; i < n; i++)
        __asm__ volatile("");
    return counter(NULL) - t0;
}

__attribute__((noinline))
static uint32_t time_getpid(unsigned n)
{
    uint32_t t0 = counter(NULL);
    for (unsigned i = 0; i < n; i++)
        getpid();
    return counter(NULL) - t0;
}

__attribute__((noinline))
static uint32_t time_yield(unsigned n)
{
    uint32_t t0 = counter(NULL);
    for (unsigned i = 0; i < n; i++)
        yield();
    return counter(NULL) - t0;
}

/* Counter ticks taken by n uncontended lock + unlock pairs on m. */
__attribute__((noinline))
static uint32_t time_mutex(a8_mutex_t *m, unsigned n)
{
    uint32_t t0 = counter(NULL);
    for (unsigned i = 0; i < n; i++) {
        a8_mutex_lock(m);
        a8_mutex_unlock(m);
    }
    return counter(NULL) - t0;
}

/*
 * Instructions per iteration, times 10, of a loop that took t ticks
 * against t_base for the baseline loop: the extra time in nanoseconds
 * (= instructions) per iteration, plus add_back instructions (those of the
 * baseline's body that belong to the thing measured).
 */
static uint64_t insns10_vs(uint32_t t, uint32_t t_base, uint32_t hz,
                           unsigned n, unsigned add_back)
{
    uint64_t extra = t > t_base ? t - t_base : 0;
    /* extra * 10^10 / hz, split so that it cannot overflow */
    uint64_t ns10 = extra / hz * 10000000000ull
                  + extra % hz * 10000000000ull / hz;
    return ns10 / n + add_back * 10;
}

/* insns10_vs against the empty-call loop: the call is part of what is
 * measured, so its instructions go back in. */
static uint64_t insns10(uint32_t t, uint32_t t_empty, uint32_t hz, unsigned n)
{
    return insns10_vs(t, t_empty, hz, n, CALL_INSNS);
}

static void print_insns(const char *what, uint64_t v10)
{
    printf("bench: %s: %u.%u instructions\n", what,
           (unsigned)(v10 / 10), (unsigned)(v10 % 10));
}

/* d) lock + unlock of an uncontended mutex, in a shared memory region of
 * its own; 0, or 1 after printing an error. */
static int bench_mutex(unsigned n, unsigned hz)
{
    void *p = shm_map("bench", 4096, A8_SHM_RW);
    if (A8_IS_ERR(p)) {
        printf("bench: shm_map: %s\n", strerror(-A8_PTR_ERR(p)));
        return 1;
    }
    a8_mutex_t *m = p;
    *m = A8_MUTEX_INIT;

    /* once outside the clock: the fast paths must work, or the loop would
     * time system calls */
    int r = a8_mutex_lock(m);
    if (r == 0)
        r = a8_mutex_unlock(m);
    if (r < 0) {
        printf("bench: mutex: %s\n", strerror(-r));
        shm_unmap(p);
        return 1;
    }
    uint32_t t_bare = time_bare(n);
    uint32_t t_mutex = time_mutex(m, n);
    shm_unmap(p);
    print_insns("mutex lock+unlock", insns10_vs(t_mutex, t_bare, hz, n, 0));
    return 0;
}

/* How many times bench_irq_handler ran. */
volatile unsigned bench_irq_runs;

/* The user interrupt handler of "bench irq": a global, never inlined, for
 * a tracer to find and break on. */
__attribute__((noinline)) void bench_irq_handler(int source, int value);
__attribute__((noinline)) void bench_irq_handler(int source, int value)
{
    (void)source;
    (void)value;
    bench_irq_runs++;
}

/* Drives the pin to 1 and back to 0, k times: the handler, if attached
 * and armed, runs inside the first gpio_write.  0 or a negative errno. */
static int pulse(unsigned k)
{
    int r = 0;
    for (unsigned i = 0; i < k && r >= 0; i++) {
        r = gpio_write(IRQ_PIN, 1);
        if (r >= 0)
            r = gpio_write(IRQ_PIN, 0);
    }
    return r;
}

/* bench irq [K]: GPIO pin 0 interrupts while it is high (QEMU's PL061
 * detects edges on inputs only; a level works on an output too), into
 * bench_irq_handler.  K times this process pulses the pin itself - the
 * handler runs in the address space it interrupted - and K times a
 * child, "bench irqpoke 1", does - the kernel switches to this process's
 * address space for the handler, and back.  After each pulse irq_wait
 * re-arms the pin, which the kernel masked when it fired.  Returns the
 * exit status. */
static int bench_irq(unsigned k)
{
    const int src = A8_SRC_GPIO(IRQ_PIN);
    char *pargv[] = { "bench", "irqpoke", "1", NULL };
    const char *what;
    int r;

    /* low before the level interrupt is armed, whatever ran before */
    if ((r = gpio_config(IRQ_PIN, A8_GPIO_OUT)) < 0
        || (r = gpio_write(IRQ_PIN, 0)) < 0
        || (r = gpio_config(IRQ_PIN, A8_GPIO_OUT | A8_GPIO_IRQ_HIGH)) < 0) {
        what = "gpio";
        goto fail;
    }
    if ((r = irq_attach(src, bench_irq_handler)) < 0) {
        what = "irq_attach";
        goto fail;
    }
    for (unsigned i = 0; i < 2 * k; i++) {
        if (i < k) {
            what = "gpio_write";
            r = pulse(1);
        } else {
            int status;
            what = "spawn";
            r = spawn("bench", pargv);
            if (r >= 0) {
                what = "wait";
                r = wait(r, &status, 0);
            }
        }
        if (r < 0)
            goto fail;
        if ((r = irq_wait(src)) < 0) {
            what = "irq_wait";
            goto fail;
        }
    }
    irq_detach(src);
    printf("bench: irq %u handler runs\n", bench_irq_runs);
    return 0;
fail:
    printf("bench: %s: %s\n", what, strerror(-r));
    return 1;
}

/* Parses K for "bench irq [K]" and "bench irqpoke K"; 0 if malformed. */
static unsigned parse_k(int argc, char **argv)
{
    if (argc == 2)
        return DEFAULT_K;
    char *end;
    unsigned long k = strtoul(argv[2], &end, 10);
    if (argc > 3 || end == argv[2] || *end != '\0' || k == 0)
        return 0;
    return (unsigned)k;
}

int main(int argc, char **argv)
{
    unsigned n = DEFAULT_N;
    unsigned hz;

    if (argc == 2 && strcmp(argv[1], "partner") == 0) {
        for (;;)
            yield();
    }
    if (argc >= 2 && (strcmp(argv[1], "irq") == 0
                      || strcmp(argv[1], "irqpoke") == 0)) {
        unsigned k = parse_k(argc, argv);
        if (k == 0) {
            printf("usage: bench irq [K]\n");
            return 2;
        }
        if (strcmp(argv[1], "irqpoke") == 0)
            return pulse(k) < 0 ? 1 : 0;
        return bench_irq(k);
    }
    if (argc > 2) {
        printf("usage: bench [N]\n");
        return 2;
    }
    if (argc == 2) {
        char *end;
        n = (unsigned)strtoul(argv[1], &end, 10);
        if (end == argv[1] || *end != '\0' || n == 0) {
            printf("usage: bench [N]\n");
            return 2;
        }
    }

    counter(&hz);
    if (hz == 0) {
        printf("bench: counter frequency unknown\n");
        return 1;
    }
    printf("bench: counter %u Hz, N = %u\n", hz, n);
    fflush(stdout);

    /* a) and b): the empty loop, then the null system call */
    uint32_t t_empty = time_empty(n);
    uint32_t t_sys = time_getpid(n);
    print_insns("null syscall", insns10(t_sys, t_empty, hz, n));
    fflush(stdout);

    /* c) yield round trip with a partner process */
    char *pargv[] = { "bench", "partner", NULL };
    int pid = spawn("bench", pargv);
    if (pid < 0) {
        printf("bench: spawn partner: %s\n", strerror(-pid));
        return 1;
    }
    yield();                            /* let the partner start */
    uint32_t t_yield = time_yield(n);
    int ret = kill(pid);
    if (ret < 0)
        printf("bench: kill partner: %s\n", strerror(-ret));
    int status;
    ret = wait(pid, &status, 0);
    if (ret < 0)
        printf("bench: wait partner: %s\n", strerror(-ret));
    print_insns("yield round trip", insns10(t_yield, t_empty, hz, n));
    fflush(stdout);

    /* d) mutex lock + unlock, uncontended */
    return bench_mutex(n, hz);
}
