/*
 * asid.S - address space identifiers.
 *
 * The TLB tags every non-global entry with the ASID that was in CONTEXTIDR
 * when the entry was loaded, and ignores entries of other ASIDs.  So
 * switching from one process to another needs no TLB flush: only TTBR0
 * (which table) and CONTEXTIDR (which ASID) change (mm_switch, mmu.h).
 * There are 255 ASIDs, 1..255; 0 is the kernel's: no non-global mapping
 * ever carries it.
 *
 * Allocation goes round: a cursor moves through 1..255 taking the next
 * free number, so that a number just given back is not reused at once.
 * When the cursor wraps, a new *generation* begins: the whole TLB is
 * flushed, every number is free again, and every live process is given a
 * new number on the spot (there are at most NPROC of them, far fewer than
 * 255).  So a switch never has to check whether an ASID is still valid.
 * A process that exits gives its number back, and its TLB entries are
 * invalidated (TLBIASID), so the number is clean when it is handed out
 * again.
 *
 * P_ASID holds the number in its low byte, and the generation it was
 * given in above it.  A switch writes the whole word into CONTEXTIDR:
 * the ASID field is bits 7:0, and bits 31:8 (PROCID, which the TLB
 * ignores and debuggers and trace tools show) then read as the
 * generation.
 */
#include "kernel.h"
#include "proc.h"

#define ASID_MAX        255
#define ASID_BITMAP_WORDS 8             /* 256 bits                     */
#define GEN_ONE         0x100

        .bss
        .balign 4
asid_map:       .space  ASID_BITMAP_WORDS * 4   /* bit n: ASID n in use */
asid_cursor:    .word   0               /* the last number handed out   */
asid_generation:        .word 0         /* generation << 8              */
DATA(asids_used)        .word 0         /* numbers in use               */
ENDDATA(asids_used)
DATA(asid_rollovers)    .word 0         /* generations begun since boot */
ENDDATA(asid_rollovers)

        .text

/*
 * asid_alloc - give a process an ASID (and begin a new generation if the
 * cursor has gone round).
 * In: r0 = process.  Out: r0 = its new P_ASID.  Clobbers: none.
 */
ENTRY(asid_alloc)
        push    {r4, r5, r6, lr}
        irq_save r6
        mov     r4, r0
        bl      asid_take
        cmp     r0, #0
        bne     1f
        bl      asid_rollover           /* none left: a new generation  */
        bl      asid_take
1:      ldr     r1, =asid_generation
        ldr     r1, [r1]
        orr     r0, r0, r1
        str     r0, [r4, #P_ASID]
        irq_restore r6
        pop     {r4, r5, r6, pc}
ENDPROC(asid_alloc)

/*
 * asid_take - the next free number after the cursor, marked used.
 * In: none.  Out: r0 = number, or 0 if the cursor reached the end.
 * Clobbers: none.  IRQs masked.
 */
LOCAL(asid_take)
        push    {r4, lr}
        ldr     r4, =asid_cursor
        ldr     r0, [r4]
        ldr     r2, =asid_map
1:      add     r0, r0, #1
        cmp     r0, #ASID_MAX
        movhi   r0, #0
        pophi   {r4, pc}
        lsr     r3, r0, #5              /* its word in the bitmap ...   */
        ldr     r12, [r2, r3, lsl #2]
        and     r1, r0, #31
        mov     lr, #1
        lsl     r1, lr, r1              /* ... and its bit              */
        tst     r12, r1
        bne     1b                      /* in use                       */
        orr     r12, r12, r1
        str     r12, [r2, r3, lsl #2]
        str     r0, [r4]
        ldr     r1, =asids_used
        ldr     r2, [r1]
        add     r2, r2, #1
        str     r2, [r1]
        pop     {r4, pc}
ENDPROC(asid_take)

/*
 * asid_rollover - begin a new generation: flush the TLB, free every
 * number, and renumber every live process, the current one included
 * (its new ASID goes into CONTEXTIDR at once).
 * In: none.  Out: none.  Clobbers: none.  IRQs masked.
 */
LOCAL(asid_rollover)
        push    {r4-r6, lr}
        ldr     r0, =asid_map
        mov     r1, #0
        mov     r2, #ASID_BITMAP_WORDS
1:      str     r1, [r0], #4
        subs    r2, r2, #1
        bne     1b
        ldr     r0, =asid_cursor
        str     r1, [r0]
        ldr     r0, =asids_used
        str     r1, [r0]
        ldr     r0, =asid_generation
        ldr     r2, [r0]
        add     r2, r2, #GEN_ONE
        str     r2, [r0]
        ldr     r0, =asid_rollovers
        ldr     r1, [r0]
        add     r1, r1, #1
        str     r1, [r0]
        /* While old numbers are handed out again, the current process
         * runs on the reserved ASID 0: a walk meanwhile can only make
         * entries tagged 0, not entries tagged with a number that is
         * about to belong to another process. */
        mov     r0, #0
        write_contextidr r0
        isb
        bl      tlb_inv_all             /* nothing of the old numbers   */
        /* Every process holding a number gets a new one. */
        ldr     r4, =proc_table
        add     r5, r4, #(NPROC * P_SIZE)
2:      ldrb    r0, [r4, #P_ASID]
        cmp     r0, #0
        beq     3f
        bl      asid_take
        ldr     r1, =asid_generation
        ldr     r1, [r1]
        orr     r0, r0, r1
        str     r0, [r4, #P_ASID]
3:      add     r4, r4, #P_SIZE
        cmp     r4, r5
        blo     2b
        ldr     r0, =current
        ldr     r0, [r0]
        ldr     r0, [r0, #P_ASID]       /* the whole word, as mm_switch */
        write_contextidr r0
        isb
        pop     {r4-r6, pc}
ENDPROC(asid_rollover)

/*
 * asid_free - give back a process's ASID: invalidate its TLB entries and
 * free its number.
 * In: r0 = process.  Out: none.  Clobbers: none.
 */
ENTRY(asid_free)
        push    {r4-r6, lr}
        irq_save r6
        ldrb    r4, [r0, #P_ASID]
        mov     r1, #0
        str     r1, [r0, #P_ASID]
        cmp     r4, #0
        beq     1f                      /* none held                    */
        mov     r0, r4
        bl      tlb_inv_asid
        ldr     r0, =asid_map
        lsr     r2, r4, #5
        and     r3, r4, #31
        ldr     r12, [r0, r2, lsl #2]
        mov     r1, #1
        bic     r12, r12, r1, lsl r3
        str     r12, [r0, r2, lsl #2]
        ldr     r0, =asids_used
        ldr     r1, [r0]
        sub     r1, r1, #1
        str     r1, [r0]
1:      irq_restore r6
        pop     {r4-r6, pc}
ENDPROC(asid_free)
