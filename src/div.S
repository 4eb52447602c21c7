/*
 * div.S - integer division in software.
 *
 * The Cortex-A8 has no divide instruction (UDIV/SDIV are UNDEFINED on it),
 * so the kernel divides with this routine: binary long division, one
 * quotient bit per step, starting at the highest bit position where the
 * divisor still fits (found with CLZ rather than by trying every bit).
 * Division by a constant 10, the common case when printing numbers, uses a
 * multiplication by a reciprocal instead (utoa_dec in printk.S).
 */
#include "kernel.h"

        .text

/*
 * udivmod - unsigned 32-bit division.
 * In: r0 = dividend n, r1 = divisor d (d = 0 gives q = 0xFFFFFFFF, r = n).
 * Out: r0 = n / d, r1 = n % d.  Clobbers: none.
 */
ENTRY(udivmod)
        cmp     r1, #0
        beq     .Ldiv0
        clz     r2, r1
        clz     r3, r0
        subs    r2, r2, r3              /* r2 = shift that aligns d     */
        movlo   r1, r0                  /* d > n: q = 0, r = n          */
        movlo   r0, #0
        bxlo    lr
        lsl     r3, r1, r2              /* r3 = d << shift              */
        mov     r12, #0                 /* r12 = quotient               */
        mov     r1, r0                  /* r1 = remainder               */
1:      cmp     r1, r3
        subhs   r1, r1, r3
        adc     r12, r12, r12           /* shift in the quotient bit    */
        lsr     r3, r3, #1
        subs    r2, r2, #1
        bge     1b
        mov     r0, r12
        bx      lr
.Ldiv0: mov     r1, r0                  /* d = 0: r = n, q = all ones   */
        mvn     r0, #0
        bx      lr
ENDPROC(udivmod)
