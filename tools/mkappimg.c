/*
 * mkappimg - pack ELF files into an a8os app image, or check one.
 *
 *   mkappimg -o OUT [FILE...]   pack each FILE (copied verbatim, not parsed)
 *   mkappimg --list IMG         list the apps of IMG and verify its CRCs
 *
 * The format is described in include/a8os/appimg.h: a 16-byte header, one
 * 32-byte entry per app, then each app's ELF starting on a 512-byte boundary
 * with zero padding, the whole image rounded up to 512 bytes.  An app's name
 * is its file's basename without a trailing ".elf": 1 to 15 characters of
 * [A-Za-z0-9_-], unique within the image.  With no FILE the image holds no
 * app (count 0).
 *
 * --list prints "NAME OFFSET SIZE CRC" per app (offset and size in decimal,
 * CRC as 8 hex digits) and reports each problem found on stderr.
 *
 * Exit status: 0 on success, 1 on any error (one line on stderr each).
 */
#define _POSIX_C_SOURCE 200809L
#define _FILE_OFFSET_BITS 64

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "a8os/appimg.h"

#define PROG "mkappimg"

struct app {
    const char *path;               /* the ELF file on the host            */
    char name[APPIMG_NAME_MAX];     /* NUL-padded app name                  */
    uint64_t size;                  /* bytes of ELF                         */
    uint64_t offset;                /* where it starts in the image         */
    uint32_t crc;
};

static uint32_t crc_table[256];

/* Fill the table of the reflected IEEE CRC32 (polynomial 0xEDB88320). */
static void crc32_init(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
    }
}

