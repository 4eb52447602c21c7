"""System tests of processes: the shell, apps, scheduling, faults, syscalls,
resource accounting, and damaged or missing SD cards."""

import os
import re
import shutil
import struct
import subprocess
import tempfile
import time

from qemu import Qemu, TestFailure
from shell import Shell, check, check_not, mem, ps, wait_done


def test_shell_runs_apps(ctx):
    with Shell(ctx) as sh:
        check(sh.boot_log, r"SD card: SDSC, 128 MiB \(262144 blocks\)")
        check(sh.boot_log, r"apps: (\d+) of \1 ready")
        check(sh.boot_log, r"Starting init \(pid 1\)")
        out = sh.run("help")
        for cmd in ("ps", "apps", "run", "kill", "mem", "uptime"):
            check(out, rf"^{cmd}\b", f"(help lists {cmd})")
        out = sh.run("run hello one two")
        check(out, r"^Hello from a8os! pid (\d+)$")
        check(out, r"^arg 1: one$")
        check(out, r"^arg 2: two$")
        out = sh.run("run hello exit 3")
        check(out, r"hello \(pid \d+\) exited with status 3")
        out = sh.run("apps")
        for app in ("init", "hello", "counter", "crash", "bench"):
            check(out, rf"^{app} +\d+ bytes$")
        check(sh.run("uptime"), r"^up \d+\.\d{3} s$")
        check(sh.run("frobnicate"), r"unknown command 'frobnicate'")
        check(sh.run("run nosuchapp"), r"run: nosuchapp: no such app")
        procs = ps(sh)
        if procs[1][4] != "init" or procs[0][4] != "idle":
            raise TestFailure(f"ps: {procs}")


def test_background_and_kill(ctx):
    with Shell(ctx) as sh:
        a = int(check(sh.run("run counter a quiet &"),
                      r"\[(\d+)\] counter started")[1])
        b = int(check(sh.run("run counter b quiet &"),
                      r"\[(\d+)\] counter started")[1])
        procs = ps(sh)
        for pid in (a, b):
            if pid not in procs or procs[pid][4] != "counter" \
                    or procs[pid][0] != 1:
                raise TestFailure(f"counter {pid} not in ps: {procs}")
        out = sh.run(f"kill {a}")
        out += sh.run(f"kill {b}")
        out = wait_done(sh, (a, b), out)
        for pid in (a, b):
            check(out, rf"\[{pid}\] done: killed: killed")
        procs = ps(sh)
        if a in procs or b in procs:
            raise TestFailure(f"killed counters still listed: {procs}")
        check(sh.run(f"kill {a}"), rf"kill: {a}: no such process")


def test_kill_inside_system_calls(ctx):
    # kbusy spends nearly all its time in the kernel (allocating and
    # freeing pages, copying lists out, loading an app under the SD card's
    # lock): a kill must wait for a safe point, land there, and leak
    # nothing.
    modes = ("sbrk", "ps", "apps", "spawn")
    with Shell(ctx) as sh:
        before = mem(sh)
        for _ in range(3):
            pids = []
            for mode in modes:
                out = sh.run(f"run kbusy {mode} &")
                pids.append(int(check(out, r"\[(\d+)\] kbusy started")[1]))
            out = sh.run("run sleeper 50")
            for pid in pids:
                out += sh.run(f"kill {pid}")
            out = wait_done(sh, pids, out)
            for pid in pids:
                check(out, rf"\[{pid}\] done: killed: killed")
            check_not(out, r"usage|failed|panic")
        # (a "kbusy exit" that spawn mode had started may still be
        # finishing, an orphan now: give it a moment)
        deadline = time.monotonic() + 10
        while any(p[4] == "kbusy" for p in ps(sh).values()):
            if time.monotonic() > deadline:
                raise TestFailure(f"kbusy left behind: {ps(sh)}")
        after = mem(sh)
        if before != after:
            raise TestFailure(f"mem before {before} and after the kills "
                              f"{after} (free pages, ASIDs, generation, "
                              "processes) differ")


def test_preemption_is_fair(ctx):
    # Two CPU-bound counters share the CPU while the shell waits for a
    # sleeper: over that fixed interval (2 s of the system's own clock)
    # their CPU ticks must be within 10% of each other.
    with Shell(ctx) as sh:
        a = int(check(sh.run("run counter a quiet &"), r"\[(\d+)\]")[1])
        b = int(check(sh.run("run counter b quiet &"), r"\[(\d+)\]")[1])
        t0 = ps(sh)
        sh.run("run sleeper 2000", timeout=60)
        t1 = ps(sh)
        da = t1[a][2] - t0[a][2]
        db = t1[b][2] - t0[b][2]
        if da + db < 1600:
            raise TestFailure(f"counters got only {da}+{db} ticks of 2000")
        if abs(da - db) > 0.10 * max(da, db):
            raise TestFailure(f"unfair: {da} vs {db} ticks")


