/*
 * fault.S - what happens after an undefined instruction, a prefetch abort
 * or a data abort: the report, in words, and the decision that follows.
 *
 * The report gives the exception and the mode it interrupted; for an abort
 * the fault status register decoded (which kind of fault, at which level of
 * the translation, read or write) with the fault address and how the
 * current tables translate it; the pc with the routine it is in and the
 * instruction there; every register; the CPSR decoded; and the stack with
 * the code addresses found on it (an approximate call trace).
 *
 * Fault status (ARMv7 ARM B4.1.52 DFSR, B4.1.96 IFSR, short-descriptor):
 *   FS = FSR[10] : FSR[3:0]   the kind of fault (table below)
 *   WnR = DFSR[11]            1 if the access was a write
 *   Domain = FSR[7:4]         for domain faults, the domain
 * A fault on a section is reported at level 1 of the walk, a fault on a
 * small page at level 2.
 */
#include "kernel.h"
#include "frame.h"
#include "proc.h"

#define FSR_WNR         (1 << 11)
#define FSR_FS4         (1 << 10)
#define FS_ALIGNMENT    0x01
#define FS_DOMAIN_L1    0x09
#define FS_DOMAIN_L2    0x0B
#define FS_END          0xFF
#define STACK_DUMP      16              /* words of stack printed        */
#define STACK_SCAN      64              /* words searched for code addrs */

        .section .rodata
        .balign 4
/* Fault status codes: code, level (0: not about translation), text. */
fsr_table:
        .word   0x01, 0, s_alignment
        .word   0x04, 0, s_icache
        .word   0x05, 1, s_translation
        .word   0x07, 2, s_translation
        .word   0x03, 1, s_access_flag
        .word   0x06, 2, s_access_flag
        .word   0x09, 1, s_domain
        .word   0x0B, 2, s_domain
        .word   0x0D, 1, s_permission
        .word   0x0F, 2, s_permission
        .word   0x0C, 1, s_walk_external
        .word   0x0E, 2, s_walk_external
        .word   0x1C, 1, s_walk_parity
        .word   0x1E, 2, s_walk_parity
        .word   0x02, 0, s_debug
        .word   0x08, 0, s_external
        .word   0x16, 0, s_async_external
        .word   0x18, 0, s_async_parity
        .word   0x19, 0, s_parity
        .word   FS_END, 0, s_unknown_fault

/* Exception names by TRAP_* code. */
trap_names:
        .word   s_reset, s_undef, s_pabt, s_dabt, s_fiq, s_hyp

/* Mode names by CPSR.M[3:0]. */
mode_names:
        .word   s_usr, s_fiq_m, s_irq_m, s_svc_m, s_q, s_q, s_mon_m, s_abt_m
        .word   s_q, s_q, s_hyp_m, s_und_m, s_q, s_q, s_q, s_sys_m

/* Access permissions by AP[2]:AP[1:0] (mmu.h). */
ap_names:
        .word   s_ap0, s_ap1, s_ap2, s_ap3, s_ap4, s_ap5, s_ap6, s_ap6

s_alignment:        .asciz "alignment fault"
s_icache:           .asciz "instruction cache maintenance fault"
s_translation:      .asciz "translation fault (no mapping)"
s_access_flag:      .asciz "access flag fault"
s_domain:           .asciz "domain fault"
s_permission:       .asciz "permission fault"
s_walk_external:    .asciz "external abort on translation table walk"
s_walk_parity:      .asciz "parity error on translation table walk"
s_debug:            .asciz "debug event"
s_external:         .asciz "synchronous external abort"
s_async_external:   .asciz "asynchronous external abort"
s_async_parity:     .asciz "asynchronous parity error"
s_parity:           .asciz "synchronous parity error"
s_unknown_fault:    .asciz "unknown fault status"
s_reset:            .asciz "Reset vector entered"
s_undef:            .asciz "Undefined instruction"
s_pabt:             .asciz "Prefetch abort"
s_dabt:             .asciz "Data abort"
s_fiq:              .asciz "Unexpected FIQ"
s_hyp:              .asciz "Unexpected hypervisor trap"
s_usr:              .asciz "USR"
s_fiq_m:            .asciz "FIQ"
s_irq_m:            .asciz "IRQ"
s_svc_m:            .asciz "SVC"
s_mon_m:            .asciz "MON"
s_abt_m:            .asciz "ABT"
s_hyp_m:            .asciz "HYP"
s_und_m:            .asciz "UND"
s_sys_m:            .asciz "SYS"
s_q:                .asciz "???"
s_ap0:              .asciz "no access"
s_ap1:              .asciz "kernel read/write"
s_ap2:              .asciz "kernel read/write, user read-only"
s_ap3:              .asciz "read/write for all"
s_ap4:              .asciz "reserved permissions"
s_ap5:              .asciz "kernel read-only"
s_ap6:              .asciz "read-only for all"
s_read:             .asciz "read"
s_write:            .asciz "write"
s_masked:           .asciz "masked"
s_enabled:          .asciz "enabled"
s_arm:              .asciz "ARM"
s_thumb:            .asciz "Thumb"
s_xn:               .asciz ", execute-never"
s_ng:               .asciz ", not global"
s_none:             .asciz ""
flag_letters:       .ascii "NZCV"

