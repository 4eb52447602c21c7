/*
 * mmu.S - translation tables: building them, changing them, turning the
 * MMU on, and reading them back for fault reports.
 *
 * The kernel's own L1 table (kernel_l1) maps, all global and privileged:
 *   - the megabytes around the kernel image with 4 KiB pages, so that code
 *     is read-only and executable, read-only data is read-only and
 *     execute-never, and data, stacks and free RAM are read/write and
 *     execute-never;
 *   - the rest of RAM as 1 MiB sections, read/write and execute-never;
 *   - the board's device regions as sections of Device memory, XN;
 *   - the vector page and the exception stack page a second time at
 *     0xFFFF0000 / 0xFFFF1000, in domain 2 (see vectors.S).
 * Everything else, page 0 in particular, is unmapped: an access faults.
 *
 * L2 tables come from the page allocator four at a time: one page holds the
 * four 1 KiB tables of a 4 MiB-aligned group of megabytes, and the four L1
 * entries of the group are filled in together (map_page).
 *
 * The Cortex-A8's table walk does not look in the L1 data cache.  Every
 * descriptor written while the D-cache is on must therefore be cleaned to
 * the point of coherency (DCCMVAC) before the walk may read it; and a
 * descriptor that replaces a valid one needs its TLB entry invalidated.
 * map_page and map_section do the first; callers that change live mappings
 * do the second (tlb_inv_page).
 */
#include "kernel.h"

        .bss
        .balign 4
DATA(kernel_l1)                         /* the kernel's L1 table        */
        .word   0
ENDDATA(kernel_l1)

        .text

/*
 * mmu_init - build the kernel's translation table and turn on the MMU,
 * the caches and branch prediction.  The table itself (16 KiB, aligned to
 * 16 KiB as TTBR0 requires) comes from the page allocator.
 * In: none.  Out: r0 = 0, or -ENOMEM if no memory was left for tables.
 * Clobbers: none.
 */
ENTRY(mmu_init)
        push    {r4-r8, lr}
        bl      page_alloc_l1
        movs    r4, r0
        beq     .Lnomem
        ldr     r1, =kernel_l1
        str     r4, [r1]

        /* 1. The 4 MiB groups that hold the kernel image, page by page.
         *    r5 = address being mapped, r6 = end of the page-mapped part.
         *    map_page's fifth argument, the domain, stays on the stack
         *    for all four steps that use it (with a pad word). */
        mov     r0, #DOMAIN_KERNEL
        push    {r0, r1}
        ldr     r5, =__kernel_start
        align_down r5, L2_GROUP_SHIFT
        ldr     r6, =__kernel_end
        align_up r6, L2_GROUP_SHIFT
        ldr     r7, =__text_end
        ldr     r8, =__rodata_end
1:      ldr     r0, =__kernel_start
        cmp     r5, r0
        ldrlo   r3, =PTE_KDATA          /* RAM below the image          */
        blo     2f
        cmp     r5, r7
        ldrlo   r3, =PTE_KTEXT          /* code: read-only, executable  */
        blo     2f
        cmp     r5, r8
        ldrlo   r3, =PTE_KRODATA        /* constants: read-only, XN     */
        ldrhs   r3, =PTE_KDATA          /* data, bss, free RAM: RW, XN  */
2:      mov     r0, r4
        mov     r1, r5
        mov     r2, r5
        bl      map_page
        cmp     r0, #0
        bne     8f
        add     r5, r5, #PAGE_SIZE
        cmp     r5, r6
        blo     1b

        /* 2. All other RAM: sections, wherever no L2 table is in place. */
        mov     r5, #RAM_BASE
        ldr     r6, =(RAM_BASE + RAM_SIZE)
