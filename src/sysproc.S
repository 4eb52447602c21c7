/*
 * sysproc.S - the system calls about processes and memory: spawn, wait,
 * kill, ps, meminfo, sbrk.
 *
 * Every user pointer is checked (vm.S: user_check, copy_to_user,
 * strncpy_from_user) before the kernel reads or writes through it.
 */
#include "kernel.h"
#include "proc.h"

/* The page sys_spawn copies its arguments into. */
#define ARGS_NAME       0                       /* the app name          */
#define ARGS_ARGV       A8_NAME_MAX             /* pointer array         */
#define ARGS_STRINGS    128                     /* the strings           */
#define PROCINFO_SIZE   36                      /* struct a8_procinfo    */
#define PI_PID          0
#define PI_PPID         4
#define PI_STATE        8
#define PI_TICKS        12
#define PI_PAGES        16
#define PI_NAME         20

        .text

/*
 * sys_spawn(app, argv) -> pid.  The name and the arguments are copied
 * into a kernel page first; then proc_create does the work.  The caller
 * cannot be killed half-way (it would leave a half-made child).
 */
ENTRY(sys_spawn)
        push    {r4-r10, lr}
        mov     r5, r1
        mov     r6, r2
        bl      nokill_enter
        bl      page_alloc
        movs    r4, r0
        mvneq   r10, #(ENOMEM - 1)
        beq     9f
        add     r0, r4, #ARGS_NAME
        mov     r1, r5
        mov     r2, #A8_NAME_MAX
        bl      strncpy_from_user
        movs    r10, r0
        blt     8f
        mvneq   r10, #(ENOENT - 1)      /* "" names no app              */
        beq     8f
        /* The arguments: up to A8_ARGV_MAX pointers, the strings within
         * A8_ARGS_BYTES.  r7 = index, r8 -> where the next string goes,
         * r9 = bytes left. */
        add     r0, r4, #ARGS_NAME
        str     r0, [r4, #ARGS_ARGV]    /* argv = { name } if none given */
        cmp     r6, #0
        moveq   r7, #1
        beq     3f
        mov     r7, #0
        add     r8, r4, #ARGS_STRINGS
        mov     r9, #A8_ARGS_BYTES
1:      sub     sp, sp, #8
        mov     r0, sp
        add     r1, r6, r7, lsl #2
        mov     r2, #4
        bl      copy_from_user          /* argv[i], a user pointer      */
        ldr     r1, [sp]
        add     sp, sp, #8
        movs    r10, r0
        bne     8f
        cmp     r1, #0
        beq     3f                      /* the terminating NULL         */
        cmp     r7, #A8_ARGV_MAX        /* one more than there is room  */
        mvnhs   r10, #(E2BIG - 1)       /* for                          */
        bhs     8f
        mov     r0, r8
        mov     r2, r9
        bl      strncpy_from_user
        movs    r10, r0
        bge     2f
        cmn     r10, #ENAMETOOLONG      /* ran out of room: too many    */
        mvneq   r10, #(E2BIG - 1)       /* bytes of arguments           */
        b       8f
2:      add     r0, r4, #ARGS_ARGV
        str     r8, [r0, r7, lsl #2]
        add     r10, r10, #1            /* the NUL                      */
        add     r8, r8, r10
        sub     r9, r9, r10
        add     r7, r7, #1
        b       1b
3:      add     r0, r4, #ARGS_ARGV
        mov     r1, #0
        str     r1, [r0, r7, lsl #2]
        /* Create it, as a child of the caller. */
        add     r0, r4, #ARGS_NAME
        add     r1, r4, #ARGS_ARGV
        ldr     r2, =current
        ldr     r2, [r2]
        ldr     r2, [r2, #P_PID]
        mov     r3, #0
        bl      proc_create
        mov     r10, r0
8:      mov     r0, r4
        bl      page_free
9:      bl      nokill_leave
        mov     r0, r10
        pop     {r4-r10, pc}
ENDPROC(sys_spawn)

/*
 * sys_wait(pid, status, flags) -> pid of the child collected.
 * pid -1: any child.  Blocks until a matching child has exited, unless
 * flags has A8_WNOHANG (then 0 when none has).  -ECHILD if the caller has
 * no such child at all.
 */
ENTRY(sys_wait)
        push    {r4-r10, lr}
        mov     r5, r1
        mov     r6, r2
        mov     r7, r3
        cmp     r6, #0                  /* the status pointer, if any   */
        beq     1f
        mov     r0, r6
        mov     r1, #4
        mov     r2, #1
        bl      user_check
        cmp     r0, #0
        popne   {r4-r10, pc}
1:      ldr     r4, =current
        ldr     r4, [r4]
        ldr     r10, [r4, #P_PID]
2:      cpsid   i
        mov     r9, #0                  /* children found               */
        ldr     r8, =proc_table
3:      ldr     r0, [r8, #P_STATE]
        cmp     r0, #PS_FREE
        cmpne   r0, #PS_DEAD
        beq     5f
        ldr     r1, [r8, #P_PPID]
        cmp     r1, r10
        bne     5f
        ldr     r1, [r8, #P_PID]
        cmn     r5, #1
        cmpne   r1, r5
        bne     5f
        add     r9, r9, #1
        cmp     r0, #PS_ZOMBIE
        bne     5f
        ldr     r2, [r8, #P_KPAGE]      /* off the CPU for good yet?    */
        cmp     r2, #0
        beq     6f
5:      add     r8, r8, #P_SIZE
        ldr     r0, =(proc_table + NPROC * P_SIZE)
        cmp     r8, r0
        blo     3b
        cmp     r9, #0
        mvneq   r0, #(ECHILD - 1)
        beq     7f
        tst     r7, #A8_WNOHANG
        movne   r0, #0
        bne     7f
        mov     r0, r4                  /* a parent waits on itself     */
        bl      sleep_on
        cpsie   i
        b       2b
        /* Collect it: its status, then its slot. */
6:      ldr     r1, [r8, #P_STATUS]
        cmp     r6, #0
        strne   r1, [r6]
        mov     r0, #PS_FREE
        str     r0, [r8, #P_STATE]
        ldr     r0, [r8, #P_PID]
7:      cpsie   i
        pop     {r4-r10, pc}
ENDPROC(sys_wait)

/*
 * sys_kill(pid) -> 0.  The process dies with A8_SIGKILL; killing oneself
 * is exiting.  pid 0 (the kernel's idle process) cannot be killed.
 */
ENTRY(sys_kill)
        push    {r4, lr}
        cmp     r1, #0
        mvnle   r0, #(ESRCH - 1)
        pople   {r4, pc}
        mov     r0, r1
        bl      proc_find
        movs    r4, r0
        mvneq   r0, #(ESRCH - 1)
        popeq   {r4, pc}
        ldr     r0, [r4, #P_STATE]
        cmp     r0, #PS_ZOMBIE
        mvneq   r0, #(ESRCH - 1)        /* already gone                 */
        popeq   {r4, pc}
        ldr     r0, =current
        ldr     r0, [r0]
        cmp     r0, r4
        moveq   r0, #A8_SIGKILL
        beq     do_exit
        mov     r0, r4
        mov     r1, #A8_SIGKILL
        bl      proc_kill
        mov     r0, #0
        pop     {r4, pc}
ENDPROC(sys_kill)

/*
 * sys_ps(buf, max) -> number of entries written: the idle process first,
 * then every process in the table that has not been collected.
 */
ENTRY(sys_ps)
        push    {r4-r8, lr}
        mov     r4, r1
        mov     r5, r2
        cmp     r5, #0
        movle   r0, #0
        pople   {r4-r8, pc}
        cmp     r5, #(NPROC + 1)        /* no more entries than exist:  */
        movhi   r5, #(NPROC + 1)        /* the size below cannot wrap   */
        mov     r0, #PROCINFO_SIZE
        mul     r1, r5, r0
        mov     r0, r4
        mov     r2, #1
        bl      user_check
        cmp     r0, #0
        popne   {r4-r8, pc}
        mov     r6, #0                  /* entries written              */
        ldr     r7, =idle_proc
        bl      procinfo_fill
        ldr     r7, =proc_table
        ldr     r8, =(proc_table + NPROC * P_SIZE)
1:      cmp     r6, r5
        bhs     2f
        ldr     r0, [r7, #P_STATE]
        cmp     r0, #PS_FREE
        cmpne   r0, #PS_DEAD
        cmpne   r0, #PS_NEW
        blne    procinfo_fill
        add     r7, r7, #P_SIZE
        cmp     r7, r8
        blo     1b
2:      mov     r0, r6
        pop     {r4-r8, pc}
ENDPROC(sys_ps)

/* Write entry r6 of the user buffer r4 from process r7; r6 += 1. */
LOCAL(procinfo_fill)
        push    {r4, lr}
        mov     r0, #PROCINFO_SIZE
        mla     r4, r6, r0, r4          /* -> the entry                 */
        ldr     r0, [r7, #P_PID]
        str     r0, [r4, #PI_PID]
        ldr     r0, [r7, #P_PPID]
        str     r0, [r4, #PI_PPID]
        ldr     r0, [r7, #P_STATE]
        ldr     r1, =state_letters
        ldrb    r0, [r1, r0]
        str     r0, [r4, #PI_STATE]
        ldr     r0, [r7, #P_TICKS]
        str     r0, [r4, #PI_TICKS]
        ldr     r0, [r7, #P_PAGES]
        str     r0, [r4, #PI_PAGES]
        add     r0, r4, #PI_NAME
        add     r1, r7, #P_NAME
        mov     r2, #A8_NAME_MAX
        bl      memcpy
        add     r6, r6, #1
        pop     {r4, pc}
ENDPROC(procinfo_fill)

/* sys_meminfo(info) -> 0: the counts of struct a8_meminfo. */
ENTRY(sys_meminfo)
        push    {r4, lr}
        mov     r4, r1
        mov     r0, r4
        mov     r1, #24
        mov     r2, #1
        bl      user_check
        cmp     r0, #0
        popne   {r4, pc}
        ldr     r0, =pages_total
        ldr     r0, [r0]
        ldr     r1, =pages_free
        ldr     r1, [r1]
        ldr     r2, =asids_used
        ldr     r2, [r2]
        ldr     r3, =asid_rollovers
        ldr     r3, [r3]
        stmia   r4!, {r0-r3}
        bl      proc_count
        mov     r1, #NPROC
        stmia   r4, {r0, r1}
        mov     r0, #0
        pop     {r4, pc}
ENDPROC(sys_meminfo)

/*
 * sys_sbrk(increment) -> the old break.  The heap grows (or shrinks) by
 * whole pages, mapped read/write and execute-never, from P_HEAP up to at
 * most USER_HEAP_LIMIT (a8os/layout.h).  If memory runs out half-way, the
 * pages mapped by this call are unmapped again and the break stays.
 */
ENTRY(sys_sbrk)
        push    {r4-r8, lr}
        ldr     r4, =current
        ldr     r4, [r4]
        ldr     r5, [r4, #P_BRK]        /* old break                    */
        adds    r6, r5, r1              /* new break                    */
        bvs     9f
        ldr     r0, [r4, #P_HEAP]
        cmp     r6, r0
        blo     9f
        ldr     r0, =USER_HEAP_LIMIT
        cmp     r6, r0
        bhi     9f
        mov     r7, r5                  /* r7, r8 = old, new page tops  */
        align_up r7, PAGE_SHIFT
        mov     r8, r6
        align_up r8, PAGE_SHIFT
        cmp     r8, r7
        bhs     1f
        mov     r0, r8                  /* shrink: unmap [new, old)     */
        mov     r1, r7
        bl      unmap_range
        b       3f
1:      mov     r0, r7                  /* grow: map [old, new)         */
        mov     r1, r8
        bl      map_range               /* r0 = end of what got mapped  */
        cmp     r0, r8
        beq     3f
        mov     r1, r0                  /* out of memory: undo          */
        mov     r0, r7
        bl      unmap_range
        b       9f
3:      str     r6, [r4, #P_BRK]
        mov     r0, r5
        pop     {r4-r8, pc}
9:      mvn     r0, #(ENOMEM - 1)
        pop     {r4-r8, pc}
ENDPROC(sys_sbrk)

/* Map zeroed heap pages over [r0, r1) for process r4; r0 = how far it
 * got (r1 if all were mapped). */
LOCAL(map_range)
        push    {r5, r6, r7, lr}
        mov     r5, r0
        mov     r6, r1
1:      cmp     r5, r6
        bhs     2f
        mov     r0, r4
        mov     r1, r5
        ldr     r2, =PTE_UDATA
        bl      as_map_page
        cmp     r0, #0
        beq     2f
        add     r5, r5, #PAGE_SIZE
        b       1b
2:      mov     r0, r5
        pop     {r5, r6, r7, pc}
ENDPROC(map_range)

/* Unmap and free the pages of [r0, r1) of process r4. */
LOCAL(unmap_range)
        push    {r5, r6, r7, lr}
        mov     r5, r0
        mov     r6, r1
1:      cmp     r5, r6
        bhs     2f
        mov     r0, r4
        mov     r1, r5
        bl      as_unmap_page
        add     r5, r5, #PAGE_SIZE
        b       1b
2:      pop     {r5, r6, r7, pc}
ENDPROC(unmap_range)

        .section .rodata
/* ps state letters, by PS_* */
state_letters:  .ascii  "?" "N" "R" "S" "B" "Z" "D" "R"
