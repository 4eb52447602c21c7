/*
 * printk.S - formatted output on the console, printf style.
 *
 *   printk(fmt, ...)        vprintk(fmt, args)
 *
 * Conversions: %d %i (signed decimal), %u (unsigned decimal), %x %X (hex),
 * %p (0x and 8 hex digits), %c, %s, %%.  Flags: '0' pads numbers with
 * zeros, '-' justifies left; a decimal width pads to that many characters.
 * 'l' is accepted and ignored (long and int are both 32 bits).
 *
 * Variadic arguments in assembly: AAPCS passes the first four arguments in
 * r0-r3 and the rest on the stack.  printk pushes r1-r3 just below the
 * stacked ones, and the arguments then form one array in memory.
 *
 * A whole message is printed with IRQs masked, so that messages from an
 * interrupt handler never land in the middle of another line.
 *
 * Numbers are converted without a divide instruction (there is none):
 * n / 10 is computed as the high word of n * 0xCCCCCCCD shifted right by
 * 3, which is exact for every 32-bit n (0xCCCCCCCD = ceil(2^35 / 10)).
 */
#include "kernel.h"

#define FLAG_ZERO       1
#define FLAG_LEFT       2
#define BUF_SIZE        16              /* digits of the longest number  */
#define RECIP_10        0xCCCCCCCD

        .text

/*
 * printk - print a formatted message.
 * In: r0 = format, r1-r3 and stack = arguments.  Out: none.
 * Clobbers: none.
 */
ENTRY(printk)
        push    {r1-r3}                 /* join the stacked arguments    */
        push    {lr}
        add     r1, sp, #4              /* r1 -> first argument          */
        bl      vprintk
        pop     {lr}
        add     sp, sp, #12
        bx      lr
ENDPROC(printk)

/*
 * vprintk - print a formatted message whose arguments are an array.
 * In: r0 = format, r1 -> arguments (one word each).  Out: none.
 * Clobbers: none.
 * Registers while formatting: r4 = format cursor, r5 = argument cursor,
 * r6 = flags, r7 = width then padding, r8 = text length, r9 = prefix
 * ("-" or "0x") or 0, r10 = text.
 */
