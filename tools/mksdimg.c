/*
 * mksdimg - build a bootable a8os SD card image: an MBR, a FAT32 boot
 * partition and a partition holding the app image.
 *
 *   mksdimg -o OUT --apps APPIMG [--size SIZE] [--boot-size SIZE]
 *           [--boot-file SRC[:NAME]]...
 *
 * SIZE is a number of bytes with an optional K, M or G suffix (powers of
 * 1024).  --size is the whole image (default 128M; a power of two, as QEMU's
 * SD card model requires), --boot-size the FAT32 partition (default 64M).
 * Each --boot-file copies SRC into the root directory of the FAT32 partition
 * under the 8.3 name NAME (default: SRC's basename), in upper case.
 *
 * Layout, in 512-byte sectors:
 *   sector 0     MBR, disk signature 0x736f3861 ("a8os")
 *   partition 1  LBA 2048, --boot-size bytes, bootable, type 0x0C (FAT32 LBA)
 *   partition 2  type 0xDA, from the next multiple of 2048 sectors after
 *                partition 1 to the end of the image; the app image file is
 *                copied verbatim (not checked) at its first sector
 * CHS fields are computed for the usual 255 heads x 63 sectors geometry;
 * addresses beyond cylinder 1023 get the customary 0xFE,0xFF,0xFF.
 *
 * The FAT32 file system follows Microsoft's FAT specification (fatgen103):
 * 32 reserved sectors, FSInfo at sector 1, backup boot sector at 6 (and
 * backup FSInfo at 7), 2 FATs sized by the specification's formula, the
 * root directory at cluster 2, one contiguous cluster chain per file.  All
 * timestamps and the volume ID are fixed so that builds are reproducible.
 *
 * The output is written sparsely: it is truncated to its full size and only
 * the sectors holding data are written.  Exit status: 0, or 1 on any error
 * (one line on stderr).
 */
#define _POSIX_C_SOURCE 200809L
#define _FILE_OFFSET_BITS 64

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "a8os/appimg.h"

#define PROG            "mksdimg"
#define SECTOR          512u
#define P1_START        2048u           /* first LBA of partition 1        */
#define P_ALIGN         2048u           /* partition alignment, in sectors */
#define DISK_SIGNATURE  0x736f3861u     /* "a8os" in memory order          */

/* FAT32 parameters. */
#define FAT_RESERVED    32u
#define FAT_COUNT       2u
#define FAT_FSINFO      1u
#define FAT_BACKUP      6u
#define FAT_MEDIA       0xF8u
#define FAT_EOC         0x0FFFFFFFu     /* end of cluster chain            */
#define FAT_MIN_CLUSTERS 65525u         /* fewer makes it FAT16            */
#define FAT_VOLUME_ID   0xA805B007u
#define FAT_LABEL       "A8OS BOOT  "
/* The fixed timestamp of every directory entry: 2024-01-01 00:00:00. */
#define FAT_DATE        ((2024 - 1980) << 9 | 1 << 5 | 1)
#define FAT_TIME        0
#define ATTR_VOLUME_ID  0x08
#define ATTR_ARCHIVE    0x20
#define DIRENT_SIZE     32u

struct bootfile {
    const char *src;                /* the file on the host                */
    const char *name;               /* as given, for messages              */
    unsigned char name83[11];       /* directory entry name                */
    uint64_t size;
    uint32_t first;                 /* first cluster (0 if empty)          */
    uint32_t clusters;
};

struct fat {
    uint32_t sectors;               /* of the whole partition              */
    uint32_t spc;                   /* sectors per cluster                 */
    uint32_t fatsz;                 /* sectors per FAT                     */
    uint32_t data;                  /* first sector of cluster 2           */
    uint32_t clusters;              /* count of data clusters              */
    uint32_t root_clusters;         /* of the root directory               */
    uint32_t used;                  /* clusters allocated, from 2 on       */
};

static const char *out_path;        /* the output, for messages            */
static int out_fd = -1;            /* open: removed if anything fails     */

/* Print "mksdimg: " and a formatted message as one line on stderr, remove
 * a partly written output, and exit 1. */
