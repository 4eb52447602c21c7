"""Host tests of the apps' C library (libc/).

printf.c, string.c, strtol.c, ctype.c, malloc.c, stdio.c, readline.c,
assert.c and strerror.c are compiled with the host compiler against libc's
own headers, every public name renamed to a8_NAME with -D, and linked with
tests/libc/host_check.c, which compares them with glibc (printf, string
functions, strtol, ctype) or checks them over fake system calls (malloc on
a fake sbrk, stdio, readline, exit and abort on fake system calls).  The last test
builds the real libc for the target and links apps against it.
"""

import atexit
import os
import re
import shutil
import subprocess
import tempfile
import threading

from qemu import TestFailure

HOST_CC = os.environ.get("HOSTCC", "cc")
CROSS = "arm-none-eabi-"

# The libc sources that run on the host (the rest make system calls).
HOST_SOURCES = ["printf.c", "string.c", "strtol.c", "ctype.c", "malloc.c",
                "stdio.c", "readline.c", "assert.c", "strerror.c", "errno.c",
                "stdlib.c"]

# Every public name of libc, and the fakes it calls, renamed on the host.
RENAMED = """
    memcpy memmove memset memcmp memchr strlen strnlen strcpy strncpy strcat
    strncat strcmp strncmp strchr strrchr strstr strspn strcspn strtok_r
    strdup strerror strsignal
    printf vprintf fprintf vfprintf sprintf vsprintf snprintf vsnprintf
    putchar puts fputs fputc putc fflush getchar stdin stdout stderr
    malloc free calloc realloc atoi atol strtol strtoul abs labs exit abort
    isdigit isxdigit isalpha isalnum isspace isupper islower isprint ispunct
    iscntrl toupper tolower
    errno sbrk write read readline
""".split()

_lock = threading.Lock()
_built = {}


def _run(cmd, what, cwd=None):
    """Run a command; fail with its output if it fails."""
    r = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if r.returncode != 0:
        raise TestFailure(f"{what} failed ({r.returncode}):\n"
                          f"$ {' '.join(cmd)}\n{r.stdout}{r.stderr}")
    return r.stdout


def host_check(ctx):
    """Build tests/libc/host_check once per run; return its path."""
    with _lock:
        if "exe" in _built:
            return _built["exe"]
        if "error" in _built:
            raise TestFailure(_built["error"])
        try:
            _built["exe"] = _build_host_check(ctx)
        except TestFailure as e:
            _built["error"] = f"(building host_check) {e}"
            raise
        return _built["exe"]


def _build_host_check(ctx):
    out = tempfile.mkdtemp(prefix="a8os-libc-")
    atexit.register(shutil.rmtree, out, True)
    gcc_inc = _run([HOST_CC, "-print-file-name=include"],
                   "finding the host compiler's include directory").strip()
    libc = os.path.join(ctx.root, "libc")
    flags = ["-std=c11", "-O2", "-g", "-Wall", "-Wextra", "-Werror",
             "-ffreestanding", "-fno-builtin", "-fno-common", "-nostdinc",
             "-isystem", gcc_inc, "-I", os.path.join(libc, "include"),
             "-I", os.path.join(ctx.root, "include")]
    sources = [os.path.join(libc, s) for s in HOST_SOURCES]
    sources.append(os.path.join(ctx.root, "tests", "libc", "assert_use.c"))
    objs = []
    for src in sources:
        names = {n: f"a8_{n}" for n in RENAMED}
        if src.endswith("stdlib.c"):
            # the real abort, beside the fake one the others call
            names["abort"] = "a8_real_abort"
        renames = [f"-D{n}={r}" for n, r in names.items()]
        obj = os.path.join(out, os.path.basename(src) + ".o")
        _run([HOST_CC] + flags + renames + ["-c", src, "-o", obj],
             f"compiling {os.path.relpath(src, ctx.root)} for the host")
        objs.append(obj)

    # Every global the libc objects define must carry the a8_ prefix, or
    # it would stand in for glibc's own in the test program.
    for obj in objs:
        for line in _run(["nm", "--defined-only", "-g", obj], "nm").splitlines():
            name = line.split()[-1]
            if not name.startswith(("a8_", "__a8_")):
                raise TestFailure(f"{os.path.basename(obj)} defines {name}: "
                                  "add it to RENAMED in tests/test_libc.py")

    exe = os.path.join(out, "host_check")
    driver = os.path.join(ctx.root, "tests", "libc", "host_check.c")
    _run([HOST_CC, "-std=c11", "-O1", "-g", "-fno-builtin", "-Wall",
          "-Wextra", "-Werror", "-Wno-format", "-Wno-format-truncation",
          "-Wno-format-overflow", "-Wno-format-zero-length",
          "-I", os.path.join(ctx.root, "include"),
          driver] + objs + ["-o", exe], "building host_check")
    return exe


