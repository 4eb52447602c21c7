/*
 * appimg.S - the apps on the SD card: finding the app image, checking it,
 * and reading an app's bytes.
 *
 * The card carries an MBR; the partition of type 0xDA holds the app image
 * (a8os/appimg.h): a header, one entry per app, then each app's ELF file
 * on a sector boundary.  At boot, appimg_init reads and checks everything:
 * the MBR, the image's magic, version and header CRC, and for each app its
 * name, its place in the image, the CRC of its bytes and its ELF headers
 * (elf_check).  An app that fails any check is reported by name and left
 * out; the others are listed in app_table.  A damaged image costs its
 * apps, never the system.
 *
 * app_read reads any byte range of an app through a one-sector buffer.
 * Callers hold app_lock, which also protects that buffer.
 */
#include "kernel.h"
#include "emmc.h"
#include "a8os/appimg.h"
#include "a8os/syscall.h"

#define MBR_SIGNATURE_OFF   510
#define MBR_SIGNATURE       0xAA55
#define MBR_PART_TABLE      446
#define MBR_PART_SIZE       16
#define MBR_PART_TYPE       4
#define MBR_PART_LBA        8
/* struct a8_appinfo (a8os/syscall.h): name[16], size */
#define APPINFO_SIZE_FIELD  A8_NAME_MAX
#define APPINFO_SIZE        (A8_NAME_MAX + 4)
#define HDR_SECTORS         ((APPIMG_HEADER_SIZE + APPIMG_MAX_APPS * APPIMG_ENTRY_SIZE + 511) / 512)

        .bss
        .balign 4
DATA(app_table)         .space  APPIMG_MAX_APPS * APPIMG_ENTRY_SIZE
ENDDATA(app_table)
DATA(app_count)         .word   0
ENDDATA(app_count)
DATA(app_lock)          .word   0, 0    /* app_read and its buffer      */
ENDDATA(app_lock)
app_lba:                .word   0       /* first sector of the image    */
sector_lba:             .word   0       /* which sector sector_buf holds */
sector_buf:             .space  SD_BLOCK_SIZE
hdr_buf:                .space  HDR_SECTORS * SD_BLOCK_SIZE

        .text

/*
 * appimg_init - find, check and list the apps on the SD card.
 * In: none.  Out: r0 = number of apps ready.  Clobbers: none.
 */
ENTRY(appimg_init)
        push    {r4-r10, lr}
        ldr     r0, =app_lock
        bl      klock_acquire
        mov     r10, #0                 /* apps ready                   */
        ldr     r0, =sd_present
        ldr     r0, [r0]
        cmp     r0, #0
        ldreq   r0, =m_no_card
        beq     8f
        /* The MBR: signature, then the partition of type 0xDA. */
        mov     r0, #0
        mov     r1, #1
        ldr     r2, =sector_buf
        bl      sd_read
        cmp     r0, #0
        ldrne   r0, =m_read_fail
        bne     8f
        ldr     r4, =sector_buf
        ldr     r0, =MBR_SIGNATURE_OFF
        ldrh    r0, [r4, r0]
        ldr     r1, =MBR_SIGNATURE
        cmp     r0, r1
        ldrne   r0, =m_no_mbr
        bne     8f
        add     r5, r4, #(MBR_PART_TABLE & 0xFF00)     /* (446 does not */
        add     r5, r5, #(MBR_PART_TABLE & 0x00FF)     /* fit one add)  */
        add     r6, r5, #(4 * MBR_PART_SIZE)
