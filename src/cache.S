/*
 * cache.S - cache, branch predictor and TLB maintenance for the Cortex-A8.
 *
 * The Cortex-A8 has separate L1 instruction and data caches (64-byte lines)
 * and a unified L2 cache, all inside the "inner" domain, so maintenance "to
 * the point of coherency" (PoC) reaches main memory.  Operations by address
 * (MVA) act on one line; operations by set/way walk the cache geometry that
 * CLIDR and CCSIDR report.  ARMv7 ARM B2.2 and B4.2.1 describe all of them.
 *
 * Barriers: a maintenance operation is only guaranteed to have finished
 * after a DSB, and the instruction stream only sees its effect after an
 * ISB.  Each routine below says which of the two it ends with and why.
 */
#include "kernel.h"

        .text

/*
 * cpu_caches_off - put the CPU in the state a kernel expects to build its
 * own tables in: MMU, caches and branch prediction off, caches cleaned and
 * invalidated, TLB and predictor empty.  QEMU enters the kernel like this
 * already; a boot loader (U-Boot on the BeagleBone) may not.
 * Runs without a stack, so that boot can call it first.
 * In: none.  Out: none.  Clobbers: r0-r11 (boot has nothing to preserve).
 */
ENTRY(cpu_caches_off)
        mov     r11, lr
        /* Stop allocating new D-cache lines before cleaning them out. */
        read_sctlr r0
        bic     r0, r0, #SCTLR_C
        write_sctlr r0
        isb
        bl      dcache_clean_inv_all
        /* Now nothing dirty remains: turn off the MMU, I-cache and the
         * branch predictor.  We run identity-mapped (or physically), so the
         * next instruction is fetched from the same address either way. */
        read_sctlr r0
        ldr     r1, =(SCTLR_M | SCTLR_I | SCTLR_Z)
        bic     r0, r0, r1
        write_sctlr r0
        isb
        mov     r0, #0
        mcr     p15, 0, r0, c7, c5, 0   /* ICIALLU: invalidate I-cache  */
        mcr     p15, 0, r0, c7, c5, 6   /* BPIALL: invalidate predictor */
        mcr     p15, 0, r0, c8, c7, 0   /* TLBIALL: invalidate TLB      */
        dsb
        isb
        bx      r11
ENDPROC(cpu_caches_off)

/*
 * dcache_clean_inv_all - clean and invalidate every data and unified cache
 * up to the level of coherency, by set and way.
 * For each cache level that holds data (CLIDR), read its geometry (CCSIDR
 * after selecting it in CSSELR), then issue DCCISW for every (set, way):
 * the operand is  way << (32 - log2(ways)) | set << log2(line) | level << 1.
 * Stack-free.  In: none.  Out: none.  Clobbers: r0-r10.
 */
ENTRY(dcache_clean_inv_all)
        read_clidr r0
        ubfx    r1, r0, #24, #3         /* LoC: levels to walk          */
        cmp     r1, #0
        beq     5f
        lsl     r1, r1, #1              /* compare against level << 1   */
        mov     r2, #0                  /* r2 = level << 1              */
1:      add     r3, r2, r2, lsr #1      /* 3 bits of Ctype per level    */
        lsr     r3, r0, r3
        and     r3, r3, #7
        cmp     r3, #2                  /* 2 data, 3 split, 4 unified   */
        blt     4f                      /* no data cache at this level  */
        write_csselr r2
        isb                             /* CCSIDR must see the new level */
        read_ccsidr r3
        and     r4, r3, #7
        add     r4, r4, #4              /* r4 = log2(line bytes)        */
        ubfx    r5, r3, #3, #10         /* r5 = ways - 1                */
        clz     r6, r5                  /* r6 = bit position of way     */
        ubfx    r7, r3, #13, #15        /* r7 = sets - 1                */
2:      mov     r8, r5                  /* for each set (r7) ...        */
3:      lsl     r9, r8, r6              /* ... and each way (r8)        */
        orr     r9, r9, r7, lsl r4
        orr     r9, r9, r2
        mcr     p15, 0, r9, c7, c14, 2  /* DCCISW                       */
        subs    r8, r8, #1
        bge     3b
        subs    r7, r7, #1
        bge     2b
4:      add     r2, r2, #2
        cmp     r2, r1
        blt     1b
5:      mov     r2, #0
        write_csselr r2
        dsb                             /* all the operations finished  */
        isb
        bx      lr