static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, PROG ": ");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    if (out_fd >= 0) {
        close(out_fd);
        unlink(out_path);
    }
    exit(1);
}

/* Print the usage on stderr and exit 1. */
static void usage(void)
{
    fprintf(stderr, "usage: " PROG " -o OUT --apps APPIMG [--size SIZE] "
            "[--boot-size SIZE] [--boot-file SRC[:NAME]]...\n");
    exit(1);
}

/* Store little-endian values into a byte buffer. */
static void put16(unsigned char *p, uint16_t v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
}
static void put32(unsigned char *p, uint32_t v)
{
    put16(p, (uint16_t)v);
    put16(p + 2, (uint16_t)(v >> 16));
}

/* Parse "N[K|M|G]" into bytes; exits with a message naming opt if bad. */
static uint64_t parse_size(const char *opt, const char *s)
{
    uint64_t v = 0;
    const char *p = s;
    if (*p < '0' || *p > '9')
        die("%s '%s': expected a number with an optional K, M or G suffix",
            opt, s);
    for (; *p >= '0' && *p <= '9'; p++) {
        if (v > (UINT64_MAX - 9) / 10)
            die("%s '%s': too large", opt, s);
        v = v * 10 + (uint64_t)(*p - '0');
    }
    unsigned shift = 0;
    switch (*p) {
    case '\0': break;
    case 'K': case 'k': shift = 10; p++; break;
    case 'M': case 'm': shift = 20; p++; break;
    case 'G': case 'g': shift = 30; p++; break;
    default: p = "?"; break;
    }
    if (*p != '\0')
        die("%s '%s': expected a number with an optional K, M or G suffix",
            opt, s);
    if (v > (UINT64_MAX >> shift))
        die("%s '%s': too large", opt, s);
    return v << shift;
}

/* 1 if c may appear in a short (8.3) name, after conversion to upper case. */
static int short_char_ok(int c)
{
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (c != '\0' && strchr("$%'-_@~`!(){}^#&", c) != NULL);
}

/* Convert name to the 11-byte, space-padded, upper-case directory entry
 * form; returns 0, or -1 if it is not a valid 8.3 name. */
static int to_short_name(const char *name, unsigned char out[11])
{
    const char *dot = strchr(name, '.');
    size_t base = dot ? (size_t)(dot - name) : strlen(name);
    const char *ext = dot ? dot + 1 : "";
    size_t elen = strlen(ext);
    if (base < 1 || base > 8 || elen > 3 || (dot && elen == 0) ||
        strchr(ext, '.'))
        return -1;
    memset(out, ' ', 11);
    for (size_t i = 0; i < base + elen; i++) {
        int c = (unsigned char)(i < base ? name[i] : ext[i - base]);
        if (c >= 'a' && c <= 'z')
            c -= 'a' - 'A';
        if (!short_char_ok(c))
            return -1;
        out[i < base ? i : 8 + i - base] = (unsigned char)c;
    }
    return 0;
}

/* Fill in a boot file from "SRC[:NAME]": its source, 8.3 name and size. */
static void parse_bootfile(char *spec, struct bootfile *bf)
{
    char *colon = strrchr(spec, ':');
    if (colon && !strchr(colon, '/')) {     /* a ':' in a directory: no NAME */
        *colon = '\0';
        bf->name = colon + 1;
    } else {
        const char *slash = strrchr(spec, '/');
        bf->name = slash ? slash + 1 : spec;
    }
    bf->src = spec;
    if (!*bf->src)
        die("--boot-file: no source file given");
    if (to_short_name(bf->name, bf->name83) < 0)
        die("%s: boot file name '%s' is not a valid 8.3 name", bf->src,
            bf->name);
    struct stat st;
    if (stat(bf->src, &st) < 0)
        die("%s: %s", bf->src, strerror(errno));
    if (!S_ISREG(st.st_mode))
        die("%s: not a regular file", bf->src);
    if ((uint64_t)st.st_size > UINT32_MAX)
        die("%s: larger than the 4 GiB FAT32 allows for a file", bf->src);
    bf->size = (uint64_t)st.st_size;
}

