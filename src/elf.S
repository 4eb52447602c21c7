/*
 * elf.S - checking and loading an app's ELF file.
 *
 * An app is an ELF32 executable for ARM (e_machine 40), linked at
 * USER_BASE by libc/app.ld.  Its PT_LOAD program headers say which bytes
 * of the file go where in memory (p_offset, p_filesz -> p_vaddr) and how
 * much memory the segment takes (p_memsz; the part beyond p_filesz is
 * .bss, zero).  The flags decide the page permissions:
 *   PF_X            code: user read-only, executable      (PTE_UTEXT)
 *   PF_W            data: user read/write, execute-never  (PTE_UDATA)
 *   neither         constants: user read-only, XN         (PTE_URODATA)
 * A segment both writable and executable is refused (write XOR execute),
 * as is one outside the user region, one that runs past the end of the
 * file, two that share a page, and an entry point outside the code.
 *
 * Pages come zeroed from the allocator, so .bss costs nothing but the
 * mapping.  Code is written through the kernel's mapping (the data cache);
 * before it can be fetched, sync_icache_range cleans those lines and
 * invalidates the instruction cache.
 */
#include "kernel.h"
#include "proc.h"
#include "elf.h"
#include "a8os/appimg.h"

#define EXTRA_PAGES     (USER_STACK_SIZE / PAGE_SIZE + 4 + 1)  /* stack, L1, kernel page */

        .bss
        .balign 4
elf_buf:        .space  EH_SIZE + PH_MAX * PH_SIZE
        .balign 4
elf_entry_ok:   .word   0

        .text

/*
 * elf_check - read and check an app's ELF header and program headers
 * (into elf_buf), and count the pages it needs.
 * In: r0 -> app entry.  Caller holds app_lock.
 * Out: r0 = pages needed, or -ENOEXEC with the reason printed.
 * Clobbers: none.
 */
