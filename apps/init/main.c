/*
 * init - the a8os shell: the first process (pid 1), interactive on the
 * console.  Reads a line at the prompt "a8os> ", splits it into words at
 * spaces and runs the command; "help" lists the commands.
 *
 * usage: init   (started by the kernel)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <a8os.h>

#define LINE_SIZE   256
#define MAX_WORDS   32
#define MAX_PROCS   32          /* room for NPROC (16) and more */
#define MAX_APPS    64          /* the app image holds at most 64 */
#define MAX_IRQS    64          /* interrupt lines irqs asks for */
#define MAX_PINS    1024        /* gpio lists pins until the kernel says stop */

struct command {
    const char *name;
    const char *usage;
    const char *help;
    void (*run)(int argc, char **argv);
};

/* Whether c separates words (a stray line end counts as a space). */
static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/*
 * Splits line in place into words separated by spaces; returns the count,
 * or -1 if there are more than max.
 */
static int split(char *line, char **words, int max)
{
    int n = 0;
    char *p = line;

    for (;;) {
        while (is_space(*p))
            p++;
        if (*p == '\0')
            return n;
        if (n == max)
            return -1;
        words[n++] = p;
        while (*p != '\0' && !is_space(*p))
            p++;
        if (*p != '\0')
            *p++ = '\0';
    }
}

/* Parses a whole decimal number; returns 0 if s is not one. */
static int parse_int(const char *s, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);

    if (end == s || *end != '\0')
        return 0;
    *out = (int)v;
    return 1;
}

/* Reaps background children that have ended and reports each. */
static void reap(void)
{
    int pid, status;

    while ((pid = wait(-1, &status, A8_WNOHANG)) > 0) {
        if (WIFSIGNALED(status))
            printf("[%d] done: killed: %s\n", pid, strsignal(WTERMSIG(status)));
        else
            printf("[%d] done: exited %d\n", pid, WEXITSTATUS(status));
    }
}

static void cmd_ps(int argc, char **argv)
{
    static struct a8_procinfo procs[MAX_PROCS];
    (void)argc;
    (void)argv;

    int n = ps(procs, MAX_PROCS);
    if (n < 0) {
        printf("ps: %s\n", strerror(-n));
        return;
    }
    printf("  PID  PPID S    TICKS  PAGES NAME\n");
    for (int i = 0; i < n; i++) {
        const struct a8_procinfo *p = &procs[i];
        printf("%5d %5d %c %8u %6u %s\n", p->pid, p->ppid, p->state,
               p->ticks, p->pages, p->name);
    }
}

static void cmd_apps(int argc, char **argv)
{
    static struct a8_appinfo list[MAX_APPS];
    (void)argc;
    (void)argv;

    int n = apps(list, MAX_APPS);
    if (n < 0) {
        printf("apps: %s\n", strerror(-n));
        return;
    }
    for (int i = 0; i < n; i++)
        printf("%-16s %8u bytes\n", list[i].name, list[i].size);
}

/* run APP [ARGS...] [&]: spawns APP; waits for it unless the last word is &. */
static void cmd_run(int argc, char **argv)
{
    int background = argc > 1 && strcmp(argv[argc - 1], "&") == 0;

    if (background)
        argv[--argc] = NULL;            /* the app does not see the & */
    if (argc < 2) {
        printf("usage: run APP [ARGS...] [&]\n");
        return;
    }

    const char *app = argv[1];
    int pid = spawn(app, &argv[1]);     /* argv[argc] is NULL */
    if (pid < 0) {
        printf("run: %s: %s\n", app, strerror(-pid));
        return;
    }
    if (background) {
        printf("[%d] %s started\n", pid, app);
        return;
    }

    int status;
    int ret = wait(pid, &status, 0);
    if (ret < 0) {
        printf("run: wait: %s\n", strerror(-ret));
        return;
    }
    if (WIFSIGNALED(status))
        printf("%s (pid %d) killed: %s\n", app, pid, strsignal(WTERMSIG(status)));
    else if (WEXITSTATUS(status) != 0)
        printf("%s (pid %d) exited with status %d\n", app, pid, WEXITSTATUS(status));
}

