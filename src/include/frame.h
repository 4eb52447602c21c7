/*
 * frame.h - the layout of a saved register frame ("trap frame").
 *
 * Every exception entry builds the same frame on its stack:
 *
 *      sp ->  +0   r0
 *             ...  r1 .. r12
 *             +52  sp  of the interrupted mode
 *             +56  lr  of the interrupted mode
 *             +60  pc  to return to (or of the faulting instruction)
 *             +64  cpsr of the interrupted code (the SPSR)
 *
 * The last two words are what SRSDB pushes and RFEIA pops; r0-r14 are what
 * "stmia sp, {r0-r14}^" stores (the ^ selects the user-mode r13 and r14).
 * For a context switch the same frame is the saved state of a process.
 */
#ifndef FRAME_H
#define FRAME_H

#define FRAME_R0        0
#define FRAME_R12       48
#define FRAME_SP        52
#define FRAME_LR        56
#define FRAME_PC        60
#define FRAME_PSR       64
#define FRAME_SIZE      68
#define FRAME_REGS      60      /* r0-r14: the part "stm ...^" stores */

/* Which exception a trap frame came from (argument of fault_handle). */
#define TRAP_RESET      0
#define TRAP_UNDEF      1
#define TRAP_PABT       2
#define TRAP_DABT       3
#define TRAP_FIQ        4
#define TRAP_HYP        5

#endif /* FRAME_H */