ENTRY(elf_check)
        push    {r4-r11, lr}
        mov     r4, r0
        ldr     r5, [r4, #APPIMG_E_SIZE]
        ldr     r6, =elf_buf
        cmp     r5, #EH_SIZE
        ldrlo   r0, =m_short
        movlo   r2, r5
        blo     8f
        mov     r0, r4
        mov     r1, #0
        mov     r2, r6
        mov     r3, #EH_SIZE
        bl      app_read
        cmp     r0, #0
        ldrne   r0, =m_unreadable
        bne     8f
        /* Identification. */
        ldr     r0, [r6, #EH_IDENT]
        ldr     r1, =ELF_MAGIC
        cmp     r0, r1
        ldrne   r0, =m_not_elf
        bne     8f
        ldrb    r0, [r6, #(EH_IDENT + 4)]
        ldrb    r1, [r6, #(EH_IDENT + 5)]
        cmp     r0, #ELFCLASS32
        cmpeq   r1, #ELFDATA2LSB
        ldrne   r0, =m_not_32le
        bne     8f
        ldrh    r2, [r6, #EH_TYPE]
        cmp     r2, #ET_EXEC
        ldrne   r0, =m_not_exec
        bne     8f
        ldrh    r2, [r6, #EH_MACHINE]
        cmp     r2, #EM_ARM
        ldrne   r0, =m_not_arm
        bne     8f
        /* The program header table. */
        ldrh    r0, [r6, #EH_PHENTSIZE]
        ldrh    r7, [r6, #EH_PHNUM]
        cmp     r0, #PH_SIZE
        bne     1f
        cmp     r7, #0
        beq     1f
        cmp     r7, #PH_MAX
        bls     2f
1:      ldr     r0, =m_bad_phdrs
        b       8f
2:      ldr     r1, [r6, #EH_PHOFF]
        lsl     r3, r7, #5              /* phnum * 32                   */
        adds    r2, r1, r3
        bcs     3f
        cmp     r2, r5
        bls     4f
3:      ldr     r0, =m_trunc_phdrs
        mov     r2, r5
        b       8f
4:      mov     r0, r4
        add     r2, r6, #EH_SIZE
        bl      app_read
        cmp     r0, #0
        ldrne   r0, =m_unreadable
        bne     8f
        /* The segments.  r8 = index, r9 = pages, r10 -> header. */
        mov     r9, #0
        mov     r8, #0
        ldr     r0, =elf_entry_ok
        str     r8, [r0]
5:      cmp     r8, r7
        bhs     6f
        add     r10, r6, #EH_SIZE
        add     r10, r10, r8, lsl #5
        ldr     r0, [r10, #PH_TYPE]
        cmp     r0, #PT_LOAD
        bne     55f
        ldr     r0, [r10, #PH_MEMSZ]
        cmp     r0, #0
        beq     55f
        mov     r0, r10
        mov     r1, r8
        bl      segment_check           /* r0 = its pages, or < 0       */
        cmp     r0, #0
        blt     9f
        add     r9, r9, r0
55:     add     r8, r8, #1
        b       5b
6:      ldr     r0, =elf_entry_ok
        ldr     r0, [r0]
        cmp     r0, #0
        ldreq   r0, =m_bad_entry
        ldreq   r2, [r6, #EH_ENTRY]
        beq     8f
        /* Plus its stack, tables and kernel page; an L2 page per segment
         * and one for the stack at most. */
        add     r9, r9, #EXTRA_PAGES
        add     r9, r9, r7
        add     r9, r9, #1
        ldr     r0, =pages_total
        ldr     r3, [r0]
        cmp     r9, r3
        ldrhi   r0, =m_too_big
        movhi   r2, r9
        bhi     8f
        mov     r0, r9
        pop     {r4-r11, pc}
        /* Print "app 'NAME': reason" (r0 = format, r2, r3 = its args). */
8:      add     r1, r4, #APPIMG_E_NAME
        bl      printk
9:      mvn     r0, #(ENOEXEC - 1)
        pop     {r4-r11, pc}
ENDPROC(elf_check)

/*
 * segment_check - check one PT_LOAD segment against the file, the user
 * region, W^X and the segments before it; note if it holds the entry.
 * In: r0 -> program header (in elf_buf), r1 = its index; r4 -> app,
 *     r5 = file size, r6 = elf_buf (as in elf_check).
 * Out: r0 = pages it spans, or -ENOEXEC with the reason printed.
 * Clobbers: none.
 */
LOCAL(segment_check)
        push    {r4-r11, lr}
        mov     r7, r0
        mov     r8, r1
        ldr     r0, [r7, #PH_FILESZ]
        ldr     r1, [r7, #PH_MEMSZ]
        cmp     r0, r1
        ldrhi   r0, =m_bad_sizes
        bhi     8f
        ldr     r1, [r7, #PH_OFFSET]    /* within the file              */
        adds    r2, r1, r0
        bcs     1f
        cmp     r2, r5
        bls     2f
1:      push    {r5}
        ldr     r0, =m_trunc_seg
        mov     r3, r2
        mov     r2, r8
        add     r1, r4, #APPIMG_E_NAME
        bl      printk
        add     sp, sp, #4
        b       9f
2:      ldr     r9, [r7, #PH_VADDR]     /* within user space            */
        ldr     r1, [r7, #PH_MEMSZ]
        adds    r10, r9, r1             /* r10 = end                    */
        bcs     3f
        cmp     r9, #USER_BASE
        blo     3f
        ldr     r0, =USER_HEAP_LIMIT
        cmp     r10, r0
        bls     4f
3:      push    {r10}
        ldr     r0, =m_outside
        mov     r3, r9
        mov     r2, r8
        add     r1, r4, #APPIMG_E_NAME
        bl      printk
        add     sp, sp, #4
        b       9f
4:      ldr     r0, [r7, #PH_FLAGS]     /* write XOR execute            */
        and     r1, r0, #(PF_W | PF_X)
        cmp     r1, #(PF_W | PF_X)
        ldreq   r0, =m_wx
        beq     8f
        tst     r0, #PF_X               /* does it hold the entry?      */
        beq     5f
        ldr     r1, [r6, #EH_ENTRY]
        bic     r1, r1, #1              /* (Thumb entries have bit 0)   */
        cmp     r1, r9
        blo     5f
        cmp     r1, r10
        bhs     5f
        ldr     r0, =elf_entry_ok
        mov     r1, #1
        str     r1, [r0]
        /* Its pages: [r9 rounded down, r10 rounded up). */
5:      align_down r9, PAGE_SHIFT
        align_up r10, PAGE_SHIFT
        /* No page shared with an earlier segment. */
        mov     r11, #0
6:      cmp     r11, r8
        bhs     7f
        add     r0, r6, #EH_SIZE
        add     r0, r0, r11, lsl #5
        ldr     r1, [r0, #PH_TYPE]
        ldr     r2, [r0, #PH_MEMSZ]
        cmp     r1, #PT_LOAD
        cmpeq   r2, #0
        beq     65f                     /* (memsz 0 when PT_LOAD)       */
        cmp     r1, #PT_LOAD
        bne     65f
        ldr     r1, [r0, #PH_VADDR]
        add     r2, r1, r2
        align_down r1, PAGE_SHIFT
        align_up r2, PAGE_SHIFT
        cmp     r1, r10                 /* overlap: start < our end ... */
        bhs     65f
        cmp     r9, r2                  /* ... and our start < its end  */
        bhs     65f
        ldr     r0, =m_shared
        mov     r3, r8
        mov     r2, r11
        add     r1, r4, #APPIMG_E_NAME
        bl      printk
        b       9f
65:     add     r11, r11, #1
        b       6b
7:      sub     r0, r10, r9
        lsr     r0, r0, #PAGE_SHIFT
        pop     {r4-r11, pc}
8:      mov     r2, r8
        add     r1, r4, #APPIMG_E_NAME
        bl      printk
9:      mvn     r0, #(ENOEXEC - 1)
        pop     {r4-r11, pc}
ENDPROC(segment_check)

/*
 * elf_load - load an app into a process's (new, empty) address space.
 * In: r0 -> app entry, r1 = process.
 * Out: r0 = entry point (bit 0 set for Thumb), or a negative errno with
 * the reason printed.  P_HEAP and P_BRK are set to the page after the last
 * segment.  Clobbers: none.  Process context.
 */
ENTRY(elf_load)
        push    {r4-r11, lr}
        mov     r4, r0
        mov     r5, r1
        ldr     r0, =app_lock
        bl      klock_acquire
        /* The card may have changed since boot: check the CRC again. */
        mov     r0, r4
        bl      app_crc
        cmp     r0, #0
        bne     7f
        ldr     r2, [r4, #APPIMG_E_CRC]
        cmp     r1, r2
        beq     1f
        mov     r3, r1
        ldr     r0, =m_changed
        add     r1, r4, #APPIMG_E_NAME
        bl      printk
        mvn     r0, #(EIO - 1)
        b       9f
1:      mov     r0, r4
        bl      elf_check
        cmp     r0, #0
        blt     9f
        ldr     r1, =pages_free         /* enough memory for it all?    */
        ldr     r3, [r1]
        cmp     r0, r3
        bls     2f
        mov     r2, r0
        ldr     r0, =m_no_memory
        add     r1, r4, #APPIMG_E_NAME
        bl      printk
        mvn     r0, #(ENOMEM - 1)
        b       9f
        /* Each PT_LOAD segment; r11 = the highest end so far. */
2:      ldr     r6, =elf_buf
        ldrh    r7, [r6, #EH_PHNUM]
        mov     r8, #0
        mov     r11, #USER_BASE
3:      cmp     r8, r7
        bhs     5f
        add     r10, r6, #EH_SIZE
        add     r10, r10, r8, lsl #5
        add     r8, r8, #1
        ldr     r0, [r10, #PH_TYPE]
        cmp     r0, #PT_LOAD
        bne     3b
        ldr     r1, [r10, #PH_MEMSZ]
        cmp     r1, #0
        beq     3b
        ldr     r0, [r10, #PH_VADDR]
        add     r0, r0, r1
        cmp     r0, r11
        movhi   r11, r0
        mov     r0, r10
        bl      load_segment
        cmp     r0, #0
        beq     3b
        mov     r7, r0
        cmn     r7, #ENOMEM
        ldreq   r0, =m_no_memory_now
        ldrne   r0, =m_unreadable_now
        add     r1, r4, #APPIMG_E_NAME
        bl      printk
        mov     r0, r7
        b       9f
        /* The heap starts on the next page. */
5:      align_up r11, PAGE_SHIFT
        str     r11, [r5, #P_HEAP]
        str     r11, [r5, #P_BRK]
        ldr     r0, [r6, #EH_ENTRY]
        b       9f
7:      ldr     r0, =m_unreadable_now
        add     r1, r4, #APPIMG_E_NAME
        bl      printk
        mvn     r0, #(EIO - 1)
9:      mov     r4, r0
        ldr     r0, =app_lock
        bl      klock_release
        mov     r0, r4
        pop     {r4-r11, pc}
ENDPROC(elf_load)

/*
 * load_segment - map a segment's pages and fill them from the file.
 * In: r0 -> program header; r4 -> app, r5 = process (as in elf_load).
 * Out: r0 = 0, or -ENOMEM / -EIO.  Clobbers: none.
 */
LOCAL(load_segment)
        push    {r4-r11, lr}
        mov     r6, r0
        ldr     r0, [r6, #PH_FLAGS]
        tst     r0, #PF_X
        ldrne   r7, =PTE_UTEXT
        bne     1f
        tst     r0, #PF_W
        ldrne   r7, =PTE_UDATA
        ldreq   r7, =PTE_URODATA
1:      ldr     r8, [r6, #PH_VADDR]     /* r8 = page being filled       */
        align_down r8, PAGE_SHIFT
        ldr     r9, [r6, #PH_VADDR]
        ldr     r0, [r6, #PH_MEMSZ]
        add     r9, r9, r0              /* r9 = end of the segment      */
2:      cmp     r8, r9
        movhs   r0, #0
        pophs   {r4-r11, pc}
        mov     r0, r5
        mov     r1, r8
        mov     r2, r7
        bl      as_map_page
        movs    r10, r0                 /* r10 = the page (kernel addr) */
        mvneq   r0, #(ENOMEM - 1)
        popeq   {r4-r11, pc}
        /* File bytes for this page: [max(page, vaddr), min(page + 4K,
         * vaddr + filesz)). */
        ldr     r0, [r6, #PH_VADDR]
        cmp     r0, r8
        movlo   r0, r8                  /* r0 = start                   */
        ldr     r1, [r6, #PH_VADDR]
        ldr     r2, [r6, #PH_FILESZ]
        add     r1, r1, r2
        add     r2, r8, #PAGE_SIZE
        cmp     r1, r2
        movhi   r1, r2                  /* r1 = end                     */
        cmp     r0, r1
        bhs     3f
        sub     r3, r1, r0              /* length                       */
        sub     r2, r0, r8
        add     r2, r10, r2             /* destination                  */
        ldr     r1, [r6, #PH_VADDR]
        sub     r1, r0, r1
        ldr     r0, [r6, #PH_OFFSET]
        add     r1, r0, r1              /* offset in the file           */
        mov     r0, r4
        bl      app_read
        cmp     r0, #0
        popne   {r4-r11, pc}
3:      ldr     r0, [r6, #PH_FLAGS]
        tst     r0, #PF_X
        beq     4f
        mov     r0, r10
        add     r1, r10, #PAGE_SIZE
        bl      sync_icache_range
4:      add     r8, r8, #PAGE_SIZE
        b       2b
ENDPROC(load_segment)

        .section .rodata
m_short:        .asciz  "app '%s': too short to be an ELF file (%u bytes)\n"
m_unreadable:   .asciz  "app '%s': could not be read from the card\n"
m_not_elf:      .asciz  "app '%s': not an ELF file (bad magic)\n"
m_not_32le:     .asciz  "app '%s': not a 32-bit little-endian ELF file\n"
m_not_exec:     .asciz  "app '%s': not an executable (ELF type %u)\n"
m_not_arm:      .asciz  "app '%s': not an ARM executable (ELF machine %u)\n"
m_bad_phdrs:    .asciz  "app '%s': bad program header table\n"
m_trunc_phdrs:  .asciz  "app '%s': truncated: its program headers lie past its %u bytes\n"
m_bad_sizes:    .asciz  "app '%s': segment %u: file size larger than memory size\n"
m_trunc_seg:    .asciz  "app '%s': truncated: segment %u needs bytes up to %u, the file has %u\n"
m_outside:      .asciz  "app '%s': segment %u at %p-%p is outside the user region\n"
m_wx:           .asciz  "app '%s': segment %u is both writable and executable\n"
m_shared:       .asciz  "app '%s': segments %u and %u share a page\n"
m_bad_entry:    .asciz  "app '%s': entry point %p is not in an executable segment\n"
m_too_big:      .asciz  "app '%s': needs %u pages of memory, more than the %u there are\n"
m_changed:      .asciz  "app '%s': expected CRC 0x%08x, the card now gives 0x%08x: was the card changed?\n"
m_no_memory:    .asciz  "app '%s': needs %u pages of memory, %u are free\n"
m_no_memory_now: .asciz "app '%s': ran out of memory while loading\n"
m_unreadable_now: .asciz "app '%s': could not be read from the SD card\n"
