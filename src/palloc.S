/*
 * palloc.S - the physical page allocator.
 *
 * RAM is cut into 4 KiB pages.  One bit per page records whether it is free
 * (1) or in use (0).  Page n of RAM is bit (31 - n % 32) of word n / 32, so
 * that CLZ on a word gives the first free page it describes directly.
 * Everything above the kernel image (__kernel_end) starts out free; page
 * tables, kernel stacks and user pages all come from here and go back here.
 *
 * page_alloc hands out single pages; page_alloc_l1 hands out the 16 KiB,
 * 16 KiB-aligned blocks that L1 translation tables need (four free pages
 * that share an aligned nibble of a bitmap word).  Every page handed out is
 * zeroed.  The allocator works on physical addresses, which the kernel can
 * use directly because it maps RAM at virtual = physical.
 *
 * Interrupts are masked while the bitmap changes: an interrupt handler may
 * allocate too.
 */
#include "kernel.h"

#define NPAGES          (RAM_SIZE / PAGE_SIZE)
#define NWORDS          (NPAGES / 32)

        .bss
        .balign 4
page_bitmap:    .space  NWORDS * 4
DATA(pages_free)        .word 0         /* pages free right now         */
ENDDATA(pages_free)
DATA(pages_total)       .word 0         /* pages the allocator manages  */
ENDDATA(pages_total)
page_hint:      .word   0               /* word to start searching at   */

        .text

/*
 * palloc_init - mark every page from the end of the kernel image to the
 * end of RAM free.
 * In: none.  Out: r0 = number of free pages.  Clobbers: none.
 */
