/*
 * vm.S - process address spaces, and the kernel's access to user memory.
 *
 * Each process has its own 16 KiB L1 table.  The entries outside user
 * space (below USER_BASE, from USER_TOP up) are copied from the kernel's
 * table when the address space is created: they point at the same
 * sections and the same L2 tables, so every process sees the kernel at
 * the same addresses, global (nG = 0), privileged-only, in domain 0.  The
 * user part, USER_BASE..USER_TOP (L1 entries 0x200..0x3FF), starts empty;
 * its L2 tables are allocated when a page is first mapped in their 4 MiB
 * group, in domain 1, and its pages are not-global: tagged with the
 * process's ASID in the TLB.
 *
 * The kernel reaches user memory through the user addresses themselves
 * (system calls run in the caller's address space), after user_check has
 * asked the MMU whether the user could make the same access: an address
 * translation operation (ATS1CUR / ATS1CUW) translates an address with
 * the user's permissions, and PAR says if it would fault.  So a bad
 * pointer is -EFAULT, never a kernel fault.
 */
#include "kernel.h"
#include "proc.h"

#define L1_USER_FIRST   (USER_BASE >> SECTION_SHIFT)    /* 0x200        */
#define L1_USER_END     (USER_TOP >> SECTION_SHIFT)     /* 0x400        */

        .text

/*
 * as_create - give a process a new address space holding the kernel's
 * mappings only.
 * In: r0 = process.  Out: r0 = 0, or -ENOMEM.  Clobbers: none.
 */
