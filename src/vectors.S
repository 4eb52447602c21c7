/*
 * vectors.S - the exception vector table and the first instructions of
 * every exception entry.
 *
 * On an exception the Cortex-A8 switches mode, saves the interrupted CPSR in
 * the new mode's SPSR and the return address in its banked lr, and fetches
 * the instruction at VBAR + offset (undefined 0x04, SVC 0x08, prefetch
 * abort 0x0C, data abort 0x10, IRQ 0x18, FIQ 0x1C).  Each vector holds one
 * branch; the SVC vector loads the address of the system call entry
 * straight into pc, so that a system call costs one instruction here.
 *
 * All of this file is one page, the "vector page", linked at VECTORS_VIRT
 * (0xFFFF0000) and placed in the kernel image after .text (layout.ld).  The
 * MMU maps it at VECTORS_VIRT in domain 2 next to a page of exception-mode
 * stacks (EXCSTACK_VIRT).  Domain 2 stays open even while domain 0, the
 * kernel, is closed for a user interrupt handler, so an exception taken then
 * can still be entered, can reopen the kernel domain and be reported.
 *
 * Before the MMU is on, VBAR points at the page's physical copy instead; the
 * stubs use only PC-relative branches inside the page, so they run at both
 * addresses (vectors_init_early, vectors_init).
 */
#include "kernel.h"
#include "frame.h"
#include "intc.h"
#include "irq.h"

        .section .vectors, "ax"
        .arm

/* The table itself: VBAR must be 32-byte aligned. */
        .balign 32
ENTRY(vector_table)
        b       reset_entry             /* 0x00: not used via VBAR      */
        b       undef_entry             /* 0x04: undefined instruction  */
        ldr     pc, =svc_entry          /* 0x08: supervisor call: swi.S */
        b       pabt_entry              /* 0x0C: prefetch abort         */
        b       dabt_entry              /* 0x10: data abort             */
        b       hyp_entry               /* 0x14: not used on ARMv7-A    */
        b       irq_entry               /* 0x18: interrupt              */
        b       fiq_entry               /* 0x1C: fast interrupt         */
ENDPROC(vector_table)

/*
 * trap_stub - macro for the entry of an exception that is reported, not
 * resumed (aborts, undefined instructions, and the unexpected ones).
 *   \type    TRAP_* code handed to trap_common
 *   \mode    the mode the exception enters
 *   \adjust  how far lr is past the instruction to report (B1.8.3)
 * Builds a trap frame (frame.h) on the mode's stack, without r13/r14 which
 * trap_common fills in, and leaves r0 = type.
 */
        .macro  trap_stub type, mode, adjust
        sub     lr, lr, #\adjust        /* lr -> the faulting instruction */
        srsdb   sp!, #\mode             /* push that pc and the SPSR      */
        sub     sp, sp, #FRAME_REGS
        stmia   sp, {r0-r12}            /* r13/r14 come in trap_common    */
        mov     r0, #\type
        b       trap_common
        .endm

reset_entry:    trap_stub TRAP_RESET, MODE_SVC, 0
hyp_entry:      trap_stub TRAP_HYP,   MODE_UND, 0
fiq_entry:      trap_stub TRAP_FIQ,   MODE_FIQ, 4
pabt_entry:     trap_stub TRAP_PABT,  MODE_ABT, 4   /* lr = insn + 4 */
dabt_entry:     trap_stub TRAP_DABT,  MODE_ABT, 8   /* lr = insn + 8 */

/*
 * An undefined instruction: lr points past it, 4 bytes in ARM state but only
 * 2 in Thumb state (for a 32-bit Thumb instruction lr still points past the
 * first halfword, so lr - 2 is the instruction's start in both cases).
 */
