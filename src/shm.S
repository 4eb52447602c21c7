/*
 * shm.S - shared memory: named regions that several processes map.
 *
 * A region is up to A8_SHM_MAX_SIZE (1 MiB) of zeroed pages with a name.
 * The first shm_map of a name creates it; later ones map the same physical
 * pages.  Region n always appears at USER_SHM_BASE + n MiB, in every
 * process that maps it, so a pointer into it means the same thing to all
 * of them.  Each mapping is read/write or read-only (per process, as it
 * asks), execute-never, not-global, in domain 1: the TLB keeps one entry
 * per process and address.  The region counts its mappings; the last
 * shm_unmap (or the exit of the last process mapping it) frees its pages.
 *
 * The kernel keeps each region's physical pages in a page of its own (one
 * word per page, up to 256), so that the pages need not be contiguous.
 *
 * System calls can be preempted, so the table has a lock (shm_lock, a
 * sleeping kernel lock: klock.S) that map, unmap and exit take: two
 * processes creating the same name at once must not both claim a slot,
 * nor a count of mappings lose an update.  Holding it also makes the
 * caller unkillable until the region is made or unmapped in full.
 */
#include "kernel.h"
#include "proc.h"
#include "a8os/syscall.h"

#define SHM_NAME        0               /* 16 bytes; empty: slot free   */
#define SHM_SIZE        16              /* bytes asked for at creation  */
#define SHM_NPAGES      20
#define SHM_REFS        24              /* processes mapping it         */
#define SHM_PAGES       28              /* -> page list (a kernel page) */
#define SHM_ENTRY       32
#define SHM_SLOT_SHIFT  20              /* 1 MiB of address space each  */

        .bss
        .balign 4
shm_table:      .space  USER_SHM_SLOTS * SHM_ENTRY
shm_lock:       .space  KLOCK_SIZE

        .text

/*
 * sys_shm_map(name, size, flags) -> the region's address.
 * -EINVAL: empty name, size 0 or over 1 MiB, or larger than the existing
 * region; -ENOSPC: no free slot; -ENOMEM.
 */
ENTRY(sys_shm_map)
        push    {r4-r11, lr}
        sub     sp, sp, #A8_NAME_MAX    /* the name, copied in          */
        mov     r5, r2                  /* size                         */
        mov     r6, r3                  /* flags                        */
        mov     r0, sp
        mov     r2, #A8_NAME_MAX
        bl      strncpy_from_user
        cmp     r0, #0
        blt     9f
        mvneq   r0, #(EINVAL - 1)
        beq     9f
        cmp     r5, #0
        beq     8f
        cmp     r5, #A8_SHM_MAX_SIZE
        bhi     8f
        cmp     r6, #A8_SHM_RO
        bhi     8f
        ldr     r9, =current
        ldr     r9, [r9]
        ldr     r0, =shm_lock
        bl      klock_acquire
        /* An existing region of that name, else a free slot. */
        ldr     r4, =shm_table
        mov     r7, #0                  /* slot                         */
        mvn     r8, #0                  /* first free slot              */
