/*
 * spawner - spawn an app many times, one after the other, waiting for each.
 * Used to check that process creation and exit leak nothing (pages, ASIDs,
 * slots) and to walk the ASID allocator through a new generation.
 *
 * usage: spawner N APP [ARGS...]
 * Prints "spawner: N runs of APP, all exited 0" when every run exited with
 * status 0, else the first failure, and exits 1.
 */
#include <a8os.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc < 3) {
        printf("usage: spawner N APP [ARGS...]\n");
        return 2;
    }
    int n = atoi(argv[1]);
    char **child_argv = &argv[2];

    for (int i = 0; i < n; i++) {
        int pid = spawn(argv[2], child_argv);
        if (pid < 0) {
            printf("spawner: run %d: spawn failed: %s\n", i, strerror(-pid));
            return 1;
        }
        int status;
        int got = wait(pid, &status, 0);
        if (got != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            printf("spawner: run %d: pid %d ended with status 0x%x\n",
                   i, pid, status);
            return 1;
        }
    }
    printf("spawner: %d runs of %s, all exited 0\n", n, argv[2]);
    return 0;
}
