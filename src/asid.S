/*
 * asid.S - address space identifiers, and switching address spaces.
 *
 * The TLB tags every non-global entry with the ASID that was in CONTEXTIDR
 * when the entry was loaded, and ignores entries of other ASIDs.  So
 * switching from one process to another needs no TLB flush: only TTBR0
 * (which table) and CONTEXTIDR (which ASID) change.  There are 255 ASIDs
 * (1..255; 0 is the kernel's, and no non-global mapping ever carries it).
 *
 * Allocation goes round: a cursor moves through 1..255 taking the next
 * free number, so a number just given back is not reused at once.  When
 * the cursor wraps, a new *generation* begins: the whole TLB is flushed,
 * every number is free again, and each live process, whose P_ASID still
 * carries the old generation, gets a new number the next time it is
 * switched in (switch_mm).  A process that exits gives its number back and
 * its TLB entries are invalidated (TLBIASID), so the number is clean when
 * it is handed out again.
 *
 * P_ASID = generation << 8 | number.  asid_generation holds the current
 * generation << 8, starting at 1 << 8.
 */
#include "kernel.h"
#include "proc.h"

#define ASID_MAX        255
#define ASID_BITMAP_WORDS 8             /* 256 bits                     */
#define GEN_ONE         0x100

        .data
        .balign 4
DATA(asid_generation)   .word GEN_ONE
ENDDATA(asid_generation)

        .bss
        .balign 4
asid_map:       .space  ASID_BITMAP_WORDS * 4   /* bit n: ASID n in use */
asid_cursor:    .word   0               /* where the next search starts */
DATA(asids_used)        .word 0         /* numbers in use, this generation */
ENDDATA(asids_used)
DATA(asid_rollovers)    .word 0
ENDDATA(asid_rollovers)

        .text

/*
 * asid_alloc - give a process a fresh ASID of the current generation.
 * In: r0 = process.  Out: r0 = its new P_ASID value.  Clobbers: none.
 */
ENTRY(asid_alloc)
        push    {r4-r6, lr}
        irq_save r6
        mov     r4, r0
        ldr     r5, =asid_map
1:      ldr     r1, =asid_cursor
        ldr     r0, [r1]
2:      add     r0, r0, #1              /* next candidate               */
        cmp     r0, #ASID_MAX
        bhi     3f                      /* wrapped: new generation      */
        lsr     r2, r0, #5
        and     r3, r0, #31
        ldr     r12, [r5, r2, lsl #2]
        mov     lr, #1
        tst     r12, lr, lsl r3
        bne     2b                      /* in use                       */
        orr     r12, r12, lr, lsl r3
        str     r12, [r5, r2, lsl #2]
        str     r0, [r1]
        ldr     r1, =asids_used
        ldr     r2, [r1]
        add     r2, r2, #1
        str     r2, [r1]
        ldr     r1, =asid_generation
        ldr     r1, [r1]
        orr     r0, r0, r1
        str     r0, [r4, #P_ASID]
        irq_restore r6
        pop     {r4-r6, pc}
        /* Every number used: start a new generation. */
3:      bl      asid_rollover
        b       1b
ENDPROC(asid_alloc)

/*
 * asid_rollover - begin a new generation: all numbers free, TLB empty.
 * Live processes keep their old P_ASID and are renumbered when next
 * switched in.  The kernel's idle process is renumbered here (number 0).
 * In: none.  Out: none.  Clobbers: none.  IRQs masked by caller.
 */
LOCAL(asid_rollover)
        push    {r4, lr}
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
        ldr     r0, =idle_proc
        str     r2, [r0, #P_ASID]       /* generation | 0               */
        ldr     r0, =asid_rollovers
        ldr     r1, [r0]
        add     r1, r1, #1
        str     r1, [r0]
        bl      tlb_inv_all
        pop     {r4, pc}
ENDPROC(asid_rollover)

/*
 * asid_free - give back a process's ASID: invalidate its TLB entries and
 * free its number (if it is of the current generation; an older one was
 * flushed with the rollover already).
 * In: r0 = process.  Out: none.  Clobbers: none.
 */
ENTRY(asid_free)
        push    {r4-r6, lr}
        irq_save r6
        ldr     r4, [r0, #P_ASID]
        mov     r1, #0
        str     r1, [r0, #P_ASID]
        ands    r5, r4, #0xFF
        beq     1f                      /* none held                    */
        ldr     r1, =asid_generation
        ldr     r1, [r1]
        eor     r2, r4, r1
        cmp     r2, #GEN_ONE
        bhs     1f                      /* old generation               */
        mov     r0, r5
        bl      tlb_inv_asid
        ldr     r0, =asid_map
        lsr     r2, r5, #5
        and     r3, r5, #31
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

/*
 * switch_mm - make a process's address space the current one: TTBR0 to
 * its L1 table, CONTEXTIDR to its ASID (renewed first if stale).
 * The sequence is the one the ARMv7 ARM (B3.10.4) gives for changing ASID
 * and TTBR0 together without a TLB flush: set the reserved ASID 0, ISB;
 * change TTBR0, ISB; set the new ASID.  While ASID 0 is current, a walk
 * through either table can only create global entries or entries tagged
 * 0, and no process uses 0.  The exception return that follows is a
 * context synchronisation event, so no final ISB is needed before user
 * code runs.
 * In: r0 = process.  Out: none.  Clobbers: none.  IRQs masked.
 */
ENTRY(switch_mm)
        push    {r4, lr}
        mov     r4, r0
        ldr     r1, [r4, #P_ASID]
        ldr     r2, =asid_generation
        ldr     r2, [r2]
        eor     r3, r1, r2
        cmp     r3, #GEN_ONE            /* generations differ?          */
        blo     1f
        mov     r0, r4
        bl      asid_alloc              /* stale: renew                 */
        mov     r1, r0
1:      ldr     r0, [r4, #P_L1]
        orr     r0, r0, #TTBR_FLAGS
        and     r1, r1, #0xFF
        mov     r2, #0
        write_contextidr r2
        isb
        write_ttbr0 r0
        isb
        write_contextidr r1
        pop     {r4, pc}
ENDPROC(switch_mm)