FAULTS = {
    # mode: (report lines that must appear, reason in "killed: ...")
    "null": ([r"\*\*\* Data abort in USR mode",
              r"translation fault \(no mapping\), level 1 \(section\), "
              r"read access at address 0x00000000"],
             "segmentation fault"),
    "kwrite": ([r"\*\*\* Data abort in USR mode",
                r"permission fault, level 2 \(page\), write access at "
                r"address 0x70010000",
                r"L2\[0x10\]  = [0-9a-f]{8} \(page at 0x70010000, kernel "
                r"read-only\)"],
               "segmentation fault"),
    "stackexec": ([r"\*\*\* Prefetch abort in USR mode",
                   r"permission fault, level 2 \(page\), instruction fetch "
                   r"at address 0x3fff[0-9a-f]{4}",
                   r"read/write for all, execute-never, not global"],
                  "segmentation fault"),
    "undef": ([r"\*\*\* Undefined instruction in USR mode",
               r"instruction e7f000f0"],
              "illegal instruction"),
    "align": ([r"\*\*\* Data abort in USR mode",
               r"alignment fault, read access"],
              r"bus error \(alignment\)"),
}


def test_faulting_apps_are_killed(ctx):
    with Shell(ctx) as sh:
        for mode, (lines, reason) in FAULTS.items():
            out = sh.run(f"run crash {mode}")
            m = check(out, r"\*\*\* pid (\d+) \(crash\) faulted:")
            pid = m[1]
            for line in lines:
                check(out, line, f"(crash {mode})")
            check(out, r"pc 0x[0-9a-f]{8}")
            check(out, r"r12 0x[0-9a-f]{8}  sp  0x3fff[0-9a-f]{4}")
            check(out, rf"\*\*\* pid {pid} \(crash\) killed: {reason}")
            check(out, rf"crash \(pid {pid}\) killed: {reason}",
                  "(the shell learns why)")
            check_not(out, r"Kernel halted|KERNEL PANIC")
            # and the system goes on
            check(sh.run("run hello"), r"Hello from a8os!")


def test_bad_syscall_pointers(ctx):
    with Shell(ctx) as sh:
        out = sh.run("run badptr")
        check(out, r"badptr: all 7 calls returned -EFAULT")
        check_not(out, r"\*\*\*", "(no kernel report for a bad pointer)")


def test_thumb_bigbss_and_malloc(ctx):
    with Shell(ctx) as sh:
        out = sh.run("run thumb")
        check(out, r"thumb: running Thumb-2 code, main at 0x200000[0-9a-f]"
                   r"[13579bdf]")
        check(out, r"thumb: 1229 primes below 10000")
        check(sh.run("run bigbss"),
              r"bigbss: 4096 KiB of \.bss, checksum 4293394432")
        check(sh.run("run mstress", timeout=60),
              r"mstress: 20000 operations OK, heap \d+ KiB")


def test_spawn_exit_cycles_leak_nothing(ctx):
    with Shell(ctx) as sh:
        before = mem(sh)
        for _ in range(20):
            check(sh.run("run hello"), r"Hello from a8os!")
        after = mem(sh)
        if before != after:
            raise TestFailure(f"mem before {before} and after 20 runs "
                              f"{after} (free pages, ASIDs, generation, "
                              "processes) differ")
        # A process that runs the heap out of memory gets -ENOMEM and
        # gives everything back.
        out = sh.run("run memhog", timeout=60)
        check(out, r"memhog: got (\d+) MiB before sbrk failed: "
                   r"out of memory")
        if int(re.search(r"got (\d+) MiB", out)[1]) < 64:
            raise TestFailure(f"memhog got too little: {out}")
        if mem(sh) != before:
            raise TestFailure("memory not given back after memhog")


def test_asid_generation_rollover(ctx):
    # 300 processes, one after the other: the ASID cursor goes round the
    # 255 numbers and a new generation begins (with a TLB flush); pages
    # and ASIDs still come back.
    with Shell(ctx) as sh:
        pages0, asids0, gen0, procs0 = mem(sh)
        out = sh.run("run spawner 300 sleeper 0", timeout=120)
        check(out, r"spawner: 300 runs of sleeper, all exited 0")
        pages1, asids1, gen1, procs1 = mem(sh)
        if gen1 <= gen0:
            raise TestFailure(f"no ASID rollover after 300 spawns "
                              f"(generation {gen0} -> {gen1})")
        if (pages1, asids1, procs1) != (pages0, asids0, procs0):
            raise TestFailure(f"leak: pages {pages0}->{pages1}, asids "
                              f"{asids0}->{asids1}, procs {procs0}->{procs1}")
        check(sh.run("run hello"), r"Hello from a8os!")