ENTRY(palloc_init)
        ldr     r0, =__kernel_end
        sub     r0, r0, #RAM_BASE
        lsr     r0, r0, #PAGE_SHIFT     /* r0 = first free page         */
        mov     r1, #NPAGES
        sub     r2, r1, r0
        ldr     r3, =pages_total
        str     r2, [r3]
        ldr     r3, =pages_free
        str     r2, [r3]
        ldr     r3, =page_bitmap
        /* The word holding the first free page: only its low bits. */
        lsr     r1, r0, #5
        and     r2, r0, #31
        mvn     r12, #0
        lsr     r12, r12, r2            /* bits for pages n%32 .. 31    */
        str     r12, [r3, r1, lsl #2]
        ldr     r2, =page_hint
        str     r1, [r2]
        /* Every later word: all pages free. */
        mvn     r12, #0
        add     r1, r1, #1
1:      cmp     r1, #NWORDS
        strlo   r12, [r3, r1, lsl #2]
        addlo   r1, r1, #1
        blo     1b
        ldr     r0, =pages_free
        ldr     r0, [r0]
        bx      lr
ENDPROC(palloc_init)

/*
 * page_alloc - take one free page.
 * In: none.  Out: r0 = physical address of a zeroed page, or 0 if RAM is
 * exhausted.  Clobbers: none.
 */
ENTRY(page_alloc)
        push    {r4, lr}
        irq_save r4
        ldr     r3, =page_bitmap
        ldr     r12, =page_hint
        ldr     r1, [r12]
        mov     r2, #NWORDS             /* words left to look at        */
1:      ldr     r0, [r3, r1, lsl #2]
        cmp     r0, #0
        bne     2f                      /* a free page in this word     */
        add     r1, r1, #1
        cmp     r1, #NWORDS
        moveq   r1, #0                  /* wrap around to the start     */
        subs    r2, r2, #1
        bne     1b
        irq_restore r4                  /* nothing free                 */
        mov     r0, #0
        pop     {r4, pc}
2:      str     r1, [r12]               /* start here next time         */
        clz     r2, r0                  /* r2 = free page within word   */
        mov     r12, #0x80000000
        bic     r0, r0, r12, lsr r2     /* mark it used                 */
        str     r0, [r3, r1, lsl #2]
        ldr     r3, =pages_free
        ldr     r0, [r3]
        sub     r0, r0, #1
        str     r0, [r3]
        irq_restore r4
        add     r0, r2, r1, lsl #5      /* page number                  */
        mov     r1, #RAM_BASE
        add     r0, r1, r0, lsl #PAGE_SHIFT
        mov     r1, #PAGE_SIZE
        pop     {r4, lr}
        b       zero_range              /* returns r0 = the page        */
ENDPROC(page_alloc)

/*
 * page_alloc_l1 - take a 16 KiB block aligned to 16 KiB (an L1 table):
 * four free pages whose bits form one aligned nibble of a bitmap word.
 * In: none.  Out: r0 = physical address of the zeroed block, or 0.
 * Clobbers: none.
 */
ENTRY(page_alloc_l1)
        push    {r4, r5, r6, lr}
        irq_save r4
        ldr     r3, =page_bitmap
        mov     r1, #0                  /* word index                   */
1:      ldr     r0, [r3, r1, lsl #2]
        mov     r2, #28                 /* nibble shift: 28, 24, ... 0  */
2:      lsr     r5, r0, r2
        and     r5, r5, #0xF
        cmp     r5, #0xF
        beq     3f                      /* four free pages in a row     */
        subs    r2, r2, #4
        bge     2b
        add     r1, r1, #1
        cmp     r1, #NWORDS
        blo     1b
        irq_restore r4
        mov     r0, #0
        pop     {r4, r5, r6, pc}
3:      mov     r5, #0xF
        bic     r0, r0, r5, lsl r2      /* mark the four pages used     */
        str     r0, [r3, r1, lsl #2]
        ldr     r3, =pages_free
        ldr     r0, [r3]
        sub     r0, r0, #4
        str     r0, [r3]
        irq_restore r4
        rsb     r2, r2, #28             /* first page within the word   */
        add     r0, r2, r1, lsl #5
        mov     r1, #RAM_BASE
        add     r0, r1, r0, lsl #PAGE_SHIFT
        mov     r1, #L1_SIZE
        pop     {r4, r5, r6, lr}
        b       zero_range
ENDPROC(page_alloc_l1)

/*
 * page_free - give back one page (page_free_n for n consecutive pages).
 * A page outside RAM, not page aligned, or already free is a kernel bug:
 * that panics rather than corrupting the allocator.
 * In: r0 = physical address (r1 = count for page_free_n).  Out: none.
 * Clobbers: none.
 */
ENTRY(page_free)
        mov     r1, #1
        /* fall through */
ENTRY(page_free_n)
        push    {r4, r5, r6, lr}
        mov     r5, r0
        mov     r6, r1
        irq_save r4
1:      sub     r0, r5, #RAM_BASE
        lsls    r1, r0, #(32 - PAGE_SHIFT)      /* offset within page?  */
        bne     9f
        lsr     r0, r0, #PAGE_SHIFT
        cmp     r0, #NPAGES
        bhs     9f
        ldr     r3, =page_bitmap
        lsr     r1, r0, #5
        and     r2, r0, #31
        ldr     r12, [r3, r1, lsl #2]
        mov     r0, #0x80000000
        lsr     r0, r0, r2
        tst     r12, r0
        bne     9f                      /* already free                 */
        orr     r12, r12, r0
        str     r12, [r3, r1, lsl #2]
        ldr     r3, =pages_free
        ldr     r0, [r3]
        add     r0, r0, #1
        str     r0, [r3]
        add     r5, r5, #PAGE_SIZE
        subs    r6, r6, #1
        bne     1b
        irq_restore r4
        pop     {r4, r5, r6, pc}
9:      mov     r1, r5
        ldr     r0, =msg_bad_free
        bl      panic
ENDPROC(page_free)

/*
 * zero_range - fill [r0, r0 + r1) with zeros, 32 bytes per store.
 * In: r0 = start (32-byte aligned), r1 = length (multiple of 32).
 * Out: r0 = start.  Clobbers: none.
 */
ENTRY(zero_range)
        push    {r4-r9}
        add     r1, r0, r1
        mov     r2, #0
        mov     r3, #0
        mov     r4, #0
        mov     r5, #0
        mov     r6, #0
        mov     r7, #0
        mov     r8, #0
        mov     r9, #0
        mov     r12, r0
1:      stmia   r12!, {r2-r9}
        cmp     r12, r1
        blo     1b
        pop     {r4-r9}
        bx      lr
ENDPROC(zero_range)

        .section .rodata
msg_bad_free:   .asciz  "page_free: bad or already free page %p"