static void cmd_kill(int argc, char **argv)
{
    int pid;

    if (argc != 2 || !parse_int(argv[1], &pid)) {
        printf("usage: kill PID\n");
        return;
    }
    int ret = kill(pid);
    if (ret < 0)
        printf("kill: %d: %s\n", pid, strerror(-ret));
}

static void cmd_mem(int argc, char **argv)
{
    struct a8_meminfo m;
    (void)argc;
    (void)argv;

    int ret = meminfo(&m);
    if (ret < 0) {
        printf("mem: %s\n", strerror(-ret));
        return;
    }
    printf("pages: %u free of %u (%u KiB free)\n",
           m.pages_free, m.pages_total, m.pages_free * 4);
    printf("asids: %u in use, generation %u\n", m.asids_used, m.asid_generation);
    printf("processes: %u of %u\n", m.nproc, m.nproc_max);
}

static void cmd_uptime(int argc, char **argv)
{
    (void)argc;
    (void)argv;

    unsigned ms = uptime_ms();
    printf("up %u.%03u s\n", ms / 1000, ms % 1000);
}

/* The names of the A8_GPIO_IRQ_* types, by (mode & A8_GPIO_IRQ_MASK) >> 4. */
static const char *const irq_types[] = {
    "none", "rising", "falling", "both", "high", "low",
};

/* gpio: one line per pin, until the kernel has no more. */
static void gpio_list(void)
{
    for (int pin = 0; pin < MAX_PINS; pin++) {
        int info = gpio_info(pin);
        if (info == -ENODEV || info == -EINVAL)
            return;                     /* past the last pin */
        if (info < 0) {
            printf("gpio: %d: %s\n", pin, strerror(-info));
            return;
        }
        unsigned type = ((unsigned)info & A8_GPIO_IRQ_MASK) >> 4;
        printf("pin %2d: %-3s %-7s value %d%s%s\n", pin,
               (info & A8_GPIO_OUT) ? "out" : "in",
               type < sizeof irq_types / sizeof irq_types[0] ? irq_types[type] : "?",
               (info & A8_GPIO_INFO_VALUE) ? 1 : 0,
               (info & A8_GPIO_INFO_RESERVED) ? " (kernel)" : "",
               (info & A8_GPIO_INFO_HANDLER) ? " (handler)" : "");
    }
}

/* gpio | gpio PIN | gpio PIN in | gpio PIN out V */
static void cmd_gpio(int argc, char **argv)
{
    int pin, value = 0, ret;

    if (argc == 1) {
        gpio_list();
        return;
    }
    if (!parse_int(argv[1], &pin)
        || !(argc == 2
             || (argc == 3 && strcmp(argv[2], "in") == 0)
             || (argc == 4 && strcmp(argv[2], "out") == 0
                 && parse_int(argv[3], &value)))) {
        printf("usage: gpio [PIN [in | out V]]\n");
        return;
    }
    if (argc == 2) {
        ret = gpio_read(pin);
        if (ret >= 0)
            printf("pin %d: %d\n", pin, ret);
    } else if (argc == 3) {
        ret = gpio_config(pin, A8_GPIO_IN);
    } else {
        ret = gpio_config(pin, A8_GPIO_OUT);
        if (ret >= 0)
            ret = gpio_write(pin, value);
    }
    if (ret < 0)
        printf("gpio: %d: %s\n", pin, strerror(-ret));
}

