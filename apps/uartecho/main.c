/*
 * uartecho - echoes what comes in on a UART back out of it, receiving
 * through a user interrupt handler that fills a ring buffer.
 *
 * usage: uartecho [PORT]   (PORT defaults to 1; the console is 0)
 * Prints "uartecho: echoing on UARTn"; when a Ctrl-D (0x04) arrives,
 * prints "uartecho: done, N bytes echoed, M dropped" (the Ctrl-D is
 * neither echoed nor counted; M counts bytes that came while the ring was
 * full) and exits 0.  Errors: "uartecho: <error>", exit 1.
 */
#include <a8os.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RING    1024            /* a power of 2; a burst this long is
                                   kept even if main is not scheduled */
#define CTRL_D  0x04

/* The ring: the handler writes ring[head % RING] and advances head, main
 * reads at tail.  One writer per index, so no lock is needed; the
 * indexes run freely and wrap together. */
static volatile unsigned char ring[RING];
static volatile unsigned head, tail, dropped;

/*
 * The interrupt handler, in IRQ mode (no system calls): value is the byte
 * received.  Drops (and counts) the byte if the ring is full.
 */
static void on_byte(int source, int value)
{
    (void)source;
    if (head - tail < RING) {
        ring[head % RING] = (unsigned char)value;
        head++;
    } else {
        dropped++;
    }
}

/* Writes all n bytes of buf to port; 0 or a negative errno. */
static int write_all(int port, const unsigned char *buf, unsigned n)
{
    while (n > 0) {
        int r = uart_write(port, buf, n);
        if (r < 0)
            return r;
        buf += r;
        n -= (unsigned)r;
    }
    return 0;
}

/* Echoes until Ctrl-D; returns the bytes echoed, or a negative errno. */
static int echo(int port)
{
    static unsigned char out[RING];
    unsigned echoed = 0;
    int source = A8_SRC_UART(port);

    for (;;) {
        int r = irq_wait(source);
        if (r < 0)
            return r;
        unsigned n = 0;
        int done = 0;
        while (tail != head && !done) {
            unsigned char c = ring[tail % RING];
            tail++;
            if (c == CTRL_D)
                done = 1;
            else
                out[n++] = c;
        }
        r = write_all(port, out, n);
        if (r < 0)
            return r;
        echoed += n;
        if (done)
            return (int)echoed;
    }
}

int main(int argc, char **argv)
{
    int port = 1;

    if (argc > 2) {
        printf("usage: uartecho [PORT]\n");
        return 2;
    }
    if (argc == 2) {
        char *end;
        port = (int)strtol(argv[1], &end, 10);
        if (end == argv[1] || *end != '\0') {
            printf("usage: uartecho [PORT]\n");
            return 2;
        }
    }

    int r = uart_open(port);
    if (r < 0) {
        printf("uartecho: %s\n", strerror(-r));
        return 1;
    }
    r = irq_attach(A8_SRC_UART(port), on_byte);
    if (r < 0) {
        printf("uartecho: %s\n", strerror(-r));
        uart_close(port);
        return 1;
    }
    printf("uartecho: echoing on UART%d\n", port);

    r = echo(port);
    irq_detach(A8_SRC_UART(port));
    uart_close(port);
    if (r < 0) {
        printf("uartecho: %s\n", strerror(-r));
        return 1;
    }
    printf("uartecho: done, %u bytes echoed, %u dropped\n", (unsigned)r,
           dropped);
    return 0;
}
