/*
 * regcheck - checks that a process's registers survive being interrupted:
 * by the tick, by device interrupts, and by other processes' user
 * interrupt handlers (run it in the background while gpioirq, uartecho or
 * bench irq take interrupts).
 *
 * usage: regcheck [ROUNDS]   (default: forever)
 * Each round loads r4-r11 with values made from the round number, spins
 * SPIN iterations on another register (long enough to be interrupted),
 * and checks that r4-r11 still hold their values.  Prints
 * "regcheck: N rounds, registers intact" every 4096 rounds and after the
 * last one (then exits 0), or "regcheck: CORRUPTED at round N" (exit 1).
 */
#include <stdio.h>
#include <stdlib.h>

#define SPIN        4000
#define REPORT_MASK 0xFFFu      /* report every 2^12 rounds */

/*
 * One round: r4..r11 get (round & 0x0FFFFFFF) with 0x4..0xB in the top
 * nibble, so that the eight values differ from each other and from round
 * to round; after the spin, each register is checked against what it
 * should hold.  Returns a mask of the registers that changed (bit 0 for
 * r4 .. bit 7 for r11), 0 if none.
 *
 * ARM state whatever the flags: in Thumb, r7 would be the frame pointer.
 * The asm names r4-r11 as clobbered, so the compiler keeps its own values
 * (and the operands) out of them and saves and restores them around the
 * function as the AAPCS wants; the operands live in r0-r3, r12 or lr.
 */
__attribute__((target("arm"), noinline))
static unsigned check_round(unsigned round)
{
    unsigned base = round & 0x0FFFFFFFu;
    unsigned n, t, bad;

    __asm__ volatile(
        "orr     r4,  %[b], #0x40000000\n\t"
        "orr     r5,  %[b], #0x50000000\n\t"
        "orr     r6,  %[b], #0x60000000\n\t"
        "orr     r7,  %[b], #0x70000000\n\t"
        "orr     r8,  %[b], #0x80000000\n\t"
        "orr     r9,  %[b], #0x90000000\n\t"
        "orr     r10, %[b], #0xA0000000\n\t"
        "orr     r11, %[b], #0xB0000000\n\t"
        "mov     %[n], %[spin]\n"
        "1:\n\t"
        "subs    %[n], %[n], #1\n\t"
        "bne     1b\n\t"
        "mov     %[bad], #0\n\t"
        /* t = reg ^ base must be exactly the register's top nibble */
        "eor     %[t], r4,  %[b]\n\t"
        "teq     %[t], #0x40000000\n\t"
        "orrne   %[bad], %[bad], #0x01\n\t"
        "eor     %[t], r5,  %[b]\n\t"
        "teq     %[t], #0x50000000\n\t"
        "orrne   %[bad], %[bad], #0x02\n\t"
        "eor     %[t], r6,  %[b]\n\t"
        "teq     %[t], #0x60000000\n\t"
        "orrne   %[bad], %[bad], #0x04\n\t"
        "eor     %[t], r7,  %[b]\n\t"
        "teq     %[t], #0x70000000\n\t"
        "orrne   %[bad], %[bad], #0x08\n\t"
        "eor     %[t], r8,  %[b]\n\t"
        "teq     %[t], #0x80000000\n\t"
        "orrne   %[bad], %[bad], #0x10\n\t"
        "eor     %[t], r9,  %[b]\n\t"
        "teq     %[t], #0x90000000\n\t"
        "orrne   %[bad], %[bad], #0x20\n\t"
        "eor     %[t], r10, %[b]\n\t"
        "teq     %[t], #0xA0000000\n\t"
        "orrne   %[bad], %[bad], #0x40\n\t"
        "eor     %[t], r11, %[b]\n\t"
        "teq     %[t], #0xB0000000\n\t"
        "orrne   %[bad], %[bad], #0x80"
        : [n] "=&r"(n), [t] "=&r"(t), [bad] "=&r"(bad)
        : [b] "r"(base), [spin] "I"(SPIN)
        : "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11", "cc");
    return bad;
}

int main(int argc, char **argv)
{
    unsigned rounds = 0;

    if (argc > 2) {
        printf("usage: regcheck [ROUNDS]\n");
        return 2;
    }
    if (argc == 2) {
        char *end;
        rounds = (unsigned)strtoul(argv[1], &end, 10);
        if (end == argv[1] || *end != '\0') {
            printf("usage: regcheck [ROUNDS]\n");
            return 2;
        }
    }

    unsigned done = 0;
    while (rounds == 0 || done < rounds) {
        if (check_round(done) != 0) {
            printf("regcheck: CORRUPTED at round %u\n", done);
            return 1;
        }
        done++;
        if ((done & REPORT_MASK) == 0 && done != rounds)
            printf("regcheck: %u rounds, registers intact\n", done);
    }
    printf("regcheck: %u rounds, registers intact\n", done);
    return 0;
}
