/*
 * sleeper - sleeps, to show a process in state S and sleep_ms at work.
 *
 * usage: sleeper [MS]   sleep MS milliseconds, print "sleeper: done", exit 0;
 *                       without MS, sleep forever (until killed)
 */
#include <stdio.h>
#include <stdlib.h>
#include <a8os.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        for (;;)
            sleep_ms(1000);
    }

    char *end;
    unsigned long ms = strtoul(argv[1], &end, 10);
    if (end == argv[1] || *end != '\0') {
        printf("usage: sleeper [MS]\n");
        return 2;
    }
    sleep_ms((unsigned)ms);
    printf("sleeper: done\n");
    return 0;
}