1:      ldrb    r0, [r5, #MBR_PART_TYPE]
        cmp     r0, #APPIMG_PART_TYPE
        beq     2f
        add     r5, r5, #MBR_PART_SIZE
        cmp     r5, r6
        blo     1b
        ldr     r0, =m_no_part
        b       8f
2:      ldrh    r0, [r5, #MBR_PART_LBA]         /* (not word aligned)   */
        ldrh    r1, [r5, #(MBR_PART_LBA + 2)]
        orr     r7, r0, r1, lsl #16
        ldr     r0, =app_lba
        str     r7, [r0]
        mvn     r0, #0
        ldr     r1, =sector_lba
        str     r0, [r1]                /* sector_buf holds no app data */
        /* The image header and its entries. */
        mov     r0, r7
        mov     r1, #HDR_SECTORS
        ldr     r2, =hdr_buf
        bl      sd_read
        cmp     r0, #0
        ldrne   r0, =m_read_fail
        bne     8f
        ldr     r4, =hdr_buf
        ldr     r1, [r4, #APPIMG_H_MAGIC]
        ldr     r0, =APPIMG_MAGIC
        cmp     r1, r0
        ldrne   r0, =m_bad_magic
        bne     8f
        ldrh    r1, [r4, #APPIMG_H_VERSION]
        cmp     r1, #APPIMG_VERSION
        ldrne   r0, =m_bad_version
        bne     8f
        ldrh    r5, [r4, #APPIMG_H_COUNT]
        cmp     r5, #APPIMG_MAX_APPS
        movhi   r1, r5
        ldrhi   r0, =m_bad_count
        bhi     8f
        /* Header CRC: over the header with its CRC field as 0, and the
         * entries. */
        ldr     r6, [r4, #APPIMG_H_CRC]
        mov     r0, #0
        str     r0, [r4, #APPIMG_H_CRC]
        mov     r1, r4
        mov     r2, #APPIMG_ENTRY_SIZE
        mul     r2, r5, r2
        add     r2, r2, #APPIMG_HEADER_SIZE
        bl      crc32
        str     r6, [r4, #APPIMG_H_CRC]
        cmp     r0, r6
        movne   r2, r0
        movne   r1, r6
        ldrne   r0, =m_bad_hdr_crc
        bne     8f
        /* Each app. */
        add     r6, r4, #APPIMG_HEADER_SIZE     /* r6 -> entry          */
        ldr     r9, [r4, #APPIMG_H_SIZE]        /* image size           */
3:      cmp     r5, #0
        beq     7f
        mov     r0, r6
        mov     r1, r9
        bl      app_check
        cmp     r0, #0
        bne     4f
        ldr     r0, =app_table          /* good: into the table         */
        add     r0, r0, r10, lsl #5     /* (APPIMG_ENTRY_SIZE = 32)     */
        mov     r1, r6
        mov     r2, #APPIMG_ENTRY_SIZE
        bl      memcpy
        add     r10, r10, #1
4:      add     r6, r6, #APPIMG_ENTRY_SIZE
        sub     r5, r5, #1
        b       3b
7:      ldr     r0, =app_count
        str     r10, [r0]
        ldr     r0, =m_summary
        mov     r1, r10
        ldrh    r2, [r4, #APPIMG_H_COUNT]
        mov     r3, r7
        bl      printk
        bl      list_apps
        b       9f
8:      bl      printk                  /* (r0 = message, r1.. = args)  */
9:      ldr     r0, =app_lock
        bl      klock_release
        mov     r0, r10
        pop     {r4-r10, pc}
ENDPROC(appimg_init)

/* Print the names in app_table on one line. */
LOCAL(list_apps)
        push    {r4, r5, r6, lr}
        ldr     r0, =m_apps
        bl      printk
        ldr     r4, =app_table
        ldr     r5, =app_count
        ldr     r5, [r5]
1:      subs    r5, r5, #1
        blt     2f
        ldr     r0, =m_app_name
        mov     r1, r4
        bl      printk
        add     r4, r4, #APPIMG_ENTRY_SIZE
        b       1b
2:      ldr     r0, =m_newline
        bl      printk
        pop     {r4, r5, r6, pc}
ENDPROC(list_apps)

/*
 * app_check - check one entry of the image: name, place, CRC, ELF.
 * In: r0 -> entry (in hdr_buf), r1 = image size.
 * Out: r0 = 0 if good; else the reason has been printed and r0 < 0.
 * Clobbers: none.
 */
LOCAL(app_check)
        push    {r4-r6, lr}
        mov     r4, r0
        mov     r5, r1
        /* A name: 1..15 bytes and a NUL. */
        ldrb    r0, [r4, #(APPIMG_E_NAME + APPIMG_NAME_MAX - 1)]
        ldrb    r1, [r4, #APPIMG_E_NAME]
        cmp     r0, #0                  /* not NUL-terminated ...       */
        bne     7f
        cmp     r1, #0                  /* ... or empty                 */
        bne     0f
7:      ldr     r0, =m_bad_name
        b       8f
0:
        /* Inside the image, starting on a sector. */
        ldr     r0, [r4, #APPIMG_E_OFFSET]
        ldr     r1, [r4, #APPIMG_E_SIZE]
        adds    r2, r0, r1
        bcs     1f
        cmp     r2, r5
        bhi     1f
        lsls    r2, r0, #(32 - SD_BLOCK_SHIFT)
        beq     2f
1:      ldr     r0, =m_bad_place
        b       8f
        /* The CRC of its bytes. */
2:      mov     r0, r4
        bl      app_crc                 /* r0 = 0 or errno, r1 = CRC    */
        cmp     r0, #0
        ldrne   r0, =m_app_unreadable
        bne     8f
        ldr     r2, [r4, #APPIMG_E_CRC]
        cmp     r1, r2
        beq     3f
        mov     r3, r1
        ldr     r0, =m_bad_crc
        add     r1, r4, #APPIMG_E_NAME
        bl      printk
        mvn     r0, #(ENOEXEC - 1)
        b       9f
        /* Its ELF headers (elf_check says what is wrong). */
3:      mov     r0, r4
        bl      elf_check
        cmp     r0, #0
        movgt   r0, #0
        b       9f
8:      add     r1, r4, #APPIMG_E_NAME
        bl      printk
        mvn     r0, #(ENOEXEC - 1)
9:      cmp     r0, #0
        mvnne   r0, #(ENOEXEC - 1)
        pop     {r4-r6, pc}
ENDPROC(app_check)

/*
 * app_find - the app with a name.
 * In: r0 = name.  Out: r0 -> app_table entry, or 0.  Clobbers: none.
 */
ENTRY(app_find)
        push    {r4-r6, lr}
        mov     r4, r0
        ldr     r5, =app_table
        ldr     r6, =app_count
        ldr     r6, [r6]
1:      subs    r6, r6, #1
        movlt   r0, #0
        poplt   {r4-r6, pc}
        mov     r0, r4
        add     r1, r5, #APPIMG_E_NAME
        mov     r2, #APPIMG_NAME_MAX
        bl      strncmp_eq
        cmp     r0, #0
        movne   r0, r5
        popne   {r4-r6, pc}
        add     r5, r5, #APPIMG_ENTRY_SIZE
        b       1b
ENDPROC(app_find)

/*
 * app_read - copy bytes of an app's ELF file.
 * In: r0 -> app entry, r1 = offset in the file, r2 = destination,
 *     r3 = length.  Caller holds app_lock.
 * Out: r0 = 0 or a negative errno.  Clobbers: none.
 */
ENTRY(app_read)
        push    {r4-r9, lr}
        ldr     r4, [r0, #APPIMG_E_OFFSET]
        add     r4, r4, r1              /* r4 = offset in the image     */
        mov     r5, r2
        mov     r6, r3
1:      cmp     r6, #0
        moveq   r0, #0
        popeq   {r4-r9, pc}
        /* The sector holding image offset r4, through sector_buf. */
        ldr     r7, =app_lba
        ldr     r7, [r7]
        add     r7, r7, r4, lsr #SD_BLOCK_SHIFT
        ldr     r8, =sector_lba
        ldr     r0, [r8]
        cmp     r0, r7
        beq     2f
        mvn     r0, #0
        str     r0, [r8]                /* invalid while it is read     */
        mov     r0, r7
        mov     r1, #1
        ldr     r2, =sector_buf
        bl      sd_read
        cmp     r0, #0
        popne   {r4-r9, pc}
        str     r7, [r8]
2:      ubfx    r9, r4, #0, #SD_BLOCK_SHIFT     /* offset in the sector */
        rsb     r2, r9, #SD_BLOCK_SIZE  /* bytes left in it             */
        cmp     r2, r6
        movhi   r2, r6
        ldr     r1, =sector_buf
        add     r1, r1, r9
        mov     r0, r5
        add     r5, r5, r2
        add     r4, r4, r2
        sub     r6, r6, r2
        bl      memcpy
        b       1b
ENDPROC(app_read)

/*
 * app_crc - the CRC-32 of an app's bytes, as read from the card now.
 * In: r0 -> app entry.  Caller holds app_lock.
 * Out: r0 = 0 or a negative errno, r1 = the CRC.  Clobbers: none.
 */
ENTRY(app_crc)
        push    {r4-r8, lr}
        sub     sp, sp, #SD_BLOCK_SIZE
        mov     r4, r0
        ldr     r5, [r4, #APPIMG_E_SIZE]        /* bytes left           */
        mov     r6, #0                          /* offset               */
        mov     r7, #0                          /* CRC so far           */
1:      cmp     r5, #0
        beq     2f
        cmp     r5, #SD_BLOCK_SIZE
        movhs   r8, #SD_BLOCK_SIZE
        movlo   r8, r5
        mov     r0, r4
        mov     r1, r6
        mov     r2, sp
        mov     r3, r8
        bl      app_read
        cmp     r0, #0
        bne     3f
        mov     r0, r7
        mov     r1, sp
        mov     r2, r8
        bl      crc32
        mov     r7, r0
        add     r6, r6, r8
        sub     r5, r5, r8
        b       1b
2:      mov     r0, #0
3:      mov     r1, r7
        add     sp, sp, #SD_BLOCK_SIZE
        pop     {r4-r8, pc}
ENDPROC(app_crc)

/*
 * sys_apps(buf, max) -> number of entries: the apps ready to run.
 */
ENTRY(sys_apps)
        push    {r4-r8, lr}
        mov     r4, r1
        movs    r5, r2
        movle   r0, #0                  /* (max <= 0: nothing)          */
        pople   {r4-r8, pc}
        ldr     r6, =app_count
        ldr     r6, [r6]
        cmp     r5, r6
        movhi   r5, r6                  /* entries to write             */
        cmp     r5, #0
        moveq   r0, #0
        popeq   {r4-r8, pc}
        mov     r0, r4
        mov     r1, #APPINFO_SIZE
        mul     r1, r5, r1
        mov     r2, #1
        bl      user_check
        cmp     r0, #0
        popne   {r4-r8, pc}
        ldr     r6, =app_table
        mov     r7, #0
1:      mov     r0, r4
        add     r1, r6, #APPIMG_E_NAME
        mov     r2, #APPIMG_NAME_MAX
        bl      memcpy
        ldr     r0, [r6, #APPIMG_E_SIZE]
        str     r0, [r4, #APPINFO_SIZE_FIELD]
        add     r4, r4, #APPINFO_SIZE
        add     r6, r6, #APPIMG_ENTRY_SIZE
        add     r7, r7, #1
        cmp     r7, r5
        blo     1b
        mov     r0, r5
        pop     {r4-r8, pc}
ENDPROC(sys_apps)

        .section .rodata
m_no_card:      .asciz  "apps: no SD card, so no apps\n"
m_read_fail:    .asciz  "apps: the SD card could not be read, so no apps\n"
m_no_mbr:       .asciz  "apps: the SD card has no MBR (no 0x55AA signature), so no apps\n"
m_no_part:      .asciz  "apps: no app partition (MBR type 0xda) on the SD card, so no apps\n"
m_bad_magic:    .asciz  "apps: bad app image magic 0x%08x (expected 0x50413841), so no apps\n"
m_bad_version:  .asciz  "apps: app image version %u, this kernel reads version 1: no apps\n"
m_bad_count:    .asciz  "apps: app image claims %u apps (at most 64), so no apps\n"
m_bad_hdr_crc:  .asciz  "apps: app image header CRC 0x%08x, computed 0x%08x: damaged, so no apps\n"
m_bad_name:     .asciz  "apps: an entry whose name is empty or not NUL-terminated, skipped\n"
m_bad_place:    .asciz  "app '%s': its bytes lie outside the image, skipped\n"
m_app_unreadable: .asciz "app '%s': could not be read from the card, skipped\n"
m_bad_crc:      .asciz  "app '%s': bad CRC (expected 0x%08x, got 0x%08x), skipped\n"
m_summary:      .asciz  "apps: %u of %u ready, from the app partition at sector %u\n"
m_apps:         .asciz  "apps:"
m_app_name:     .asciz  " %s"
m_newline:      .asciz  "\n"
