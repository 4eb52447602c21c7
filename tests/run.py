#!/usr/bin/env python3
"""run.py - the a8os test runner (what `make test` runs).

Finds every function named test_* in tests/test_*.py, runs them (two at a
time by default: each system test is its own QEMU), prints one line per
test, and ends with "N passed, N failed".  The exit status is 1 if any test
failed.

    tests/run.py [--board B] [--jobs N] [name-filter ...]

A test is a function test_x(ctx) that raises on failure (TestFailure for a
failed check, with a message saying what was expected and what came).
ctx carries the paths of what `make` built.
"""

import argparse
import concurrent.futures
import importlib
import inspect
import os
import sys
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

from qemu import TestFailure  # noqa: E402


class Ctx:
    """What a test needs to know about the build."""

    def __init__(self, board):
        self.board = board
        self.root = ROOT
        self.build = os.path.join(ROOT, "build", board)
        self.test_build = os.path.join(ROOT, "build", board + "-test")
        self.kernel = os.path.join(self.build, "kernel.elf")
        self.test_kernel = os.path.join(self.test_build, "kernel.elf")
        with open(os.path.join(ROOT, "VERSION")) as f:
            self.version = f.read().strip()


def discover(filters):
    tests = []
    for name in sorted(os.listdir(HERE)):
        if not (name.startswith("test_") and name.endswith(".py")):
            continue
        mod = importlib.import_module(name[:-3])
        funcs = [(inspect.getsourcelines(f)[1], n, f)
                 for n, f in vars(mod).items()
                 if n.startswith("test_") and inspect.isfunction(f)
                 and f.__module__ == mod.__name__]
        for _, n, f in sorted(funcs):
            full = f"{name[5:-3]}.{n[5:]}"
            if not filters or any(x in full for x in filters):
                tests.append((full, f))
    return tests


def run_one(ctx, full, func):
    start = time.monotonic()
    try:
        func(ctx)
        return full, True, "", time.monotonic() - start
    except TestFailure as e:
        return full, False, str(e), time.monotonic() - start
    except Exception:
        return full, False, traceback.format_exc(), time.monotonic() - start


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--board", default="realview-pb-a8")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("filters", nargs="*")
    args = ap.parse_args()

    ctx = Ctx(args.board)
    tests = discover(args.filters)
    passed = failed = 0
    t0 = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        futures = [pool.submit(run_one, ctx, full, f) for full, f in tests]
        for fut in futures:
            full, ok, msg, secs = fut.result()
            if ok:
                passed += 1
                print(f"PASS  {full}  ({secs:.1f}s)", flush=True)
            else:
                failed += 1
                print(f"FAIL  {full}  ({secs:.1f}s)", flush=True)
                for line in msg.rstrip().splitlines():
                    print(f"      {line}")
    print(f"({time.monotonic() - t0:.0f}s)")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or not tests else 0


if __name__ == "__main__":
    sys.exit(main())