3:      ldr     r0, [r4, r5, lsr #(SECTION_SHIFT - 2)]
        cmp     r0, #0
        bne     4f
        mov     r0, r4
        mov     r1, r5
        mov     r2, r5
        ldr     r3, =SECT_KDATA
        bl      map_section
4:      add     r5, r5, #SECTION_SIZE
        cmp     r5, r6
        blo     3b

        /* 3. The board's devices: Device memory, execute-never. */
        ldr     r7, =board_device_regions
5:      ldmia   r7!, {r5, r6}           /* base, size; size 0 ends      */
        cmp     r6, #0
        beq     7f
        add     r6, r5, r6
6:      mov     r0, r4
        mov     r1, r5
        mov     r2, r5
        ldr     r3, =SECT_KDEVICE
        bl      map_section
        add     r5, r5, #SECTION_SIZE
        cmp     r5, r6
        blo     6b
        b       5b

        /* 4. The vector page and exception stacks again, in domain 2. */
7:      mov     r0, #DOMAIN_VECTORS
        str     r0, [sp]                /* map_page's domain argument   */
        mov     r0, r4
        ldr     r1, =VECTORS_VIRT
        ldr     r2, =__vectors_phys
        ldr     r3, =PTE_KTEXT
        bl      map_page
        cmp     r0, #0
        bne     8f
        mov     r0, r4
        ldr     r1, =EXCSTACK_VIRT
        ldr     r2, =exc_stack_page
        ldr     r3, =PTE_KDATA
        bl      map_page
8:      add     sp, sp, #8              /* drop the domain argument     */
        cmp     r0, #0
        bne     9f

        /* 5. Switch on. */
        mov     r0, r4
        bl      mmu_enable
        mov     r0, #0
9:      pop     {r4-r8, pc}
.Lnomem:
        mvn     r0, #(ENOMEM - 1)       /* -ENOMEM                      */
        pop     {r4-r8, pc}
ENDPROC(mmu_init)

/*
 * mmu_enable - start translating through the table at r0.
 * Order matters: the TLB and the caches are invalidated first so that no
 * stale entry survives; TTBCR = 0 makes TTBR0 translate the whole 4 GiB;
 * DACR opens the three domains as clients (permissions checked); ASID 0 is
 * the kernel's.  Then SCTLR turns on MMU, caches and branch prediction in a
 * single write, followed by an ISB so that the next instruction is fetched
 * through the MMU.  The code runs identity-mapped, so that next
 * instruction has the same address before and after.
 * In: r0 = physical address of the L1 table.  Out: none.  Clobbers: none.
 */
ENTRY(mmu_enable)
        push    {r4, lr}
        mov     r4, r0
        bl      tlb_inv_all
        mov     r0, #0
        mcr     p15, 0, r0, c7, c5, 0   /* ICIALLU                      */
        write_ttbcr r0
        write_contextidr r0
        orr     r0, r4, #TTBR_FLAGS
        write_ttbr0 r0
        mov     r0, #DACR_NORMAL
        write_dacr r0
        isb
        read_sctlr r0
        ldr     r1, =(SCTLR_A | SCTLR_V | SCTLR_TRE | SCTLR_AFE | SCTLR_TE)
        bic     r0, r0, r1
        ldr     r1, =(SCTLR_M | SCTLR_C | SCTLR_I | SCTLR_Z)
        orr     r0, r0, r1
        dsb                             /* tables written before the walk */
        write_sctlr r0
        isb
        pop     {r4, pc}
ENDPROC(mmu_enable)

/*
 * map_section - map one 1 MiB section.
 * In:  r0 = L1 table, r1 = virtual address, r2 = physical address,
 *      r3 = section attributes (SECT_* from mmu.h, domain included).
 * Out: none.  Clobbers: none.
 */
ENTRY(map_section)
        lsr     r1, r1, #SECTION_SHIFT
        add     r0, r0, r1, lsl #2      /* r0 -> the L1 entry           */
        lsr     r2, r2, #SECTION_SHIFT  /* PA[31:20] ...                */
        orr     r2, r3, r2, lsl #SECTION_SHIFT  /* ... | attributes     */
        str     r2, [r0]
        add     r1, r0, #4
        b       dcache_clean_range      /* let the walker see it        */
ENDPROC(map_section)

/*
 * map_page - map one 4 KiB page, creating the L2 tables of its 4 MiB group
 * if the megabyte has none yet.
 * In:  r0 = L1 table, r1 = virtual address, r2 = physical address,
 *      r3 = page attributes (PTE_* from mmu.h), [sp] = domain for a new
 *      group of L2 tables.
 * Out: r0 = 0, or -ENOMEM when no page was free for the L2 tables.
 * Clobbers: none.
 * The megabyte must not be mapped by a section.  The caller invalidates
 * the TLB entry if it replaces a valid mapping.
 */
ENTRY(map_page)
        push    {r4-r8, lr}
        ldr     r8, [sp, #24]           /* the domain argument          */
        mov     r4, r0
        mov     r5, r1
        mov     r6, r2
        mov     r7, r3
        lsr     r0, r5, #SECTION_SHIFT
        ldr     r1, [r4, r0, lsl #2]    /* L1 entry for this megabyte   */
        and     r2, r1, #L1_TYPE_MASK
        cmp     r2, #L1_TYPE_COARSE
        beq     2f
        /* No L2 table: make the four tables of the 4 MiB group. */
        bl      page_alloc
        cmp     r0, #0
        beq     9f
        push    {r0}
        add     r1, r0, #PAGE_SIZE
        bl      dcache_clean_range      /* zeroed tables reach memory   */
        pop     {r0}
        orr     r0, r0, r8, lsl #5      /* domain field                 */
        orr     r0, r0, #L1_TYPE_COARSE
        lsr     r1, r5, #L2_GROUP_SHIFT
        add     r1, r4, r1, lsl #4      /* -> first L1 entry of group   */
        str     r0, [r1]
        add     r0, r0, #L2_SIZE
        str     r0, [r1, #4]
        add     r0, r0, #L2_SIZE
        str     r0, [r1, #8]
        add     r0, r0, #L2_SIZE
        str     r0, [r1, #12]
        mov     r0, r1
        add     r1, r1, #16
        bl      dcache_clean_range      /* the four L1 entries          */
        lsr     r0, r5, #SECTION_SHIFT
        ldr     r1, [r4, r0, lsl #2]
        /* Write the L2 entry: r1 = L1 entry. */
2:      ldr     r0, =L1_COARSE_ADDR
        and     r1, r1, r0              /* r1 -> the L2 table           */
        ubfx    r0, r5, #PAGE_SHIFT, #8 /* index within the table       */
        add     r0, r1, r0, lsl #2
        lsr     r6, r6, #PAGE_SHIFT
        orr     r6, r7, r6, lsl #PAGE_SHIFT
        str     r6, [r0]
        add     r1, r0, #4
        bl      dcache_clean_range
        mov     r0, #0
        pop     {r4-r8, pc}
9:      mvn     r0, #(ENOMEM - 1)       /* -ENOMEM                      */
        pop     {r4-r8, pc}
ENDPROC(map_page)

/*
 * mmu_walk - look up a virtual address in an L1 table the way the
 * hardware walk would, for reports and debugging.
 * In:  r0 = L1 table, r1 = virtual address.
 * Out: r0 = L1 descriptor, r1 = L2 descriptor (0 if there is none).
 * Clobbers: none.
 */
ENTRY(mmu_walk)
        lsr     r2, r1, #SECTION_SHIFT
        ldr     r0, [r0, r2, lsl #2]
        and     r2, r0, #L1_TYPE_MASK
        cmp     r2, #L1_TYPE_COARSE
        movne   r1, #0
        bxne    lr
        ldr     r2, =L1_COARSE_ADDR
        and     r2, r0, r2
        ubfx    r1, r1, #PAGE_SHIFT, #8
        ldr     r1, [r2, r1, lsl #2]
        bx      lr
ENDPROC(mmu_walk)

/*
 * addr_readable - can privileged code read this address right now?  Asks
 * the MMU itself with an address translation operation (ATS1CPR), so the
 * answer accounts for the current table, domains and permissions.
 * In: r0 = virtual address.  Out: r0 = 1 if readable, 0 if not.
 * Clobbers: none.
 */
ENTRY(addr_readable)
        irq_save r2                     /* PAR is shared: no interleaving */
        ats1cpr r0
        isb                             /* PAR valid after the ISB      */
        read_par r0
        irq_restore r2
        tst     r0, #PAR_F
        moveq   r0, #1
        movne   r0, #0
        bx      lr
ENDPROC(addr_readable)

/*
 * current_l1 - the L1 table the MMU is using now (TTBR0 without flags).
 * In: none.  Out: r0 = physical address.  Clobbers: none.
 */
ENTRY(current_l1)
        read_ttbr0 r0
        lsr     r0, r0, #14
        lsl     r0, r0, #14
        bx      lr
ENDPROC(current_l1)
