"""Host tests of the source tree and the kernel binary."""

import os
import re
import subprocess

from qemu import TestFailure

BOARD_ADDRESS = re.compile(
    r"0x1e00[01]000|0x1000[9a-c]000|0x4[48]e?[0-9a-f]{5}", re.I)


def test_kernel_sources_are_assembly_only(ctx):
    src = os.path.join(ctx.root, "src")
    for dirpath, _, files in os.walk(src):
        for f in files:
            if not f.endswith((".S", ".h")):
                raise TestFailure(f"{os.path.join(dirpath, f)}: the kernel "
                                  "is .S files (and their headers) only")


def test_kernel_elf_holds_no_compiled_c(ctx):
    # Every object the linker loaded was assembled from a .S file ...
    with open(os.path.join(ctx.build, "kernel.map")) as f:
        loads = [l.split()[1] for l in f if l.startswith("LOAD ")]
    objs = [o for o in loads if o != "linker"]
    if len(objs) < 10:
        raise TestFailure(f"too few inputs in kernel.map: {objs}")
    for o in objs:
        # obj/src/x.o comes from src/x.S; generated sources (the version
        # string, the symbol table) sit next to their objects as .S files
        rel = os.path.relpath(o, os.path.join(ctx.build, "obj"))
        tracked = os.path.join(ctx.root, rel[:-2] + ".S")
        generated = os.path.join(ctx.root, o[:-2] + ".S")
        if not (os.path.exists(tracked) or os.path.exists(generated)):
            raise TestFailure(f"{o}: no .S source for this kernel object")
    # ... and the debug information names only the assembler as producer.
    out = subprocess.run(["arm-none-eabi-readelf", "--debug-dump=info",
                          ctx.kernel], capture_output=True, text=True,
                         check=True).stdout
    producers = set(re.findall(r"DW_AT_producer\s*:(?:.*\):)?\s*(.*)", out))
    if not producers or any(not p.startswith("GNU AS") for p in producers):
        raise TestFailure(f"compilation units from: {producers}")


def test_board_addresses_stay_in_the_board_layer(ctx):
    src = os.path.join(ctx.root, "src")
    for dirpath, _, files in os.walk(src):
        if os.path.join("src", "board") in dirpath:
            continue
        for f in files:
            path = os.path.join(dirpath, f)
            with open(path) as fh:
                for n, line in enumerate(fh, 1):
                    if BOARD_ADDRESS.search(line):
                        raise TestFailure(f"{path}:{n}: a board address "
                                          f"outside src/board/: {line}")
