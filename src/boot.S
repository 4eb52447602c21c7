/*
 * boot.S - from the first instruction to the running system.
 *
 * The boot loader (QEMU's -kernel, or U-Boot's "go") jumps to _start in
 * SVC mode with the MMU off, at the kernel's physical load address.  From
 * there:
 *   1. mask interrupts, make sure MMU and caches are off and clean
 *   2. zero .bss, give SVC and IRQ mode their boot stacks
 *   3. vectors at their physical address, so early faults are reported
 *   4. console, then each subsystem in dependency order, logging a line:
 *      page allocator, MMU (tables built, MMU + caches on), vectors moved
 *      to 0xFFFF0000, interrupt controller, timer
 *   5. the scheduler (this code becomes the idle process), the banner
 *   6. the SD card, the apps on it, console input by interrupt, and the
 *      first process: init, the shell, as pid 1
 *   7. the idle loop: WFI until an interrupt.  Without an init, an uptime
 *      line every HEARTBEAT_S seconds shows that the system is alive
 * A test build (CONFIG_TEST_HOOKS) runs the kernel test monitor (ktest.S)
 * before the idle loop.
 */
#include "kernel.h"
#include "proc.h"

#define HEARTBEAT_S     1               /* seconds between heartbeats   */

        .section .text.boot, "ax"

ENTRY(_start)
        cpsid   aif, #MODE_SVC          /* SVC mode, nothing can interrupt */
        bl      cpu_caches_off          /* (no stack needed)            */

        /* Zero .bss, 32 bytes a store.  No stack yet: the stacks are in
         * .bss themselves. */
        ldr     r0, =__bss_start
        ldr     r1, =__bss_end
        mov     r2, #0
        mov     r3, #0
        mov     r4, #0
        mov     r5, #0
        mov     r6, #0
        mov     r7, #0
        mov     r8, #0
        mov     r9, #0
1:      cmp     r0, r1
        stmialo r0!, {r2-r9}
        blo     1b

        ldr     sp, =boot_svc_stack_top
        cps     #MODE_IRQ
        ldr     sp, =boot_irq_stack_top
        cps     #MODE_SVC
        bl      vectors_init_early
        bl      kmain
ENDPROC(_start)

        .text

/*
 * kmain - bring up each subsystem, print the banner, then idle.
 * In: none.  Out: does not return.
 */
ENTRY(kmain)
        bl      console_init
        ldr     r0, =m_hello
        ldr     r1, =board_name
        mov     r2, #(RAM_SIZE >> 20)
        mov     r3, #RAM_BASE
        bl      printk
        read_midr r4
        ldr     r0, =m_cpu
        ubfx    r1, r4, #20, #4         /* variant: the "r" in r3p2     */
        and     r2, r4, #0xF            /* revision: the "p"            */
        mov     r3, r4
        bl      printk

        bl      palloc_init             /* r0 = free pages              */
        mov     r1, r0
        lsl     r2, r0, #2              /* KiB                          */
        ldr     r0, =m_palloc
        bl      printk

        bl      mmu_init
        cmp     r0, #0
        ldrne   r0, =m_mmu_fail
        blne    panic
        ldr     r0, =m_mmu
        ldr     r1, =__kernel_start
        ldr     r2, =__kernel_end
        ldr     r3, =kernel_l1
        ldr     r3, [r3]
        bl      printk

        bl      vectors_init
        ldr     r0, =m_vectors
        ldr     r1, =VECTORS_VIRT
        bl      printk

        bl      irq_init
        ldr     r0, =m_intc
        bl      printk

        bl      timer_init
        ldr     r0, =m_timer
        mov     r1, #HZ
        bl      printk

        bl      gpio_init
        bl      uartdev_init
        bl      uirq_init
        ldr     r0, =m_devices
        bl      printk

        bl      crc32_init
        bl      proc_init
        bl      sched_init
        ldr     r0, =m_sched
        mov     r1, #NPROC
        mov     r2, #QUANTUM
        bl      printk

        ldr     r0, =m_banner
        ldr     r1, =a8os_version
        ldr     r2, =board_name
        bl      printk
        cpsie   i                       /* interrupts on from here      */

