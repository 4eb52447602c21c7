/*
 * crc32.S - the IEEE 802.3 CRC-32 (the one zlib, gzip and PNG use), table
 * driven: reflected polynomial 0xEDB88320, initial value and final xor
 * 0xFFFFFFFF.  The app image carries one per app (a8os/appimg.h).
 */
#include "kernel.h"

#define CRC32_POLY      0xEDB88320

        .bss
        .balign 4
crc32_table:    .space  256 * 4

        .text

/*
 * crc32_init - fill the table: entry n is the CRC register after shifting
 * the byte n through it.
 * In: none.  Out: none.  Clobbers: none.
 */
ENTRY(crc32_init)
        ldr     r0, =crc32_table
        ldr     r3, =CRC32_POLY
        mov     r1, #0                  /* n                            */
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
        bx      lr
ENDPROC(crc32_init)

/*
 * crc32 - continue a CRC over more bytes (start with crc = 0).
 * In: r0 = CRC so far, r1 = buffer, r2 = length.  Out: r0 = new CRC.
 * Clobbers: none.
 */
ENTRY(crc32)
        mvn     r0, r0
        ldr     r3, =crc32_table
        cmp     r2, #0
        beq     2f
1:      ldrb    r12, [r1], #1
        eor     r12, r12, r0
        and     r12, r12, #0xFF
        ldr     r12, [r3, r12, lsl #2]
        eor     r0, r12, r0, lsr #8
        subs    r2, r2, #1
        bne     1b
2:      mvn     r0, r0
        bx      lr
ENDPROC(crc32)