ENDPROC(dcache_clean_inv_all)

/*
 * dcache_clean_range - clean (write back) the data cache lines covering
 * [start, end) to the point of coherency, so that an observer that does
 * not look in the cache - the Cortex-A8's table walker, a DMA engine - sees
 * what the CPU wrote.  Ends with DSB: the clean is complete on return.
 * In: r0 = start, r1 = end (exclusive).  Out: none.  Clobbers: none.
 */
ENTRY(dcache_clean_range)
        bic     r0, r0, #(CACHE_LINE - 1)
1:      mcr     p15, 0, r0, c7, c10, 1  /* DCCMVAC                      */
        add     r0, r0, #CACHE_LINE
        cmp     r0, r1
        blo     1b
        dsb
        bx      lr
ENDPROC(dcache_clean_range)

/*
 * dcache_clean_inv_range - clean and invalidate [start, end) to the point
 * of coherency: the memory is up to date and the cache holds no copy (used
 * before a device writes memory the CPU will then read).  Ends with DSB.
 * In: r0 = start, r1 = end (exclusive).  Out: none.  Clobbers: none.
 */
ENTRY(dcache_clean_inv_range)
        bic     r0, r0, #(CACHE_LINE - 1)
1:      mcr     p15, 0, r0, c7, c14, 1  /* DCCIMVAC                     */
        add     r0, r0, #CACHE_LINE
        cmp     r0, r1
        blo     1b
        dsb
        bx      lr
ENDPROC(dcache_clean_inv_range)

/*
 * sync_icache_range - make instructions just written to [start, end) (for
 * example an app's code copied in by the loader) visible to instruction
 * fetch: clean the D-cache lines to the point of unification, invalidate
 * the whole I-cache and the branch predictor, then DSB and ISB.
 * In: r0 = start, r1 = end (exclusive).  Out: none.  Clobbers: none.
 */
ENTRY(sync_icache_range)
        bic     r0, r0, #(CACHE_LINE - 1)
1:      mcr     p15, 0, r0, c7, c11, 1  /* DCCMVAU                      */
        add     r0, r0, #CACHE_LINE
        cmp     r0, r1
        blo     1b
        dsb                             /* cleans done before the inval */
        mov     r0, #0
        mcr     p15, 0, r0, c7, c5, 0   /* ICIALLU                      */
        mcr     p15, 0, r0, c7, c5, 6   /* BPIALL                       */
        dsb
        isb
        bx      lr
ENDPROC(sync_icache_range)

/*
 * tlb_inv_all - invalidate every TLB entry (TLBIALL), all ASIDs, global or
 * not.  DSB waits for the invalidation, ISB makes later instruction fetches
 * use the new translations.
 * In: none.  Out: none.  Clobbers: none.
 */
ENTRY(tlb_inv_all)
        mov     r0, #0
        mcr     p15, 0, r0, c8, c7, 0   /* TLBIALL                      */
        mcr     p15, 0, r0, c7, c5, 6   /* BPIALL: predictions by VA    */
        dsb
        isb
        bx      lr
ENDPROC(tlb_inv_all)

/*
 * tlb_inv_page - invalidate the TLB entry for one page: a global entry, or
 * the non-global entry of the given ASID (TLBIMVA takes VA[31:12] | ASID).
 * In: r0 = virtual address, r1 = ASID (0 for kernel mappings).
 * Out: none.  Clobbers: none.
 */
ENTRY(tlb_inv_page)
        bfi     r0, r1, #0, #12         /* VA[31:12] | ASID[7:0]        */
        mcr     p15, 0, r0, c8, c7, 1   /* TLBIMVA                      */
        mov     r0, #0
        mcr     p15, 0, r0, c7, c5, 6   /* BPIALL                       */
        dsb
        isb
        bx      lr
ENDPROC(tlb_inv_page)

/*
 * tlb_inv_asid - invalidate every non-global entry of one ASID (TLBIASID),
 * as when an ASID is given back.
 * In: r0 = ASID.  Out: none.  Clobbers: none.
 */
ENTRY(tlb_inv_asid)
        mcr     p15, 0, r0, c8, c7, 2   /* TLBIASID                     */
        mov     r0, #0
        mcr     p15, 0, r0, c7, c5, 6   /* BPIALL                       */
        dsb
        isb
        bx      lr
ENDPROC(tlb_inv_asid)