def run_part(ctx, part, min_checks, env=None):
    """Run one part of host_check; fail on any failed check, or if it made
    fewer checks than expected (so that a test cannot pass by doing
    nothing)."""
    exe = host_check(ctx)
    r = subprocess.run([exe, part], capture_output=True, text=True,
                       timeout=300, env=dict(os.environ, **(env or {})))
    m = re.search(rf"^{part}: (\d+) checks, (\d+) failures$", r.stdout, re.M)
    if r.returncode != 0 or not m or int(m.group(2)) != 0:
        raise TestFailure(f"host_check {part}: exit status {r.returncode}\n"
                          f"{r.stdout[-6000:]}{r.stderr[-2000:]}")
    if int(m.group(1)) < min_checks:
        raise TestFailure(f"host_check {part}: only {m.group(1)} checks "
                          f"(expected at least {min_checks})")


def test_printf_matches_glibc(ctx):
    # every conversion x flag set x width x precision x length x value
    run_part(ctx, "printf", 2000000)


def test_string_functions_match_glibc(ctx):
    run_part(ctx, "string", 100000)


def test_strtol_matches_glibc(ctx):
    run_part(ctx, "strtol", 1000)


def test_ctype_matches_glibc(ctx):
    run_part(ctx, "ctype", 3000)


def test_malloc_over_fake_sbrk(ctx):
    run_part(ctx, "malloc", 500000)


def test_stdio_buffering(ctx):
    run_part(ctx, "stdio", 20)


def test_readline_editing(ctx):
    run_part(ctx, "readline", 30)


def test_exit_and_abort(ctx):
    run_part(ctx, "exit", 6)


def test_assert_message(ctx):
    run_part(ctx, "assert", 8)


def test_strerror_and_strsignal(ctx):
    # every error number include/a8os/errno.h defines needs a text
    with open(os.path.join(ctx.root, "include", "a8os", "errno.h")) as f:
        errnos = re.findall(r"^#define\s+E[A-Z0-9]+\s+(\d+)", f.read(), re.M)
    run_part(ctx, "strerror", 60, {"A8_ERRNOS": " ".join(errnos)})


# ---- the target build --------------------------------------------------------

# What apps may call: libc.a must define every one of these.
API = """
    a8_syscall getpid write read yield sleep_ms uptime_ms spawn wait kill sbrk
    ps apps meminfo counter readline strsignal
    memcpy memmove memset memcmp memchr strlen strnlen strcpy strncpy strcat
    strncat strcmp strncmp strchr strrchr strstr strspn strcspn strtok_r
    strdup strerror
    stdin stdout stderr printf vprintf fprintf vfprintf sprintf vsprintf
    snprintf vsnprintf putchar puts fputs fputc putc fflush getchar
    malloc free calloc realloc atoi atol strtol strtoul abs labs exit abort
    errno isdigit isxdigit isalpha isalnum isspace isupper islower isprint
    ispunct iscntrl toupper tolower __a8_assert_fail
    gpio_config gpio_read gpio_write gpio_info irq_attach irq_detach irq_wait
    irqinfo uart_open uart_close uart_read uart_write leds shm_map shm_unmap
    __mutex_lock_slow __mutex_unlock_slow
""".split()

