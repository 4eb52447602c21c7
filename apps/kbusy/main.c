/*
 * kbusy - spends its life inside system calls, so that a kill almost
 * always finds it in the kernel: the test for kills that must wait until
 * the process is back in its app (see proc_kill in src/proc.S).
 *
 * usage: kbusy sbrk    grow the heap by a page and shrink it back, forever
 *                      (the kernel allocates and maps, frees and unmaps)
 *        kbusy ps      read the process list, forever
 *        kbusy apps    read the app list, forever
 *        kbusy spawn   start "kbusy exit" and wait for it, forever (the
 *                      kernel reads the SD card under its lock)
 *        kbusy exit    exit 0 at once
 * It never exits by itself, but in mode exit.
 */
#include <stdio.h>
#include <string.h>
#include <a8os.h>

#define PAGE        4096
#define MAX_ENTRIES 32          /* more than the process table holds */

static struct a8_procinfo proc_list[MAX_ENTRIES];
static struct a8_appinfo app_list[MAX_ENTRIES];

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "";

    if (strcmp(mode, "sbrk") == 0) {
        for (;;) {
            if (sbrk(PAGE) == (void *)-1 || sbrk(-PAGE) == (void *)-1) {
                printf("kbusy: sbrk failed\n");
                return 1;
            }
        }
    } else if (strcmp(mode, "ps") == 0) {
        for (;;)
            ps(proc_list, MAX_ENTRIES);
    } else if (strcmp(mode, "apps") == 0) {
        for (;;)
            apps(app_list, MAX_ENTRIES);
    } else if (strcmp(mode, "spawn") == 0) {
        char *args[] = { "kbusy", "exit", NULL };
        for (;;) {
            int pid = spawn("kbusy", args);
            if (pid > 0)
                wait(pid, NULL, 0);
        }
    } else if (strcmp(mode, "exit") == 0) {
        return 0;
    }
    printf("usage: kbusy sbrk|ps|apps|spawn|exit\n");
    return 2;
}