/* Choose the cluster size and compute the FAT32 layout of a partition of
 * the given sectors, per the FAT specification; exits if too small. */
static void fat_layout(uint32_t sectors, struct fat *fs)
{
    /* The specification's table (DskTableFAT32) of cluster sizes. */
    fs->sectors = sectors;
    if (sectors <= 532480)          /* up to 260 MB: 512-byte clusters */
        fs->spc = 1;
    else if (sectors <= 16777216)   /* up to 8 GB: 4K */
        fs->spc = 8;
    else if (sectors <= 33554432)   /* up to 16 GB: 8K */
        fs->spc = 16;
    else if (sectors <= 67108864)   /* up to 32 GB: 16K */
        fs->spc = 32;
    else                            /* beyond: 32K */
        fs->spc = 64;
    for (;;) {
        /* FATSz as the specification computes it (RootDirSectors = 0). */
        uint64_t tmp1 = sectors - FAT_RESERVED;
        uint64_t tmp2 = (256u * fs->spc + FAT_COUNT) / 2;
        fs->fatsz = (uint32_t)((tmp1 + tmp2 - 1) / tmp2);
        fs->data = FAT_RESERVED + FAT_COUNT * fs->fatsz;
        fs->clusters = (sectors - fs->data) / fs->spc;
        if (fs->clusters >= FAT_MIN_CLUSTERS || fs->spc == 1)
            break;
        fs->spc /= 2;
    }
    if (fs->clusters < FAT_MIN_CLUSTERS)
        die("%s: --boot-size %llu too small for FAT32 (%u clusters, at "
            "least %u needed)", out_path, (unsigned long long)sectors * SECTOR,
            (unsigned)fs->clusters, (unsigned)FAT_MIN_CLUSTERS);
}

/* Write len bytes of buf at offset off of the output; exits on error. */
static void write_at(const void *buf, size_t len, uint64_t off)
{
    const char *p = buf;
    while (len) {
        ssize_t n = pwrite(out_fd, p, len, (off_t)off);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            die("%s: write error: %s", out_path,
                n < 0 ? strerror(errno) : "nothing written");
        p += n;
        len -= (size_t)n;
        off += (uint64_t)n;
    }
}

/* Copy the file src, of the expected size, to offset off of the output. */
static void copy_file(const char *src, uint64_t size, uint64_t off)
{
    static char buf[1 << 20];
    int fd = open(src, O_RDONLY);
    if (fd < 0)
        die("%s: %s", src, strerror(errno));
    uint64_t total = 0;
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            die("%s: read error: %s", src, strerror(errno));
        if (n == 0)
            break;
        if (total + (uint64_t)n > size)
            break;
        write_at(buf, (size_t)n, off + total);
        total += (uint64_t)n;
    }
    close(fd);
    if (total != size)
        die("%s: file changed size while being read", src);
}

/* Encode an LBA as the 3 CHS bytes of an MBR entry (255 heads, 63 sectors
 * per track); beyond cylinder 1023, the usual 0xFE,0xFF,0xFF. */
static void put_chs(unsigned char *p, uint32_t lba)
{
    uint32_t c = lba / (255 * 63);
    uint32_t h = lba / 63 % 255;
    uint32_t s = lba % 63 + 1;
    if (c > 1023) {
        c = 1023;
        h = 254;
        s = 63;
    }
    p[0] = (unsigned char)h;
    p[1] = (unsigned char)(s | (c >> 2 & 0xC0));
    p[2] = (unsigned char)c;
}

/* Fill in partition entry p of the MBR. */
static void put_partition(unsigned char *p, int boot, unsigned type,
                          uint32_t lba, uint32_t count)
{
    p[0] = boot ? 0x80 : 0x00;
    put_chs(p + 1, lba);
    p[4] = (unsigned char)type;
    put_chs(p + 5, lba + count - 1);
    put32(p + 8, lba);
    put32(p + 12, count);
}

/* Write the MBR with its two partitions. */
static void write_mbr(uint32_t p1, uint32_t p1len, uint32_t p2,
                      uint32_t p2len)
{
    unsigned char mbr[SECTOR] = {0};
    put32(mbr + 440, DISK_SIGNATURE);
    put_partition(mbr + 446, 1, 0x0C, p1, p1len);
    put_partition(mbr + 462, 0, APPIMG_PART_TYPE, p2, p2len);
    mbr[510] = 0x55;
    mbr[511] = 0xAA;
    write_at(mbr, sizeof mbr, 0);
}