1:      ldrb    r0, [r4, #SHM_NAME]
        cmp     r0, #0
        bne     2f
        cmn     r8, #1
        moveq   r8, r7
        b       3f
2:      mov     r0, r4
        mov     r1, sp
        mov     r2, #A8_NAME_MAX
        bl      strncmp_eq
        cmp     r0, #0
        bne     5f                      /* found it                     */
3:      add     r4, r4, #SHM_ENTRY
        add     r7, r7, #1
        cmp     r7, #USER_SHM_SLOTS
        blo     1b
        /* New: claim the free slot, with its pages. */
        cmn     r8, #1
        mvneq   r0, #(ENOSPC - 1)
        beq     7f
        mov     r7, r8
        ldr     r4, =shm_table
        add     r4, r4, r7, lsl #5      /* (SHM_ENTRY = 32)             */
        mov     r0, r4
        mov     r1, r5
        mov     r2, sp
        bl      shm_create
        cmp     r0, #0
        bne     7f
        b       6f
5:      ldr     r0, [r4, #SHM_SIZE]     /* existing: big enough?        */
        cmp     r5, r0
        mvnhi   r0, #(EINVAL - 1)
        bhi     7f
        /* Map it into the caller (once). */
6:      ldr     r0, [r9, #P_SHM]
        mov     r1, #1
        tst     r0, r1, lsl r7
        bne     4f
        mov     r0, r9
        mov     r1, r7
        mov     r2, r6
        bl      shm_map_slot
        cmp     r0, #0
        bne     7f
4:      mov     r0, #USER_SHM_BASE
        add     r0, r0, r7, lsl #SHM_SLOT_SHIFT
7:      mov     r4, r0
        ldr     r0, =shm_lock
        bl      klock_release
        mov     r0, r4
        b       9f
8:      mvn     r0, #(EINVAL - 1)
9:      add     sp, sp, #A8_NAME_MAX
        pop     {r4-r11, pc}
ENDPROC(sys_shm_map)

/*
 * shm_create - fill a free slot: name, size, zeroed pages.
 * In: r0 -> slot entry, r1 = size, r2 = name.
 * Out: r0 = 0 or -ENOMEM (nothing kept).  Clobbers: none.
 */
LOCAL(shm_create)
        push    {r4-r8, lr}
        mov     r4, r0
        mov     r5, r1
        mov     r6, r2
        bl      page_alloc              /* the page list                */
        cmp     r0, #0
        beq     9f
        str     r0, [r4, #SHM_PAGES]
        mov     r7, r5
        align_up r7, PAGE_SHIFT
        lsr     r7, r7, #PAGE_SHIFT     /* pages                        */
        mov     r8, #0
1:      cmp     r8, r7
        bhs     2f
        bl      page_alloc
        cmp     r0, #0
        beq     8f
        ldr     r1, [r4, #SHM_PAGES]
        str     r0, [r1, r8, lsl #2]
        add     r8, r8, #1
        b       1b
2:      str     r5, [r4, #SHM_SIZE]
        str     r7, [r4, #SHM_NPAGES]
        mov     r0, #0
        str     r0, [r4, #SHM_REFS]
        mov     r0, r4
        mov     r1, r6
        mov     r2, #A8_NAME_MAX
        bl      strlcpy0                /* (last: marks the slot used)  */
        mov     r0, #0
        pop     {r4-r8, pc}
8:      str     r8, [r4, #SHM_NPAGES]   /* out of memory: undo          */
        mov     r0, r4
        bl      shm_free_pages
9:      mvn     r0, #(ENOMEM - 1)
        pop     {r4-r8, pc}
ENDPROC(shm_create)

/* Free a region's pages and its page list; the slot becomes free.
 * r0 -> slot entry. */
LOCAL(shm_free_pages)
        push    {r4-r6, lr}
        mov     r4, r0
        ldr     r5, [r4, #SHM_PAGES]
        ldr     r6, [r4, #SHM_NPAGES]
1:      subs    r6, r6, #1
        blt     2f
        ldr     r0, [r5, r6, lsl #2]
        bl      page_free
        b       1b
2:      mov     r0, r5
        bl      page_free
        mov     r0, #0
        strb    r0, [r4, #SHM_NAME]
        str     r0, [r4, #SHM_PAGES]
        pop     {r4-r6, pc}
ENDPROC(shm_free_pages)

/*
 * shm_map_slot - map a region's pages into a process.
 * In: r0 = process, r1 = slot, r2 = flags.  Out: r0 = 0 or -ENOMEM (then
 * nothing is mapped).  Clobbers: none.
 */
LOCAL(shm_map_slot)
        push    {r4-r10, lr}
        mov     r4, r0
        mov     r5, r1
        ldr     r6, =shm_table
        add     r6, r6, r5, lsl #5
        cmp     r2, #A8_SHM_RO
        ldreq   r7, =PTE_URODATA
        ldrne   r7, =PTE_UDATA
        mov     r8, #USER_SHM_BASE
        add     r8, r8, r5, lsl #SHM_SLOT_SHIFT /* its address          */
        mov     r9, #0                  /* page index                   */
1:      ldr     r0, [r6, #SHM_NPAGES]
        cmp     r9, r0
        bhs     2f
        ldr     r2, [r6, #SHM_PAGES]
        ldr     r2, [r2, r9, lsl #2]
        mov     r0, r4
        add     r1, r8, r9, lsl #PAGE_SHIFT
        mov     r3, r7
        bl      as_map_pa
        cmp     r0, #0
        bne     8f
        add     r9, r9, #1
        b       1b
2:      ldr     r0, [r6, #SHM_REFS]
        add     r0, r0, #1
        str     r0, [r6, #SHM_REFS]
        ldr     r0, [r4, #P_SHM]
        mov     r1, #1
        orr     r0, r0, r1, lsl r5
        str     r0, [r4, #P_SHM]
        mov     r0, #0
        pop     {r4-r10, pc}
8:      subs    r9, r9, #1              /* undo the pages mapped so far */
        blt     9f
        mov     r0, r4
        add     r1, r8, r9, lsl #PAGE_SHIFT
        bl      as_unmap
        b       8b
9:      mvn     r0, #(ENOMEM - 1)
        pop     {r4-r10, pc}
ENDPROC(shm_map_slot)

/*
 * shm_unmap_slot - unmap a region from a process; free it with its last
 * mapping.
 * In: r0 = process, r1 = slot.  Out: none.  Clobbers: none.
 */
LOCAL(shm_unmap_slot)
        push    {r4-r8, lr}
        mov     r4, r0
        mov     r5, r1
        ldr     r6, =shm_table
        add     r6, r6, r5, lsl #5
        mov     r8, #USER_SHM_BASE
        add     r8, r8, r5, lsl #SHM_SLOT_SHIFT
        ldr     r7, [r6, #SHM_NPAGES]
1:      subs    r7, r7, #1
        blt     2f
        mov     r0, r4
        add     r1, r8, r7, lsl #PAGE_SHIFT
        bl      as_unmap                /* the page stays the region's  */
        b       1b
2:      ldr     r0, [r4, #P_SHM]
        mov     r1, #1
        bic     r0, r0, r1, lsl r5
        str     r0, [r4, #P_SHM]
        ldr     r0, [r6, #SHM_REFS]
        subs    r0, r0, #1
        str     r0, [r6, #SHM_REFS]
        moveq   r0, r6
        bleq    shm_free_pages
        pop     {r4-r8, pc}
ENDPROC(shm_unmap_slot)

/* sys_shm_unmap(address) -> 0; -EINVAL if no region is mapped there. */
ENTRY(sys_shm_unmap)
        push    {r4, lr}
        sub     r1, r1, #USER_SHM_BASE
        lsr     r4, r1, #SHM_SLOT_SHIFT
        cmp     r4, #USER_SHM_SLOTS
        bhs     9f
        ldr     r0, =current
        ldr     r0, [r0]
        ldr     r2, [r0, #P_SHM]
        mov     r3, #1
        tst     r2, r3, lsl r4
        beq     9f
        ldr     r0, =shm_lock
        bl      klock_acquire
        ldr     r0, =current
        ldr     r0, [r0]
        mov     r1, r4
        bl      shm_unmap_slot
        ldr     r0, =shm_lock
        bl      klock_release
        mov     r0, #0
        pop     {r4, pc}
9:      mvn     r0, #(EINVAL - 1)
        pop     {r4, pc}
ENDPROC(sys_shm_unmap)

/*
 * shm_release - an exiting process unmaps all its regions (before its
 * address space is freed: those pages are not its own to free).
 * In: r0 = process (the current one).  Out: none.  Clobbers: none.
 * May sleep for shm_lock (klock_acquire returns with IRQs as they were).
 */
ENTRY(shm_release)
        push    {r4, r5, lr}
        mov     r4, r0
        ldr     r0, [r4, #P_SHM]        /* (most processes map none)    */
        cmp     r0, #0
        popeq   {r4, r5, pc}
        ldr     r0, =shm_lock
        bl      klock_acquire
        mov     r5, #0
1:      ldr     r0, [r4, #P_SHM]
        mov     r1, #1
        tst     r0, r1, lsl r5
        movne   r0, r4
        movne   r1, r5
        blne    shm_unmap_slot
        add     r5, r5, #1
        cmp     r5, #USER_SHM_SLOTS
        blo     1b
        ldr     r0, =shm_lock
        pop     {r4, r5, lr}
        b       klock_release
ENDPROC(shm_release)