def test_process_table_limit(ctx):
    with Shell(ctx) as sh:
        pids = []
        for i in range(15):             # init + 15 = the 16 slots
            out = sh.run("run sleeper &")
            pids.append(int(check(out, r"\[(\d+)\] sleeper started")[1]))
        procs = ps(sh)
        if len([p for p in procs if p != 0]) != 16:
            raise TestFailure(f"expected 16 processes: {procs}")
        out = sh.run("run sleeper &")
        check(out, r"spawn sleeper: the process table is full "
                   r"\(16 processes\)")
        check(out, r"run: sleeper: ")
        # Once one of them is gone (and reaped), there is room again.
        out = wait_done(sh, pids[:1], sh.run(f"kill {pids[0]}"))
        check(out, rf"\[{pids[0]}\] done: killed: killed")
        check(sh.run("run hello"), r"Hello from a8os!")


def test_sleep_takes_its_time(ctx):
    with Shell(ctx) as sh:
        t0 = float(check(sh.run("uptime"), r"up (\d+\.\d+) s")[1])
        check(sh.run("run sleeper 500"), r"sleeper: done")
        t1 = float(check(sh.run("uptime"), r"up (\d+\.\d+) s")[1])
        if t1 - t0 < 0.5:
            raise TestFailure(f"sleep 500 ms took {t1 - t0:.3f} s")


def test_init_is_restarted(ctx):
    with Shell(ctx) as sh:
        sh.console.send("kill 1\r")
        sh.expect(r"init exited \(status 0x9\); starting a new one")
        sh.expect(r"a8os shell, type help")
        sh.expect(r"a8os> ")
        procs = ps(sh)
        if procs[1][4] != "init":
            raise TestFailure(f"no new init: {procs}")


# ---- damaged and missing SD cards ------------------------------------------

def _tool(ctx, name):
    return os.path.join(ctx.root, "build", "host", name)


def _elf(ctx, app):
    with open(os.path.join(ctx.root, "build", "user", "img",
                           app + ".elf"), "rb") as f:
        return bytearray(f.read())


def _phdrs(elf):
    phoff, = struct.unpack_from("<I", elf, 28)
    phnum, = struct.unpack_from("<H", elf, 44)
    return [phoff + 32 * i for i in range(phnum)]


def _make_sd(ctx, tmp, files, size="128M", corrupt=None):
    """Pack files {name: bytes} into an app image and an SD image; corrupt
    is a function that may change the app image bytes first."""
    paths = []
    for name, data in files.items():
        p = os.path.join(tmp, name + ".elf")
        with open(p, "wb") as f:
            f.write(data)
        paths.append(p)
    img = os.path.join(tmp, "apps.img")
    subprocess.run([_tool(ctx, "mkappimg"), "-o", img] + paths, check=True)
    if corrupt:
        with open(img, "r+b") as f:
            data = bytearray(f.read())
            corrupt(data)
            f.seek(0)
            f.write(data)
    sd = os.path.join(tmp, "sd.img")
    subprocess.run([_tool(ctx, "mksdimg"), "-o", sd, "--apps", img,
                    "--size", size], check=True)
    return sd