m_title:        .asciz  "\n*** %s in %s mode\n"
m_abort:        .asciz  "    %s"
m_level:        .asciz  ", level %u (%s)"
m_section:      .asciz  "section"
m_page:         .asciz  "page"
m_domain:       .asciz  ", domain %u"
m_data_at:      .asciz  ", %s access at address %p\n"
m_fetch_at:     .asciz  ", instruction fetch at address %p\n"
m_dfsr:         .asciz  "    DFSR %p  DFAR %p\n"
m_ifsr:         .asciz  "    IFSR %p  IFAR %p\n"
m_pc:           .asciz  "    pc %p"
m_insn:         .asciz  ": instruction %08x\n"
m_insn_t16:     .asciz  ": instruction %04x (Thumb)\n"
m_insn_t32:     .asciz  ": instruction %04x %04x (Thumb)\n"
m_insn_none:    .asciz  ": instruction not readable\n"
m_regs:         .asciz  "    r%-2u %p  r%-2u %p  r%-2u %p  r%-2u %p\n"
m_regs_last:    .asciz  "    r12 %p  sp  %p  lr  %p  pc  %p\n"
m_lr:           .asciz  "    lr %p"
m_cpsr:         .asciz  "    cpsr %p: %s mode, IRQs %s, FIQs %s, %s state, flags %c%c%c%c\n"
m_stack:        .asciz  "    stack at %p:\n"
m_stack_row:    .asciz  "      %p: %08x %08x %08x %08x\n"
m_stack_bad:    .asciz  "    stack at %p is not readable\n"
m_trace:        .asciz  "    code addresses on the stack (most recent first):\n"
m_trace_row:    .asciz  "      [sp+0x%03x] %p"
m_newline:      .asciz  "\n"
m_walk:         .asciz  "    translation of %p: L1[0x%03x] = %08x"
m_l1_fault:     .asciz  " (no mapping)\n"
m_l1_section:   .asciz  " (section, domain %u, %s%s%s)\n"
m_l1_coarse:    .asciz  " (L2 table at %p, domain %u)\n"
m_l2:           .asciz  "                         L2[0x%02x]  = %08x"
m_l2_fault:     .asciz  " (no mapping)\n"
m_l2_page:      .asciz  " (page at %p, %s%s%s)\n"
m_halted:       .asciz  "*** Kernel halted.\n"
m_user_fault:   .asciz  "\n*** pid %u (%s) faulted:"
m_killed:       .asciz  "*** pid %u (%s) killed: %s\n"
s_sigsegv:      .asciz  "segmentation fault"
s_sigill:       .asciz  "illegal instruction"
s_sigbus:       .asciz  "bus error (alignment)"
m_panic:        .asciz  "\n*** KERNEL PANIC: "
        .balign 4

        .text

/*
 * fault_handle - decide what to do about a fault (from trap_common).
 * In: r0 = TRAP_* type, r1 -> trap frame (frame.h).  The CPU is in the
 * exception's mode (UND or ABT) on its domain-2 stack, kernel domain open.
 * Out: does not return.
 */
