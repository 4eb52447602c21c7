/*
 * crc32.S - the IEEE 802.3 CRC-32 (the one zlib, gzip and PNG use):
 * reflected polynomial 0xEDB88320, initial value and final xor 0xFFFFFFFF.
 * The app image carries one per app (a8os/appimg.h), checked at boot and
 * again at each spawn, so it is worth doing fast.
 *
 * "Slicing by 4": four 256-entry tables.  T0[n] is the CRC register after
 * shifting byte n through it; Tk[n] is the same followed by k zero bytes.
 * Then four bytes go in at once:  c ^= word;  c = T3[c & 0xFF] ^
 * T2[(c >> 8) & 0xFF] ^ T1[(c >> 16) & 0xFF] ^ T0[c >> 24]  - about 4
 * instructions a byte instead of 7 for the byte-at-a-time table loop,
 * which still handles the unaligned head and the tail.
 */
#include "kernel.h"

#define CRC32_POLY      0xEDB88320
#define TABLE           1024            /* bytes in one table           */

        .bss
        .balign 4
crc32_tables:   .space  4 * TABLE       /* T0, T1, T2, T3               */

        .text

/*
 * crc32_init - fill the tables.
 * In: none.  Out: none.  Clobbers: none.
 */
ENTRY(crc32_init)
        push    {r4, lr}
        ldr     r0, =crc32_tables
        ldr     r3, =CRC32_POLY
        mov     r1, #0                  /* T0: n through 8 shifts       */
1:      mov     r2, r1
        mov     r12, #8
2:      lsrs    r2, r2, #1              /* shift out the low bit ...    */
        eorcs   r2, r2, r3              /* ... and fold in the poly     */
        subs    r12, r12, #1
        bne     2b
        str     r2, [r0, r1, lsl #2]
        add     r1, r1, #1
        cmp     r1, #256
        blo     1b
        /* T1..T3: one more zero byte each: Tk[n] = T(k-1)[n] >> 8
         * ^ T0[T(k-1)[n] & 0xFF]. */
        mov     r1, #256                /* index into the whole array   */
3:      sub     r2, r1, #256
        ldr     r2, [r0, r2, lsl #2]    /* T(k-1)[n]                    */
        and     r12, r2, #0xFF
        ldr     r12, [r0, r12, lsl #2]
        eor     r2, r12, r2, lsr #8
        str     r2, [r0, r1, lsl #2]
        add     r1, r1, #1
        cmp     r1, #1024
        blo     3b
        pop     {r4, pc}
ENDPROC(crc32_init)

/*
 * crc32 - continue a CRC over more bytes (start with crc = 0).
 * In: r0 = CRC so far, r1 = buffer, r2 = length.  Out: r0 = new CRC.
 * Clobbers: none.
 */
ENTRY(crc32)
        push    {r4-r8, lr}
        mvn     r0, r0
        ldr     r3, =crc32_tables       /* r3..r6 = T0..T3              */
        add     r4, r3, #TABLE
        add     r5, r3, #(2 * TABLE)
        add     r6, r3, #(3 * TABLE)
        /* Bytes until the buffer is word aligned. */
1:      tst     r1, #3
        beq     2f
        subs    r2, r2, #1
        blo     9f
        bl      crc32_byte
        b       1b
        /* Whole words. */
2:      lsrs    r7, r2, #2
        beq     4f
3:      ldr     r12, [r1], #4
        eor     r0, r0, r12
        and     r12, r0, #0xFF
        ldr     r8, [r6, r12, lsl #2]
        ubfx    r12, r0, #8, #8
        ldr     r12, [r5, r12, lsl #2]
        eor     r8, r8, r12
        ubfx    r12, r0, #16, #8
        ldr     r12, [r4, r12, lsl #2]
        eor     r8, r8, r12
        lsr     r12, r0, #24
        ldr     r12, [r3, r12, lsl #2]
        eor     r0, r8, r12
        subs    r7, r7, #1
        bne     3b
        /* The last 0..3 bytes. */
4:      ands    r2, r2, #3
        beq     9f
5:      bl      crc32_byte
        subs    r2, r2, #1
        bne     5b
9:      mvn     r0, r0
        pop     {r4-r8, pc}
ENDPROC(crc32)

/* One byte through T0: r0 = CRC register, r1 -> byte (advanced), r3 = T0.
 * Clobbers r12. */
LOCAL(crc32_byte)
        ldrb    r12, [r1], #1
        eor     r12, r12, r0
        and     r12, r12, #0xFF
        ldr     r12, [r3, r12, lsl #2]
        eor     r0, r12, r0, lsr #8
        bx      lr
ENDPROC(crc32_byte)