def test_damaged_app_image(ctx):
    tmp = tempfile.mkdtemp(prefix="a8os-sd-")
    try:
        hello = _elf(ctx, "hello")
        files = {"init": _elf(ctx, "init"), "hello": hello}
        files["badcrc"] = bytes(hello)
        files["trunc"] = bytes(hello[:3000])
        x86 = bytearray(hello)
        struct.pack_into("<H", x86, 18, 3)              # EM_386
        files["x86"] = bytes(x86)
        outside = bytearray(hello)
        ph = _phdrs(outside)[-1]                        # the data segment
        struct.pack_into("<I", outside, ph + 8, 0x70000000)
        files["outside"] = bytes(outside)
        huge = bytearray(hello)
        struct.pack_into("<I", huge, ph + 20, 256 << 20)  # 256 MiB of .bss
        files["huge"] = bytes(huge)
        notelf = b"#!/bin/sh\necho this is not an ARM ELF file\n" * 4
        files["script"] = notelf

        def flip_badcrc(data):
            count, = struct.unpack_from("<H", data, 6)
            for i in range(count):
                e = 16 + 32 * i
                if data[e:e + 6] == b"badcrc":
                    off, = struct.unpack_from("<I", data, e + 16)
                    data[off + 100] ^= 0xFF
        sd = _make_sd(ctx, tmp, files, corrupt=flip_badcrc)
        with Shell(ctx, sd=sd) as sh:
            log = sh.boot_log
            check(log, r"app 'badcrc': bad CRC \(expected 0x[0-9a-f]{8}, "
                       r"got 0x[0-9a-f]{8}\), skipped")
            check(log, r"app 'trunc': truncated")
            check(log, r"app 'x86': not an ARM executable "
                       r"\(ELF machine 3\)")
            check(log, r"app 'outside': segment \d+ at 0x70000000-"
                       r"0x[0-9a-f]{8} is outside the user region")
            check(log, r"app 'huge': needs \d+ pages of memory, more than "
                       r"the \d+ there are")
            check(log, r"app 'script': not an ELF file")
            check(log, r"apps: 2 of 8 ready")
            out = sh.run("apps")
            check(out, r"^init ")
            check(out, r"^hello ")
            check_not(out, r"badcrc|trunc|x86|outside|huge|script")
            check(sh.run("run hello"), r"Hello from a8os!")
            check(sh.run("run x86"), r"run: x86: no such app")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def test_bad_image_magic(ctx):
    tmp = tempfile.mkdtemp(prefix="a8os-sd-")
    try:
        def break_magic(data):
            data[0] ^= 0xFF
        sd = _make_sd(ctx, tmp, {"init": _elf(ctx, "init")},
                      corrupt=break_magic)
        with Qemu(ctx.kernel, sd=sd, semihosting=False) as q:
            q.console.expect(r"apps: bad app image magic 0x[0-9a-f]{8} "
                             r"\(expected 0x50413841\), so no apps")
            q.console.expect(r"No init to start: the kernel idles")
            q.console.expect(r"uptime: 2 s", 30)     # and it is alive
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def test_no_sd_card(ctx):
    with Qemu(ctx.kernel, semihosting=False) as q:
        q.console.expect(r"SD card: none \(no card answers CMD55\); going "
                         r"on without one")
        q.console.expect(r"apps: no SD card, so no apps")
        q.console.expect(r"No init to start: the kernel idles")
        q.console.expect(r"uptime: 2 s", 30)


def test_sdhc_card(ctx):
    # A card over 2 GiB is SDHC in QEMU: block addressing instead of bytes.
    tmp = tempfile.mkdtemp(prefix="a8os-sd-")
    try:
        sd = _make_sd(ctx, tmp, {"init": _elf(ctx, "init"),
                                 "hello": _elf(ctx, "hello")}, size="4G")
        with Shell(ctx, sd=sd) as sh:
            check(sh.boot_log, r"SD card: SDHC, 4096 MiB \(8388608 blocks\)")
            check(sh.run("run hello"), r"Hello from a8os!")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# ---- performance and out-of-tree apps ---------------------------------------

def test_benchmark_targets(ctx):
    # The hot paths, counted in instructions under -icount shift=0: the
    # targets of docs/PERFORMANCE.md must hold.
    with Shell(ctx, icount=True, boot_timeout=120) as sh:
        out = sh.run("run bench", timeout=300)
    null = float(check(out, r"bench: null syscall: (\d+\.\d) instructions")[1])
    yld = float(check(out, r"bench: yield round trip: (\d+\.\d) "
                           r"instructions")[1])
    if not 10 <= null <= 20:
        raise TestFailure(f"null syscall {null} instructions, target <= 20")
    if not 60 <= yld <= 150:
        raise TestFailure(f"yield round trip {yld} instructions, "
                          "target <= 150")
    mtx = float(check(out, r"bench: mutex lock\+unlock: (\d+\.\d) "
                           r"instructions")[1])
    if not 4 <= mtx <= 12:
        raise TestFailure(f"mutex lock+unlock {mtx} instructions, "
                          "target <= 12")


def test_out_of_tree_app(ctx):
    # `make app SRC=...` builds a user's own C file against libc and puts
    # it on an SD card with the built-in apps.
    tmp = tempfile.mkdtemp(prefix="a8os-app-")
    try:
        src = os.path.join(tmp, "mine.c")
        with open(src, "w") as f:
            f.write('#include <stdio.h>\n#include <a8os.h>\n'
                    'int main(int argc, char **argv)\n{\n'
                    '    printf("mine: %d args, pid %d, up %u ms, %s\\n",\n'
                    '           argc, getpid(), uptime_ms(), argv[argc - 1]);\n'
                    '    return argc == 2 ? 0 : 1;\n}\n')
        sd = os.path.join(tmp, "sd.img")
        r = subprocess.run(["make", "-s", "app", f"SRC={src}",
                            f"EXTRA={tmp}/extra", f"APPIMG={tmp}/apps.img",
                            f"SDIMG={sd}"], cwd=ctx.root,
                           capture_output=True, text=True)
        if r.returncode != 0:
            raise TestFailure(f"make app failed:\n{r.stdout}\n{r.stderr}")
        with Shell(ctx, sd=sd) as sh:
            check(sh.run("apps"), r"^mine +\d+ bytes$")
            check(sh.run("run mine x"),
                  r"^mine: 2 args, pid \d+, up \d+ ms, x$")
            check(sh.run("run hello"), r"Hello from a8os!")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