#ifdef CONFIG_TEST_HOOKS
        bl      ktest_monitor
#endif
        /* The SD card, the apps on it, and the first process. */
        bl      sd_init
        bl      appimg_init
        bl      console_start_input
        ldr     r0, =m_init             /* (before: once it exists, init */
        bl      printk                  /* may run, and print, first)   */
        ldr     r0, =s_init
        mov     r1, #0                  /* argv: { "init" }             */
        mov     r2, #0                  /* no parent                    */
        mov     r3, #INIT_PID
        bl      proc_create
        cmp     r0, #0
        bge     idle
        ldr     r0, =m_no_init          /* (proc_create said why)       */
        bl      printk
        b       heartbeat
ENDPROC(kmain)

/*
 * idle - the idle process: sleep in WFI until an interrupt; the scheduler
 * switches away from here whenever a process is runnable.  A process made
 * runnable from process context (not from an interrupt, which switches on
 * its way out) only sets need_resched: idle raises the resched interrupt
 * for it rather than sleep until the next tick.  WFI with IRQs masked
 * still wakes on an interrupt, so the check cannot miss one.
 * In: none.  Out: does not return.
 */
LOCAL(idle)
        ldr     r4, =need_resched
1:      cpsid   i
        ldr     r0, [r4]
        cmp     r0, #0
        bne     2f
        wfi                             /* until an interrupt is pending */
        cpsie   i                       /* ... and taken here           */
        b       1b
2:      mov     r0, #0                  /* (the resched fast path does  */
        str     r0, [r4]                /*  not look at the flag)       */
        bl      intc_raise_resched
        cpsie   i
        b       1b
ENDPROC(idle)

/*
 * heartbeat - idle without a shell: a line every HEARTBEAT_S seconds, so
 * that one can see the system is alive.
 * In: none.  Out: does not return.
 */
LOCAL(heartbeat)
        ldr     r4, =ticks
        ldr     r5, =(HEARTBEAT_S * HZ)
        mov     r6, r5                  /* tick of the next heartbeat   */
1:      wfi                             /* sleep until an interrupt     */
        ldr     r0, [r4]
        cmp     r0, r6
        blo     1b
        add     r6, r6, r5
        bl      uptime_ms
        mov     r1, #1000
        bl      udivmod                 /* r0 = seconds                 */
        mov     r1, r0
        ldr     r2, [r4]
        ldr     r0, =m_heartbeat
        bl      printk
        b       1b
ENDPROC(heartbeat)

        .section .rodata
m_hello:        .asciz  "\na8os: booting on %s, %u MiB of RAM at %p\n"
m_cpu:          .asciz  "CPU: Cortex-A8 r%up%u (MIDR %p)\n"
m_palloc:       .asciz  "Init page allocator: %u pages (%u KiB) free\n"
m_mmu:          .asciz  "Init MMU: kernel %p-%p, L1 table at %p, caches on\n"
m_mmu_fail:     .asciz  "mmu_init: no memory for the kernel's L2 tables"
m_vectors:      .asciz  "Init exception vectors at %p\n"
m_intc:         .asciz  "Init interrupt controller\n"
m_timer:        .asciz  "Init timer: %u Hz tick\n"
m_devices:      .asciz  "Init GPIO, UART1-3, user interrupt handlers\n"
m_sched:        .asciz  "Init scheduler: %u process slots, %u ms quantum\n"
m_banner:       .asciz  "a8os %s on %s: ready\n"
m_init:         .asciz  "Starting init (pid 1)\n"
m_no_init:      .asciz  "No init to start: the kernel idles\n"
m_heartbeat:    .asciz  "\ruptime: %u s (%u ticks)"

        .bss
        .balign 8
boot_svc_stack:
        .space  BOOT_STACK_SIZE
boot_svc_stack_top:
boot_irq_stack:
        .space  IRQ_STACK_SIZE
boot_irq_stack_top:
