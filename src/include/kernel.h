/*
 * kernel.h - kernel-wide configuration and the macros every .S file uses.
 *
 * Register convention (the whole kernel keeps it): the ARM procedure call
 * standard (AAPCS).  r0-r3 carry arguments and results and may be clobbered
 * by a call, as may r12 (ip) and lr; r4-r11 belong to the caller and a
 * routine that uses them saves and restores them; sp is 8-byte aligned at
 * every call.  Each routine's header comment lists its inputs, outputs and
 * the registers it clobbers beyond r0-r3, r12 and lr ("clobbers: none"
 * means it follows AAPCS exactly).
 */
#ifndef KERNEL_H
#define KERNEL_H

#include "board.h"
#include "arm.h"
#include "mmu.h"
#include "a8os/errno.h"

/* ---- Time ------------------------------------------------------------- */
#define HZ              1000            /* scheduler ticks per second       */

/* ---- Stacks ------------------------------------------------------------ */
#define BOOT_STACK_SIZE 8192            /* SVC stack of the boot/idle code  */
#define IRQ_STACK_SIZE  1024            /* IRQ stack of the boot/idle code  */
/* The exception stack page (mapped at EXCSTACK_VIRT, domain 2) is split
 * between the abort, undefined and FIQ modes. */
#define ABT_STACK_TOP   (EXCSTACK_VIRT + PAGE_SIZE)
#define UND_STACK_TOP   (EXCSTACK_VIRT + 0x600)
#define FIQ_STACK_TOP   (EXCSTACK_VIRT + 0x200)

/* ---- Halting ----------------------------------------------------------- */
/* Exit status a test build hands to QEMU when the system stops. */
#define HALT_OK         0               /* asked to stop                    */
#define HALT_PANIC      2               /* a kernel bug or kernel fault     */

/* STR(x): x's value as a string literal (for messages). */
#define STR_(x)         #x
#define STR(x)          STR_(x)

#ifdef __ASSEMBLER__

        .syntax unified                 /* UAL: ldrbeq, not ldreqb        */

/* A global routine: ENTRY(name) ... ENDPROC(name).  ENDPROC records the
 * size and type so that gdb, objdump and the panic backtrace know it. */
#define ENTRY(name)     .global name; .type name, %function; .balign 4; name:
#define LOCAL(name)     .type name, %function; .balign 4; name:
#define ENDPROC(name)   .size name, . - name
#define DATA(name)      .global name; .type name, %object; name:
#define ENDDATA(name)   .size name, . - name

/* Mask IRQs and remember the previous state in \reg (for irq_restore). */
        .macro  irq_save reg
        mrs     \reg, cpsr
        cpsid   i
        .endm
        .macro  irq_restore reg
        msr     cpsr_c, \reg
        .endm

/* Round \reg down, or up (for \reg > 0), to a multiple of 2^\shift. */
        .macro  align_down reg, shift
        lsr     \reg, \reg, #\shift
        lsl     \reg, \reg, #\shift
        .endm
        .macro  align_up reg, shift
        sub     \reg, \reg, #1
        lsr     \reg, \reg, #\shift
        add     \reg, \reg, #1
        lsl     \reg, \reg, #\shift
        .endm

/* Load a 32-bit constant or address without a literal pool access. */
        .macro  mov32 reg, val
        movw    \reg, #:lower16:\val
        movt    \reg, #:upper16:\val
        .endm

#endif /* __ASSEMBLER__ */
#endif /* KERNEL_H */
