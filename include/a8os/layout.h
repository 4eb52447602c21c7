/*
 * a8os/layout.h - the virtual address layout of a process, shared by the
 * kernel, libc's app linker script (libc/app.ld) and the app loader.
 *
 *   0x00000000 ..            unmapped (page 0 and the rest of low memory)
 *   USER_BASE  0x20000000    the app's ELF segments: code (read-only,
 *                            executable), read-only data, data and .bss
 *                            (read/write, execute-never), page aligned
 *   break                    the heap, grown by sbrk from the page after
 *                            the last segment
 *   ...                      unmapped; the heap never reaches the page
 *                            just below the stack (the guard page)
 *   USER_STACK_BOTTOM        the stack, USER_STACK_SIZE bytes, grows down
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

#endif /* A8OS_LAYOUT_H */