# An app that uses every header and pulls in every libc object.
PROBE_APP = r"""
#include <a8os.h>
#include <assert.h>
#include <atomic.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <mutex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static volatile int irqs;

static void on_irq(int source, int value)
{
    irqs += source + value;
}

int main(int argc, char **argv)
{
    char line[64], buf[32];
    struct a8_procinfo procs[4];
    struct a8_appinfo list[4];
    struct a8_meminfo mi;
    unsigned hz;
    int status = 0;
    char *save, *copy = strdup(argc > 0 ? argv[0] : "x");

    assert(argc >= 0);
    printf("%s %d %lld %zu %p\n", copy, getpid(), (long long)LLONG_MIN,
           strlen(copy), (void *)copy);
    snprintf(buf, sizeof buf, "%08x", counter(&hz));
    fprintf(stderr, "%s %s\n", strerror(-ENOENT), strsignal(WTERMSIG(status)));
    if (readline("> ", line, sizeof line) > 0 && isdigit(line[0]))
        status = atoi(line) + (int)strtol(line, NULL, 0) + abs(-1);
    char *tok = strtok_r(line, " ", &save);
    int pid = spawn("hello", (char *[]){ "hello", tok, NULL });
    if (pid > 0 && wait(pid, &status, 0) == pid && WIFEXITED(status))
        printf("exit %d\n", WEXITSTATUS(status));
    ps(procs, 4);
    apps(list, 4);
    meminfo(&mi);
    sleep_ms(1);
    yield();
    kill(-1);
    void *p = realloc(calloc(4, 8), 100);
    free(p);
    free(copy);
    struct a8_irqinfo irql[4];
    gpio_config(1, A8_GPIO_OUT | A8_GPIO_IRQ_HIGH);
    gpio_write(1, gpio_read(2) + gpio_info(3));
    irq_attach(A8_SRC_UART(1), on_irq);
    irq_wait(A8_SRC_UART(1));
    irq_detach(A8_SRC_UART(1));
    irqinfo(irql, 4);
    uart_open(1);
    uart_write(1, buf, (unsigned)uart_read(1, buf, sizeof buf));
    uart_close(1);
    int l = leds(1, 1);
    struct { a8_mutex_t m; a8_spinlock_t s; int n; } *sh = shm_map("p", 4096, A8_SHM_RW);
    if (!A8_IS_ERR(sh) && A8_LEDS_COUNT(l) > 0) {
        if (a8_mutex_lock(&sh->m) >= 0) {
            sh->n = a8_atomic_add(&sh->n, 1) + a8_atomic_swap(&sh->n, 2);
            a8_mutex_unlock(&sh->m);
        }
        a8_spin_lock(&sh->s);
        a8_atomic_cas(&sh->n, 2, 3);
        a8_spin_unlock(&sh->s);
        shm_unmap(sh);
    }
    if (uptime_ms() == 0)
        abort();
    return getchar() == EOF ? EXIT_FAILURE : EXIT_SUCCESS;
}
"""


def _nm_defined(path):
    """The global symbols path defines."""
    out = _run([CROSS + "nm", "--defined-only", "-g", path], "nm")
    return {l.split()[-1] for l in out.splitlines() if len(l.split()) == 3}


def target_libc(ctx):
    """Build build/user/libc.a and crt0.o with make, once per run; return
    their paths."""
    with _lock:
        if "target" not in _built:
            _run(["make", "--no-print-directory", "build/user/libc.a",
                  "build/user/crt0.o"], "make libc.a crt0.o", cwd=ctx.root)
            user = os.path.join(ctx.root, "build", "user")
            _built["target"] = (os.path.join(user, "libc.a"),
                                os.path.join(user, "crt0.o"))
        return _built["target"]


def target_flags(ctx):
    """The Makefile's flags for user code (UCFLAGS), and libgcc."""
    gcc_inc = _run([CROSS + "gcc", "-print-file-name=include"], "gcc").strip()
    libgcc = _run([CROSS + "gcc", "-mcpu=cortex-a8", "-marm",
                   "-mfloat-abi=soft", "-print-libgcc-file-name"], "gcc").strip()
    flags = ["-std=c11", "-Wall", "-Wextra", "-Werror", "-O2", "-g",
             "-mcpu=cortex-a8", "-mfloat-abi=soft", "-ffreestanding",
             "-fno-common", "-nostdinc", "-isystem", gcc_inc,
             "-I", os.path.join(ctx.root, "libc", "include"),
             "-I", os.path.join(ctx.root, "include")]
    return flags, libgcc


