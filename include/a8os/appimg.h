/*
 * a8os/appimg.h - the app image: the apps a8os loads, packed into one
 * image that sits in its own partition of the SD card (MBR type 0xDA).
 * Written by tools/mkappimg, read by the kernel (src/appimg.S).
 *
 * All fields little-endian.  Layout:
 *
 *   offset 0     struct appimg_header
 *   offset 16    struct appimg_entry [count]
 *   ...          each app's ELF file, starting on a 512-byte boundary
 *                (a sector), in entry order
 *
 * CRC32 is the IEEE 802.3 one (as zlib's crc32(): polynomial 0xEDB88320
 * reflected, initial value and final xor 0xFFFFFFFF).  header_crc covers
 * the header with header_crc taken as 0, and all entries.
 */
#ifndef A8OS_APPIMG_H
#define A8OS_APPIMG_H

#define APPIMG_MAGIC        0x50413841  /* "A8AP" in memory order        */
#define APPIMG_VERSION      1
#define APPIMG_ALIGN        512         /* each ELF starts on a sector   */
#define APPIMG_MAX_APPS     64
#define APPIMG_NAME_MAX     16          /* NUL-padded, NUL included      */
#define APPIMG_PART_TYPE    0xDA        /* MBR partition type            */

/* Header field offsets (for the kernel's assembly). */
#define APPIMG_H_MAGIC      0
#define APPIMG_H_VERSION    4           /* 16 bits                       */
#define APPIMG_H_COUNT      6           /* 16 bits                       */
#define APPIMG_H_SIZE       8           /* bytes of the whole image      */
#define APPIMG_H_CRC        12
#define APPIMG_HEADER_SIZE  16
/* Entry field offsets. */
#define APPIMG_E_NAME       0
#define APPIMG_E_OFFSET     16          /* from the start of the image   */
#define APPIMG_E_SIZE       20          /* bytes of ELF                  */
#define APPIMG_E_CRC        24          /* CRC32 of those bytes          */
#define APPIMG_E_FLAGS      28          /* 0                             */
#define APPIMG_ENTRY_SIZE   32

#ifndef __ASSEMBLER__
#include <stdint.h>

struct appimg_header {
    uint32_t magic;
    uint16_t version;
    uint16_t count;
    uint32_t size;
    uint32_t header_crc;
};

struct appimg_entry {
    char     name[APPIMG_NAME_MAX];
    uint32_t offset;
    uint32_t size;
    uint32_t crc;
    uint32_t flags;
};
#endif

#endif /* A8OS_APPIMG_H */
