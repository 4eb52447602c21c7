#!/usr/bin/env python3
"""bench.py - instruction counts of a8os's hot paths (what `make bench` runs).

Under QEMU's -icount shift=0 one guest instruction is one nanosecond of
virtual time, and the board's 24 MHz counter follows that clock: counting
counter ticks over many repetitions counts instructions exactly.

  null syscall, yield round trip   the `bench` app, run from the shell
                                   (apps/bench/main.c says how)
  boot to the first user instruction
                                   QEMU traces every instruction (one per
                                   translation block, -singlestep) from
                                   reset until pc reaches init's entry,
                                   0x20000000; they are counted
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

from qemu import MACHINE, QEMU, TestFailure  # noqa: E402
from run import Ctx  # noqa: E402
from shell import Shell  # noqa: E402

USER_ENTRY = "20000000"


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
            "-icount", "shift=0", "-singlestep", "-d", "exec,nochain",
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
    figures["boot to the first user instruction"] = boot_instructions(ctx)
    print(f"a8os bench ({args.board}, QEMU -icount shift=0, instructions):")
    for name, value in figures.items():
        shown = f"{value:.1f}" if isinstance(value, float) else f"{value}"
        print(f"  {name:38s} {shown:>10s}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