/* Build the FAT32 boot sector (BPB) of fs into sec. */
static void make_boot_sector(unsigned char *sec, const struct fat *fs,
                             uint32_t hidden)
{
    memset(sec, 0, SECTOR);
    sec[0] = 0xEB;                          /* jmp 0x5A; nop */
    sec[1] = 0x58;
    sec[2] = 0x90;
    memcpy(sec + 3, "MSWIN4.1", 8);         /* the recommended OEM name */
    put16(sec + 11, SECTOR);                /* BPB_BytsPerSec */
    sec[13] = (unsigned char)fs->spc;       /* BPB_SecPerClus */
    put16(sec + 14, FAT_RESERVED);          /* BPB_RsvdSecCnt */
    sec[16] = FAT_COUNT;                    /* BPB_NumFATs */
    put16(sec + 17, 0);                     /* BPB_RootEntCnt */
    put16(sec + 19, 0);                     /* BPB_TotSec16 */
    sec[21] = FAT_MEDIA;                    /* BPB_Media */
    put16(sec + 22, 0);                     /* BPB_FATSz16 */
    put16(sec + 24, 63);                    /* BPB_SecPerTrk */
    put16(sec + 26, 255);                   /* BPB_NumHeads */
    put32(sec + 28, hidden);                /* BPB_HiddSec */
    put32(sec + 32, fs->sectors);           /* BPB_TotSec32 */
    put32(sec + 36, fs->fatsz);             /* BPB_FATSz32 */
    put16(sec + 40, 0);                     /* BPB_ExtFlags: FATs mirrored */
    put16(sec + 42, 0);                     /* BPB_FSVer 0.0 */
    put32(sec + 44, 2);                     /* BPB_RootClus */
    put16(sec + 48, FAT_FSINFO);            /* BPB_FSInfo */
    put16(sec + 50, FAT_BACKUP);            /* BPB_BkBootSec */
    sec[64] = 0x80;                         /* BS_DrvNum */
    sec[66] = 0x29;                         /* BS_BootSig */
    put32(sec + 67, FAT_VOLUME_ID);         /* BS_VolID */
    memcpy(sec + 71, FAT_LABEL, 11);        /* BS_VolLab */
    memcpy(sec + 82, "FAT32   ", 8);        /* BS_FilSysType */
    sec[90] = 0xEB;                         /* boot code: jmp $ */
    sec[91] = 0xFE;
    sec[510] = 0x55;
    sec[511] = 0xAA;
}

/* Build the FSInfo sector of fs into sec. */
static void make_fsinfo(unsigned char *sec, const struct fat *fs)
{
    uint32_t free_count = fs->clusters - fs->used;
    memset(sec, 0, SECTOR);
    put32(sec + 0, 0x41615252);             /* FSI_LeadSig */
    put32(sec + 484, 0x61417272);           /* FSI_StrucSig */
    put32(sec + 488, free_count);           /* FSI_Free_Count */
    put32(sec + 492, free_count ? 2 + fs->used : 0xFFFFFFFF); /* Nxt_Free */
    put32(sec + 508, 0xAA550000);           /* FSI_TrailSig */
}

/* Fill a 32-byte directory entry. */
static void put_dirent(unsigned char *e, const unsigned char name[11],
                       unsigned attr, uint32_t cluster, uint32_t size)
{
    memcpy(e, name, 11);
    e[11] = (unsigned char)attr;
    if (!(attr & ATTR_VOLUME_ID)) {
        put16(e + 14, FAT_TIME);            /* DIR_CrtTime */
        put16(e + 16, FAT_DATE);            /* DIR_CrtDate */
        put16(e + 18, FAT_DATE);            /* DIR_LstAccDate */
    }
    put16(e + 20, (uint16_t)(cluster >> 16));
    put16(e + 22, FAT_TIME);                /* DIR_WrtTime */
    put16(e + 24, FAT_DATE);                /* DIR_WrtDate */
    put16(e + 26, (uint16_t)cluster);
    put32(e + 28, size);
}

