"""shell.py - boot a8os with an SD card and drive its shell over the UART."""

import os
import re
import time

from qemu import Qemu, TestFailure

PROMPT = r"a8os> "


class Shell:
    """A booted system whose console is at the shell prompt.

        with Shell(ctx) as sh:
            out = sh.run("ps")
    """

    def __init__(self, ctx, sd=None, icount=False, boot_timeout=20, **kw):
        self.ctx = ctx
        sd = sd or os.path.join(ctx.build, "sd.img")
        self.q = Qemu(ctx.kernel, sd=sd, icount=icount, semihosting=False,
                      **kw)
        self.boot_timeout = boot_timeout

    def __enter__(self):
        self.q.__enter__()
        self.boot_log = self.q.console.expect(
            r"([\s\S]*?)" + PROMPT, self.boot_timeout).group(1)
        return self

    def __exit__(self, *exc):
        return self.q.__exit__(*exc)

    @property
    def console(self):
        return self.q.console

    def run(self, line, timeout=20):
        """Type a command line; return what it printed before the next
        prompt (without the echoed line), with \\r removed."""
        self.console.send(line + "\r")
        m = self.console.expect(re.escape(line) + r"\r?\n([\s\S]*?)" + PROMPT,
                                timeout)
        return m.group(1).replace("\r", "")

    def expect(self, pattern, timeout=20):
        return self.console.expect(pattern, timeout)

    def expect_since(self, out, pattern, timeout=20):
        """The pattern in out - what a command printed before its prompt -
        or else in what comes next.  For a background app's first lines,
        which may come before the shell's prompt or after it."""
        m = re.search(pattern, out, re.M)
        return m if m else self.expect(pattern, timeout)


def check(text, pattern, what=""):
    m = re.search(pattern, text, re.M)
    if not m:
        raise TestFailure(f"expected /{pattern}/ {what} in:\n{text}")
    return m


def check_not(text, pattern, what=""):
    if re.search(pattern, text, re.M):
        raise TestFailure(f"did not expect /{pattern}/ {what} in:\n{text}")


def ps(sh):
    """The process list as {pid: (ppid, state, ticks, pages, name)}."""
    out = sh.run("ps")
    procs = {}
    for line in out.splitlines():
        f = line.split()
        if len(f) == 6 and f[0].isdigit():
            procs[int(f[0])] = (int(f[1]), f[2], int(f[3]), int(f[4]), f[5])
    if 1 not in procs:
        raise TestFailure(f"no init in ps:\n{out}")
    return procs


def mem(sh):
    """(pages free, asids in use, asid generation, processes) from `mem`."""
    out = sh.run("mem")
    m = check(out, r"pages: (\d+) free of (\d+)")
    a = check(out, r"asids: (\d+) in use, generation (\d+)")
    p = check(out, r"processes: (\d+) of 16")
    return int(m[1]), int(a[1]), int(a[2]), int(p[1])


def wait_done(sh, pids, out="", timeout=10):
    """Poll the shell (an empty command line: it reports finished
    background jobs before each prompt) until every pid in pids has its
    "[pid] done" line, or fail after timeout seconds.  Returns everything
    the shell printed, out included."""
    deadline = time.monotonic() + timeout
    while not all(f"[{pid}] done" in out for pid in pids):
        if time.monotonic() > deadline:
            raise TestFailure(f"no \"done\" for {pids} after {timeout} s "
                              f"in:\n{out}")
        out += sh.run("")
    return out
