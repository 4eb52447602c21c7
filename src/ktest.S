/*
 * ktest.S - the kernel test monitor, built only into test kernels
 * (make TEST=1, which defines CONFIG_TEST_HOOKS).
 *
 * Before the system starts normally, a test kernel reads commands from the
 * console.  Each command exercises one kernel mechanism on purpose, in
 * kernel mode, so that the system tests (tests/) can check what it prints:
 * the fault reports, the tick rate, number formatting, division, spurious
 * interrupt counting.  "boot" leaves the monitor and the boot goes on;
 * "exit" ends QEMU through semihosting.  None of this is in a normal build.
 */
#include "kernel.h"

#ifdef CONFIG_TEST_HOOKS

#define LINE_MAX        64
#define UDIV_INSN       0xE730F211      /* udiv r0, r1, r2: UNDEFINED on A8 */
#define BX_LR_INSN      0xE12FFF1E      /* bx lr                           */
#define MEASURE_TICKS   (HZ / 4)        /* a quarter second of ticks       */
#define MEASURE_COUNTS  (COUNTER_HZ / 4) /* ... and of the 24 MHz counter  */

        .section .rodata
        .balign 4
/* The commands: name, routine.  A routine returns 0 to stay in the
 * monitor, anything else to leave it. */
commands:
        .word   c_help,     kt_help
        .word   c_boot,     kt_boot
        .word   c_exit,     kt_exit
        .word   c_unmapped, kt_unmapped
        .word   c_rokernel, kt_rokernel
        .word   c_xn,       kt_xn
        .word   c_undef,    kt_undef
        .word   c_domain,   kt_domain
        .word   c_align,    kt_align
        .word   c_panic,    kt_panic
        .word   c_ticks,    kt_ticks
        .word   c_fmt,      kt_fmt
        .word   c_div,      kt_div
        .word   c_spurious, kt_spurious
        .word   c_mem,      kt_mem
        .word   0, 0

c_help:         .asciz  "help"
c_boot:         .asciz  "boot"
c_exit:         .asciz  "exit"
c_unmapped:     .asciz  "unmapped"
c_rokernel:     .asciz  "rokernel"
c_xn:           .asciz  "xn"
c_undef:        .asciz  "undef"
c_domain:       .asciz  "domain"
c_align:        .asciz  "align"
c_panic:        .asciz  "panic"
c_ticks:        .asciz  "ticks"
c_fmt:          .asciz  "fmt"
c_div:          .asciz  "div"
c_spurious:     .asciz  "spurious"
c_mem:          .asciz  "mem"

m_intro:        .asciz  "ktest: kernel test monitor (type help)\n"
m_prompt:       .asciz  "ktest> "
m_unknown:      .asciz  "ktest: unknown command '%s'\n"
m_help:         .ascii  "ktest commands:\n"
                .ascii  "  boot      continue booting       exit      end QEMU\n"
                .ascii  "  unmapped  read page 0            rokernel  write kernel code\n"
                .ascii  "  xn        run code from data     undef     run udiv (UNDEFINED)\n"
                .ascii  "  domain    close domain 0         align     unaligned LDM\n"
                .ascii  "  panic     call panic()           ticks     measure the tick\n"
                .ascii  "  fmt       printk edge cases      div       udivmod cases\n"
                .asciz  "  spurious  dispatch with nothing pending   mem   page counts\n"
m_ticks_a:      .asciz  "ktest ticks: %u ticks took %u counter cycles\n"
m_ticks_b:      .asciz  "ktest ticks: %u counter cycles held %u ticks\n"
m_fmt_u:        .asciz  "fmt u: %u %u %u %u %u %u\n"
m_fmt_d:        .asciz  "fmt d: %d %d %d %d %d %d %d %d\n"
m_fmt_x:        .asciz  "fmt x: %x %x %x %x %x %x\n"
m_fmt_X:        .asciz  "fmt X: %X %X %08X %p\n"
m_fmt_w:        .asciz  "fmt w: [%5d] [%05d] [%-5d|] [%05d] [%3u] [%-4x|] [%8s] [%-6s|] [%c%c] [%s] [%%] [%lu]\n"
m_div:          .asciz  "div %u / %u = %u rem %u\n"
m_spurious:     .asciz  "ktest spurious: count %u -> %u\n"
m_mem:          .asciz  "ktest mem: %u of %u pages free\n"
m_panic_msg:    .asciz  "ktest: deliberate panic, value %d"
s_abc:          .asciz  "abc"
        .balign 4