/* Allocate clusters to the root directory and the boot files, then write
 * the whole FAT32 file system of fs at sector lba of the output. */
static void write_fat32(struct fat *fs, uint32_t lba, struct bootfile *bf,
                        int nbf)
{
    uint64_t cbytes = (uint64_t)fs->spc * SECTOR;
    uint64_t base = (uint64_t)lba * SECTOR;

    /* Allocation: root directory from cluster 2, then each file. */
    uint64_t dirbytes = (uint64_t)(nbf + 1) * DIRENT_SIZE;
    fs->root_clusters = (uint32_t)((dirbytes + cbytes - 1) / cbytes);
    uint64_t used = fs->root_clusters;
    for (int i = 0; i < nbf; i++) {
        uint64_t n = (bf[i].size + cbytes - 1) / cbytes;
        bf[i].first = n ? (uint32_t)(2 + used) : 0;
        bf[i].clusters = (uint32_t)n;
        used += n;
        if (used > fs->clusters)
            die("%s: the boot files do not fit in the boot partition "
                "(%u clusters of %llu bytes)", bf[i].src,
                (unsigned)fs->clusters, (unsigned long long)cbytes);
    }
    fs->used = (uint32_t)used;

    /* Boot sectors and FSInfo, and their backups. */
    unsigned char sec[SECTOR];
    make_boot_sector(sec, fs, lba);
    write_at(sec, SECTOR, base);
    write_at(sec, SECTOR, base + FAT_BACKUP * SECTOR);
    make_fsinfo(sec, fs);
    write_at(sec, SECTOR, base + FAT_FSINFO * SECTOR);
    write_at(sec, SECTOR, base + (FAT_BACKUP + 1) * SECTOR);

    /* The FATs: only the sectors holding allocated entries are written,
     * the rest stays zero (free) in the sparse output. */
    uint64_t entries = 2 + used;
    size_t fatbytes = (size_t)((entries * 4 + SECTOR - 1) / SECTOR * SECTOR);
    unsigned char *fat = calloc(1, fatbytes);
    if (!fat)
        die("%s: out of memory", out_path);
    put32(fat + 0, 0x0FFFFF00 | FAT_MEDIA);
    put32(fat + 4, FAT_EOC);
    uint32_t c = 2;
    for (uint32_t k = 0; k < fs->root_clusters; k++, c++)
        put32(fat + 4 * c, k + 1 < fs->root_clusters ? c + 1 : FAT_EOC);
    for (int i = 0; i < nbf; i++)
        for (uint32_t k = 0; k < bf[i].clusters; k++, c++)
            put32(fat + 4 * c, k + 1 < bf[i].clusters ? c + 1 : FAT_EOC);
    for (uint32_t i = 0; i < FAT_COUNT; i++)
        write_at(fat, fatbytes,
                 base + (uint64_t)(FAT_RESERVED + i * fs->fatsz) * SECTOR);
    free(fat);

    /* The root directory: the volume label, then one entry per file. */
    uint64_t data = base + (uint64_t)fs->data * SECTOR;
    size_t rootbytes = (size_t)(fs->root_clusters * cbytes);
    unsigned char *root = calloc(1, rootbytes);
    if (!root)
        die("%s: out of memory", out_path);
    put_dirent(root, (const unsigned char *)FAT_LABEL, ATTR_VOLUME_ID, 0, 0);
    for (int i = 0; i < nbf; i++)
        put_dirent(root + (size_t)(i + 1) * DIRENT_SIZE, bf[i].name83, ATTR_ARCHIVE,
                   bf[i].first, (uint32_t)bf[i].size);
    write_at(root, rootbytes, data);
    free(root);

    /* The files' contents, each in its contiguous chain. */
    for (int i = 0; i < nbf; i++)
        if (bf[i].clusters)
            copy_file(bf[i].src, bf[i].size,
                      data + (uint64_t)(bf[i].first - 2) * cbytes);
}