undef_entry:
        srsdb   sp!, #MODE_UND          /* push lr and SPSR first       */
        sub     sp, sp, #FRAME_REGS
        stmia   sp, {r0-r12}
        ldr     r0, [sp, #FRAME_PSR]
        ldr     r1, [sp, #FRAME_PC]
        tst     r0, #PSR_T
        subeq   r1, r1, #4              /* ARM: lr = insn + 4           */
        subne   r1, r1, #2              /* Thumb: lr = insn + 2         */
        str     r1, [sp, #FRAME_PC]
        mov     r0, #TRAP_UNDEF
        b       trap_common

/*
 * trap_common - finish a trap frame and hand it to the fault reporter.
 * In:  r0 = TRAP_* type, sp -> trap frame (r0-r12, pc, psr filled in)
 * Out: does not return here; fault_handle decides what happens next.
 */
trap_common:
        /* The kernel domain may be closed (a user interrupt handler was
         * running): open it before touching anything outside this page.
         * The ISB makes the new DACR apply to the very next access. */
        mov     r1, #DACR_NORMAL
        write_dacr r1
        isb
        /* Fetch the interrupted mode's banked sp and lr into the frame. */
        ldr     r2, [sp, #FRAME_PSR]
        and     r3, r2, #MODE_MASK
        add     r1, sp, #FRAME_SP
        cmp     r3, #MODE_USR
        cmpne   r3, #MODE_SYS
        stmiaeq r1, {sp, lr}^           /* user bank: the ^ form reads it */
        beq     1f
        mrs     r12, cpsr               /* other modes: visit the mode    */
        orr     r3, r3, #(PSR_I | PSR_F)
        msr     cpsr_c, r3              /* ... with interrupts masked     */
        mov     r2, sp
        mov     r3, lr
        msr     cpsr_c, r12             /* back to the exception mode     */
        stmia   r1, {r2, r3}
1:      mov     r1, sp
        ldr     pc, =fault_handle       /* (r0 = type, r1 = frame)        */

/*
 * The sandbox vector table: VBAR points here while a user interrupt
 * handler runs (uirq.S).  Faults go to the same stubs as always (they
 * reopen the kernel's domain first, and fault_handle sees that a handler
 * was running).  An IRQ can only be the watchdog - the handler ran past
 * its budget - and an SVC means the handler made a system call: both stop
 * the handler.  Neither may touch a stack before the kernel's domain is
 * open again, and the SVC must not touch the SVC stack at all: it belongs
 * to whatever process the handler interrupted.
 */
        .balign 32
ENTRY(sandbox_vectors)
        b       reset_entry             /* 0x00                         */
        b       undef_entry             /* 0x04                         */
        b       uh_svc_entry            /* 0x08: a system call          */
        b       pabt_entry              /* 0x0C                         */
        b       dabt_entry              /* 0x10                         */
        b       hyp_entry               /* 0x14                         */
        b       uh_irq_entry            /* 0x18: the watchdog           */
        b       fiq_entry               /* 0x1C                         */
ENDPROC(sandbox_vectors)

/*
 * uh_leave_sandbox - the first thing every way out of a user handler
 * does: IRQs masked, the kernel's domain open, the normal vectors back.
 * Clobbers r0 (the handler's, or a mode's own: nothing of the interrupted
 * code).  The ISB makes both CP15 writes apply to the next instruction.
 */
        .macro  uh_leave_sandbox
        cpsid   i
        mov     r0, #DACR_NORMAL
        write_dacr r0
        ldr     r0, =VECTORS_VIRT
        write_vbar r0
        isb
        .endm

/*
 * uh_enter - the last step into a user handler (from run_user_handler):
 * close the kernel's domain and call the handler.  It must run from this
 * page: the instructions after the DACR write are fetched with domain 0
 * closed, so they cannot be kernel code.  The call's return address is
 * uh_return, right below: the handler comes back into this page too.
 * In: r7 = handler, r0 = source, r1 = value, sp set up; IRQs open (only
 * the watchdog can come, see uirq.S).
 */
ENTRY(uh_enter)
        mov     r2, #DACR_SANDBOX
        write_dacr r2
        isb
        blx     r7                      /* handler(source, value)       */
ENDPROC(uh_enter)
/* A user handler returns here, in IRQ mode. */
ENTRY(uh_return)
        uh_leave_sandbox
        ldr     pc, =uirq_finish
ENDPROC(uh_return)

/* The watchdog fired: the handler ran too long. */
uh_irq_entry:
        uh_leave_sandbox
        ldr     pc, =uirq_overrun

/* The handler executed SVC: SVC mode now, its lr_svc lost (uirq.S keeps
 * a copy). */
uh_svc_entry:
        uh_leave_sandbox
        ldr     pc, =uirq_syscall

/*
 * irq_entry - save the interrupted context, acknowledge the interrupt and
 * call its handler (irq.S has the rest of the story).
 * The frame on the IRQ stack is a full trap frame: r0-r12 and the user
 * r13/r14 via "stm ...^", then the return pc and SPSR via SRSDB.  The
 * context switch (sched.S) relies on exactly this layout.  The dispatch
 * is here, in the vector page, rather than behind a jump to kernel text:
 * one instruction less on every interrupt.
 * Registers from here on: r4 = line, r5 = the controller's token for the
 * end of interrupt; handlers keep both (AAPCS).
 */
irq_entry:
        sub     lr, lr, #4              /* lr_irq = interrupted insn + 4  */
        srsdb   sp!, #MODE_IRQ
        sub     sp, sp, #FRAME_REGS
        stmia   sp, {r0-r14}^
        intc_ack_fast r4, r5, r0
        cmp     r4, #IRQ_RESCHED        /* a context switch: its own      */
        ldreq   pc, =irq_resched        /* fast path                      */
        irq_call r4
        ldr     pc, =irq_done

        .ltorg                          /* literals stay inside the page  */

/* ------------------------------------------------------------------------ */
        .text

/*
 * vectors_init_early - point VBAR at the vector page's physical copy and
 * give the abort, undefined and FIQ modes stacks in the physical copy of
 * the exception stack page, so that a fault before the MMU is on is still
 * reported.
 * In: none.  Out: none.  Clobbers: none (AAPCS).
 */
ENTRY(vectors_init_early)
        ldr     r0, =__vectors_phys
        write_vbar r0
        ldr     r0, =exc_stack_page
        b       set_exception_stacks
ENDPROC(vectors_init_early)

/*
 * vectors_init - once the MMU maps the vector page and the stack page in
 * domain 2 (mmu_init), move VBAR and the exception stacks there.
 * In: none.  Out: none.  Clobbers: none (AAPCS).
 */
ENTRY(vectors_init)
        ldr     r0, =VECTORS_VIRT
        write_vbar r0
        ldr     r0, =EXCSTACK_VIRT
        b       set_exception_stacks
ENDPROC(vectors_init)

/*
 * set_exception_stacks - give ABT, UND and FIQ mode their stacks in the
 * page at r0, and make the new VBAR visible.
 * In: r0 = base address of the exception stack page.  Out: none.
 */
LOCAL(set_exception_stacks)
        mrs     r2, cpsr
        cps     #MODE_ABT
        add     sp, r0, #(ABT_STACK_TOP - EXCSTACK_VIRT)
        cps     #MODE_UND
        add     sp, r0, #(UND_STACK_TOP - EXCSTACK_VIRT)
        cps     #MODE_FIQ
        add     sp, r0, #(FIQ_STACK_TOP - EXCSTACK_VIRT)
        msr     cpsr_c, r2              /* back to the caller's mode      */
        isb                             /* new VBAR used from here on     */
        bx      lr
ENDPROC(set_exception_stacks)

/* The page behind EXCSTACK_VIRT.  Page aligned so that it can be mapped on
 * its own; it lives in .bss and so is zero at boot. */
        .section .bss.excstack, "aw", %nobits
        .balign PAGE_SIZE
DATA(exc_stack_page)
        .space  PAGE_SIZE
ENDDATA(exc_stack_page)
