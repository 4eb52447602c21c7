/*
 * proc.S - processes: the table, creating one from an app, exit, wait and
 * kill.
 *
 * A process is created (proc_create) in three steps: a free slot in
 * proc_table; an address space with the app's segments and a stack holding
 * its arguments (proc_exec, elf_load); and a kernel page whose IRQ stack
 * holds a made-up saved frame, as if the process had been interrupted at
 * its first instruction in user mode.  Putting it in the run queue is all
 * it takes: the first context switch to it "returns" into the app.
 *
 * Exit (do_exit) runs in the exiting process's own context: it moves to the
 * kernel's translation table, gives back its ASID and every page of its
 * address space, hands its children to nobody, records its wait status,
 * wakes its parent, and leaves the CPU for good.  Its kernel page - the
 * stack it is running on - is freed by the switch that takes it off the
 * CPU (proc_release_kpage); its slot stays, as a zombie, until the parent
 * collects the status with wait.
 *
 * Killing another process (sys_kill, proc_kill) rewrites that process's
 * saved frame so that when it next runs it runs do_exit, in SVC mode, on
 * its own stack - but only where that abandons nothing: while it waits, or
 * when it was interrupted in user mode.  Inside a system call, or holding
 * a kernel lock (P_NOKILL > 0), it is only marked (P_KILLED) and dies at
 * the next safe point: its next wait, its last nokill_leave, or the first
 * tick that finds it back in its app.
 */
#include "kernel.h"
#include "frame.h"
#include "proc.h"

        .bss
        .balign P_SIZE
DATA(proc_table)        .space  NPROC * P_SIZE
ENDDATA(proc_table)
DATA(idle_proc)         .space  P_SIZE
ENDDATA(idle_proc)
next_pid:               .word   0

        .text

/*
 * proc_init - set up the idle process (the boot code's own context, on the
 * boot stacks, using the kernel's translation table and ASID 0).
 * In: none.  Out: none.  Clobbers: none.
 */