def test_target_libc_builds_and_links(ctx):
    libc_a, crt0 = target_libc(ctx)

    missing = sorted(set(API) - _nm_defined(libc_a))
    if missing:
        raise TestFailure(f"libc.a does not define: {missing}")
    if "_start" not in _nm_defined(crt0):
        raise TestFailure("crt0.o does not define _start")

    # The Cortex-A8 has no divide instruction.
    dis = _run([CROSS + "objdump", "-d", libc_a], "objdump")
    if re.search(r"\s(u|s)div\s", dis):
        raise TestFailure("libc.a uses udiv/sdiv, which the Cortex-A8 lacks")
    # memcpy, memmove and memset must not call memcpy, memmove or memset.
    for fn in ("memcpy", "memmove", "memset"):
        body = re.search(rf"^[0-9a-f]+ <{fn}>:\n(.*?)(?:\n\n|\Z)", dis,
                         re.M | re.S)
        if not body:
            raise TestFailure(f"no {fn} in the disassembly of libc.a")
        if re.search(r"\sbl?x?\s+[0-9a-f]+ <mem(cpy|move|set)>", body.group(1)):
            raise TestFailure(f"{fn} calls a mem function:\n{body.group(1)}")

    flags, libgcc = target_flags(ctx)
    with tempfile.TemporaryDirectory(prefix="a8os-app-") as tmp:
        src = os.path.join(tmp, "probe.c")
        with open(src, "w") as f:
            f.write(PROBE_APP)
        for mode in ("-marm", "-mthumb"):
            obj = os.path.join(tmp, f"probe{mode}.o")
            elf = os.path.join(tmp, f"probe{mode}.elf")
            _run([CROSS + "gcc"] + flags + [mode, "-c", src, "-o", obj],
                 f"compiling an app ({mode})")
            _run([CROSS + "gcc", "-nostdlib", "-T",
                  os.path.join(ctx.root, "libc", "app.ld"), "-o", elf, crt0,
                  obj, libc_a, libgcc], f"linking an app ({mode})")
            syms = _run([CROSS + "nm", elf], "nm")
            m = re.search(r"^([0-9a-f]+) T _start$", syms, re.M)
            if not m or int(m.group(1), 16) != 0x20000000:
                raise TestFailure(f"{mode}: _start is not first in .text")
            hdr = _run([CROSS + "readelf", "-h", elf], "readelf")
            if not re.search(r"Entry point address:\s+0x20000000", hdr):
                raise TestFailure(f"{mode}: entry point is not _start:\n{hdr}")
            if mode == "-mthumb":
                # ARM crt0 reaches the Thumb main through blx.
                d = _run([CROSS + "objdump", "-d", "--section=.text", elf],
                         "objdump")
                start = re.search(r"<_start>:\n(.*?)\n\n", d, re.S)
                if not start or not re.search(r"\sblx\s+[0-9a-f]+ <main>",
                                              start.group(1)):
                    raise TestFailure("_start does not call the Thumb main "
                                      f"with blx:\n{start and start.group(1)}")


# A lock and an unlock, for the disassembly of their fast paths.
MUTEX_PROBE = r"""
#include <mutex.h>
void lock_unlock(a8_mutex_t *m);
void lock_unlock(a8_mutex_t *m)
{
    a8_mutex_lock(m);
    a8_mutex_unlock(m);
}
"""


