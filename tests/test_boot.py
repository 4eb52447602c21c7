"""System tests of the boot path: boot log, faults, tick, formatting.

The fault tests use the test kernel (make TEST=1): its kernel test monitor
(src/ktest.S) provokes each fault in kernel mode on command.
"""

import re

from qemu import Qemu, TestFailure

HEX = r"0x[0-9a-f]{8}"


def check(text, pattern, what=None):
    """Fail unless the regular expression matches somewhere in text."""
    m = re.search(pattern, text, re.M)
    if not m:
        raise TestFailure(f"expected /{pattern}/ {what or ''} in:\n{text}")
    return m


def monitor(q):
    """Wait for the kernel test monitor's prompt."""
    q.console.expect(r"ktest> ", 15)


def fault_report(ctx, command):
    """Run a ktest command that must end in a kernel fault report; return
    the report after checking that the kernel halted with HALT_PANIC."""
    with Qemu(ctx.test_kernel) as q:
        monitor(q)
        q.console.send(command + "\r")
        m = q.console.expect(r"(\*\*\* [\s\S]*?)\*\*\* Kernel halted\.", 15)
        status = q.wait_exit(15)
        if status != 2:
            raise TestFailure(f"exit status {status}, expected 2 (panic)")
        return m.group(1).replace("\r", "")


def check_registers(report):
    """Every register, the CPSR decoded and a stack dump are in a report."""
    for n in range(12):
        check(report, rf"r{n} +{HEX}")
    check(report, rf"r12 {HEX}  sp  {HEX}  lr  {HEX}  pc  {HEX}")
    check(report, r"cpsr 0x[0-9a-f]{8}: SVC mode, IRQs (enabled|masked), "
                  r"FIQs (enabled|masked), ARM state, flags [nN][zZ][cC][vV]")
    check(report, rf"stack at {HEX}:\n      {HEX}: [0-9a-f]{{8}}")
    check(report, r"<kmain\+0x[0-9a-f]+>", "(call trace reaches kmain)")


def test_boot_log_and_banner(ctx):
    with Qemu(ctx.kernel, semihosting=False) as q:
        c = q.console
        c.expect(r"a8os: booting on realview-pb-a8, 128 MiB of RAM at "
                 r"0x70000000")
        c.expect(r"CPU: Cortex-A8 r\d+p\d+ \(MIDR 0x410fc08\d\)")
        m = c.expect(r"Init page allocator: (\d+) pages \((\d+) KiB\) free")
        pages, kib = int(m[1]), int(m[2])
        if not (30000 < pages < 32768 and kib == 4 * pages):
            raise TestFailure(f"odd page count {pages} / {kib} KiB")
        c.expect(rf"Init MMU: kernel 0x70010000-{HEX}, L1 table at {HEX}, "
                 r"caches on")
        c.expect(r"Init exception vectors at 0xffff0000")
        c.expect(r"Init interrupt controller")
        c.expect(r"Init timer: 1000 Hz tick")
        c.expect(rf"a8os {re.escape(ctx.version)}-\S+ on realview-pb-a8: "
                 r"ready")
        # The tick is alive: the idle loop's uptime line keeps counting.
        c.expect(r"uptime: 1 s \(1000 ticks\)", 20)
        c.expect(r"uptime: 2 s \(2000 ticks\)", 20)


def test_fault_unmapped_read(ctx):
    r = fault_report(ctx, "unmapped")
    check(r, r"\*\*\* Data abort in SVC mode")
    check(r, r"translation fault \(no mapping\), level 1 \(section\), "
             r"read access at address 0x00000000")
    check(r, r"DFSR 0x00000005  DFAR 0x00000000")
    check(r, r"translation of 0x00000000: L1\[0x000\] = 00000000 "
             r"\(no mapping\)")
    check(r, r"pc 0x[0-9a-f]{8} <kt_unmapped\+0x4>: instruction e5900000")
    check_registers(r)


def test_fault_write_to_kernel_code(ctx):
    r = fault_report(ctx, "rokernel")
    check(r, r"\*\*\* Data abort in SVC mode")
    check(r, r"permission fault, level 2 \(page\), write access at address "
             r"0x70010000")
    check(r, r"DFSR 0x0000080f  DFAR 0x70010000")
    check(r, r"L2\[0x10\]  = 7001025e \(page at 0x70010000, "
             r"kernel read-only\)")
    check(r, r"<kt_rokernel\+0x8>: instruction e5801000")
    check(r, r"r0  0x70010000  r1  0xe12fff1e")
    check_registers(r)


def test_fault_execute_never(ctx):
    r = fault_report(ctx, "xn")
    check(r, r"\*\*\* Prefetch abort in SVC mode")
    m = check(r, rf"permission fault, level 2 \(page\), instruction fetch "
                 rf"at address ({HEX})")
    addr = m.group(1)
    check(r, rf"IFSR 0x0000000f  IFAR {addr}")
    check(r, r"kernel read/write, execute-never\)")
    check(r, rf"pc {addr}: instruction e12fff1e")
    check(r, r"lr 0x[0-9a-f]{8} <kt_xn\+0xc>")
    check_registers(r)