ENTRY(vprintk)
        push    {r4-r10, lr}
        irq_save r2
        sub     sp, sp, #(BUF_SIZE + 8)
        str     r2, [sp, #BUF_SIZE]     /* the caller's CPSR            */
        mov     r4, r0
        mov     r5, r1
.Lnext:
        ldrb    r0, [r4], #1
        cmp     r0, #0
        beq     .Ldone
        cmp     r0, #'%'
        beq     .Lpercent
        bl      console_putc
        b       .Lnext

.Lpercent:
        mov     r6, #0
        mov     r7, #0
        mov     r9, #0
1:      ldrb    r0, [r4], #1            /* flags                         */
        cmp     r0, #'0'
        orreq   r6, r6, #FLAG_ZERO
        beq     1b
        cmp     r0, #'-'
        orreq   r6, r6, #FLAG_LEFT
        beq     1b
2:      sub     r1, r0, #'0'            /* width: digits                 */
        cmp     r1, #9
        bhi     3f
        add     r7, r7, r7, lsl #2      /* width = width * 10 + digit    */
        add     r7, r1, r7, lsl #1
        ldrb    r0, [r4], #1
        b       2b
3:      cmp     r0, #'l'                /* length modifier: ignored      */
        ldrbeq  r0, [r4], #1
        beq     3b

        add     r1, sp, #BUF_SIZE       /* numbers are built backwards   */
        cmp     r0, #'d'
        cmpne   r0, #'i'
        beq     .Lsigned
        cmp     r0, #'u'
        beq     .Lunsigned
        cmp     r0, #'x'
        moveq   r2, #('a' - 10)
        beq     .Lhex
        cmp     r0, #'X'
        moveq   r2, #('A' - 10)
        beq     .Lhex
        cmp     r0, #'p'
        beq     .Lpointer
        cmp     r0, #'c'
        beq     .Lchar
        cmp     r0, #'s'
        beq     .Lstring
        cmp     r0, #0                  /* format ended after the '%'    */
        beq     .Ldone
        bl      console_putc            /* "%%", or an unknown letter    */
        b       .Lnext

.Lsigned:
        ldr     r0, [r5], #4
        cmp     r0, #0
        rsblt   r0, r0, #0              /* magnitude (INT_MIN stays and  */
        ldrlt   r9, =.Lminus            /* prints right as unsigned)     */
        bl      utoa_dec
        b       .Lnumber
.Lunsigned:
        ldr     r0, [r5], #4
        bl      utoa_dec
        b       .Lnumber
.Lpointer:
        ldr     r9, =.L0x
        mov     r6, #FLAG_ZERO
        mov     r7, #10                 /* "0x" and eight digits         */
        mov     r2, #('a' - 10)
.Lhex:
        ldr     r0, [r5], #4
        bl      utoa_hex
.Lnumber:
        mov     r10, r0
        add     r8, sp, #BUF_SIZE
        sub     r8, r8, r10             /* length of the digits          */
        b       .Lfield
.Lchar:
        ldr     r0, [r5], #4
        strb    r0, [sp]
        mov     r10, sp
        mov     r8, #1
        bic     r6, r6, #FLAG_ZERO
        b       .Lfield
.Lstring:
        ldr     r10, [r5], #4
        cmp     r10, #0
        ldreq   r10, =.Lnull
        mov     r8, #0
4:      ldrb    r0, [r10, r8]
        cmp     r0, #0
        addne   r8, r8, #1
        bne     4b
        bic     r6, r6, #FLAG_ZERO

/* Print the field: padding, prefix, text (r10, r8 bytes), padding. */
.Lfield:
        sub     r7, r7, r8              /* padding = width - length ...  */
        cmp     r9, #0
        beq     5f
        ldrb    r0, [r9, #1]
        cmp     r0, #0
        subeq   r7, r7, #1              /* ... - 1 for "-"               */
        subne   r7, r7, #2              /* ... - 2 for "0x"              */
5:      tst     r6, #(FLAG_ZERO | FLAG_LEFT)
        bne     6f
        mov     r0, #' '                /* right-justified with spaces   */
        bl      .Lpad
6:      cmp     r9, #0
        beq     8f
7:      ldrb    r0, [r9], #1            /* the prefix                    */
        cmp     r0, #0
        beq     8f
        bl      console_putc
        b       7b
8:      tst     r6, #FLAG_LEFT
        bne     9f
        tst     r6, #FLAG_ZERO
        movne   r0, #'0'                /* zero padding after the sign   */
        blne    .Lpad
9:      subs    r8, r8, #1              /* the text                      */
        blt     11f
        ldrb    r0, [r10], #1
        bl      console_putc
        b       9b
11:     mov     r0, #' '                /* left-justified: pad after     */
        bl      .Lpad
        b       .Lnext

/* Print r0 r7 times (nothing if r7 <= 0); leaves r7 = 0. */
.Lpad:
        push    {r4, lr}
        mov     r4, r0
10:     cmp     r7, #0
        pople   {r4, pc}
        mov     r0, r4
        bl      console_putc
        sub     r7, r7, #1
        b       10b

.Ldone:
        ldr     r2, [sp, #BUF_SIZE]
        irq_restore r2
        add     sp, sp, #(BUF_SIZE + 8)
        pop     {r4-r10, pc}

.Lminus: .asciz "-"
.L0x:    .asciz "0x"
.Lnull:  .asciz "(null)"
        .balign 4
ENDPROC(vprintk)

/*
 * utoa_dec - write an unsigned number in decimal, ending just before r1.
 * In: r0 = value, r1 = end of a buffer of at least 10 bytes.
 * Out: r0 = first digit (the text runs up to the old r1, no NUL).
 * Clobbers: none.
 */
ENTRY(utoa_dec)
        ldr     r3, =RECIP_10
1:      umull   r12, r2, r0, r3         /* r2 = (value * RECIP_10) >> 32 */
        lsr     r2, r2, #3              /* r2 = value / 10               */
        add     r12, r2, r2, lsl #2
        sub     r12, r0, r12, lsl #1    /* r12 = value - 10 * (value/10) */
        add     r12, r12, #'0'
        strb    r12, [r1, #-1]!
        movs    r0, r2
        bne     1b
        mov     r0, r1
        bx      lr
ENDPROC(utoa_dec)

/*
 * utoa_hex - write an unsigned number in hexadecimal, ending before r1.
 * In: r0 = value, r1 = end of a buffer of at least 8 bytes,
 *     r2 = 'a' - 10 for lower-case digits or 'A' - 10 for upper case.
 * Out: r0 = first digit.  Clobbers: none.
 */
ENTRY(utoa_hex)
1:      and     r3, r0, #0xF
        cmp     r3, #10
        addlo   r3, r3, #'0'
        addhs   r3, r3, r2
        strb    r3, [r1, #-1]!
        lsrs    r0, r0, #4
        bne     1b
        mov     r0, r1
        bx      lr
ENDPROC(utoa_hex)
