/*
 * blink - toggles LED 0 through the leds system call.
 *
 * usage: blink [N] [MS]    toggle N times (default 6), MS milliseconds
 *                          apart (default 100)
 * Starts from off and prints "blink: LED 0 on" or "blink: LED 0 off" at
 * each toggle; leaves the LED off and exits 0.  Errors: "blink: <error>",
 * exit 1.
 */
#include <a8os.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LED     0

/* Parses a whole decimal number into *out; returns 0 if s is not one. */
static int parse_uint(const char *s, unsigned *out)
{
    char *end;
    unsigned long v = strtoul(s, &end, 10);

    if (end == s || *end != '\0')
        return 0;
    *out = (unsigned)v;
    return 1;
}

/* Switches the LED; 0 or a negative errno (-ENODEV if the board has
 * fewer LEDs than that). */
static int set_led(int on)
{
    int r = leds(1u << LED, on ? 1u << LED : 0);
    if (r < 0)
        return r;
    return A8_LEDS_COUNT(r) > LED ? 0 : -ENODEV;
}

int main(int argc, char **argv)
{
    unsigned n = 6, ms = 100;

    if (argc > 3 || (argc > 1 && !parse_uint(argv[1], &n))
                 || (argc > 2 && !parse_uint(argv[2], &ms))) {
        printf("usage: blink [N] [MS]\n");
        return 2;
    }

    int r = 0, on = 0;
    for (unsigned i = 0; i < n && r >= 0; i++) {
        if (i > 0)
            sleep_ms(ms);
        on = !on;
        r = set_led(on);
        if (r >= 0)
            printf("blink: LED %d %s\n", LED, on ? "on" : "off");
    }
    if (r >= 0 && on)
        r = set_led(0);                 /* an odd N: leave it off */
    if (r < 0) {
        printf("blink: %s\n", strerror(-r));
        return 1;
    }
    return 0;
}
