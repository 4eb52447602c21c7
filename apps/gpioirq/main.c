/*
 * gpioirq - a user interrupt handler on a GPIO pin: counts the edges of
 * the SD card-detect line (pin 16), which the kernel configured as an
 * input interrupting on both edges.
 *
 * usage: gpioirq [COUNT]   exit 0 after COUNT edges (0 or none: forever)
 * Prints "gpioirq: waiting for card-detect edges on pin 16", then one line
 * per edge: "gpioirq: edge N: card-detect pin is V (no card|card present)"
 * (the line is active low: 1 means no card).
 */
#include <a8os.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PIN     16
#define SOURCE  A8_SRC_GPIO(PIN)
#define NVALUES 16              /* edges remembered between two waits */

/* Written by the handler only, read by main. */
static volatile unsigned runs;
static volatile int values[NVALUES];

/*
 * The interrupt handler: runs in IRQ mode, so it makes no system calls and
 * touches nothing but this process's memory.  Records the pin's level for
 * edge number runs (counting from 0).
 */
static void on_edge(int source, int value)
{
    (void)source;
    values[runs % NVALUES] = value;
    runs++;
}

int main(int argc, char **argv)
{
    unsigned count = 0, edge = 0;

    if (argc > 2) {
        printf("usage: gpioirq [COUNT]\n");
        return 2;
    }
    if (argc == 2) {
        char *end;
        count = (unsigned)strtoul(argv[1], &end, 10);
        if (end == argv[1] || *end != '\0') {
            printf("usage: gpioirq [COUNT]\n");
            return 2;
        }
    }

    int ret = irq_attach(SOURCE, on_edge);
    if (ret < 0) {
        printf("gpioirq: attach failed: %s\n", strerror(-ret));
        return 1;
    }
    printf("gpioirq: waiting for card-detect edges on pin %d\n", PIN);

    while (count == 0 || edge < count) {
        int n = irq_wait(SOURCE);
        if (n < 0) {
            printf("gpioirq: irq_wait: %s\n", strerror(-n));
            irq_detach(SOURCE);
            return 1;
        }
        /* n edges since the last wait: edge numbers edge+1 .. edge+n */
        for (int i = 0; i < n && (count == 0 || edge < count); i++) {
            int v = values[edge % NVALUES];
            edge++;
            printf("gpioirq: edge %u: card-detect pin is %d (%s)\n",
                   edge, v, v == 1 ? "no card" : "card present");
        }
    }
    irq_detach(SOURCE);
    return 0;
}