ENTRY(as_create)
        push    {r4-r9, lr}
        mov     r4, r0
        bl      page_alloc_l1           /* zeroed                       */
        cmp     r0, #0
        beq     9f
        str     r0, [r4, #P_L1]
        orr     r1, r0, #TTBR_FLAGS     /* what a switch loads          */
        str     r1, [r4, #P_TTBR]
        mov     r1, #0
        str     r1, [r4, #P_PAGES]
        /* Copy the kernel's entries below and above user space. */
        mov     r5, r0
        ldr     r6, =kernel_l1
        ldr     r6, [r6]
        mov     r0, r5
        mov     r1, r6
        mov     r2, #(L1_USER_FIRST * 4)
        bl      memcpy
        add     r0, r5, #(L1_USER_END * 4)
        add     r1, r6, #(L1_USER_END * 4)
        mov     r2, #((L1_ENTRIES - L1_USER_END) * 4)
        bl      memcpy
        /* The table walk reads memory, not the L1 data cache. */
        mov     r0, r5
        add     r1, r5, #L1_SIZE
        bl      dcache_clean_range
        mov     r0, #0
        pop     {r4-r9, pc}
9:      mvn     r0, #(ENOMEM - 1)
        pop     {r4-r9, pc}
ENDPROC(as_create)

/*
 * as_map_page - map a fresh zeroed page at a user address.
 * In: r0 = process, r1 = page-aligned user address, r2 = PTE attributes.
 * Out: r0 = the page's physical address (which the kernel may use as a
 * pointer), or 0 if memory ran out.  Clobbers: none.
 */
ENTRY(as_map_page)
        push    {r4-r7, lr}
        mov     r4, r0
        mov     r5, r1
        mov     r6, r2
        bl      page_alloc
        movs    r7, r0
        beq     9f
        mov     r0, r4
        mov     r1, r5
        mov     r2, r7
        mov     r3, r6
        bl      as_map_pa
        cmp     r0, #0
        moveq   r0, r7
        popeq   {r4-r7, pc}
        mov     r0, r7                  /* no page for the L2 tables    */
        bl      page_free
        mov     r0, #0
9:      pop     {r4-r7, pc}
ENDPROC(as_map_page)

/*
 * as_map_pa - map a given physical page at a user address (a page of
 * shared memory: shm.S).
 * In: r0 = process, r1 = page-aligned user address, r2 = physical page,
 *     r3 = PTE attributes.
 * Out: r0 = 0, or -ENOMEM (no page for the L2 tables).  Clobbers: none.
 */
ENTRY(as_map_pa)
        push    {r4, lr}
        mov     r4, r0
        mov     r12, #DOMAIN_USER
        push    {r12, lr}               /* map_page's 5th argument      */
        ldr     r0, [r4, #P_L1]
        bl      map_page
        add     sp, sp, #8
        cmp     r0, #0
        ldreq   r1, [r4, #P_PAGES]
        addeq   r1, r1, #1
        streq   r1, [r4, #P_PAGES]
        pop     {r4, pc}
ENDPROC(as_map_pa)

/*
 * as_unmap_page - unmap and free the page at a user address, if mapped.
 * In: r0 = process, r1 = page-aligned user address.  Out: none.
 * Clobbers: none.
 */
ENTRY(as_unmap_page)
        push    {r4, lr}
        bl      as_unmap
        cmp     r0, #0
        blne    page_free
        pop     {r4, pc}
ENDPROC(as_unmap_page)

/*
 * as_unmap - unmap the page at a user address, without freeing it: the
 * descriptor is cleared and cleaned, then the TLB entry of this address in
 * this process's ASID is invalidated (no stale translation can reach the
 * page any more).
 * In: r0 = process, r1 = page-aligned user address.
 * Out: r0 = the physical page that was mapped there, or 0.
 * Clobbers: none.
 */
ENTRY(as_unmap)
        push    {r4-r6, lr}
        mov     r4, r0
        mov     r5, r1
        ldr     r0, [r4, #P_L1]
        lsr     r1, r5, #SECTION_SHIFT
        ldr     r1, [r0, r1, lsl #2]
        and     r2, r1, #L1_TYPE_MASK
        cmp     r2, #L1_TYPE_COARSE
        movne   r0, #0
        popne   {r4-r6, pc}
        ldr     r0, =L1_COARSE_ADDR
        and     r1, r1, r0
        ubfx    r0, r5, #PAGE_SHIFT, #8
        add     r6, r1, r0, lsl #2      /* r6 -> the L2 entry           */
        ldr     r0, [r6]
        tst     r0, #PTE_VALID
        moveq   r0, #0
        popeq   {r4-r6, pc}
        push    {r0}
        mov     r1, #0
        str     r1, [r6]
        mov     r0, r6
        add     r1, r6, #4
        bl      dcache_clean_range
        mov     r0, r5
        ldrb    r1, [r4, #P_ASID]
        bl      tlb_inv_page
        ldr     r0, [r4, #P_PAGES]
        sub     r0, r0, #1
        str     r0, [r4, #P_PAGES]
        pop     {r0}
        lsr     r0, r0, #PAGE_SHIFT
        lsl     r0, r0, #PAGE_SHIFT
        pop     {r4-r6, pc}
ENDPROC(as_unmap)

/*
 * as_destroy - free a process's whole user address space: every user
 * page, the L2 tables and the L1 table.  The MMU must not be using the
 * table any more and the process's TLB entries must be gone (do_exit
 * switches to the kernel's table and frees the ASID first).
 * In: r0 = process.  Out: none.  Clobbers: none.
 */
ENTRY(as_destroy)
        push    {r4-r9, lr}
        mov     r4, r0
        ldr     r5, [r4, #P_L1]
        cmp     r5, #0
        beq     5f
        mov     r6, #L1_USER_FIRST      /* L1 index, a group at a time  */
1:      ldr     r0, [r5, r6, lsl #2]
        and     r1, r0, #L1_TYPE_MASK
        cmp     r1, #L1_TYPE_COARSE
        bne     4f
        lsr     r7, r0, #PAGE_SHIFT     /* the page of 4 L2 tables      */
        lsl     r7, r7, #PAGE_SHIFT
        mov     r8, #0                  /* byte offset in that page     */
2:      ldr     r0, [r7, r8]
        tst     r0, #PTE_VALID
        beq     3f
        lsr     r0, r0, #PAGE_SHIFT
        lsl     r0, r0, #PAGE_SHIFT
        bl      page_free
3:      add     r8, r8, #4
        cmp     r8, #PAGE_SIZE
        blo     2b
        mov     r0, r7
        bl      page_free
4:      add     r6, r6, #(L2_GROUP_SIZE >> SECTION_SHIFT)
        cmp     r6, #L1_USER_END
        blo     1b
        mov     r0, r5
        mov     r1, #(L1_SIZE / PAGE_SIZE)
        bl      page_free_n
        mov     r0, #0
        str     r0, [r4, #P_L1]
        str     r0, [r4, #P_TTBR]
        str     r0, [r4, #P_PAGES]
5:      pop     {r4-r9, pc}
ENDPROC(as_destroy)

/*
 * user_check - may the user access [addr, addr + len) this way?  Every
 * page of the range is translated by the MMU as a user access would be.
 * In: r0 = address, r1 = length, r2 = 1 for write access, 0 for read.
 * Out: r0 = 0, or -EFAULT.  Clobbers: none.
 */
ENTRY(user_check)
        cmp     r1, #0
        moveq   r0, #0
        bxeq    lr
        adds    r1, r0, r1              /* r1 = end                     */
        bcs     9f                      /* wraps around                 */
        cmp     r0, #USER_BASE
        blo     9f
        cmp     r1, #USER_TOP
        bhi     9f
        lsr     r0, r0, #PAGE_SHIFT     /* first page                   */
        lsl     r0, r0, #PAGE_SHIFT
1:      mrs     r3, cpsr                /* PAR is not saved on a switch */
        cpsid   i
        cmp     r2, #0
        bne     2f
        ats1cur r0
        b       3f
2:      ats1cuw r0
3:      isb
        read_par r12
        msr     cpsr_c, r3
        tst     r12, #PAR_F
        bne     9f
        add     r0, r0, #PAGE_SIZE
        cmp     r0, r1
        blo     1b
        mov     r0, #0
        bx      lr
9:      mvn     r0, #(EFAULT - 1)
        bx      lr
ENDPROC(user_check)

/*
 * copy_from_user / copy_to_user - check a user range, then copy.
 * In: r0 = destination, r1 = source, r2 = count.
 * Out: r0 = 0, or -EFAULT (nothing copied).  Clobbers: none.
 */
ENTRY(copy_from_user)
        push    {r0-r2, lr}
        mov     r0, r1
        mov     r1, r2
        mov     r2, #0                  /* read access                  */
        b       1f
ENTRY(copy_to_user)
        push    {r0-r2, lr}
        mov     r1, r2
        mov     r2, #1                  /* write access                 */
1:      bl      user_check
        cmp     r0, #0
        addne   sp, sp, #12
        popne   {pc}
        pop     {r0-r2}
        bl      memcpy
        mov     r0, #0
        pop     {pc}
ENDPROC(copy_from_user)

/*
 * strncpy_from_user - copy a NUL-terminated user string into a kernel
 * buffer, checking each page before reading from it.
 * In: r0 = destination, r1 = user string, r2 = buffer size (> 0).
 * Out: r0 = string length (without the NUL), -EFAULT, or -ENAMETOOLONG
 * if no NUL came within the buffer size.  Clobbers: none.
 */
ENTRY(strncpy_from_user)
        push    {r4-r8, lr}
        mov     r4, r0
        mov     r5, r1
        mov     r6, r2
        mov     r7, #0                  /* length so far                */
        mov     r8, #0                  /* page already checked, or 0   */
1:      add     r0, r5, r7
        lsr     r1, r0, #PAGE_SHIFT
        cmp     r1, r8
        beq     2f
        mov     r8, r1
        mov     r1, #1
        mov     r2, #0
        bl      user_check
        cmp     r0, #0
        bne     9f
2:      ldrb    r0, [r5, r7]
        strb    r0, [r4, r7]
        cmp     r0, #0
        moveq   r0, r7
        popeq   {r4-r8, pc}
        add     r7, r7, #1
        cmp     r7, r6
        blo     1b
        mvn     r0, #(ENAMETOOLONG - 1)
9:      pop     {r4-r8, pc}
ENDPROC(strncpy_from_user)