/* led: the LEDs' state, LED 0 first; led N on|off: switch one. */
static void cmd_led(int argc, char **argv)
{
    int n, ret;

    if (argc == 1) {
        ret = leds(0, 0);               /* mask 0: change nothing */
        if (ret < 0) {
            printf("led: %s\n", strerror(-ret));
            return;
        }
        unsigned state = A8_LEDS_STATE(ret), count = A8_LEDS_COUNT(ret);
        int on = 0;
        for (unsigned i = 0; i < count; i++)
            on += (state >> i) & 1;
        printf("leds: %d of %d on: ", on, (int)count);
        for (unsigned i = 0; i < count; i++)
            putchar((state >> i) & 1 ? '1' : '0');
        putchar('\n');
        return;
    }
    if (argc != 3 || !parse_int(argv[1], &n)
        || (strcmp(argv[2], "on") != 0 && strcmp(argv[2], "off") != 0)) {
        printf("usage: led [N on|off]\n");
        return;
    }
    if (n < 0 || n > 15) {              /* the state has 16 bits */
        printf("led: %s\n", strerror(ENODEV));
        return;
    }
    unsigned bit = 1u << n;
    ret = leds(bit, strcmp(argv[2], "on") == 0 ? bit : 0);
    if (ret >= 0 && (unsigned)n >= A8_LEDS_COUNT(ret))
        ret = -ENODEV;
    if (ret < 0)
        printf("led: %s\n", strerror(-ret));
}

/* irqs: the interrupt lines, their counts and user handlers' owners. */
static void cmd_irqs(int argc, char **argv)
{
    static struct a8_irqinfo list[MAX_IRQS];
    (void)argc;
    (void)argv;

    int n = irqinfo(list, MAX_IRQS);
    if (n < 0) {
        printf("irqs: %s\n", strerror(-n));
        return;
    }
    if (n > MAX_IRQS)
        n = MAX_IRQS;
    printf("LINE    COUNT OWNER NAME\n");
    for (int i = 0; i < n; i++) {
        struct a8_irqinfo *e = &list[i];
        char owner[12] = "-";
        if (e->owner != 0)
            snprintf(owner, sizeof owner, "%d", e->owner);
        e->name[A8_NAME_MAX - 1] = '\0';
        printf("%4d %8u %5s %s\n", e->line, e->count, owner, e->name);
    }
}

static void cmd_help(int argc, char **argv);

static const struct command commands[] = {
    { "help", "help", "list the commands", cmd_help },
    { "ps", "ps", "list the processes", cmd_ps },
    { "apps", "apps", "list the apps that can be run", cmd_apps },
    { "run", "run APP [ARGS...] [&]", "run an app; with &, in the background", cmd_run },
    { "kill", "kill PID", "kill a process", cmd_kill },
    { "mem", "mem", "show memory, ASID and process usage", cmd_mem },
    { "uptime", "uptime", "show the time since boot", cmd_uptime },
    { "gpio", "gpio [PIN [in|out V]]", "list the GPIO pins; read, or set, one", cmd_gpio },
    { "led", "led [N on|off]", "show the LEDs; switch one", cmd_led },
    { "irqs", "irqs", "list the interrupt lines and their counts", cmd_irqs },
    { NULL, NULL, NULL, NULL },
};

static void cmd_help(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    for (const struct command *c = commands; c->name != NULL; c++)
        printf("%-22s %s\n", c->usage, c->help);
}

/* Runs the command in words[0..argc-1]; words[argc] is NULL. */
static void execute(int argc, char **argv)
{
    for (const struct command *c = commands; c->name != NULL; c++) {
        if (strcmp(c->name, argv[0]) == 0) {
            c->run(argc, argv);
            return;
        }
    }
    printf("unknown command '%s' (try help)\n", argv[0]);
}

int main(void)
{
    static char line[LINE_SIZE];
    char *words[MAX_WORDS + 1];

    printf("a8os shell, type help\n");
    for (;;) {
        reap();
        fflush(stdout);
        int len = readline("a8os> ", line, sizeof line);
        if (len < 0) {
            printf("readline: %s\n", strerror(-len));
            sleep_ms(1000);             /* do not spin on a broken console */
            continue;
        }
        line[len < LINE_SIZE ? len : LINE_SIZE - 1] = '\0';
        int n = split(line, words, MAX_WORDS);
        if (n < 0) {
            printf("too many words (at most %d)\n", MAX_WORDS);
            continue;
        }
        if (n == 0)
            continue;
        words[n] = NULL;
        execute(n, words);
    }
}
