/*
 * mutexdemo - processes incrementing a counter in shared memory, with and
 * without a mutex (mutex.h), and the two halves of the owner-death test.
 *
 * usage: mutexdemo [N] [M] [nolock]
 *          N processes (default 4: this one and N-1 spawned copies) add 1
 *          to the counter M times each (default 2000), with the mutex
 *          held around the read-modify-write, or with "nolock" without
 *          it; each yields inside every 64th update, so others run in the
 *          middle of it.  Prints
 *            "mutexdemo: N processes x M increments: counter = C (expected E)"
 *          followed by ", D updates lost" when C != E.  Exit status 0 if
 *          the count is exact (always, with nolock), else 1.
 *        mutexdemo holder
 *          takes the mutex, prints "mutexdemo: holder PID has the mutex"
 *          and sleeps forever, holding it (kill it to test owner death).
 *        mutexdemo waiter
 *          prints "mutexdemo: waiter PID waiting" and takes the mutex:
 *          reports whether it came normally or with EOWNERDEAD, releases
 *          it and exits 0.
 *        mutexdemo worker M lock|nolock   (internal: one spawned copy)
 */
#include <a8os.h>
#include <mutex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REGION      "mutexdemo"
#define MAX_PROCS   16
#define YIELD_EVERY 64

/* The shared region: zeroed when created, so the mutex starts free. */
struct shared {
    a8_mutex_t m;
    volatile int counter;
};

/* Maps the shared region; NULL (after printing why) on failure. */
static struct shared *map_shared(void)
{
    void *p = shm_map(REGION, 4096, A8_SHM_RW);
    if (A8_IS_ERR(p)) {
        printf("mutexdemo: shm_map: %s\n", strerror(-A8_PTR_ERR(p)));
        return NULL;
    }
    return p;
}

/* Parses a whole positive decimal number; returns 0 if s is not one. */
static int parse_count(const char *s, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);

    if (end == s || *end != '\0' || v <= 0)
        return 0;
    *out = (int)v;
    return 1;
}

/*
 * Adds 1 to s->counter m times, under the mutex if locked.  The read and
 * the write are separate, with a yield between them every YIELD_EVERY
 * times, so that without the mutex other processes' updates in between
 * are overwritten.  Returns 0, or 1 after printing an error.
 */
static int work(struct shared *s, int m, int locked)
{
    for (int i = 0; i < m; i++) {
        if (locked) {
            int r = a8_mutex_lock(&s->m);
            if (r < 0 && r != -EOWNERDEAD) {   /* EOWNERDEAD: ours now */
                printf("mutexdemo: lock: %s\n", strerror(-r));
                return 1;
            }
        }
        int c = s->counter;
        if (i % YIELD_EVERY == YIELD_EVERY - 1)
            yield();
        s->counter = c + 1;
        if (locked) {
            int r = a8_mutex_unlock(&s->m);
            if (r < 0) {
                printf("mutexdemo: unlock: %s\n", strerror(-r));
                return 1;
            }
        }
    }
    return 0;
}

/* mutexdemo holder: takes the mutex and keeps it until killed. */
static int holder(void)
{
    struct shared *s = map_shared();
    if (s == NULL)
        return 1;
    int r = a8_mutex_lock(&s->m);
    if (r < 0 && r != -EOWNERDEAD) {
        printf("mutexdemo: holder: lock: %s\n", strerror(-r));
        return 1;
    }
    printf("mutexdemo: holder %d has the mutex\n", getpid());
    fflush(stdout);
    for (;;)
        sleep_ms(1000);
}

/* mutexdemo waiter: waits for the mutex, says how it came, releases it. */
static int waiter(void)
{
    struct shared *s = map_shared();
    if (s == NULL)
        return 1;
    printf("mutexdemo: waiter %d waiting\n", getpid());
    fflush(stdout);
    int r = a8_mutex_lock(&s->m);
    if (r == -EOWNERDEAD)
        printf("mutexdemo: waiter got EOWNERDEAD: the owner died, the mutex is ours\n");
    else if (r == 0)
        printf("mutexdemo: waiter got the mutex\n");
    else {
        printf("mutexdemo: waiter: lock: %s\n", strerror(-r));
        return 1;
    }
    r = a8_mutex_unlock(&s->m);
    if (r < 0) {
        printf("mutexdemo: waiter: unlock: %s\n", strerror(-r));
        return 1;
    }
    return 0;
}

/* The spawned copies: mutexdemo worker M lock|nolock. */
static int worker(int argc, char **argv)
{
    int m;

    if (argc != 4 || !parse_count(argv[2], &m)
        || (strcmp(argv[3], "lock") != 0 && strcmp(argv[3], "nolock") != 0)) {
        printf("usage: mutexdemo worker M lock|nolock\n");
        return 2;
    }
    struct shared *s = map_shared();
    if (s == NULL)
        return 1;
    return work(s, m, strcmp(argv[3], "lock") == 0);
}

int main(int argc, char **argv)
{
    int n = 4, m = 2000, locked = 1, nums = 0;

    if (argc >= 2 && strcmp(argv[1], "worker") == 0)
        return worker(argc, argv);
    if (argc == 2 && strcmp(argv[1], "holder") == 0)
        return holder();
    if (argc == 2 && strcmp(argv[1], "waiter") == 0)
        return waiter();

    for (int i = 1; i < argc; i++) {
        int ok;
        if (i == argc - 1 && strcmp(argv[i], "nolock") == 0) {
            locked = 0;
            ok = 1;
        } else if (nums == 0) {
            ok = parse_count(argv[i], &n) && n <= MAX_PROCS;
            nums++;
        } else if (nums == 1) {
            ok = parse_count(argv[i], &m);
            nums++;
        } else {
            ok = 0;
        }
        if (!ok) {
            printf("usage: mutexdemo [N] [M] [nolock] | holder | waiter\n");
            return 2;
        }
    }

    struct shared *s = map_shared();
    if (s == NULL)
        return 1;
    s->counter = 0;

    /* N-1 workers, then this process as the N-th */
    char mstr[12];
    snprintf(mstr, sizeof mstr, "%d", m);
    char *wargv[] = { "mutexdemo", "worker", mstr, locked ? "lock" : "nolock",
                      NULL };
    int pids[MAX_PROCS];
    int started = 1, failed = 0;
    while (started < n) {
        int pid = spawn("mutexdemo", wargv);
        if (pid < 0) {
            printf("mutexdemo: spawn: %s\n", strerror(-pid));
            failed = 1;
            break;
        }
        pids[started++] = pid;
    }
    if (work(s, m, locked) != 0)
        failed = 1;
    for (int i = 1; i < started; i++) {
        int status;
        int r = wait(pids[i], &status, 0);
        if (r < 0) {
            printf("mutexdemo: wait: %s\n", strerror(-r));
            failed = 1;
        } else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            printf("mutexdemo: worker %d ended with status 0x%x\n",
                   pids[i], (unsigned)status);
            failed = 1;
        }
    }

    int counter = s->counter, expected = started * m;
    printf("mutexdemo: %d processes x %d increments: counter = %d (expected %d)",
           started, m, counter, expected);
    if (counter != expected)
        printf(", %d updates lost", expected - counter);
    printf("\n");
    shm_unmap((void *)s);
    if (failed)
        return 1;
    return counter == expected || !locked ? 0 : 1;
}