/* Division cases: dividend, divisor. */
div_cases:
        .word   100, 7
        .word   7, 100
        .word   0, 5
        .word   0xFFFFFFFF, 1
        .word   0xFFFFFFFF, 0xFFFFFFFF
        .word   0xFFFFFFFF, 10
        .word   0x80000000, 3
        .word   1000000007, 65536
        .word   123456789, 0
        .word   0, 0

        .data
        .balign 4
/* An instruction in a data page: executing it must fault (execute-never). */
xn_code:
        .word   BX_LR_INSN
/* Two words for the unaligned LDM. */
align_words:
        .word   0, 0, 0

        .bss
line_buf:       .space  LINE_MAX

        .text

/*
 * ktest_monitor - read and run commands until one says to leave.
 * In: none.  Out: none (returns when "boot" is typed).  Clobbers: none.
 */
ENTRY(ktest_monitor)
        push    {r4-r6, lr}
        ldr     r0, =m_intro
        bl      printk
1:      ldr     r0, =m_prompt
        bl      printk
        bl      read_line
        ldr     r4, =line_buf
        ldrb    r0, [r4]
        cmp     r0, #0
        beq     1b                      /* empty line                   */
        ldr     r5, =commands
2:      ldr     r0, [r5]
        cmp     r0, #0
        beq     4f
        mov     r1, r4
        bl      str_equal
        cmp     r0, #0
        addeq   r5, r5, #8
        beq     2b
        ldr     r0, [r5, #4]
        blx     r0
        cmp     r0, #0
        beq     1b
        pop     {r4-r6, pc}
4:      ldr     r0, =m_unknown
        mov     r1, r4
        bl      printk
        b       1b
ENDPROC(ktest_monitor)

/*
 * read_line - read a line from the console into line_buf, echoing it,
 * with backspace editing.  Waits with WFI between polls (the tick wakes it).
 * In: none.  Out: line_buf holds the line, NUL-terminated.
 * Clobbers: none.
 */
LOCAL(read_line)
        push    {r4, r5, r6, lr}
        ldr     r4, =line_buf
        mov     r5, #0                  /* length                       */
1:      bl      console_getc
        cmp     r0, #0
        bge     2f
        wfi
        b       1b
2:      cmp     r0, #'\r'
        cmpne   r0, #'\n'
        beq     4f
        cmp     r0, #8                  /* backspace or DEL             */
        cmpne   r0, #127
        beq     3f
        cmp     r5, #(LINE_MAX - 1)
        bhs     1b
        strb    r0, [r4, r5]
        add     r5, r5, #1
        bl      console_putc
        b       1b
3:      cmp     r5, #0
        beq     1b
        sub     r5, r5, #1
        ldr     r0, =s_erase
        bl      printk
        b       1b
4:      mov     r0, #0
        strb    r0, [r4, r5]
        mov     r0, #'\n'
        bl      console_putc
        pop     {r4, r5, r6, pc}
ENDPROC(read_line)

/*
 * str_equal - compare two NUL-terminated strings.
 * In: r0, r1 = strings.  Out: r0 = 1 if equal, else 0.  Clobbers: none.
 */
LOCAL(str_equal)
1:      ldrb    r2, [r0], #1
        ldrb    r3, [r1], #1
        cmp     r2, r3
        movne   r0, #0
        bxne    lr
        cmp     r2, #0
        bne     1b
        mov     r0, #1
        bx      lr
ENDPROC(str_equal)

/* ---- the commands ------------------------------------------------------- */

LOCAL(kt_help)
        push    {r4, lr}
        ldr     r0, =m_help
        bl      printk
        mov     r0, #0
        pop     {r4, pc}
ENDPROC(kt_help)

LOCAL(kt_boot)
        mov     r0, #1
        bx      lr
ENDPROC(kt_boot)

LOCAL(kt_exit)
        mov     r0, #HALT_OK
        b       system_halt
ENDPROC(kt_exit)

/* A read of page 0, which is never mapped: translation fault, level 1. */
LOCAL(kt_unmapped)
        mov     r0, #0
        ldr     r0, [r0]
        bx      lr
ENDPROC(kt_unmapped)

/* A write to the kernel's own code: permission fault, level 2. */
LOCAL(kt_rokernel)
        ldr     r0, =_start
        ldr     r1, =BX_LR_INSN
        str     r1, [r0]
        bx      lr
ENDPROC(kt_rokernel)

/* A jump into a data page: prefetch abort, permission fault (XN). */
LOCAL(kt_xn)
        push    {r4, lr}
        ldr     r0, =xn_code
        blx     r0
        mov     r0, #0
        pop     {r4, pc}
ENDPROC(kt_xn)

/* An integer divide instruction, which the Cortex-A8 does not have. */
LOCAL(kt_undef)
        mov     r1, #100
        mov     r2, #7
        .inst   UDIV_INSN
        bx      lr
ENDPROC(kt_undef)

/* Close the kernel's domain: the very next instruction fetch, from kernel
 * code in domain 0, takes a prefetch abort with a domain fault.  The abort
 * entry runs from the vector page in domain 2 and reopens domain 0. */
LOCAL(kt_domain)
        mov     r0, #DACR_SANDBOX
        write_dacr r0
        isb
        mov     r0, #0
        bx      lr
ENDPROC(kt_domain)

/* LDM from an address that is not word aligned: alignment fault, always
 * checked for LDM whatever SCTLR.A says. */
LOCAL(kt_align)
        ldr     r0, =align_words
        add     r0, r0, #2
        ldmia   r0, {r1, r2}
        mov     r0, #0
        bx      lr
ENDPROC(kt_align)

LOCAL(kt_panic)
        ldr     r0, =m_panic_msg
        mov     r1, #42
        b       panic
ENDPROC(kt_panic)

/*
 * kt_ticks - measure the tick against the 24 MHz board counter, twice:
 * the counter cycles that MEASURE_TICKS ticks take, and the ticks that
 * MEASURE_COUNTS counter cycles hold (a quarter second each).  Both start just after a
 * tick and wait by polling, never with WFI: under -icount the CPU then
 * runs all the time, virtual time is the instruction count, and both
 * figures are exact.  (While a CPU sleeps in WFI, QEMU's icount lets
 * virtual time follow the host clock, which would blur them.)
 */
LOCAL(kt_ticks)
        push    {r4-r8, lr}
        ldr     r4, =ticks
        bl      wait_tick
        bl      counter_read
        mov     r6, r0                  /* counter at the start         */
        ldr     r5, [r4]
        add     r5, r5, #MEASURE_TICKS
1:      ldr     r0, [r4]                /* the tick interrupts this     */
        cmp     r0, r5
        blo     1b
        bl      counter_read
        sub     r2, r0, r6
        ldr     r0, =m_ticks_a
        mov     r1, #MEASURE_TICKS
        bl      printk

        bl      wait_tick
        bl      counter_read
        mov     r6, r0
        ldr     r7, [r4]
        ldr     r8, =MEASURE_COUNTS
2:      bl      counter_read
        sub     r0, r0, r6
        cmp     r0, r8
        blo     2b
        ldr     r2, [r4]
        sub     r2, r2, r7
        ldr     r0, =m_ticks_b
        mov     r1, r8
        bl      printk
        mov     r0, #0
        pop     {r4-r8, pc}
ENDPROC(kt_ticks)

/* Poll until the tick counter changes. */
LOCAL(wait_tick)
        ldr     r1, =ticks
        ldr     r2, [r1]
1:      ldr     r0, [r1]
        cmp     r0, r2
        beq     1b
        bx      lr
ENDPROC(wait_tick)

/* Formatting edge cases; tests/ compares them with Python's formatting. */
LOCAL(kt_fmt)
        push    {r4-r6, lr}
        ldr     r4, =0x7FFFFFFF
        mov     r5, #0x80000000
        mvn     r6, #0
        /* unsigned: 0 9 10 2^31-1 2^31 2^32-1 */
        push    {r4, r5, r6}
        ldr     r0, =m_fmt_u
        mov     r1, #0
        mov     r2, #9
        mov     r3, #10
        bl      printk
        add     sp, sp, #12
        /* signed: 0 9 10 2^31-1 -2^31 -1 -10 -9 */
        mvn     r0, #9                  /* -10                          */
        mvn     r1, #8                  /* -9                           */
        push    {r0, r1}
        push    {r4, r5, r6}
        ldr     r0, =m_fmt_d
        mov     r1, #0
        mov     r2, #9
        mov     r3, #10
        bl      printk
        add     sp, sp, #20
        /* hex: 0 9 10 2^31-1 2^31 2^32-1 */
        push    {r4, r5, r6}
        ldr     r0, =m_fmt_x
        mov     r1, #0
        mov     r2, #9
        mov     r3, #10
        bl      printk
        add     sp, sp, #12
        /* upper-case hex, zero-padded width, pointer */
        ldr     r0, =0xDEADBEEF
        push    {r0}
        ldr     r0, =m_fmt_X
        mov     r1, r6
        ldr     r2, =0xABCDEF
        mov     r3, #0x2A
        bl      printk
        add     sp, sp, #4
        /* widths and flags: see m_fmt_w */
        mov     r0, #200
        push    {r0}                    /* %lu  200                     */
        ldr     r0, =0                  /* %s   (null)                  */
        push    {r0}
        mov     r0, #'k'
        push    {r0}                    /* %c   k                       */
        mov     r0, #'o'
        push    {r0}                    /* %c   o                       */
        ldr     r0, =s_abc
        push    {r0}                    /* %-6s abc                     */
        push    {r0}                    /* %8s  abc                     */
        mov     r0, #0xAB
        push    {r0}                    /* %-4x ab                      */
        ldr     r0, =12345
        push    {r0}                    /* %3u  12345                   */
        mvn     r0, #41
        push    {r0}                    /* %05d -42                     */
        ldr     r0, =m_fmt_w
        mov     r1, #42                 /* %5d                          */
        mov     r2, #42                 /* %05d                         */
        mov     r3, #42                 /* %-5d                         */
        bl      printk
        add     sp, sp, #36
        mov     r0, #0
        pop     {r4-r6, pc}
ENDPROC(kt_fmt)

/* The software divide on its edge cases. */
LOCAL(kt_div)
        push    {r4-r6, lr}
        ldr     r4, =div_cases
1:      ldmia   r4!, {r5, r6}
        orrs    r0, r5, r6
        beq     2f
        mov     r0, r5
        mov     r1, r6
        bl      udivmod
        push    {r1}
        mov     r3, r0
        mov     r2, r6
        mov     r1, r5
        ldr     r0, =m_div
        bl      printk
        add     sp, sp, #4
        b       1b
2:      mov     r0, #0
        pop     {r4-r6, pc}
ENDPROC(kt_div)

/* Run the interrupt dispatcher with nothing pending: it must count one
 * spurious interrupt and do nothing else.  Right after a tick, with IRQs
 * masked, nothing can be pending. */
LOCAL(kt_spurious)
        push    {r4, lr}
        bl      wait_tick
        cpsid   i
        ldr     r4, =irq_spurious
        ldr     r4, [r4]
        bl      intc_ack                /* what the IRQ entry does ...  */
        bl      irq_dispatch            /* ... and then                 */
        ldr     r2, =irq_spurious
        ldr     r2, [r2]
        cpsie   i
        ldr     r0, =m_spurious
        mov     r1, r4
        bl      printk
        mov     r0, #0
        pop     {r4, pc}
ENDPROC(kt_spurious)

LOCAL(kt_mem)
        push    {r4, lr}
        ldr     r0, =m_mem
        ldr     r1, =pages_free
        ldr     r1, [r1]
        ldr     r2, =pages_total
        ldr     r2, [r2]
        bl      printk
        mov     r0, #0
        pop     {r4, pc}
ENDPROC(kt_mem)

        .section .rodata
s_erase:        .asciz  "\b \b"

#endif /* CONFIG_TEST_HOOKS */