ENTRY(fault_handle)
        mov     r4, r0
        mov     r5, r1
        /* VBAR points at the sandbox vectors exactly while a user
         * interrupt handler runs: whatever faulted then - at a user
         * address or not, in whatever mode it put itself - was that
         * handler (uirq.S). */
        read_vbar r0
        ldr     r1, =sandbox_vectors
        cmp     r0, r1
        moveq   r0, r4
        moveq   r1, r5
        beq     uirq_fault
        ldr     r0, [r5, #FRAME_PSR]
        and     r0, r0, #MODE_MASK
        cmp     r0, #MODE_USR
        beq     user_fault
        mov     r0, r4                  /* the kernel itself: a bug     */
        mov     r1, r5
        bl      fault_report
        ldr     r0, =m_halted
        bl      printk
        mov     r0, #HALT_PANIC
        b       system_halt
ENDPROC(fault_handle)

/*
 * user_fault - a process faulted in user mode: report it and kill it.
 * The report is the same as the kernel's, headed by the process; then the
 * process dies with a reason its parent's wait() will see: A8_SIGILL for
 * an undefined instruction, A8_SIGBUS for an alignment fault, A8_SIGSEGV
 * for any other abort.  It dies in SVC mode on its own (empty) SVC stack,
 * exactly as if it had called exit: the abort stack is simply left.
 * In: r4 = TRAP_* type, r5 -> trap frame.  Out: does not return.
 */
LOCAL(user_fault)
        ldr     r6, =current
        ldr     r6, [r6]
        ldr     r0, =m_user_fault
        ldr     r1, [r6, #P_PID]
        add     r2, r6, #P_NAME
        bl      printk
        mov     r0, r4
        mov     r1, r5
        bl      fault_report
        mov     r0, r4
        bl      fault_reason            /* r0 = A8_SIG*, r1 = its text  */
        mov     r7, r0
        mov     r3, r1
        ldr     r0, =m_killed
        ldr     r1, [r6, #P_PID]
        add     r2, r6, #P_NAME
        bl      printk
        /* This mode's stack gives the frame back (the trap stub pushed
         * it; nothing will pop it); then become the process again, in SVC
         * mode, and exit. */
        add     sp, r5, #FRAME_SIZE
        ldr     r0, [r6, #P_KPAGE]
        add     r0, r0, #KPAGE_SVC_TOP
        cps     #MODE_SVC
        mov     sp, r0
        cpsie   i
        mov     r0, r7
        b       do_exit
ENDPROC(user_fault)

/*
 * fault_reason - what a process that took this fault dies of:
 * A8_SIGILL for an undefined instruction, A8_SIGBUS for an alignment
 * fault, A8_SIGSEGV for any other abort.
 * In: r0 = TRAP_* type (for a data abort, DFSR still holds its status).
 * Out: r0 = A8_SIG*, r1 = its name.  Clobbers: none.
 */
ENTRY(fault_reason)
        mov     r2, r0
        mov     r0, #A8_SIGSEGV
        ldr     r1, =s_sigsegv
        cmp     r2, #TRAP_UNDEF
        moveq   r0, #A8_SIGILL
        ldreq   r1, =s_sigill
        cmp     r2, #TRAP_DABT
        bxne    lr
        read_dfsr r2
        ldr     r3, =(FSR_FS4 | 0xF)
        and     r2, r2, r3
        cmp     r2, #FS_ALIGNMENT
        moveq   r0, #A8_SIGBUS
        ldreq   r1, =s_sigbus
        bx      lr
ENDPROC(fault_reason)

/*
 * fault_report - print everything known about a fault.
 * In: r0 = TRAP_* type, r1 -> trap frame.  Out: none.
 * Clobbers: none.
 */
ENTRY(fault_report)
        push    {r4-r8, lr}
        mov     r4, r0
        mov     r5, r1
        /* Title: which exception, in which mode. */
        ldr     r1, =trap_names
        ldr     r1, [r1, r4, lsl #2]
        ldr     r2, [r5, #FRAME_PSR]
        and     r2, r2, #0xF
        ldr     r3, =mode_names
        ldr     r2, [r3, r2, lsl #2]
        ldr     r0, =m_title
        bl      printk
        /* Aborts: the fault status and address. */
        cmp     r4, #TRAP_DABT
        beq     1f
        cmp     r4, #TRAP_PABT
        bne     3f
        read_ifsr r6
        read_ifar r7
        b       2f
1:      read_dfsr r6
        read_dfar r7
2:      mov     r0, r6
        bl      print_fsr
        cmp     r4, #TRAP_PABT
        ldreq   r0, =m_fetch_at
        moveq   r1, r7
        beq     4f
        ldr     r0, =m_data_at
        tst     r6, #FSR_WNR
        ldreq   r1, =s_read
        ldrne   r1, =s_write
        mov     r2, r7
4:      bl      printk
        cmp     r4, #TRAP_DABT
        ldreq   r0, =m_dfsr
        ldrne   r0, =m_ifsr
        mov     r1, r6
        mov     r2, r7
        bl      printk
        mov     r0, r7
        bl      describe_translation
        /* The pc, its routine and the instruction there. */
3:      ldr     r0, =m_pc
        ldr     r1, [r5, #FRAME_PC]
        bl      printk
        ldr     r0, [r5, #FRAME_PC]
        bl      print_symbol
        mov     r0, r5
        bl      print_instruction
        /* The registers. */
        mov     r0, r5
        bl      print_frame
        /* The stack. */
        ldr     r0, [r5, #FRAME_SP]
        bl      print_stack
        pop     {r4-r8, pc}
ENDPROC(fault_report)

/*
 * print_fsr - print the fault kind of a fault status register: the text,
 * the level and section/page for translation-related faults, the domain
 * for domain faults.
 * In: r0 = DFSR or IFSR value.  Out: none.  Clobbers: none.
 */
LOCAL(print_fsr)
        push    {r4-r6, lr}
        mov     r6, r0
        and     r4, r0, #0xF            /* FS[3:0]                      */
        tst     r0, #FSR_FS4
        orrne   r4, r4, #0x10           /* FS[4]                        */
        ldr     r5, =fsr_table
1:      ldr     r0, [r5]
        cmp     r0, r4
        cmpne   r0, #FS_END
        addne   r5, r5, #12
        bne     1b
        ldr     r0, =m_abort
        ldr     r1, [r5, #8]
        bl      printk
        ldr     r1, [r5, #4]            /* level, 0 if not a walk fault */
        cmp     r1, #0
        beq     2f
        cmp     r1, #1
        ldreq   r2, =m_section
        ldrne   r2, =m_page
        ldr     r0, =m_level
        bl      printk
2:      cmp     r4, #FS_DOMAIN_L1
        cmpne   r4, #FS_DOMAIN_L2
        bne     3f
        ldr     r0, =m_domain
        ubfx    r1, r6, #4, #4
        bl      printk
3:      pop     {r4-r6, pc}
ENDPROC(print_fsr)

/*
 * describe_translation - print how the current translation table maps an
 * address: the L1 entry, and the L2 entry if there is one, decoded.
 * In: r0 = virtual address.  Out: none.  Clobbers: none.
 */
ENTRY(describe_translation)
        push    {r4-r8, lr}
        mov     r4, r0
        bl      current_l1
        mov     r1, r4
        bl      mmu_walk                /* r0 = L1 entry, r1 = L2 entry */
        mov     r5, r0
        mov     r6, r1
        ldr     r0, =m_walk
        mov     r1, r4
        lsr     r2, r4, #SECTION_SHIFT
        mov     r3, r5
        bl      printk
        and     r0, r5, #L1_TYPE_MASK
        cmp     r0, #L1_TYPE_SECT
        beq     2f
        cmp     r0, #L1_TYPE_COARSE
        beq     3f
        ldr     r0, =m_l1_fault
        bl      printk
        pop     {r4-r8, pc}
        /* Section: AP[2] is bit 15, AP[1:0] bits 11:10, XN bit 4. */
2:      ubfx    r1, r5, #5, #4          /* domain                       */
        ubfx    r2, r5, #10, #2
        tst     r5, #SECT_AP2
        orrne   r2, r2, #4
        ldr     r3, =ap_names
        ldr     r2, [r3, r2, lsl #2]
        tst     r5, #SECT_XN
        ldreq   r3, =s_none
        ldrne   r3, =s_xn
        tst     r5, #SECT_NG
        ldreq   r12, =s_none
        ldrne   r12, =s_ng
        push    {r12}
        ldr     r0, =m_l1_section
        bl      printk
        add     sp, sp, #4
        pop     {r4-r8, pc}
        /* Coarse table: then the L2 entry. */
3:      ldr     r0, =m_l1_coarse
        ldr     r1, =L1_COARSE_ADDR
        and     r1, r5, r1
        ubfx    r2, r5, #5, #4
        bl      printk
        ldr     r0, =m_l2
        ubfx    r1, r4, #PAGE_SHIFT, #8
        mov     r2, r6
        bl      printk
        tst     r6, #PTE_VALID
        ldreq   r0, =m_l2_fault
        beq     4f
        /* Small page: AP[2] bit 9, AP[1:0] bits 5:4, XN bit 0. */
        lsr     r1, r6, #PAGE_SHIFT
        lsl     r1, r1, #PAGE_SHIFT
        ubfx    r2, r6, #4, #2
        tst     r6, #PTE_AP2
        orrne   r2, r2, #4
        ldr     r3, =ap_names
        ldr     r2, [r3, r2, lsl #2]
        tst     r6, #PTE_XN
        ldreq   r3, =s_none
        ldrne   r3, =s_xn
        tst     r6, #PTE_NG
        ldreq   r12, =s_none
        ldrne   r12, =s_ng
        push    {r12}
        ldr     r0, =m_l2_page
        bl      printk
        add     sp, sp, #4
        pop     {r4-r8, pc}
4:      bl      printk
        pop     {r4-r8, pc}
ENDPROC(describe_translation)

/*
 * print_instruction - finish the "pc" line with the instruction at the
 * frame's pc: one ARM word, or one or two Thumb halfwords (a halfword
 * 0xE800 or above starts a 32-bit Thumb instruction).  The MMU is asked
 * first whether the pc can be read at all (a prefetch abort's cannot).
 * In: r0 -> trap frame.  Out: none.  Clobbers: none.
 */
LOCAL(print_instruction)
        push    {r4, r5, r6, lr}
        mov     r4, r0
        ldr     r5, [r4, #FRAME_PC]
        mov     r0, r5
        bl      addr_readable
        cmp     r0, #0
        ldreq   r0, =m_insn_none
        beq     3f
        ldr     r0, [r4, #FRAME_PSR]
        tst     r0, #PSR_T
        bne     1f
        ldr     r1, [r5]
        ldr     r0, =m_insn
        b       3f
1:      ldrh    r1, [r5]
        ldr     r0, =m_insn_t16
        cmp     r1, #0xE800
        blo     3f
        ldrh    r2, [r5, #2]
        ldr     r0, =m_insn_t32
3:      bl      printk
        pop     {r4, r5, r6, pc}
ENDPROC(print_instruction)

/*
 * print_frame - print the registers of a trap frame and its CPSR decoded.
 * The lines have many fields, so their arguments are laid out as an array
 * on the stack and handed to vprintk.
 * In: r0 -> trap frame.  Out: none.  Clobbers: none.
 */
ENTRY(print_frame)
        push    {r4-r6, lr}
        mov     r4, r0
        sub     sp, sp, #40             /* vprintk argument array       */
        /* r0-r11, four a line: (number, value) pairs. */
        mov     r5, #0                  /* first register of the line   */
1:      mov     r6, #0                  /* column                       */
2:      add     r0, r5, r6
        ldr     r1, [r4, r0, lsl #2]
        add     r2, sp, r6, lsl #3
        stmia   r2, {r0, r1}
        add     r6, r6, #1
        cmp     r6, #4
        blo     2b
        ldr     r0, =m_regs
        mov     r1, sp
        bl      vprintk
        add     r5, r5, #4
        cmp     r5, #12
        blo     1b
        /* r12, sp, lr, pc: consecutive in the frame already. */
        ldr     r0, =m_regs_last
        add     r1, r4, #FRAME_R12
        bl      vprintk
        /* lr again with its routine, when it is a code address. */
        ldr     r0, [r4, #FRAME_LR]
        bl      ksym_lookup
        cmp     r0, #0
        beq     3f
        ldr     r0, =m_lr
        ldr     r1, [r4, #FRAME_LR]
        bl      printk
        ldr     r0, [r4, #FRAME_LR]
        bl      print_symbol
        ldr     r0, =m_newline
        bl      printk
        /* CPSR: value, mode, IRQ and FIQ masks, state, flags N Z C V. */
3:      ldr     r5, [r4, #FRAME_PSR]
        str     r5, [sp, #0]
        and     r0, r5, #0xF
        ldr     r1, =mode_names
        ldr     r0, [r1, r0, lsl #2]
        str     r0, [sp, #4]
        tst     r5, #PSR_I
        ldreq   r0, =s_enabled
        ldrne   r0, =s_masked
        str     r0, [sp, #8]
        tst     r5, #PSR_F
        ldreq   r0, =s_enabled
        ldrne   r0, =s_masked
        str     r0, [sp, #12]
        tst     r5, #PSR_T
        ldreq   r0, =s_arm
        ldrne   r0, =s_thumb
        str     r0, [sp, #16]
        ldr     r2, =flag_letters
        mov     r6, #0
4:      ldrb    r0, [r2, r6]            /* upper case: flag set         */
        rsb     r1, r6, #31
        lsr     r1, r5, r1
        tst     r1, #1
        addeq   r0, r0, #('a' - 'A')    /* lower case: flag clear       */
        add     r1, sp, #20
        str     r0, [r1, r6, lsl #2]
        add     r6, r6, #1
        cmp     r6, #4
        blo     4b
        ldr     r0, =m_cpsr
        mov     r1, sp
        bl      vprintk
        add     sp, sp, #40
        pop     {r4-r6, pc}
ENDPROC(print_frame)

/*
 * print_stack - dump the top of a stack and the code addresses on it.
 * Each word is read only if the MMU says it is readable.
 * In: r0 = stack pointer.  Out: none.  Clobbers: none.
 */
ENTRY(print_stack)
        push    {r4-r8, lr}
        bic     r4, r0, #3
        mov     r0, r4
        bl      addr_readable
        cmp     r0, #0
        bne     1f
        ldr     r0, =m_stack_bad
        mov     r1, r4
        bl      printk
        pop     {r4-r8, pc}
1:      ldr     r0, =m_stack
        mov     r1, r4
        bl      printk
        mov     r5, #0                  /* byte offset                  */
2:      add     r0, r4, r5
        add     r0, r0, #12             /* the row's last word          */
        bl      addr_readable
        cmp     r0, #0
        beq     3f
        add     r12, r4, r5
        ldmia   r12, {r2, r3, r6, r7}
        push    {r6, r7}
        ldr     r0, =m_stack_row
        add     r1, r4, r5
        bl      printk
        add     sp, sp, #8
        add     r5, r5, #16
        cmp     r5, #(STACK_DUMP * 4)
        blo     2b
        /* Code addresses further up the stack: return addresses, mostly.
         * r8 = 0 until the first one is found and the heading printed. */
3:      mov     r8, #0
        mov     r5, #0
4:      add     r6, r4, r5
        mov     r0, r6
        bl      addr_readable
        cmp     r0, #0
        beq     6f
        ldr     r7, [r6]
        mov     r0, r7
        bl      ksym_lookup
        cmp     r0, #0
        beq     5f
        cmp     r8, #0
        ldreq   r0, =m_trace
        bleq    printk
        mov     r8, #1
        ldr     r0, =m_trace_row
        mov     r1, r5
        mov     r2, r7
        bl      printk
        mov     r0, r7
        bl      print_symbol
        ldr     r0, =m_newline
        bl      printk
5:      add     r5, r5, #4
        cmp     r5, #(STACK_SCAN * 4)
        blo     4b
6:      pop     {r4-r8, pc}
ENDPROC(print_stack)

/*
 * panic - report a kernel bug and halt: the message, the caller's
 * registers as far as they are known, and the stack.
 * In: r0 = format, r1-r3 and stack = arguments (as printk).
 * Out: does not return.
 */
ENTRY(panic)
        cpsid   if
        push    {r1-r3}                 /* arguments in one array       */
        push    {r0-r12, lr}            /* for the register dump        */
        ldr     r0, =m_panic
        bl      printk
        ldr     r0, [sp]
        add     r1, sp, #56             /* -> r1 as pushed first        */
        bl      vprintk
        ldr     r0, =m_newline
        bl      printk
        /* A frame of the caller's state: r0-r12, sp, lr, pc = lr, cpsr. */
        sub     sp, sp, #FRAME_SIZE
        add     r1, sp, #FRAME_SIZE
        ldmia   r1, {r0-r12}
        stmia   sp, {r0-r12}
        add     r0, sp, #(FRAME_SIZE + 68)      /* sp before panic      */
        ldr     r1, [sp, #(FRAME_SIZE + 52)]    /* lr                   */
        add     r2, sp, #FRAME_SP
        mrs     r3, cpsr
        stmia   r2, {r0, r1}
        sub     r1, r1, #4                      /* pc: the call to panic */
        str     r1, [sp, #FRAME_PC]
        str     r3, [sp, #FRAME_PSR]
        mov     r0, sp
        bl      print_frame
        ldr     r0, [sp, #FRAME_SP]     /* the caller's stack           */
        bl      print_stack
        ldr     r0, =m_halted
        bl      printk
        mov     r0, #HALT_PANIC
        b       system_halt
ENDPROC(panic)
