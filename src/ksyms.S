/*
 * ksyms.S - find the routine a code address belongs to.
 *
 * The table itself (ksyms_count, ksyms_addr[], ksyms_name[]) is generated
 * from the kernel's own symbols at build time (tools/ksyms.sh): addresses
 * in ascending order, each with the name of the routine starting there.
 */
#include "kernel.h"

        .text

/*
 * ksym_lookup - name the routine that contains an address.
 * In: r0 = address.
 * Out: r0 = routine name (NUL-terminated) or 0 if the address is not in
 * kernel code; r1 = offset of the address from the routine's start.
 * Clobbers: none.
 */
ENTRY(ksym_lookup)
        push    {r4, lr}
        /* Only code addresses: the kernel's text, or the vector page. */
        ldr     r1, =__kernel_start
        ldr     r2, =__text_end
        cmp     r0, r1
        cmphs   r2, r0
        bhi     1f
        ldr     r1, =VECTORS_VIRT
        sub     r2, r0, r1
        cmp     r2, #PAGE_SIZE
        bhs     9f
        /* Binary search for the last entry with addr <= r0:
         * r3 = low (addr[low] <= r0, or -1), r12 = high (addr[high] > r0,
         * or count). */
1:      ldr     r2, =ksyms_addr
        mvn     r3, #0
        ldr     r12, =ksyms_count
        ldr     r12, [r12]
2:      sub     r1, r12, r3
        cmp     r1, #1
        bls     3f
        add     r1, r3, r12
        asr     r1, r1, #1              /* mid                          */
        ldr     r4, [r2, r1, lsl #2]
        cmp     r4, r0
        movls   r3, r1
        movhi   r12, r1
        b       2b
3:      cmp     r3, #0
        blt     9f
        ldr     r1, [r2, r3, lsl #2]
        sub     r1, r0, r1              /* offset into the routine      */
        ldr     r2, =ksyms_name
        ldr     r0, [r2, r3, lsl #2]
        pop     {r4, pc}
9:      mov     r0, #0
        mov     r1, #0
        pop     {r4, pc}
ENDPROC(ksym_lookup)

/*
 * print_symbol - print " <name+0xoff>" for a code address, or nothing.
 * In: r0 = address.  Out: none.  Clobbers: none.
 */
ENTRY(print_symbol)
        push    {r4, lr}
        bl      ksym_lookup
        cmp     r0, #0
        popeq   {r4, pc}
        mov     r2, r1
        mov     r1, r0
        ldr     r0, =msg_symbol
        bl      printk
        pop     {r4, pc}
ENDPROC(print_symbol)

        .section .rodata
msg_symbol:     .asciz  " <%s+0x%x>"
