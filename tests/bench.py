#!/usr/bin/env python3
"""bench.py - instruction counts of a8os's hot paths (what `make bench` runs).

Under QEMU's -icount shift=0 one guest instruction is one nanosecond of
virtual time, and the board's 24 MHz counter follows that clock: counting
counter ticks over many repetitions counts instructions exactly.

  null syscall, yield round trip   the `bench` app, run from the shell
                                   (apps/bench/main.c says how)
  boot to the first user instruction
                                   QEMU traces every instruction (one per
                                   translation block) from reset until pc
                                   reaches init's entry, 0x20000000; they
                                   are counted
  interrupt to user handler, handler return to interrupted code
                                   `bench irq` under the same trace,
                                   switched on from the QEMU monitor once
                                   the shell is up: from the IRQ vector to
                                   bench_irq_handler's first instruction,
                                   and from the instruction after its
                                   return to the exception return (RFE)
                                   back into the interrupted code
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from qemu import MACHINE, QEMU, TestFailure, one_insn_per_tb  # noqa: E402
from run import Ctx  # noqa: E402
from shell import Shell, check  # noqa: E402

USER_ENTRY = "20000000"
IRQ_VECTOR = 0xFFFF0018
CROSS = os.environ.get("CROSS", "arm-none-eabi-")


def bench_app(ctx):
    """The figures the bench app measures: {name: instructions}."""
    with Shell(ctx, icount=True, boot_timeout=120) as sh:
        out = sh.run("run bench", timeout=600)
    figures = {}
    for name, value in re.findall(r"^bench: (.+): (\d+\.\d) instructions$",
                                  out, re.M):
        figures[name] = float(value)
    if not figures:
        raise TestFailure(f"bench printed no figures:\n{out}")
    return figures


def boot_instructions(ctx, timeout=300):
    """Instructions from reset to the first instruction of init.

    With -singlestep every translation block is one instruction, and -d exec
    logs each block executed.  An instruction that touches a device under
    -icount is logged twice (QEMU re-executes it); a repeated pc in a row is
    therefore counted once (the boot path has no branch-to-self loop)."""
    with tempfile.TemporaryDirectory(prefix="a8os-bench-") as tmp:
        log = os.path.join(tmp, "exec.log")
        args = [QEMU] + MACHINE + [
            "-display", "none", "-nodefaults", "-serial", "null",
            "-icount", "shift=0"] + one_insn_per_tb() + [
            "-d", "exec,nochain",
            "-D", log, "-kernel", ctx.kernel,
            "-drive", f"if=sd,format=raw,file={ctx.build}/sd.img"]
        proc = subprocess.Popen(args, stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        pattern = f"/{USER_ENTRY}/".encode()
        deadline = time.monotonic() + timeout
        try:
            while True:
                if time.monotonic() > deadline:
                    raise TestFailure("init's first instruction never came")
                if proc.poll() is not None:
                    raise TestFailure("QEMU ended before init ran")
                time.sleep(0.5)
                if os.path.exists(log) and _contains(log, pattern):
                    break
        finally:
            proc.kill()
            proc.wait()
        count = 0
        last = None
        with open(log, "rb") as f:
            for line in f:
                m = re.search(rb"\[[0-9a-f]+/([0-9a-f]+)/", line)
                if not m:
                    continue
                pc = m.group(1)
                if pc == USER_ENTRY.encode():
                    return count
                if pc != last:
                    count += 1
                last = pc
    raise TestFailure("init's entry not found in the trace")


def _symbol(elf, name):
    """(address, size) of a symbol in an ELF file."""
    out = subprocess.run([CROSS + "nm", "-S", elf], check=True,
                         capture_output=True, text=True).stdout
    for line in out.splitlines():
        f = line.split()
        if len(f) == 4 and f[3] == name:
            return int(f[0], 16), int(f[1], 16)
    raise TestFailure(f"{name} not in {elf}")


def _exception_returns(elf):
    """Addresses of every RFE in the kernel: where an interrupt ends."""
    out = subprocess.run([CROSS + "objdump", "-d", elf], check=True,
                         capture_output=True, text=True).stdout
    return {int(m[1], 16) for m in re.finditer(r"^([0-9a-f]+):\s+\S+\s+rfe",
                                                out, re.M)}


def _trace_pcs(log):
    """The pcs of a -d exec trace in order, an instruction that QEMU
    executed twice in a row (a device access under -icount) once."""
    pcs = []
    with open(log, "rb") as f:
        for line in f:
            m = re.search(rb"\[[0-9a-f]+/([0-9a-f]+)/", line)
            if m:
                pc = int(m.group(1), 16)
                if not pcs or pcs[-1] != pc:
                    pcs.append(pc)
    return pcs


def irq_latency(ctx, k=3, timeout=300):
    """Instructions of the user interrupt handler path, traced while
    `bench irq K` runs: for each of its 2K handler runs, (from the IRQ
    vector to the handler's first instruction, from the handler's return
    to the RFE back into the interrupted code).  The first K runs
    interrupt the handler's own process, the last K another one."""
    handler, size = _symbol(os.path.join(ctx.root, "build", "user", "apps",
                                         "bench.elf"), "bench_irq_handler")
    rfes = _exception_returns(ctx.kernel)
    with tempfile.TemporaryDirectory(prefix="a8os-bench-") as tmp:
        log = os.path.join(tmp, "exec.log")
        extra = one_insn_per_tb() + ["-d", "nochain",
                                     "-D", os.path.join(tmp, "boot.log")]
        with Shell(ctx, icount=True, boot_timeout=120, extra=extra) as sh:
            sh.q.monitor(f"logfile {log}")
            sh.q.monitor("log exec,nochain")
            out = sh.run(f"run bench irq {k}", timeout=timeout)
            sh.q.monitor("log none")
        check(out, rf"bench: irq {2 * k} handler runs")
        pcs = _trace_pcs(log)
    runs = []
    vector = None
    i = 0
    while i < len(pcs):
        if pcs[i] == IRQ_VECTOR:
            vector = i
        elif pcs[i] == handler and vector is not None:
            j = i
            while handler <= pcs[j] < handler + size:
                j += 1
            end = j
            while pcs[end] not in rfes:
                end += 1
            runs.append((i - vector, end - j + 1))
            vector = None
            i = end
        i += 1
    if len(runs) != 2 * k:
        raise TestFailure(f"{len(runs)} handler runs in the trace, "
                          f"expected {2 * k}")
    return runs


