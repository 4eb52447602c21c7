"""System tests of the devices apps use: GPIO with user interrupt handlers,
the UARTs, console input, LEDs, shared memory and mutexes."""

import os
import re
import shutil
import subprocess
import tempfile

from qemu import TestFailure
from shell import Shell, check, check_not, mem, ps, wait_done


def fnv1a(data):
    h = 2166136261
    for b in data:
        h = ((h ^ b) * 16777619) & 0xFFFFFFFF
    return h


def private_sd(ctx, tmp):
    """A copy of the SD image this test may eject and change."""
    sd = os.path.join(tmp, "sd.img")
    subprocess.run(["cp", "--sparse=always", os.path.join(ctx.build,
                                                          "sd.img"), sd],
                   check=True)
    return sd


def test_card_detect_user_handler(ctx):
    # Eject and insert the SD card from the QEMU monitor: the card-detect
    # GPIO line toggles, gpioirq's handler (a user interrupt handler) sees
    # every edge, and regcheck, which the interrupts keep interrupting,
    # finds its registers intact throughout.
    tmp = tempfile.mkdtemp(prefix="a8os-card-")
    try:
        sd = private_sd(ctx, tmp)
        with Shell(ctx, sd=sd) as sh:
            rc = int(check(sh.run("run regcheck &"), r"\[(\d+)\]")[1])
            out = sh.run("run gpioirq 6 &")
            gi = int(check(out, r"\[(\d+)\]")[1])
            sh.expect_since(out, r"gpioirq: waiting for card-detect edges "
                                 r"on pin 16")
            for n in range(1, 7):
                if n % 2:
                    sh.q.monitor("eject -f sd0")
                    sh.expect(r"SD card removed")
                    sh.expect(rf"gpioirq: edge {n}: card-detect pin is 1 "
                              r"\(no card\)")
                else:
                    sh.q.monitor(f"change sd0 {sd} raw")
                    sh.expect(r"SD card inserted")
                    sh.expect(rf"gpioirq: edge {n}: card-detect pin is 0 "
                              r"\(card present\)")
            out = wait_done(sh, (gi,))
            check(out, rf"\[{gi}\] done: exited 0")
            sh.expect(r"regcheck: \d+ rounds, registers intact", 60)
            procs = ps(sh)
            if rc not in procs:
                raise TestFailure(f"regcheck died: {procs}")
            check(sh.run("irqs"), r"^ +40 +\d+ +- gpio2 \(card\)$")
            sh.run(f"kill {rc}")
            check_not(sh.console.text(), r"CORRUPTED")
            # the card works again after all that
            check(sh.run("run hello"), r"Hello from a8os!")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def test_uart1_echo_by_user_handler(ctx):
    with Shell(ctx, uarts=2) as sh:
        out = sh.run("run uartecho &")
        check(out, r"\[\d+\] uartecho started")
        sh.expect_since(out, r"uartecho: echoing on UART1")
        u1 = sh.q.uart[1]
        u1.send("hello, uart1\r\n")
        u1.expect(r"hello, uart1\r\n")
        u1.send("x" * 300)
        u1.expect("x" * 300)
        out = sh.run("irqs")
        check(out, r"^ +45 +\d+ +\d+ uart1$", "(uart1 owned by uartecho)")
        u1.send("\x04")
        sh.expect(r"uartecho: done, 314 bytes echoed, 0 dropped")


