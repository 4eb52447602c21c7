/*
 * string.S - the kernel's memory and string routines.
 */
#include "kernel.h"

        .text

/*
 * memcpy - copy n bytes; the areas must not overlap.  Words at a time
 * when both pointers are word aligned, bytes otherwise.
 * In: r0 = destination, r1 = source, r2 = count.  Out: r0 = destination.
 * Clobbers: none.
 */
ENTRY(memcpy)
        push    {r0, r4, r5, lr}
        orr     r3, r0, r1
        tst     r3, #3
        bne     2f                      /* unaligned: bytes             */
1:      subs    r2, r2, #16             /* 16 bytes a step              */
        ldmiahs r1!, {r3, r4, r5, r12}
        stmiahs r0!, {r3, r4, r5, r12}
        bhs     1b
        add     r2, r2, #16
2:      subs    r2, r2, #1              /* the rest, a byte at a time   */
        ldrbhs  r3, [r1], #1
        strbhs  r3, [r0], #1
        bhs     2b
        pop     {r0, r4, r5, pc}
ENDPROC(memcpy)

/*
 * memset - fill n bytes with a byte value.
 * In: r0 = destination, r1 = byte, r2 = count.  Out: r0 = destination.
 * Clobbers: none.
 */
ENTRY(memset)
        mov     r3, r0
1:      subs    r2, r2, #1
        strbhs  r1, [r3], #1
        bhs     1b
        bx      lr
ENDPROC(memset)

/*
 * strlen - length of a NUL-terminated string.
 * In: r0 = string.  Out: r0 = length.  Clobbers: none.
 */
ENTRY(strlen)
        mov     r1, r0
1:      ldrb    r2, [r1], #1
        cmp     r2, #0
        bne     1b
        sub     r0, r1, r0
        sub     r0, r0, #1
        bx      lr
ENDPROC(strlen)

/*
 * strncmp_eq - are two strings equal in their first n bytes (or up to a
 * NUL in both)?
 * In: r0, r1 = strings, r2 = n.  Out: r0 = 1 if equal, 0 if not.
 * Clobbers: none.
 */
ENTRY(strncmp_eq)
1:      subs    r2, r2, #1
        blo     2f                      /* n bytes equal                */
        ldrb    r3, [r0], #1
        ldrb    r12, [r1], #1
        cmp     r3, r12
        movne   r0, #0
        bxne    lr
        cmp     r3, #0
        bne     1b
2:      mov     r0, #1
        bx      lr
ENDPROC(strncmp_eq)

/*
 * strlcpy0 - copy a string into a buffer of n bytes, truncating, always
 * NUL-terminated and NUL-padded to n (n > 0).
 * In: r0 = destination, r1 = source, r2 = n.  Out: none.  Clobbers: none.
 */
ENTRY(strlcpy0)
1:      subs    r2, r2, #1
        beq     3f                      /* room for the NUL only        */
        ldrb    r3, [r1], #1
        strb    r3, [r0], #1
        cmp     r3, #0
        bne     1b
2:      subs    r2, r2, #1              /* pad what is left             */
        strbhs  r3, [r0], #1
        bhs     2b
        bx      lr
3:      mov     r3, #0
        strb    r3, [r0]
        bx      lr
ENDPROC(strlcpy0)