/* Parse the command line, check the layout, and write the image. */
int main(int argc, char **argv)
{
    const char *out = NULL, *apps = NULL;
    uint64_t size = 128ull << 20, boot_size = 64ull << 20;
    struct bootfile *bf = calloc((size_t)argc, sizeof *bf);
    int nbf = 0;
    if (!bf)
        die("out of memory");

    for (int i = 1; i < argc; i++) {
        const char *opt = argv[i];
        if (strcmp(opt, "-o") != 0 && strcmp(opt, "--apps") != 0 &&
            strcmp(opt, "--size") != 0 && strcmp(opt, "--boot-size") != 0 &&
            strcmp(opt, "--boot-file") != 0) {
            fprintf(stderr, PROG ": %s: unknown option (see " PROG
                    " without arguments)\n", opt);
            return 1;
        }
        if (i + 1 >= argc) {
            fprintf(stderr, PROG ": %s: needs a value\n", opt);
            return 1;
        }
        char *arg = argv[++i];
        if (strcmp(opt, "-o") == 0)
            out = arg;
        else if (strcmp(opt, "--apps") == 0)
            apps = arg;
        else if (strcmp(opt, "--size") == 0)
            size = parse_size(opt, arg);
        else if (strcmp(opt, "--boot-size") == 0)
            boot_size = parse_size(opt, arg);
        else                                /* --boot-file */
            parse_bootfile(arg, &bf[nbf++]);
    }
    if (!out || !apps)
        usage();
    for (int i = 0; i < nbf; i++)
        for (int j = 0; j < i; j++)
            if (memcmp(bf[i].name83, bf[j].name83, 11) == 0)
                die("%s: boot file name '%s' already used by %s", bf[i].src,
                    bf[i].name, bf[j].src);

    /* The layout. */
    if (size < SECTOR || (size & (size - 1)) != 0)
        die("%s: --size %llu is not a power of two (QEMU's SD card needs "
            "one)", out, (unsigned long long)size);
    if (size > (uint64_t)UINT32_MAX * SECTOR)
        die("%s: --size %llu is too large: an MBR addresses less than "
            "2 TiB", out, (unsigned long long)size);
    if (boot_size == 0 || boot_size % SECTOR != 0)
        die("%s: --boot-size %llu is not a non-zero multiple of %u", out,
            (unsigned long long)boot_size, SECTOR);
    struct stat st;
    if (stat(apps, &st) < 0)
        die("%s: %s", apps, strerror(errno));
    if (!S_ISREG(st.st_mode))
        die("%s: not a regular file", apps);
    uint64_t apps_size = (uint64_t)st.st_size;
    uint64_t total = size / SECTOR;
    uint64_t p1len = boot_size / SECTOR;
    uint64_t p2 = (P1_START + p1len + P_ALIGN - 1) / P_ALIGN * P_ALIGN;
    uint64_t need = p2 + (apps_size + SECTOR - 1) / SECTOR;
    if (need < p2 + 1)
        need = p2 + 1;
    if (need > total)
        die("%s: --size %llu too small: the boot partition and the app "
            "image (%s, %llu bytes) need %llu bytes", out,
            (unsigned long long)size, apps, (unsigned long long)apps_size,
            (unsigned long long)need * SECTOR);
    struct fat fs;
    out_path = out;
    fat_layout((uint32_t)p1len, &fs);

    /* The image, sparse: its full size first, then the sectors with data. */
    out_fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (out_fd < 0) {
        fprintf(stderr, PROG ": %s: %s\n", out, strerror(errno));
        return 1;
    }
    if (ftruncate(out_fd, (off_t)size) < 0)
        die("%s: cannot make it %llu bytes: %s", out,
            (unsigned long long)size, strerror(errno));
    write_mbr(P1_START, (uint32_t)p1len, (uint32_t)p2, (uint32_t)(total - p2));
    write_fat32(&fs, P1_START, bf, nbf);
    copy_file(apps, apps_size, p2 * SECTOR);
    if (close(out_fd) < 0) {
        out_fd = -1;
        unlink(out);
        fprintf(stderr, PROG ": %s: write error: %s\n", out, strerror(errno));
        return 1;
    }
    free(bf);
    return 0;
}
