/*
 * crash - faults on purpose, to show how the kernel reports and kills a
 * faulting process (and that the rest of the system carries on).
 *
 * usage: crash MODE
 *   null       read through a NULL pointer            (data abort)
 *   kwrite     write to kernel address 0x70010000     (data abort)
 *   stackexec  call an instruction copied to the stack (prefetch abort, XN)
 *   undef      execute an undefined instruction       (undefined instruction)
 *   align      ldm from an address that is 2 mod 4     (alignment fault)
 * Prints "crash: MODE" first.  An unknown mode prints the usage, exit 2.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/*
 * Returns addr unchanged, hidden from the optimiser so that it cannot
 * reason about (or replace) the faulting access.
 */
static uintptr_t opaque(uintptr_t addr)
{
    __asm__ volatile("" : "+r"(addr));
    return addr;
}

static void do_null(void)
{
    volatile uint32_t *p = (volatile uint32_t *)opaque(0);
    (void)*p;
}

static void do_kwrite(void)
{
    volatile uint32_t *p = (volatile uint32_t *)opaque(0x70010000);
    *p = 0xdeadbeef;
}

static void do_stackexec(void)
{
    uint32_t code[1] = { 0xe12fff1e };  /* bx lr, in ARM state */
    void (*fn)(void) = (void (*)(void))opaque((uintptr_t)code);

    __asm__ volatile("" ::: "memory");  /* code[] is stored before the call */
    fn();
}

/* UDF #0 in ARM state: this function must be ARM code. */
__attribute__((target("arm"), noinline))
static void do_undef(void)
{
    __asm__ volatile(".inst 0xe7f000f0");
}

static void do_align(void)
{
    uint32_t buf[4] = { 0 };
    uintptr_t addr = opaque((uintptr_t)buf + 2);

    __asm__ volatile("ldm %0, {r2, r3}" : : "r"(addr) : "r2", "r3", "memory");
}

static const struct {
    const char *name;
    void (*fn)(void);
} modes[] = {
    { "null", do_null },
    { "kwrite", do_kwrite },
    { "stackexec", do_stackexec },
    { "undef", do_undef },
    { "align", do_align },
};

#define NMODES (sizeof modes / sizeof modes[0])

int main(int argc, char **argv)
{
    for (unsigned i = 0; argc == 2 && i < NMODES; i++) {
        if (strcmp(argv[1], modes[i].name) == 0) {
            printf("crash: %s\n", modes[i].name);
            fflush(stdout);             /* the process dies next */
            modes[i].fn();
            printf("crash: %s did not fault\n", modes[i].name);
            return 1;
        }
    }
    printf("usage: crash null|kwrite|stackexec|undef|align\n");
    return 2;
}