def irq_figures(runs):
    """{name: instructions} from irq_latency's runs; a figure that differs
    between runs of a kind is shown as "min-max"."""
    k = len(runs) // 2
    kinds = (("same process", runs[:k]), ("other process", runs[k:]))
    figures = {}
    for kind, group in kinds:
        for n, what in ((0, "interrupt to user handler"),
                        (1, "handler return to interrupted code")):
            lo = min(r[n] for r in group)
            hi = max(r[n] for r in group)
            figures[f"{what} ({kind})"] = lo if lo == hi else f"{lo}-{hi}"
    return figures


def _contains(path, pattern, chunk=1 << 22):
    """Whether a (growing) file contains a byte string."""
    with open(path, "rb") as f:
        tail = b""
        while True:
            data = f.read(chunk)
            if not data:
                return False
            if pattern in tail + data:
                return True
            tail = data[-len(pattern):]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--board", default="realview-pb-a8")
    args = ap.parse_args()
    ctx = Ctx(args.board)
    figures = bench_app(ctx)
    figures.update(irq_figures(irq_latency(ctx)))
    figures["boot to the first user instruction"] = boot_instructions(ctx)
    print(f"a8os bench ({args.board}, QEMU -icount shift=0, instructions):")
    for name, value in figures.items():
        shown = f"{value:.1f}" if isinstance(value, float) else f"{value}"
        print(f"  {name:52s} {shown:>10s}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