def test_mutex_fast_paths(ctx):
    """mutex.h's inline fast paths, in ARM code: 6 instructions each, the
    sixth a conditional one that leaves for the slow path (12 for an
    uncontended lock + unlock, no kernel entry)."""
    flags, _ = target_flags(ctx)
    with tempfile.TemporaryDirectory(prefix="a8os-mutex-") as tmp:
        src = os.path.join(tmp, "mutex.c")
        obj = os.path.join(tmp, "mutex.o")
        with open(src, "w") as f:
            f.write(MUTEX_PROBE)
        _run([CROSS + "gcc"] + flags + ["-marm", "-c", src, "-o", obj],
             "compiling a mutex probe")
        dis = _run([CROSS + "objdump", "-d", "--no-show-raw-insn", obj],
                   "objdump")
    insns = re.findall(r"^\s+[0-9a-f]+:\s+(\S+)", dis, re.M)
    paths = {
        "lock": ["mrc", "ldrex", "cmp", "strexeq", "cmpeq"],
        "unlock": ["mrc", "ldrex", "eors", "strexeq", "cmpeq"],
    }
    for name, seq in paths.items():
        at = [i for i in range(len(insns) - len(seq))
              if insns[i:i + len(seq)] == seq]
        if len(at) != 1:
            raise TestFailure(f"{name}: {seq} not found once in:\n{dis}")
        nxt = insns[at[0] + len(seq)]
        if not re.fullmatch(r"(b|pop|bx|ldm\S*)(eq|ne)(\.n|\.w)?", nxt):
            raise TestFailure(f"{name}: the fast path ends with {nxt}, not a "
                              f"conditional branch or return:\n{dis}")
    if re.search(r"\ssvc\s", dis):
        raise TestFailure(f"the mutex fast paths enter the kernel:\n{dis}")


def test_libc_runs_on_the_target(ctx):
    """tests/libc/arm_check.c with the real libc.a and crt0.o, bare on
    QEMU's realview-pb-a8 (system calls faked over semihosting): its own
    checks must pass, and its printf matrix must equal glibc's."""
    libc_a, crt0 = target_libc(ctx)
    flags, libgcc = target_flags(ctx)
    here = os.path.join(ctx.root, "tests", "libc")
    with tempfile.TemporaryDirectory(prefix="a8os-arm-") as tmp:
        boot = os.path.join(tmp, "arm_boot.o")
        check = os.path.join(tmp, "arm_check.o")
        elf = os.path.join(tmp, "arm_check.elf")
        _run([CROSS + "gcc"] + flags + ["-marm", "-c",
             os.path.join(here, "arm_boot.S"), "-o", boot], "assembling arm_boot.S")
        _run([CROSS + "gcc"] + flags + ["-marm", "-fno-tree-loop-distribute-patterns",
             "-c", os.path.join(here, "arm_check.c"), "-o", check],
             "compiling arm_check.c")
        _run([CROSS + "gcc", "-nostdlib", "-T", os.path.join(here, "arm.ld"),
              "-o", elf, boot, crt0, check, libc_a, libgcc], "linking arm_check")
        qemu = [os.environ.get("QEMU", "qemu-system-arm"), "-M", "realview-pb-a8",
                "-m", "128M", "-audiodev", "none,id=noaudio",
                "-global", "pl041.audiodev=noaudio", "-nographic",
                "-semihosting-config", "enable=on,target=native",
                "-monitor", "none", "-serial", "null", "-kernel", elf]
        try:
            r = subprocess.run(qemu, stdin=subprocess.DEVNULL,
                               capture_output=True, timeout=240)
        except subprocess.TimeoutExpired:
            raise TestFailure("arm_check did not end within 240 s")
    out = r.stdout.decode("latin-1")
    if r.returncode >= 100:
        raise TestFailure(f"arm_check took exception vector "
                          f"{r.returncode - 100}:\n{out[-3000:]}")
    m = re.search(r"^arm: (\d+) checks, (\d+) failures$", out, re.M)
    if r.returncode != 0 or not m or m.group(2) != "0":
        raise TestFailure(f"arm_check: exit status {r.returncode}\n"
                          f"{out[-5000:]}{r.stderr.decode('latin-1')[-2000:]}")
    if int(m.group(1)) < 50000:
        raise TestFailure(f"arm_check: only {m.group(1)} checks")

    want = subprocess.run([host_check(ctx), "matrix"], capture_output=True,
                          text=True).stdout
    want = [l for l in want.splitlines() if l.startswith("matrix ")]
    got = [l for l in out.splitlines() if l.startswith("matrix ")]
    if len(want) < 20 or got != want:
        diff = "\n".join(f"glibc {w}\na8os  {g}" for w, g in zip(want, got)
                         if w != g)
        raise TestFailure(f"printf matrix differs from glibc's "
                          f"({len(got)} lines, {len(want)} expected):\n{diff}")
