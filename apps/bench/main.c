/*
 * bench - the kernel benchmark, meant for QEMU with -icount shift=0 where
 * one instruction takes one nanosecond, so that counter ticks convert to
 * instruction counts.  Measures, over N iterations each:
 *   - the null system call (getpid), call and return included;
 *   - the yield round trip to a partner process that yields back: two
 *     context switches, each with an address-space switch.
 * Both subtract the cost of a loop calling an empty function.
 *
 * usage: bench [N]       (N defaults to 200000)
 *        bench partner   (internal: the partner, yields forever)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <a8os.h>

#define DEFAULT_N   200000
#define CALL_INSNS  2           /* bl and bx lr of the empty call */

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

/*
 * Instructions per iteration, times 10, of a loop that took t ticks
 * against t_empty for the empty loop: the extra time in nanoseconds
 * (= instructions) per iteration, plus the empty call's own instructions.
 */
static uint64_t insns10(uint32_t t, uint32_t t_empty, uint32_t hz, unsigned n)
{
    uint64_t extra = t > t_empty ? t - t_empty : 0;
    /* extra * 10^10 / hz, split so that it cannot overflow */
    uint64_t ns10 = extra / hz * 10000000000ull
                  + extra % hz * 10000000000ull / hz;
    return ns10 / n + CALL_INSNS * 10;
}

static void print_insns(const char *what, uint64_t v10)
{
    printf("bench: %s: %u.%u instructions\n", what,
           (unsigned)(v10 / 10), (unsigned)(v10 % 10));
}

int main(int argc, char **argv)
{
    unsigned n = DEFAULT_N;
    unsigned hz;

    if (argc == 2 && strcmp(argv[1], "partner") == 0) {
        for (;;)
            yield();
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
    return 0;
}