def test_console_burst_kept_in_order(ctx):
    # 4 KiB at full speed while the app sleeps: all of it is read later,
    # in order (the hash says so).
    data = bytes((i * 7 + i // 64) % 94 + 33 for i in range(4096))
    with Shell(ctx) as sh:
        sh.console.send("run rxcheck 4096 1500\r")
        sh.expect(r"rxcheck: sleeping 1500 ms")
        sh.console.send(data)
        m = sh.expect(r"rxcheck: read 4096 bytes, fnv1a 0x([0-9a-f]{8})", 30)
        if int(m[1], 16) != fnv1a(data):
            raise TestFailure("the bytes read differ from the bytes sent")
        sh.expect(r"a8os> ")
        check_not(sh.console.text(), r"bytes of input were lost")


def test_console_overflow_reported(ctx):
    # More than the ring holds: what fits is kept in order, the rest is
    # counted and reported, never silently lost.
    data = bytes((i * 13) % 94 + 33 for i in range(10000))
    kept = 8191
    with Shell(ctx) as sh:
        sh.console.send(f"run rxcheck {kept} 1500\r")
        sh.expect(r"rxcheck: sleeping 1500 ms")
        sh.console.send(data)
        sh.expect(rf"console: {len(data) - kept} bytes of input were lost", 30)
        m = sh.expect(rf"rxcheck: read {kept} bytes, fnv1a 0x([0-9a-f]{{8}})",
                      30)
        if int(m[1], 16) != fnv1a(data[:kept]):
            raise TestFailure("the bytes kept are not the first ones, in order")


def test_misbehaving_handlers_are_stopped(ctx):
    with Shell(ctx) as sh:
        out = sh.run("run badirq kmem", timeout=30)
        check(out, r"\*\*\* irq handler of pid (\d+) \(badirq\), source 0, "
                   r"faulted:")
        check(out, r"\*\*\* Data abort in IRQ mode")
        check(out, r"domain fault, level 2 \(page\), domain 0, read access "
                   r"at address 0x70010000")
        check(out, r"badirq \(pid \d+\) killed: segmentation fault")
        check_not(out, r"still alive|Kernel halted|KERNEL PANIC")
        out = sh.run("run badirq loop", timeout=30)
        check(out, r"irq handler of pid \d+ \(badirq\), source 0, ran past "
                   r"its budget of 10 ms: stopped")
        check(out, r"badirq \(pid \d+\) killed: interrupt handler ran past "
                   r"its budget")
        out = sh.run("run badirq syscall", timeout=30)
        check(out, r"irq handler of pid \d+ \(badirq\), source 0, made a "
                   r"system call: stopped")
        check(out, r"killed: system call from an interrupt handler")
        # a jump into kernel code: a prefetch abort at a kernel address,
        # still the handler's
        out = sh.run("run badirq kjump", timeout=30)
        check(out, r"irq handler of pid \d+ \(badirq\), source 0, "
                   r"faulted:")
        check(out, r"\*\*\* Prefetch abort in IRQ mode")
        check(out, r"badirq \(pid \d+\) killed: segmentation fault")
        # no stack left: the kernel stops it on its own stack
        out = sh.run("run badirq badsp", timeout=30)
        check(out, r"ran past its budget of 10 ms: stopped")
        check(out, r"badirq \(pid \d+\) killed: interrupt handler ran past "
                   r"its budget")
        check_not(out, r"still alive|Kernel halted|KERNEL PANIC")
        # the system goes on, and the pin is free again
        check(sh.run("run hello"), r"Hello from a8os!")
        check(sh.run("gpio"), r"pin  0: out high +value \d$")


def test_slow_handler_holds_off_other_interrupts(ctx):
    # A handler that takes half its budget (virtual time: -icount) while
    # ticks come due: they must wait - the interrupt running the handler
    # lets only the watchdog in - and the handler runs to its end.
    with Shell(ctx, icount=True, boot_timeout=120) as sh:
        t0 = int(check(sh.run("irqs"), r"^ +36 +(\d+) +- tick")[1])
        out = sh.run("run badirq slow", timeout=60)
        check(out, r"badirq: the slow handler ran to its end")
        check_not(out, r"stopped|killed|still alive")
        t1 = int(check(sh.run("irqs"), r"^ +36 +(\d+) +- tick")[1])
        if t1 <= t0:
            raise TestFailure(f"the tick stopped: {t0} -> {t1}")


def test_mutexdemo_exact_and_lossy(ctx):
    with Shell(ctx) as sh:
        before = mem(sh)
        for _ in range(2):
            out = sh.run("run mutexdemo 4 2000", timeout=120)
            check(out, r"mutexdemo: 4 processes x 2000 increments: counter = "
                       r"8000 \(expected 8000\)$")
        out = sh.run("run mutexdemo 4 2000 nolock", timeout=120)
        m = check(out, r"counter = (\d+) \(expected 8000\), (\d+) updates "
                       r"lost")
        if int(m[1]) >= 8000:
            raise TestFailure("no update was lost without the mutex")
        # the shared region and the processes are all gone again
        if mem(sh) != before:
            raise TestFailure(f"memory not given back: {before} -> "
                              f"{mem(sh)}")


def test_mutex_owner_death_wakes_waiter(ctx):
    with Shell(ctx) as sh:
        out = sh.run("run mutexdemo holder &")
        h = int(check(out, r"\[(\d+)\]")[1])
        sh.expect_since(out, rf"mutexdemo: holder {h} has the mutex")
        out = sh.run("run mutexdemo waiter &")
        w = int(check(out, r"\[(\d+)\]")[1])
        sh.expect_since(out, rf"mutexdemo: waiter {w} waiting")
        if ps(sh)[w][1] != "B":
            raise TestFailure("the waiter is not blocked")
        out = sh.run(f"kill {h}")
        sh.expect_since(out, r"mutexdemo: waiter got EOWNERDEAD: the owner "
                             r"died, the mutex is ours")
        out = wait_done(sh, (w, h), out)
        check(out, rf"\[{w}\] done: exited 0")
        check(out, rf"\[{h}\] done: killed: killed")


def test_gpio_and_leds_from_the_shell(ctx):
    with Shell(ctx) as sh:
        out = sh.run("gpio")
        check(out, r"^pin 16: in  both +value 0 \(kernel\)$")
        check(out, r"^pin 23: ")
        sh.run("gpio 5 out 1")
        check(sh.run("gpio 5"), r"^pin 5: 1$")
        sh.run("gpio 5 out 0")
        check(sh.run("gpio 5"), r"^pin 5: 0$")
        check(sh.run("gpio 16 out 1"), r"gpio: 16: operation not permitted")
        check(sh.run("gpio 40"), r"gpio: 40: ")
        sh.run("led 2 on")
        check(sh.run("led"), r"leds: 1 of 8 on: 00100000")
        sh.run("led 2 off")
        out = sh.run("run blink 4 20")
        if out.count("blink: LED 0 on") != 2 or \
                out.count("blink: LED 0 off") != 2:
            raise TestFailure(f"blink:\n{out}")
        check(sh.run("led"), r"leds: 0 of 8 on: 00000000")


def test_user_irq_latency(ctx):
    # Traced instruction by instruction (tests/bench.py): from the IRQ
    # vector to the user handler's first instruction, at most 60 whether
    # the interrupt finds the handler's own process or another one; the
    # way back is measured too, and every run of a kind costs the same.
    import bench
    runs = bench.irq_latency(ctx)
    k = len(runs) // 2
    for kind, group in (("same process", runs[:k]),
                        ("other process", runs[k:])):
        if len(set(group)) != 1:
            raise TestFailure(f"{kind}: runs differ: {group}")
        entry, back = group[0]
        if not 20 <= entry <= 60:
            raise TestFailure(f"{kind}: interrupt to user handler {entry} "
                              "instructions, target <= 60")
        if not 20 <= back <= 120:
            raise TestFailure(f"{kind}: handler return to interrupted code "
                              f"{back} instructions")
    if runs[k][0] <= runs[0][0]:
        raise TestFailure(f"no address-space switch seen: {runs}")
