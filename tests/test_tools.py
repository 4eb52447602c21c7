"""Host tests of the image tools: tools/mkappimg.c and tools/mksdimg.c.

The tools are built first (make build/host/...); every test works in its own
temporary directory.  App images are parsed here with struct and zlib; SD
images are checked field by field, then by fsck.fat (dosfstools) and mtools.
"""

import os
import random
import shutil
import struct
import subprocess
import tempfile
import threading
import zlib

from qemu import TestFailure

SECTOR = 512
ALIGN = 512
MAGIC = 0x50413841
MAX_APPS = 64
HEADER = struct.Struct("<IHHII")        # magic version count size crc
ENTRY = struct.Struct("<16sIIII")       # name offset size crc flags
P1_LBA = 2048
MIB = 1 << 20
# fsck.fat lives in /sbin, which is not in a normal user's PATH.
FSCK_FAT = shutil.which("fsck.fat") or "/sbin/fsck.fat"

_build_lock = threading.Lock()
_built = []


def tools(ctx):
    """Build both tools once (tests run in parallel threads); return a dict
    of their paths."""
    with _build_lock:
        if not _built:
            r = subprocess.run(["make", "-s", "build/host/mkappimg",
                                "build/host/mksdimg"], cwd=ctx.root,
                               capture_output=True, text=True)
            if r.returncode != 0:
                raise TestFailure(f"building the tools failed:\n{r.stdout}"
                                  f"{r.stderr}")
            _built.append(True)
    host = os.path.join(ctx.root, "build", "host")
    return {t: os.path.join(host, t) for t in ("mkappimg", "mksdimg")}


def run(cmd, **kw):
    return subprocess.run([str(c) for c in cmd], capture_output=True,
                          text=True, **kw)


def expect_ok(r, what):
    if r.returncode != 0:
        raise TestFailure(f"{what}: exit {r.returncode}, stderr:\n{r.stderr}")


def expect_error(r, what, *words):
    """The command failed with status 1 and one stderr line naming words."""
    lines = r.stderr.strip().splitlines()
    if r.returncode != 1:
        raise TestFailure(f"{what}: expected exit 1, got {r.returncode}; "
                          f"stderr: {r.stderr!r}")
    if len(lines) != 1 or not all(w in lines[0] for w in words):
        raise TestFailure(f"{what}: expected one stderr line naming "
                          f"{words}, got {r.stderr!r}")


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)
    return path


def read(path):
    with open(path, "rb") as f:
        return f.read()


def align(n, a=ALIGN):
    return (n + a - 1) // a * a


def parse_appimg(data):
    """Check every field of an app image; return [(name, offset, size,
    crc)]."""
    magic, version, count, size, hcrc = HEADER.unpack_from(data, 0)
    if (magic, version) != (MAGIC, 1):
        raise TestFailure(f"app image: magic {magic:#x} version {version}")
    table = HEADER.size + count * ENTRY.size
    want = zlib.crc32(data[:12] + b"\0\0\0\0" + data[16:table])
    if hcrc != want:
        raise TestFailure(f"app image: header CRC {hcrc:#x}, want {want:#x}")
    apps = []
    pos = align(table)
    if data[table:pos].strip(b"\0"):
        raise TestFailure("app image: padding after the entries not zero")
    for i in range(count):
        name, off, n, crc, flags = ENTRY.unpack_from(data, 16 + i * 32)
        text = name.rstrip(b"\0")
        if b"\0" in text or not 1 <= len(text) <= 15:
            raise TestFailure(f"entry {i}: name {name!r} not NUL-padded")
        if off != pos or off % ALIGN:
            raise TestFailure(f"entry {i} ({text}): offset {off}, "
                              f"expected {pos}")
        if flags != 0:
            raise TestFailure(f"entry {i}: flags {flags:#x}")
        if zlib.crc32(data[off:off + n]) != crc:
            raise TestFailure(f"entry {i} ({text}): CRC {crc:#x} wrong")
        end = align(off + n)
        if data[off + n:end].strip(b"\0"):
            raise TestFailure(f"entry {i} ({text}): padding not zero")
        apps.append((text.decode(), off, n, crc))
        pos = end
    if size != pos or size % 512 or len(data) != size:
        raise TestFailure(f"app image: size field {size}, file {len(data)},"
                          f" end of the last app {pos}")
    return apps


