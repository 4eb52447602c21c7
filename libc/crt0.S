/*
 * crt0.S - _start, where every app begins (the ELF entry point, placed
 * first in .text by app.ld).
 */
        .syntax unified
        .arm
        .section .text.crt0, "ax", %progbits

/*
 * _start - the kernel enters here in user mode.
 * In:  r0 = argc, r1 = argv (argc string pointers then NULL, on the user
 *      stack), sp 8-byte aligned below them, every other register 0;
 *      .bss is already zero.
 * Out: does not return: calls main(argc, argv) (ARM or Thumb: the linker
 *      makes the call a BLX for a Thumb main), flushes stdio and ends the
 *      process with exit(main's result).
 * Clobbers: everything; r4 holds main's result across fflush.
 */
        .global _start
        .type   _start, %function
        .balign 4
_start:
        bl      main                    /* r0 = main(r0, r1)               */
        mov     r4, r0
        mov     r0, #0
        bl      fflush                  /* fflush(NULL): every stream      */
        mov     r0, r4
        bl      exit                    /* does not return                 */
        .size   _start, . - _start