/* Continue a CRC32 over len bytes; start with crc = 0 (as zlib's crc32). */
static uint32_t crc32_update(uint32_t crc, const void *buf, size_t len)
{
    const unsigned char *p = buf;
    crc = ~crc;
    while (len--)
        crc = crc_table[(crc ^ *p++) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

/* Print "mkappimg: " and a formatted message as one line on stderr. */
static void error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, PROG ": ");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

/* Print the usage on stderr and exit 1. */
static void usage(void)
{
    fprintf(stderr, "usage: " PROG " -o OUT [FILE...] | " PROG
            " --list IMG\n");
    exit(1);
}

/* Round v up to a multiple of APPIMG_ALIGN. */
static uint64_t align_up(uint64_t v)
{
    return (v + APPIMG_ALIGN - 1) / APPIMG_ALIGN * APPIMG_ALIGN;
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

/* Read little-endian values from a byte buffer. */
static uint16_t get16(const unsigned char *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}
static uint32_t get32(const unsigned char *p)
{
    return get16(p) | (uint32_t)get16(p + 2) << 16;
}

/* 1 if c may appear in an app name. */
static int name_char_ok(int c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/* 1 if the NUL-terminated name is a valid app name. */
static int name_ok(const char *name)
{
    size_t n = strlen(name);
    if (n < 1 || n > APPIMG_NAME_MAX - 1)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!name_char_ok((unsigned char)name[i]))
            return 0;
    return 1;
}

/* Derive app->name from app->path; report and return -1 if invalid. */
static int app_name(struct app *app)
{
    const char *base = strrchr(app->path, '/');
    base = base ? base + 1 : app->path;
    size_t n = strlen(base);
    if (n >= 4 && strcmp(base + n - 4, ".elf") == 0)
        n -= 4;
    if (n < 1 || n > APPIMG_NAME_MAX - 1) {
        error("%s: app name '%.*s' must be 1 to %d characters", app->path,
              (int)n, base, APPIMG_NAME_MAX - 1);
        return -1;
    }
    memset(app->name, 0, sizeof app->name);
    memcpy(app->name, base, n);
    if (!name_ok(app->name)) {
        error("%s: app name '%s' may hold only A-Z a-z 0-9 _ -", app->path,
              app->name);
        return -1;
    }
    return 0;
}

/* Write len zero bytes to f; returns 0 or -1. */
static int write_zeros(FILE *f, uint64_t len)
{
    static const unsigned char zero[APPIMG_ALIGN];
    while (len) {
        size_t n = len < sizeof zero ? (size_t)len : sizeof zero;
        if (fwrite(zero, 1, n, f) != n)
            return -1;
        len -= n;
    }
    return 0;
}

/* Copy app's file into out (at its current position), computing its CRC;
 * returns 0, or reports and returns -1. */
static int copy_app(struct app *app, FILE *out, const char *outname)
{
    FILE *in = fopen(app->path, "rb");
    if (!in) {
        error("%s: %s", app->path, strerror(errno));
        return -1;
    }
    unsigned char buf[65536];
    uint64_t total = 0;
    uint32_t crc = 0;
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0) {
        crc = crc32_update(crc, buf, n);
        total += n;
        if (fwrite(buf, 1, n, out) != n) {
            error("%s: write error: %s", outname, strerror(errno));
            fclose(in);
            return -1;
        }
    }
    int bad = ferror(in);
    fclose(in);
    if (bad) {
        error("%s: read error", app->path);
        return -1;
    }
    if (total != app->size) {
        error("%s: file changed size while being read", app->path);
        return -1;
    }
    app->crc = crc;
    return 0;
}

/* Build the header and entry table of the apps into buf (zeroed, len
 * bytes) with the image size and the header CRC. */
static void make_header(unsigned char *buf, size_t len, struct app *apps,
                        int count, uint32_t size)
{
    memset(buf, 0, len);
    put32(buf + APPIMG_H_MAGIC, APPIMG_MAGIC);
    put16(buf + APPIMG_H_VERSION, APPIMG_VERSION);
    put16(buf + APPIMG_H_COUNT, (uint16_t)count);
    put32(buf + APPIMG_H_SIZE, size);
    for (int i = 0; i < count; i++) {
        unsigned char *e = buf + APPIMG_HEADER_SIZE + i * APPIMG_ENTRY_SIZE;
        memcpy(e + APPIMG_E_NAME, apps[i].name, APPIMG_NAME_MAX);
        put32(e + APPIMG_E_OFFSET, (uint32_t)apps[i].offset);
        put32(e + APPIMG_E_SIZE, (uint32_t)apps[i].size);
        put32(e + APPIMG_E_CRC, apps[i].crc);
        put32(e + APPIMG_E_FLAGS, 0);
    }
    put32(buf + APPIMG_H_CRC, crc32_update(0, buf, len));
}

/* Pack the files into the image out; returns the exit status. */
static int pack(const char *out, char **files, int count)
{
    static struct app apps[APPIMG_MAX_APPS];

    if (count > APPIMG_MAX_APPS) {
        error("%s: %d apps given, at most %d fit in an app image", out,
              count, APPIMG_MAX_APPS);
        return 1;
    }
    /* Names, sizes and the layout, before anything is written. */
    size_t table = APPIMG_HEADER_SIZE + (size_t)count * APPIMG_ENTRY_SIZE;
    uint64_t pos = align_up(table);
    for (int i = 0; i < count; i++) {
        struct app *a = &apps[i];
        struct stat st;
        a->path = files[i];
        if (app_name(a) < 0)
            return 1;
        for (int j = 0; j < i; j++)
            if (strcmp(apps[j].name, a->name) == 0) {
                error("%s: app name '%s' already used by %s", a->path,
                      a->name, apps[j].path);
                return 1;
            }
        if (stat(a->path, &st) < 0) {
            error("%s: %s", a->path, strerror(errno));
            return 1;
        }
        if (!S_ISREG(st.st_mode)) {
            error("%s: not a regular file", a->path);
            return 1;
        }
        a->size = (uint64_t)st.st_size;
        a->offset = pos;
        pos = align_up(pos + a->size);
        if (pos > UINT32_MAX) {
            error("%s: app image would exceed 4 GiB with this app", a->path);
            return 1;
        }
    }
    uint64_t size = pos;

    FILE *f = fopen(out, "wb");
    if (!f) {
        error("%s: %s", out, strerror(errno));
        return 1;
    }
    unsigned char header[APPIMG_HEADER_SIZE +
                         APPIMG_MAX_APPS * APPIMG_ENTRY_SIZE];
    int ok = write_zeros(f, align_up(table)) == 0;
    if (!ok)
        error("%s: write error: %s", out, strerror(errno));
    for (int i = 0; ok && i < count; i++) {
        ok = copy_app(&apps[i], f, out) == 0;
        if (ok && write_zeros(f, align_up(apps[i].size) - apps[i].size)) {
            error("%s: write error: %s", out, strerror(errno));
            ok = 0;
        }
    }
    if (ok) {
        make_header(header, table, apps, count, (uint32_t)size);
        if (fseeko(f, 0, SEEK_SET) != 0 ||
            fwrite(header, 1, table, f) != table) {
            error("%s: write error: %s", out, strerror(errno));
            ok = 0;
        }
    }
    if (fclose(f) != 0 && ok) {
        error("%s: write error: %s", out, strerror(errno));
        ok = 0;
    }
    if (!ok) {
        remove(out);
        return 1;
    }
    return 0;
}

/* Read len bytes at offset off of f into buf; returns 0 or -1. */
static int read_at(FILE *f, uint64_t off, void *buf, size_t len)
{
    if (fseeko(f, (off_t)off, SEEK_SET) != 0)
        return -1;
    return fread(buf, 1, len, f) == len ? 0 : -1;
}

/* CRC32 of len bytes at offset off of f; returns 0 or -1 if short. */
static int crc_at(FILE *f, uint64_t off, uint64_t len, uint32_t *crc)
{
    unsigned char buf[65536];
    *crc = 0;
    if (fseeko(f, (off_t)off, SEEK_SET) != 0)
        return -1;
    while (len) {
        size_t n = len < sizeof buf ? (size_t)len : sizeof buf;
        if (fread(buf, 1, n, f) != n)
            return -1;
        *crc = crc32_update(*crc, buf, n);
        len -= n;
    }
    return 0;
}

/* List and verify the image img; returns the exit status. */
static int list(const char *img)
{
    FILE *f = fopen(img, "rb");
    if (!f) {
        error("%s: %s", img, strerror(errno));
        return 1;
    }
    struct stat st;
    if (fstat(fileno(f), &st) < 0) {
        error("%s: %s", img, strerror(errno));
        fclose(f);
        return 1;
    }
    uint64_t filesize = (uint64_t)st.st_size;
    unsigned char table[APPIMG_HEADER_SIZE +
                        APPIMG_MAX_APPS * APPIMG_ENTRY_SIZE];
    if (read_at(f, 0, table, APPIMG_HEADER_SIZE) < 0) {
        error("%s: too short for an app image header", img);
        fclose(f);
        return 1;
    }
    uint32_t magic = get32(table + APPIMG_H_MAGIC);
    unsigned version = get16(table + APPIMG_H_VERSION);
    unsigned count = get16(table + APPIMG_H_COUNT);
    uint32_t size = get32(table + APPIMG_H_SIZE);
    uint32_t hcrc = get32(table + APPIMG_H_CRC);
    if (magic != APPIMG_MAGIC) {
        error("%s: bad magic 0x%08x (expected 0x%08x)", img,
              (unsigned)magic, (unsigned)APPIMG_MAGIC);
        fclose(f);
        return 1;
    }
    if (version != APPIMG_VERSION) {
        error("%s: unsupported version %u (expected %u)", img, version,
              (unsigned)APPIMG_VERSION);
        fclose(f);
        return 1;
    }
    if (count > APPIMG_MAX_APPS) {
        error("%s: %u apps, more than the maximum %u", img, count,
              (unsigned)APPIMG_MAX_APPS);
        fclose(f);
        return 1;
    }
    size_t tlen = APPIMG_HEADER_SIZE + count * APPIMG_ENTRY_SIZE;
    if (read_at(f, APPIMG_HEADER_SIZE, table + APPIMG_HEADER_SIZE,
                tlen - APPIMG_HEADER_SIZE) < 0) {
        error("%s: truncated in the entry table", img);
        fclose(f);
        return 1;
    }

    int bad = 0;
    put32(table + APPIMG_H_CRC, 0);
    uint32_t want = crc32_update(0, table, tlen);
    if (want != hcrc) {
        error("%s: header CRC 0x%08x, but header and entries give 0x%08x",
              img, (unsigned)hcrc, (unsigned)want);
        bad = 1;
    }
    if (size % APPIMG_ALIGN != 0) {
        error("%s: image size %u is not a multiple of %d", img,
              (unsigned)size, APPIMG_ALIGN);
        bad = 1;
    }
    if (size > filesize) {
        error("%s: image size %u but the file holds only %llu bytes", img,
              (unsigned)size, (unsigned long long)filesize);
        bad = 1;
    }

    uint64_t prev_end = tlen;
    for (unsigned i = 0; i < count; i++) {
        const unsigned char *e = table + APPIMG_HEADER_SIZE +
                                 i * APPIMG_ENTRY_SIZE;
        char name[APPIMG_NAME_MAX + 1];
        memcpy(name, e + APPIMG_E_NAME, APPIMG_NAME_MAX);
        name[APPIMG_NAME_MAX] = '\0';
        uint64_t off = get32(e + APPIMG_E_OFFSET);
        uint64_t len = get32(e + APPIMG_E_SIZE);
        uint32_t crc = get32(e + APPIMG_E_CRC);
        uint32_t flags = get32(e + APPIMG_E_FLAGS);
        printf("%s %llu %llu %08x\n", name, (unsigned long long)off,
               (unsigned long long)len, (unsigned)crc);

        size_t nl = strlen(name);
        int padded = nl < APPIMG_NAME_MAX;
        for (size_t k = nl; k < APPIMG_NAME_MAX; k++)
            padded &= e[APPIMG_E_NAME + k] == 0;
        if (!padded || !name_ok(name)) {
            error("%s: entry %u: invalid app name '%s'", img, i, name);
            bad = 1;
        }
        for (unsigned j = 0; j < i; j++)
            if (memcmp(e + APPIMG_E_NAME, table + APPIMG_HEADER_SIZE +
                       j * APPIMG_ENTRY_SIZE, APPIMG_NAME_MAX) == 0) {
                error("%s: app '%s': name used twice", img, name);
                bad = 1;
            }
        if (flags != 0) {
            error("%s: app '%s': flags 0x%08x, expected 0", img, name,
                  (unsigned)flags);
            bad = 1;
        }
        if (off % APPIMG_ALIGN != 0 || off < prev_end) {
            error("%s: app '%s': offset %llu is not %d-aligned after the "
                  "previous data", img, name, (unsigned long long)off,
                  APPIMG_ALIGN);
            bad = 1;
        }
        if (off + len > size || off + len > filesize) {
            error("%s: app '%s': bytes %llu..%llu lie beyond the image",
                  img, name, (unsigned long long)off,
                  (unsigned long long)(off + len));
            bad = 1;
            continue;
        }
        uint32_t got;
        if (crc_at(f, off, len, &got) < 0) {
            error("%s: app '%s': read error", img, name);
            bad = 1;
        } else if (got != crc) {
            error("%s: app '%s': CRC 0x%08x in the entry, but its data "
                  "gives 0x%08x", img, name, (unsigned)crc, (unsigned)got);
            bad = 1;
        }
        prev_end = off + len;
    }
    fclose(f);
    if (fflush(stdout) != 0) {
        error("(stdout): write error: %s", strerror(errno));
        return 1;
    }
    return bad;
}

/* Parse the command line and run. */
int main(int argc, char **argv)
{
    crc32_init();
    if (argc == 3 && strcmp(argv[1], "--list") == 0)
        return list(argv[2]);
    if (argc < 3 || strcmp(argv[1], "-o") != 0)
        usage();
    for (int i = 3; i < argc; i++)
        if (argv[i][0] == '-') {
            error("%s: unknown option (files come after -o OUT)", argv[i]);
            return 1;
        }
    return pack(argv[2], argv + 3, argc - 3);
}
