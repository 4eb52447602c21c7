/*
 * a8os/layout.h - the virtual address layout of a process, shared by the
 * kernel, libc's app linker script (libc/app.ld) and the app loader.
 *
 *   0x00000000 ..            unmapped (page 0 and the rest of low memory)
 *   USER_BASE  0x20000000    the app's ELF segments: code (read-only,
 *                            executable), read-only data, data and .bss
 *                            (read/write, execute-never), page aligned
 *   break                    the heap, grown by sbrk from the page after
 *                            the last segment, up to USER_HEAP_LIMIT
 *   USER_SHM_BASE 0x3C000000 shared memory regions (shm_map), one 1 MiB
 *                            slot each: a region has the same address in
 *                            every process that maps it
 *   USER_IRQ_STACK           one page: the stack of the process's
 *                            interrupt handlers (mapped on first attach),
 *                            unmapped pages above and below it
 *   USER_STACK_BOTTOM        the stack, USER_STACK_SIZE bytes, grows down;
 *                            the page below it is never mapped (guard)
 *   USER_TOP   0x40000000    end of user space; above it, the kernel's
 *                            global mappings (RAM, devices, vectors)
 */
#ifndef A8OS_LAYOUT_H
#define A8OS_LAYOUT_H

#define USER_BASE           0x20000000
#define USER_TOP            0x40000000
#define USER_STACK_SIZE     0x00010000  /* 64 KiB                       */
#define USER_STACK_BOTTOM   (USER_TOP - USER_STACK_SIZE)
#define USER_GUARD_PAGE     (USER_STACK_BOTTOM - 0x1000)
#define USER_IRQ_STACK      (USER_GUARD_PAGE - 0x1000)  /* one page     */
#define USER_IRQ_STACK_TOP  (USER_IRQ_STACK + 0x1000)
#define USER_SHM_BASE       0x3C000000
#define USER_SHM_SLOTS      16          /* 1 MiB each: to 0x3D000000    */
#define USER_HEAP_LIMIT     USER_SHM_BASE

#endif /* A8OS_LAYOUT_H */