def test_fault_undefined_instruction(ctx):
    r = fault_report(ctx, "undef")
    check(r, r"\*\*\* Undefined instruction in SVC mode")
    # udiv r0, r1, r2: the Cortex-A8 has no divide instruction
    check(r, r"pc 0x[0-9a-f]{8} <kt_undef\+0x8>: instruction e730f211")
    check(r, r"r1  0x00000064  r2  0x00000007")
    if "DFSR" in r or "IFSR" in r:
        raise TestFailure("an undefined instruction has no fault status")
    check_registers(r)


def test_fault_domain(ctx):
    # Closing domain 0 makes the next instruction fetch fault; the abort
    # entry, in domain 2, must still run and reopen the kernel's domain.
    r = fault_report(ctx, "domain")
    check(r, r"\*\*\* Prefetch abort in SVC mode")
    check(r, r"domain fault, level 2 \(page\), domain 0, instruction fetch")
    check(r, r"IFSR 0x0000000b")
    check(r, r"<kt_domain\+0x8>")
    check_registers(r)


def test_fault_alignment(ctx):
    r = fault_report(ctx, "align")
    check(r, r"\*\*\* Data abort in SVC mode")
    check(r, rf"alignment fault, read access at address 0x[0-9a-f]{{7}}[26ae]")
    check(r, r"DFSR 0x00000001")
    check(r, r"<kt_align\+0x8>: instruction e8900006")


def test_panic_report(ctx):
    r = fault_report(ctx, "panic")
    check(r, r"\*\*\* KERNEL PANIC: ktest: deliberate panic, value 42")
    check(r, r"lr 0x[0-9a-f]{8} <ktest_monitor\+0x[0-9a-f]+>")
    check_registers(r.replace("IRQs masked", "IRQs masked"))


def test_tick_rate(ctx):
    # Under -icount shift=0 one instruction is 1 ns, and the 24 MHz board
    # counter follows the same virtual clock: the tick must be exact, to
    # the one counter cycle (about 42 instructions) by which the two reads
    # may differ - each is truncated to a whole cycle, and how far into
    # its cycle a read lands depends on what the CPU was doing when the
    # tick came.
    with Qemu(ctx.test_kernel, icount=True) as q:
        monitor(q)
        q.console.send("ticks\r")
        m = q.console.expect(r"ktest ticks: 250 ticks took (\d+) counter "
                             r"cycles", 30)
        if abs(int(m[1]) - 6000000) > 1:
            raise TestFailure(f"250 ticks took {m[1]} cycles of the 24 MHz "
                              "counter, expected 6000000 +- 1 (250 ms)")
        m = q.console.expect(r"ktest ticks: 6000000 counter cycles held "
                             r"(\d+) ticks", 30)
        if int(m[1]) != 250:
            raise TestFailure(f"250 ms held {m[1]} ticks, expected 250")


def test_printk_formatting(ctx):
    u = [0, 9, 10, 2**31 - 1, 2**31, 2**32 - 1]
    d = [0, 9, 10, 2**31 - 1, -2**31, -1, -10, -9]
    expected = [
        "fmt u: " + " ".join("%u" % v for v in u),
        "fmt d: " + " ".join("%d" % v for v in d),
        "fmt x: " + " ".join("%x" % v for v in u),
        "fmt X: %X %X %08X 0x%08x" % (2**32 - 1, 0xABCDEF, 42, 0xDEADBEEF),
        "fmt w: [%5d] [%05d] [%-5d|] [%05d] [%3u] [%-4x|] [%8s] [%-6s|] "
        "[%c%c] [(null)] [%%] [%u]" % (42, 42, 42, -42, 12345, 0xAB, "abc",
                                        "abc", "o", "k", 200),
    ]
    with Qemu(ctx.test_kernel) as q:
        monitor(q)
        q.console.send("fmt\r")
        for line in expected:
            q.console.expect(re.escape(line) + r"\r?\n")


def test_software_divide(ctx):
    cases = [(100, 7), (7, 100), (0, 5), (2**32 - 1, 1),
             (2**32 - 1, 2**32 - 1), (2**32 - 1, 10), (2**31, 3),
             (1000000007, 65536), (123456789, 0)]
    with Qemu(ctx.test_kernel) as q:
        monitor(q)
        q.console.send("div\r")
        for n, dv in cases:
            q_, r_ = (n // dv, n % dv) if dv else (2**32 - 1, n)
            q.console.expect(re.escape(f"div {n} / {dv} = {q_} rem {r_}"))


def test_spurious_interrupt_counted(ctx):
    with Qemu(ctx.test_kernel) as q:
        monitor(q)
        q.console.send("spurious\r")
        q.console.expect(r"ktest spurious: count 0 -> 1")
        q.console.send("spurious\r")
        q.console.expect(r"ktest spurious: count 1 -> 2")
        # and the system still runs: the monitor answers, time goes on
        q.console.send("ticks\r")
        q.console.expect(r"ktest ticks: 250 ticks", 30)


def test_monitor_exit_and_unknown_command(ctx):
    with Qemu(ctx.test_kernel) as q:
        monitor(q)
        q.console.send("frobnicate\r")
        q.console.expect(r"ktest: unknown command 'frobnicate'")
        q.console.send("exit\r")
        status = q.wait_exit(15)
        if status != 0:
            raise TestFailure(f"exit status {status}, expected 0")
