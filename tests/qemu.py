"""qemu.py - run a8os under QEMU for a test and talk to it.

Every UART is a UNIX socket that QEMU serves; the machine does not start
until the test has connected to each of them, so nothing printed is lost.
The QEMU monitor is one more socket (for "eject", "change", ...).  Every wait
has a deadline; when a test ends, QEMU is killed if it has not exited.
"""

import os
import re
import select
import shutil
import socket
import subprocess
import tempfile
import time

QEMU = os.environ.get("QEMU", "qemu-system-arm")
MACHINE = ["-M", "realview-pb-a8", "-m", "128M",
           "-audiodev", "none,id=noaudio", "-global", "pl041.audiodev=noaudio"]


class TestFailure(Exception):
    """A check failed; the message says what was expected and what came."""


def one_insn_per_tb():
    """QEMU options for one instruction per translation block, so that an
    exec trace logs every instruction: -singlestep until QEMU 8.1 renamed
    it to the TCG accelerator's one-insn-per-tb."""
    out = subprocess.run([QEMU, "--version"], capture_output=True,
                         text=True).stdout
    m = re.search(r"version (\d+)\.(\d+)", out)
    if m and (int(m[1]), int(m[2])) >= (8, 1):
        return ["-accel", "tcg,one-insn-per-tb=on"]
    return ["-singlestep"]


class Uart:
    """One serial port: a connected socket and everything read from it."""

    def __init__(self, sock, name):
        self.sock = sock
        self.name = name
        self.data = b""          # everything received so far
        self.pos = 0             # where the next expect() starts looking
        self.closed = False

    def _fill(self, deadline):
        """Read whatever arrives before the deadline; False on timeout."""
        left = deadline - time.monotonic()
        if left <= 0 or self.closed:
            return False
        ready, _, _ = select.select([self.sock], [], [], left)
        if not ready:
            return False
        chunk = self.sock.recv(65536)
        if not chunk:
            self.closed = True
            return False
        self.data += chunk
        return True

    def text(self):
        return self.data.decode("latin-1")

    def expect(self, pattern, timeout=10.0):
        """Wait for a regular expression in the output after the last match.
        Returns the match; raises TestFailure at the deadline."""
        rx = re.compile(pattern.encode("latin-1") if isinstance(pattern, str)
                        else pattern, re.M)
        deadline = time.monotonic() + timeout
        while True:
            m = rx.search(self.data, self.pos)
            if m:
                self.pos = m.end()
                return _StrMatch(m)
            if not self._fill(deadline):
                tail = self.data[self.pos:][-1500:].decode("latin-1")
                raise TestFailure(
                    f"{self.name}: no /{pattern}/ within {timeout:.0f}s; "
                    f"output since last match:\n{tail}")

    def collect(self, seconds):
        """Read everything that arrives during the given time."""
        deadline = time.monotonic() + seconds
        while self._fill(deadline):
            pass
        out = self.data[self.pos:].decode("latin-1")
        self.pos = len(self.data)
        return out

    def send(self, text, delay=0.0):
        """Send bytes; with a delay, one byte at a time (like typing)."""
        raw = text.encode("latin-1") if isinstance(text, str) else text
        if delay <= 0:
            self.sock.sendall(raw)
            return
        for i in range(len(raw)):
            self.sock.sendall(raw[i:i + 1])
            time.sleep(delay)


class _StrMatch:
    """A regex match on bytes, with groups as str."""

    def __init__(self, m):
        self.m = m

    def group(self, *idx):
        g = self.m.group(*idx)
        if isinstance(g, tuple):
            return tuple(x.decode("latin-1") if x is not None else None
                         for x in g)
        return g.decode("latin-1") if g is not None else None

    def __getitem__(self, i):
        return self.group(i)


class Qemu:
    """One QEMU run.  Use as a context manager:

        with Qemu(kernel, icount=True) as q:
            q.uart[0].expect("ready")
    """

    def __init__(self, kernel, uarts=1, icount=False, sd=None,
                 semihosting=True, extra=()):
        self.dir = tempfile.mkdtemp(prefix="a8os-test-")
        self.args = [QEMU] + MACHINE + ["-display", "none", "-nodefaults"]
        self.args += ["-monitor",
                      f"unix:{self.dir}/monitor.sock,server=on,wait=off"]
        for n in range(4):
            if n < uarts:
                self.args += ["-chardev", f"socket,id=u{n},path="
                              f"{self.dir}/uart{n}.sock,server=on,wait=on",
                              "-serial", f"chardev:u{n}"]
            else:
                self.args += ["-serial", "null"]
        if icount:
            # One instruction = 1 ns of virtual time while the CPU runs.
            # (While it sleeps in WFI, virtual time follows the host clock;
            # measurements therefore poll instead of sleeping.)
            self.args += ["-icount", "shift=0"]
        if semihosting:
            self.args += ["-semihosting-config", "enable=on,target=native"]
        if sd:
            self.args += ["-drive", f"if=sd,format=raw,file={sd}"]
        self.args += list(extra) + ["-kernel", kernel]
        self.nuarts = uarts
        self.proc = None
        self.uart = []
        self.monitor_sock = None

    def __enter__(self):
        self.proc = subprocess.Popen(self.args, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT)
        for n in range(self.nuarts):
            self.uart.append(Uart(self._connect(f"uart{n}.sock"), f"uart{n}"))
        return self

    def _connect(self, name, timeout=10.0):
        path = os.path.join(self.dir, name)
        deadline = time.monotonic() + timeout
        while True:
            if self.proc.poll() is not None:
                out = self.proc.stdout.read().decode("latin-1")
                raise TestFailure(f"QEMU exited at start: {out}")
            try:
                s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                s.connect(path)
                return s
            except OSError:
                s.close()
                if time.monotonic() > deadline:
                    raise TestFailure(f"QEMU did not open {name}")
                time.sleep(0.02)

    @property
    def console(self):
        return self.uart[0]

    def monitor(self, command, timeout=5.0):
        """Run one QEMU monitor (HMP) command; returns its output."""
        if self.monitor_sock is None:
            self.monitor_sock = Uart(self._connect("monitor.sock"), "monitor")
            self.monitor_sock.expect(r"\(qemu\) ", timeout)
        self.monitor_sock.send(command + "\n")
        m = self.monitor_sock.expect(r"([\s\S]*?)\(qemu\) ", timeout)
        return m.group(1)

    def wait_exit(self, timeout=10.0):
        """Wait for QEMU to end by itself (semihosting exit); returns the
        exit status.  Raises TestFailure at the deadline.  The UARTs are
        read meanwhile: QEMU stalls when nobody reads what it writes."""
        deadline = time.monotonic() + timeout
        while self.proc.poll() is None:
            if time.monotonic() > deadline:
                raise TestFailure(f"QEMU still running after {timeout:.0f}s")
            socks = [u.sock for u in self.uart if not u.closed]
            ready, _, _ = select.select(socks, [], [], 0.05)
            for u in self.uart:
                if u.sock in ready:
                    u._fill(time.monotonic() + 0.01)
        return self.proc.returncode

    def __exit__(self, *exc):
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(5)
        for u in self.uart:
            u.sock.close()
        if self.monitor_sock:
            self.monitor_sock.sock.close()
        if self.proc and self.proc.stdout:
            self.proc.stdout.close()
        shutil.rmtree(self.dir, ignore_errors=True)
        return False