def make_apps(tmp, files):
    """Write {relative path: bytes} under tmp; return the paths in order."""
    paths = []
    for rel, data in files.items():
        path = os.path.join(tmp, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        paths.append(write(path, data))
    return paths


def small_appimg(ctx, tmp):
    """A valid app image of two apps, for the SD card tests."""
    t = tools(ctx)
    rng = random.Random(7)
    paths = make_apps(tmp, {"src/init.elf": rng.randbytes(3000),
                            "src/sh.elf": rng.randbytes(777)})
    img = os.path.join(tmp, "apps.img")
    expect_ok(run([t["mkappimg"], "-o", img] + paths), "mkappimg")
    return img


def mbr_partitions(sector0):
    """The four MBR entries as (status, chs_first, type, chs_last, lba,
    count)."""
    return [struct.unpack_from("<B3sB3sII", sector0, 446 + 16 * i)
            for i in range(4)]


def extract(img, offset, length, out):
    """Copy length bytes at offset of img into out, sparsely."""
    chunk = MIB
    with open(img, "rb") as src, open(out, "wb") as dst:
        src.seek(offset)
        done = 0
        while done < length:
            data = src.read(min(chunk, length - done))
            if not data:
                raise TestFailure(f"{img}: shorter than {offset + length}")
            if data.count(0) != len(data):
                dst.seek(done)
                dst.write(data)
            done += len(data)
        dst.truncate(length)
    return out


def mtools_env():
    return dict(os.environ, MTOOLS_SKIP_CHECK="1")


def check_fat32(img, tmp, files, boot_size=64 * MIB, spc=None):
    """Check the FAT32 boot partition of img: the BPB fields, fsck.fat, and
    that mtools finds exactly `files` ({8.3 name: bytes}) with their
    contents."""
    part = extract(img, P1_LBA * SECTOR, boot_size,
                   os.path.join(tmp, "part1.img"))
    with open(part, "rb") as f:
        bs = f.read(8 * SECTOR)
    sectors = boot_size // SECTOR
    (bps, sec_per_clus, rsvd, nfats, root_ent, tot16, media, fatsz16,
     spt, heads, hidden, tot32) = struct.unpack_from("<HBHBHHBHHHII", bs, 11)
    fatsz, ext, ver, root_clus, fsinfo, backup = \
        struct.unpack_from("<IHHIHH", bs, 36)
    drv, bootsig, volid = bs[64], bs[66], bs[67:71]
    got = (bps, rsvd, nfats, root_ent, tot16, media, fatsz16, spt, heads,
           hidden, tot32, ext, ver, root_clus, fsinfo, backup, drv, bootsig,
           bs[71:82], bs[82:90], bs[510:512])
    want = (512, 32, 2, 0, 0, 0xF8, 0, 63, 255, 2048, sectors, 0, 0, 2, 1,
            6, 0x80, 0x29, b"A8OS BOOT  ", b"FAT32   ", b"\x55\xaa")
    if got != want:
        raise TestFailure(f"boot sector fields {got}, expected {want}")
    if spc is not None and sec_per_clus != spc:
        raise TestFailure(f"{sec_per_clus} sectors per cluster, "
                          f"expected {spc}")
    # FATSz by the specification's formula.
    tmp2 = (256 * sec_per_clus + 2) // 2
    if fatsz != (sectors - 32 + tmp2 - 1) // tmp2:
        raise TestFailure(f"BPB_FATSz32 {fatsz} is not the spec's value")
    clusters = (sectors - 32 - 2 * fatsz) // sec_per_clus
    if clusters < 65525:
        raise TestFailure(f"only {clusters} clusters: not FAT32")
    if bs[6 * SECTOR:7 * SECTOR] != bs[:SECTOR]:
        raise TestFailure("backup boot sector differs from sector 0")
    if bs[7 * SECTOR:8 * SECTOR] != bs[SECTOR:2 * SECTOR]:
        raise TestFailure("backup FSInfo differs from sector 1")
    lead, = struct.unpack_from("<I", bs, SECTOR)
    struc, free, nxt = struct.unpack_from("<III", bs, SECTOR + 484)
    trail, = struct.unpack_from("<I", bs, SECTOR + 508)
    if (lead, struc, trail) != (0x41615252, 0x61417272, 0xAA550000):
        raise TestFailure("FSInfo signatures wrong")
    with open(part, "rb") as f:
        f.seek(32 * SECTOR)
        fat = f.read(fatsz * SECTOR)
        f.seek((32 + fatsz) * SECTOR)
        fat2 = f.read(fatsz * SECTOR)
    if fat != fat2:
        raise TestFailure("the two FATs differ")
    entries = struct.unpack(f"<{clusters + 2}I", fat[:4 * (clusters + 2)])
    if entries[0] != 0x0FFFFFF8 or entries[1] != 0x0FFFFFFF:
        raise TestFailure(f"FAT[0], FAT[1] = {entries[0]:#x}, "
                          f"{entries[1]:#x}")
    used = sum(1 for e in entries[2:] if e)
    if free != clusters - used or nxt != 2 + used:
        raise TestFailure(f"FSInfo free {free} next {nxt}; {used} of "
                          f"{clusters} clusters used")
    if fat[4 * (clusters + 2):].strip(b"\0"):
        raise TestFailure("FAT entries beyond the last cluster not zero")

    # Clean: exit 0, and nothing but the version and the summary line.
    r = run([FSCK_FAT, "-n", part])
    if (r.returncode != 0 or r.stderr.strip()
            or len(r.stdout.strip().splitlines()) != 2
            or f"/{clusters} clusters" not in r.stdout):
        raise TestFailure(f"fsck.fat -n: exit {r.returncode}\n{r.stdout}"
                          f"{r.stderr}")

    env = mtools_env()
    where = f"{img}@@{P1_LBA * SECTOR}"
    r = run(["mdir", "-i", where, "-b", "::"], env=env)
    expect_ok(r, "mdir")
    names = sorted(line.strip().rsplit("/", 1)[-1]
                   for line in r.stdout.splitlines() if line.strip())
    if names != sorted(files):
        raise TestFailure(f"mdir lists {names}, expected {sorted(files)}")
    r = run(["mdir", "-i", where, "::"], env=env)
    if "A8OS BOOT" not in r.stdout or "2024-01-01" not in r.stdout:
        raise TestFailure(f"mdir: no volume label or fixed date:\n{r.stdout}")
    outdir = os.path.join(tmp, "mcopy")
    os.makedirs(outdir, exist_ok=True)
    for name, data in files.items():
        dst = os.path.join(outdir, name)
        expect_ok(run(["mcopy", "-n", "-i", where, f"::/{name}", dst],
                      env=env), f"mcopy {name}")
        if read(dst) != data:
            raise TestFailure(f"{name}: contents differ after mcopy")
    return sec_per_clus


# ---- mkappimg ---------------------------------------------------------------

def test_mkappimg_round_trip(ctx):
    t = tools(ctx)
    rng = random.Random(1)
    files = {"a/hello.elf": rng.randbytes(1000), "b/sh": rng.randbytes(512),
             "c/empty.elf": b"", "d/Big_app-2.elf": rng.randbytes(70001),
             "e/x": b"\x7fELF", "f/n123456789abcde.elf": rng.randbytes(513)}
    names = ["hello", "sh", "empty", "Big_app-2", "x", "n123456789abcde"]
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_apps(tmp, files)
        out = os.path.join(tmp, "apps.img")
        expect_ok(run([t["mkappimg"], "-o", out] + paths), "mkappimg")
        data = read(out)
        apps = parse_appimg(data)
        if [a[0] for a in apps] != names:
            raise TestFailure(f"names {[a[0] for a in apps]}, want {names}")
        for (name, off, n, crc), content in zip(apps, files.values()):
            if data[off:off + n] != content or crc != zlib.crc32(content):
                raise TestFailure(f"{name}: data not copied verbatim")
        # Reproducible: the same inputs give the same bytes.
        out2 = os.path.join(tmp, "again.img")
        expect_ok(run([t["mkappimg"], "-o", out2] + paths), "mkappimg")
        if read(out2) != data:
            raise TestFailure("two runs give different images")
        # No app at all is an empty, valid image.
        expect_ok(run([t["mkappimg"], "-o", out2]), "mkappimg (no file)")
        if parse_appimg(read(out2)) != [] or len(read(out2)) != 512:
            raise TestFailure("an empty app image is not 512 bytes")


def test_mkappimg_list_verifies(ctx):
    t = tools(ctx)
    rng = random.Random(2)
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_apps(tmp, {"one.elf": rng.randbytes(600),
                                "two.elf": rng.randbytes(2000),
                                "three.elf": rng.randbytes(10)})
        img = os.path.join(tmp, "apps.img")
        expect_ok(run([t["mkappimg"], "-o", img] + paths), "mkappimg")
        good = read(img)
        r = run([t["mkappimg"], "--list", img])
        expect_ok(r, "mkappimg --list")
        want = [f"{n} {o} {s} {c:08x}" for n, o, s, c in parse_appimg(good)]
        if r.stdout.splitlines() != want:
            raise TestFailure(f"--list printed {r.stdout!r}, want {want}")

        # One byte of two.elf flipped: its CRC fails, and only its.
        _, off, _, _ = parse_appimg(good)[1]
        bad = bytearray(good)
        bad[off + 1234] ^= 0x01
        write(img, bad)
        expect_error(run([t["mkappimg"], "--list", img]), "flipped byte",
                     "two", "CRC")
        # A flipped byte in the entry table: the header CRC fails.
        bad = bytearray(good)
        bad[16 + 32 + 20] ^= 0x80
        write(img, bad)
        r = run([t["mkappimg"], "--list", img])
        if r.returncode != 1 or "header CRC" not in r.stderr:
            raise TestFailure(f"entry table damaged: exit {r.returncode}, "
                              f"{r.stderr!r}")
        # Bad magic.
        write(img, b"XXXX" + good[4:])
        expect_error(run([t["mkappimg"], "--list", img]), "bad magic",
                     img, "magic")


def test_mkappimg_refuses_bad_names(ctx):
    t = tools(ctx)
    cases = [
        (["abcdefghijklmnop.elf"], "abcdefghijklmnop.elf", "16 characters"),
        (["bad.name.elf"], "bad.name.elf", "bad character"),
        (["sp ace"], "sp ace", "space"),
        ([".elf"], ".elf", "empty name"),
        (["d1/dup.elf", "d2/dup"], "d2/dup", "duplicate"),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "apps.img")
        for rels, culprit, what in cases:
            paths = make_apps(tmp, {r: b"\x7fELF" for r in rels})
            r = run([t["mkappimg"], "-o", out] + paths)
            expect_error(r, what, os.path.join(tmp, culprit))
            if os.path.exists(out):
                raise TestFailure(f"{what}: output left behind")
        many = make_apps(tmp, {f"m/a{i}.elf": b"x" for i in range(65)})
        expect_error(run([t["mkappimg"], "-o", out] + many), "65 apps",
                     out, "64")
        expect_error(run([t["mkappimg"], "-o", out,
                          os.path.join(tmp, "missing.elf")]),
                     "missing file", "missing.elf")


# ---- mksdimg ----------------------------------------------------------------

def test_mksdimg_layout(ctx):
    t = tools(ctx)
    with tempfile.TemporaryDirectory() as tmp:
        apps = small_appimg(ctx, tmp)
        img = os.path.join(tmp, "sd.img")
        expect_ok(run([t["mksdimg"], "-o", img, "--apps", apps]), "mksdimg")
        if os.path.getsize(img) != 128 * MIB:
            raise TestFailure(f"size {os.path.getsize(img)}, want 128M")
        data = read(img)
        mbr = data[:SECTOR]
        if mbr[510:] != b"\x55\xaa":
            raise TestFailure("no MBR boot signature")
        if struct.unpack_from("<I", mbr, 440)[0] == 0:
            raise TestFailure("MBR disk signature is 0")
        p = mbr_partitions(mbr)
        p2_lba = align(P1_LBA + 64 * MIB // SECTOR, 2048)
        want = [(0x80, 0x0C, P1_LBA, 64 * MIB // SECTOR),
                (0x00, 0xDA, p2_lba, 128 * MIB // SECTOR - p2_lba)]
        got = [(e[0], e[2], e[4], e[5]) for e in p[:2]]
        if got != want or p2_lba != 133120:
            raise TestFailure(f"partitions {got}, expected {want}")
        if mbr[446 + 32:510].strip(b"\0"):
            raise TestFailure("partition entries 3 and 4 not empty")
        # CHS for 255 heads x 63 sectors: LBA 2048 is C0 H32 S33.
        if p[0][1] != bytes([32, 33, 0]):
            raise TestFailure(f"partition 1 CHS start {p[0][1].hex()}")
        # The app image at partition 2's first sector, zeros after it.
        a = read(apps)
        start = p2_lba * SECTOR
        if data[start:start + len(a)] != a:
            raise TestFailure("app image not at partition 2's first sector")
        if data[start + len(a):].strip(b"\0"):
            raise TestFailure("data after the app image in partition 2")
        part2 = write(os.path.join(tmp, "p2.img"), data[start:start + MIB])
        expect_ok(run([t["mkappimg"], "--list", part2]),
                  "mkappimg --list on partition 2")
        # Reproducible.
        img2 = os.path.join(tmp, "sd2.img")
        expect_ok(run([t["mksdimg"], "-o", img2, "--apps", apps]), "mksdimg")
        if read(img2) != data:
            raise TestFailure("two runs give different SD images")


def test_mksdimg_refuses_bad_layouts(ctx):
    t = tools(ctx)
    with tempfile.TemporaryDirectory() as tmp:
        apps = small_appimg(ctx, tmp)
        mlo = write(os.path.join(tmp, "MLO"), b"mlo")
        huge = os.path.join(tmp, "huge.img")
        with open(huge, "wb") as f:
            f.truncate(64 * MIB)
        out = os.path.join(tmp, "sd.img")
        cases = [
            (["--size", "100M"], "power of two", "100M: not a power of two"),
            (["--size", "64M"], "too small", "no room for partition 2"),
            (["--boot-size", "32M"], "FAT32", "boot partition below FAT32"),
            (["--size", "12X"], "12X", "bad size suffix"),
            (["--boot-file", mlo + ":toolongname.txt"], "toolongname.txt",
             "name longer than 8.3"),
            (["--boot-file", mlo + ":a.b.c"], "a.b.c", "two dots"),
            (["--boot-file", mlo + ":sp ace"], "sp ace", "space in the name"),
            (["--boot-file", mlo, "--boot-file", mlo + ":mlo"], "MLO",
             "duplicate 8.3 name"),
            (["--boot-file", os.path.join(tmp, "nofile")], "nofile",
             "missing boot file"),
        ]
        for args, word, what in cases:
            r = run([t["mksdimg"], "-o", out, "--apps", apps] + args)
            expect_error(r, what, word)
            if os.path.exists(out):
                raise TestFailure(f"{what}: output left behind")
        r = run([t["mksdimg"], "-o", out, "--apps", huge])
        expect_error(r, "app image larger than partition 2", "huge.img")


def test_mksdimg_fat32_boot_files(ctx):
    t = tools(ctx)
    rng = random.Random(3)
    with tempfile.TemporaryDirectory() as tmp:
        apps = small_appimg(ctx, tmp)
        src = {"MLO": rng.randbytes(100000),
               "u-boot.img": rng.randbytes(3 * 512),
               "uEnv.txt": b"bootcmd=echo a8os\n",
               "k.bin": rng.randbytes(5000),
               "empty": b""}
        paths = {n: write(os.path.join(tmp, n), d) for n, d in src.items()}
        img = os.path.join(tmp, "sd.img")
        args = [t["mksdimg"], "-o", img, "--apps", apps]
        for n in ("MLO", "u-boot.img", "uEnv.txt", "empty"):
            args += ["--boot-file", paths[n]]
        args += ["--boot-file", paths["k.bin"] + ":kernel.bin"]
        expect_ok(run(args), "mksdimg")
        want = {"MLO": src["MLO"], "U-BOOT.IMG": src["u-boot.img"],
                "UENV.TXT": src["uEnv.txt"], "EMPTY": b"",
                "KERNEL.BIN": src["k.bin"]}
        check_fat32(img, tmp, want, spc=1)
        r = run(["mtype", "-i", f"{img}@@{P1_LBA * SECTOR}", "::UENV.TXT"],
                env=mtools_env())
        if r.stdout != src["uEnv.txt"].decode():
            raise TestFailure(f"mtype UENV.TXT printed {r.stdout!r}")


def test_mksdimg_many_files_and_big_clusters(ctx):
    t = tools(ctx)
    with tempfile.TemporaryDirectory() as tmp:
        apps = small_appimg(ctx, tmp)
        # 40 files: the root directory spans several 512-byte clusters.
        src = {f"F{i}.TXT": bytes([i]) * (i * 100) for i in range(40)}
        args = [t["mksdimg"], "-o", os.path.join(tmp, "sd.img"),
                "--apps", apps]
        for n, d in src.items():
            args += ["--boot-file", write(os.path.join(tmp, n.lower()), d)]
        expect_ok(run(args), "mksdimg (40 files)")
        check_fat32(os.path.join(tmp, "sd.img"), tmp, src, spc=1)
        # A 300M boot partition: 4K clusters (8 sectors), as the spec says.
        img = os.path.join(tmp, "big.img")
        mlo = write(os.path.join(tmp, "MLO"), random.Random(4).randbytes(9999))
        expect_ok(run([t["mksdimg"], "-o", img, "--apps", apps, "--size",
                       "1G", "--boot-size", "300M", "--boot-file", mlo]),
                  "mksdimg (300M boot partition)")
        check_fat32(img, tmp, {"MLO": read(mlo)}, boot_size=300 * MIB, spc=8)


def test_mksdimg_4g_is_sparse(ctx):
    t = tools(ctx)
    with tempfile.TemporaryDirectory() as tmp:
        apps = small_appimg(ctx, tmp)
        mlo = write(os.path.join(tmp, "MLO"), b"first stage\n" * 1000)
        img = os.path.join(tmp, "sd.img")
        expect_ok(run([t["mksdimg"], "-o", img, "--apps", apps, "--size",
                       "4G", "--boot-file", mlo]), "mksdimg --size 4G")
        st = os.stat(img)
        if st.st_size != 4 << 30:
            raise TestFailure(f"size {st.st_size}, want 4 GiB")
        if st.st_blocks * 512 > 16 * MIB:
            raise TestFailure(f"{st.st_blocks * 512} bytes allocated: "
                              "not written sparsely")
        with open(img, "rb") as f:
            mbr = f.read(SECTOR)
            p = mbr_partitions(mbr)
            f.seek(p[1][4] * SECTOR)
            a = read(apps)
            if f.read(len(a)) != a:
                raise TestFailure("app image not at partition 2")
        if (p[1][2], p[1][4], p[1][5]) != (0xDA, 133120,
                                          (4 << 30) // SECTOR - 133120):
            raise TestFailure(f"partition 2 entry {p[1]}")
        check_fat32(img, tmp, {"MLO": read(mlo)}, spc=1)