ENTRY(proc_init)
        push    {r4, lr}
        ldr     r4, =idle_proc          /* (zeroed: ASID 0, pid 0)      */
        ldr     r0, =kernel_l1
        ldr     r0, [r0]
        str     r0, [r4, #P_L1]
        orr     r0, r0, #TTBR_FLAGS
        str     r0, [r4, #P_TTBR]
        mov     r0, #PS_IDLE
        str     r0, [r4, #P_STATE]
        add     r0, r4, #P_NAME
        ldr     r1, =s_idle
        mov     r2, #A8_NAME_MAX
        bl      strlcpy0
        ldr     r0, =next_pid
        mov     r1, #(INIT_PID + 1)     /* pid 1 is init's alone        */
        str     r1, [r0]
        pop     {r4, pc}
ENDPROC(proc_init)

/*
 * proc_count - the process table's slots in use (any state but free).
 * In: none.  Out: r0 = count.  Clobbers: none.
 */
ENTRY(proc_count)
        ldr     r1, =proc_table
        add     r2, r1, #(NPROC * P_SIZE)
        mov     r0, #0
1:      ldr     r3, [r1, #P_STATE]
        cmp     r3, #PS_FREE
        addne   r0, r0, #1
        add     r1, r1, #P_SIZE
        cmp     r1, r2
        blo     1b
        bx      lr
ENDPROC(proc_count)

/*
 * proc_find - the live process with a pid (not free, not dead).
 * In: r0 = pid.  Out: r0 = process or 0.  Clobbers: none.
 */
ENTRY(proc_find)
        ldr     r1, =proc_table
        add     r2, r1, #(NPROC * P_SIZE)
1:      ldr     r3, [r1, #P_STATE]
        cmp     r3, #PS_FREE
        cmpne   r3, #PS_DEAD
        beq     2f
        ldr     r3, [r1, #P_PID]
        cmp     r3, r0
        moveq   r0, r1
        bxeq    lr
2:      add     r1, r1, #P_SIZE
        cmp     r1, r2
        blo     1b
        mov     r0, #0
        bx      lr
ENDPROC(proc_find)

/*
 * proc_create - start an app as a new process.
 * In: r0 = app name, r1 = NULL-terminated argv (kernel memory; 0 means
 * { name }), r2 = parent pid (0: none), r3 = pid to give it, or 0 for the
 * next free pid.
 * Out: r0 = pid, or a negative errno (the reason is printed).
 * Clobbers: none.  Process context (it may sleep for the SD card).
 */
ENTRY(proc_create)
        push    {r4-r10, lr}
        mov     r5, r0
        mov     r6, r1
        mov     r7, r2
        mov     r8, r3
        /* A free slot. */
        irq_save r9
        ldr     r4, =proc_table
        add     r10, r4, #(NPROC * P_SIZE)
1:      ldr     r0, [r4, #P_STATE]
        cmp     r0, #PS_FREE
        beq     2f
        add     r4, r4, #P_SIZE
        cmp     r4, r10
        blo     1b
        irq_restore r9
        ldr     r0, =m_table_full
        mov     r1, r5
        mov     r2, #NPROC
        bl      printk
        mvn     r0, #(EAGAIN - 1)
        pop     {r4-r10, pc}
2:      mov     r0, r4                  /* claim it, cleared            */
        mov     r1, #P_SIZE
        bl      zero_range
        mov     r0, #PS_NEW
        str     r0, [r4, #P_STATE]
        ldr     r0, =next_pid
        ldr     r1, [r0]
        cmp     r8, #0
        moveq   r8, r1                  /* the next pid ...             */
        addeq   r1, r1, #1
        streq   r1, [r0]
        str     r8, [r4, #P_PID]
        str     r7, [r4, #P_PPID]
        irq_restore r9
        /* Its address space, stack, kernel page and first frame. */
        mov     r0, r4
        mov     r1, r5
        mov     r2, r6
        bl      proc_exec
        cmp     r0, #0
        blt     8f
        /* Ready: let it run.  A kill that came while it was being made
         * takes effect now that it has a frame. */
        cpsid   i
        mov     r0, r4
        bl      make_runnable
        ldr     r1, [r4, #P_KILLED]
        cmp     r1, #0
        movne   r0, r4
        blne    proc_kill
        irq_restore r9
        ldr     r0, [r4, #P_PID]
        pop     {r4-r10, pc}
8:      mov     r5, r0                  /* failed: give the slot back   */
        cpsid   i
        mov     r0, #PS_FREE
        str     r0, [r4, #P_STATE]
        irq_restore r9
        mov     r0, r5
        pop     {r4-r10, pc}
ENDPROC(proc_create)

/*
 * proc_exec - load an app into a process slot: address space, segments,
 * stack with the arguments, kernel page and the first frame.
 * In: r0 = process (P_PID set), r1 = app name, r2 = argv or 0.
 * Out: r0 = 0 or a negative errno; on failure nothing stays allocated.
 * Clobbers: none.
 */
ENTRY(proc_exec)
        push    {r4-r9, lr}
        sub     sp, sp, #8              /* argv {name, 0} if none given */
        mov     r4, r0
        mov     r5, r1
        movs    r6, r2
        streq   r5, [sp]
        moveq   r0, #0
        streq   r0, [sp, #4]
        moveq   r6, sp
        add     r0, r4, #P_NAME
        mov     r1, r5
        mov     r2, #A8_NAME_MAX
        bl      strlcpy0
        mov     r0, r5
        bl      app_find
        movs    r7, r0
        mvneq   r0, #(ENOENT - 1)
        beq     9f
        mov     r0, r4
        bl      as_create
        cmp     r0, #0
        bne     9f
        bl      page_alloc              /* the kernel page: two stacks  */
        cmp     r0, #0
        str     r0, [r4, #P_KPAGE]
        mvneq   r0, #(ENOMEM - 1)
        beq     8f
        mov     r0, r7
        mov     r1, r4
        bl      elf_load                /* r0 = entry point or -errno   */
        cmp     r0, #0
        blt     7f
        mov     r8, r0
        mov     r0, r4
        mov     r1, r6
        bl      stack_setup             /* r0 = user sp, r1 = argc      */
        cmp     r0, #0
        blt     7f
        /* The first frame, on top of the IRQ stack: user mode at the
         * entry point (Thumb if bit 0 of the entry is set), r0 = argc,
         * r1 = argv, sp = the stack prepared above, all else 0. */
        ldr     r9, [r4, #P_KPAGE]
        add     r9, r9, #KPAGE_IRQ_TOP
        sub     r9, r9, #SWITCH_SIZE
        str     r9, [r4, #P_SP_IRQ]
        mov     r7, r0                  /* user sp                      */
        mov     r5, r1                  /* argc                         */
        mov     r0, r9
        mov     r1, #SWITCH_SIZE
        bl      zero_range_words
        ldr     r0, [r4, #P_KPAGE]
        add     r0, r0, #KPAGE_SVC_TOP
        str     r0, [r9, #SWITCH_SVC_SP]
        add     r9, r9, #SWITCH_FRAME
        str     r5, [r9, #FRAME_R0]
        str     r7, [r9, #FRAME_SP]
        str     r7, [r9, #FRAME_R0 + 4] /* r1 = argv, which sits at sp  */
        bic     r0, r8, #1
        str     r0, [r9, #FRAME_PC]
        tst     r8, #1
        movne   r0, #(MODE_USR | PSR_T)
        moveq   r0, #MODE_USR
        str     r0, [r9, #FRAME_PSR]
        mov     r0, r4
        bl      asid_alloc
        mov     r0, #QUANTUM
        str     r0, [r4, #P_QUANTUM]
        mov     r0, #0
        add     sp, sp, #8
        pop     {r4-r9, pc}
        /* Undo, newest first. */
7:      mov     r5, r0
        ldr     r0, [r4, #P_KPAGE]
        bl      page_free
        mov     r0, #0
        str     r0, [r4, #P_KPAGE]
        mov     r0, r5
8:      mov     r5, r0
        mov     r0, r4
        bl      as_destroy
        mov     r0, r5
9:      add     sp, sp, #8
        pop     {r4-r9, pc}
ENDPROC(proc_exec)

/*
 * stack_setup - map the user stack and lay out argc/argv at its top:
 *   USER_TOP ->  the argument strings, packed
 *                (pad to a multiple of 8)
 *          sp -> argv[0] ... argv[argc - 1], NULL
 * In: r0 = process, r1 = NULL-terminated argv in kernel memory.
 * Out: r0 = the user sp (argv) or a negative errno, r1 = argc.
 * Clobbers: none.
 */
LOCAL(stack_setup)
        push    {r4-r11, lr}
        mov     r4, r0
        mov     r5, r1
        /* Map the stack, lowest page first; the last one mapped (the top
         * page) is where the arguments go. */
        ldr     r6, =USER_STACK_BOTTOM
1:      mov     r0, r4
        mov     r1, r6
        ldr     r2, =PTE_UDATA
        bl      as_map_page
        cmp     r0, #0
        beq     9f
        add     r6, r6, #PAGE_SIZE
        cmp     r6, #USER_TOP
        blo     1b
        mov     r7, r0                  /* top page, kernel address     */
        /* Count the arguments and their bytes. */
        mov     r8, #0                  /* argc                         */
        mov     r9, #0                  /* bytes of strings             */
2:      ldr     r0, [r5, r8, lsl #2]
        cmp     r0, #0
        beq     3f
        bl      strlen
        add     r9, r9, r0
        add     r9, r9, #1
        add     r8, r8, #1
        b       2b
        /* Strings at the top (user address r10), pointers below (r11). */
3:      ldr     r10, =USER_TOP
        sub     r10, r10, r9
        bic     r10, r10, #7
        sub     r11, r10, r8, lsl #2
        sub     r11, r11, #4            /* the NULL                     */
        bic     r11, r11, #7            /* AAPCS: sp 8-byte aligned     */
        ldr     r0, =(USER_TOP - PAGE_SIZE)
        sub     r7, r7, r0              /* r7 = kernel - user offset    */
        mov     r6, #0                  /* argument index               */
        ldr     r0, =(USER_TOP - PAGE_SIZE)
        cmp     r11, r0
        blo     8f                      /* more than the top page holds */
4:      cmp     r6, r8
        beq     5f
        add     r0, r11, r7
        str     r10, [r0, r6, lsl #2]   /* argv[i] = user address       */
        ldr     r0, [r5, r6, lsl #2]
        bl      strlen
        add     r2, r0, #1              /* with its NUL                 */
        ldr     r1, [r5, r6, lsl #2]
        add     r0, r10, r7
        add     r10, r10, r2
        bl      memcpy
        add     r6, r6, #1
        b       4b
5:      mov     r0, #0
        add     r1, r11, r7
        str     r0, [r1, r8, lsl #2]    /* argv[argc] = NULL            */
        mov     r0, r11
        mov     r1, r8
        pop     {r4-r11, pc}
8:      mvn     r0, #(E2BIG - 1)
        pop     {r4-r11, pc}
9:      mvn     r0, #(ENOMEM - 1)
        pop     {r4-r11, pc}
ENDPROC(stack_setup)

/*
 * zero_range_words - fill [r0, r0 + r1) with zeros, word by word.
 * In: r0 = start (word aligned), r1 = length (multiple of 4).
 * Out: none.  Clobbers: none.
 */
LOCAL(zero_range_words)
        mov     r2, #0
1:      subs    r1, r1, #4
        strhs   r2, [r0], #4
        bhi     1b
        bx      lr
ENDPROC(zero_range_words)

/*
 * do_exit - end the current process.  Never returns.
 * In: r0 = wait status (exit code << 8, or the kill reason).
 * SVC mode, on the process's own stack.
 */
ENTRY(do_exit)
        mov     r5, r0
        ldr     r4, =current
        ldr     r4, [r4]
        bl      nokill_enter            /* dying already: a kill waits  */
        cpsid   i                       /* for good                     */
        /* What it held: interrupt handlers, UARTs, shared memory (before
         * the address space goes: those pages are not its own), mutexes
         * others wait for. */
        mov     r0, r4
        bl      uirq_release
        mov     r0, r4
        bl      uartdev_release
        mov     r0, r4
        bl      shm_release
        mov     r0, #0
        str     r0, [r4, #P_TICKET]
        ldr     r0, [r4, #P_PID]
        bl      mutex_owner_died
        /* Leave our translation table for the kernel's, then give back
         * the ASID (its TLB entries go) and every page. */
        bl      mm_release
        /* Children: zombies are freed, the others have no parent now. */
        ldr     r6, [r4, #P_PID]
        ldr     r7, =proc_table
        add     r8, r7, #(NPROC * P_SIZE)
1:      ldr     r0, [r7, #P_STATE]
        cmp     r0, #PS_FREE
        beq     3f
        ldr     r1, [r7, #P_PPID]
        cmp     r1, r6
        bne     3f
        mov     r1, #0
        str     r1, [r7, #P_PPID]
        cmp     r0, #PS_ZOMBIE
        bne     3f
        mov     r0, #PS_FREE
        str     r0, [r7, #P_STATE]
3:      add     r7, r7, #P_SIZE
        cmp     r7, r8
        blo     1b
        /* Init: start the next one, now that nothing is left that the
         * new pid 1 could take for its own (children, mutexes). */
        cmp     r6, #INIT_PID
        bleq    init_replace
        /* Out of the run ring; our status for the parent, or nobody
         * will ever ask. */
        mov     r0, r4
        bl      ring_remove
        str     r5, [r4, #P_STATUS]
        ldr     r0, [r4, #P_PPID]
        bl      proc_find
        cmp     r0, #0
        moveq   r1, #PS_DEAD
        movne   r1, #PS_ZOMBIE
        str     r1, [r4, #P_STATE]
        blne    wakeup                  /* the parent waits on itself   */
        /* Off the CPU: the resched interrupt switches away for good. */
        bl      intc_raise_resched
4:      cpsie   i
        b       4b
ENDPROC(do_exit)

/*
 * mm_release - switch the current process to the kernel's translation
 * table, free its ASID, then its whole address space.
 * In: r4 = current process.  Out: none.  Clobbers: none.  IRQs masked.
 */
LOCAL(mm_release)
        push    {r4-r6, lr}
        ldr     r6, =idle_proc          /* the kernel's address space   */
        ldr     r0, [r6, #P_TTBR]
        mov     r1, #0
        mm_switch r0, r1, r2
        mov     r0, r4
        bl      asid_free               /* TLBIASID                     */
        mov     r0, r4
        bl      as_destroy              /* every page and table         */
        ldr     r0, [r6, #P_L1]         /* until the switch: the kernel's */
        str     r0, [r4, #P_L1]
        ldr     r0, [r6, #P_TTBR]
        str     r0, [r4, #P_TTBR]
        pop     {r4-r6, pc}
ENDPROC(mm_release)

/*
 * init_replace - init is exiting: start a new init as pid 1, so that there
 * is always a shell.  The exiting one first gives pid 1 up (its pid
 * becomes -1, which no lookup asks for), so that there is never a second
 * process with pid 1 that a child or a kill could find instead.
 * In: r4 = the exiting init, r5 = its status.  Out: none.
 * Clobbers: none.  Called with IRQs masked; opens them while the new init
 * is loaded (that reads the SD card), and masks them again.
 */
LOCAL(init_replace)
        push    {r4, lr}
        mvn     r0, #0
        str     r0, [r4, #P_PID]
        cpsie   i
        ldr     r0, =m_init_exit
        mov     r1, r5
        bl      printk
        ldr     r0, =s_init
        mov     r1, #0
        mov     r2, #0
        mov     r3, #INIT_PID
        bl      proc_create
        cmp     r0, #0
        ldrlt   r0, =m_no_init
        bllt    printk
        cpsid   i
        pop     {r4, pc}
ENDPROC(init_replace)

/*
 * proc_release_kpage - after an exited process has left the CPU: free its
 * kernel page, and its slot too if nobody will wait for it.
 * In: r0 = process.  Out: none.  Clobbers: none.  IRQ mode.
 */
ENTRY(proc_release_kpage)
        push    {r4, lr}
        mov     r4, r0
        ldr     r0, [r4, #P_KPAGE]
        bl      page_free
        mov     r0, #0
        str     r0, [r4, #P_KPAGE]
        ldr     r0, [r4, #P_STATE]
        cmp     r0, #PS_DEAD
        popne   {r4, pc}
        mov     r0, #PS_FREE
        str     r0, [r4, #P_STATE]
        pop     {r4, pc}
ENDPROC(proc_release_kpage)

/*
 * nokill_enter / nokill_leave - bracket kernel work a process must not be
 * killed in the middle of.  A kill that arrives meanwhile takes effect at
 * the outermost nokill_leave.
 * In: none.  Out: none (nokill_leave may not return).  Clobbers: none.
 */
ENTRY(nokill_enter)
        ldr     r0, =current
        ldr     r0, [r0]
        ldr     r1, [r0, #P_NOKILL]
        add     r1, r1, #1
        str     r1, [r0, #P_NOKILL]
        bx      lr
ENDPROC(nokill_enter)
ENTRY(nokill_leave)
        ldr     r0, =current
        ldr     r0, [r0]
        ldr     r1, [r0, #P_NOKILL]
        subs    r1, r1, #1
        str     r1, [r0, #P_NOKILL]
        bxne    lr
        ldr     r0, [r0, #P_KILLED]
        cmp     r0, #0
        bxeq    lr
        b       do_exit
ENDPROC(nokill_leave)

/*
 * proc_kill - make a process die with a reason.
 * In: r0 = process, r1 = reason (A8_SIG*).  Out: none.  Clobbers: none.
 *
 * The reason is always recorded in P_KILLED.  The process is made to die
 * at once - its saved frame rewritten to "return" into do_exit(reason) in
 * SVC mode, IRQs on, with an empty SVC stack - only where that abandons
 * nothing half done:
 *  - it waits (PS_BLOCKED, PS_SLEEPING): every wait outside a kernel lock
 *    can be walked away from (console, UART, wait, sleep, irq_wait, a
 *    mutex: its ticket is dropped by do_exit);
 *  - its saved frame is a user-mode one: it was interrupted in the app.
 * Anywhere else - inside a system call (its frame is an SVC-mode one),
 * holding a kernel lock (P_NOKILL > 0), not yet made (PS_NEW) - the kill
 * waits: the process dies when it next tries to wait (die_if_killed), when
 * it lets go of its last lock (nokill_leave), or at the first tick that
 * finds it back in user mode (sched_tick).
 * "Its saved frame" is the one its last switch saved, or, for the current
 * process - possible only from an interrupt handler: a user interrupt
 * handler it owned was stopped, or the tick - the one this interrupt
 * saved, on top of its IRQ stack.
 */
ENTRY(proc_kill)
        push    {r4, r5, r6, lr}
        mov     r4, r0
        mov     r5, r1
        irq_save r6
        ldr     r0, [r4, #P_STATE]
        cmp     r0, #PS_ZOMBIE          /* dead already: nothing to do  */
        cmpne   r0, #PS_DEAD
        beq     9f
        str     r5, [r4, #P_KILLED]
        cmp     r0, #PS_NEW             /* no frame yet: proc_create    */
        bls     9f                      /* kills it once it has one     */
        ldr     r1, [r4, #P_NOKILL]
        cmp     r1, #0
        bne     9f                      /* holds a lock: nokill_leave   */
        ldr     r2, [r4, #P_KPAGE]
        ldr     r1, =current
        ldr     r1, [r1]
        cmp     r1, r4
        bne     1f
        add     r2, r2, #KPAGE_IRQ_TOP  /* current: this interrupt's    */
        sub     r2, r2, #FRAME_SIZE     /* frame                        */
        b       2f
1:      ldr     r1, [r4, #P_SP_IRQ]     /* switched out: the frame its  */
        add     r3, r2, #KPAGE_SVC_TOP  /* last switch saved            */
        add     r2, r1, #SWITCH_FRAME
        cmp     r0, #PS_SLEEPING        /* waiting: walk away from it,  */
        cmpne   r0, #PS_BLOCKED         /* SVC stack and all            */
        streq   r3, [r1, #SWITCH_SVC_SP]
        beq     3f
        /* Current and waiting: interrupted in block_current, between
         * leaving the run ring and the switch away.  Its wait is walked
         * away from too (on the SVC stack it has: do_exit never
         * returns); the kill must not wait for a wake-up that may never
         * come. */
2:      cmp     r0, #PS_SLEEPING
        cmpne   r0, #PS_BLOCKED
        beq     3f
        ldr     r0, [r2, #FRAME_PSR]    /* running: only from the app   */
        and     r0, r0, #MODE_MASK
        cmp     r0, #MODE_USR
        bne     9f
3:      str     r5, [r2, #FRAME_R0]
        ldr     r1, =do_exit
        str     r1, [r2, #FRAME_PC]
        mov     r1, #(MODE_SVC | PSR_F)
        str     r1, [r2, #FRAME_PSR]
        mov     r0, r4
        bl      unblock
9:      irq_restore r6
        pop     {r4, r5, r6, pc}
ENDPROC(proc_kill)

        .section .rodata
s_idle:         .asciz  "idle"
DATA(s_init)    .asciz  "init"
ENDDATA(s_init)
m_table_full:   .asciz  "spawn %s: the process table is full (%u processes)\n"
m_init_exit:    .asciz  "init exited (status 0x%x); starting a new one\n"
m_no_init:      .asciz  "no init could be started: there is no shell now\n"
