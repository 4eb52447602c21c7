/*
 * sysregs.S - the realview board's system registers: the free-running
 * 24 MHz counter, the user LEDs and the board reset.
 *
 *   SYS_LED      0x08  bits 7:0 drive the eight user LEDs
 *   SYS_24MHZ    0x5C  counts at 24 MHz since reset (QEMU: from the
 *                      virtual clock, so under -icount shift=0 it advances
 *                      24 counts per 1000 instructions)
 *   SYS_LOCK     0x20  write 0xA05F to unlock SYS_RESETCTL
 *   SYS_RESETCTL 0x40  writing the reset level resets the board
 */
#include "kernel.h"

#define RESET_LEVEL     0x104           /* bit 8: reset, level 4 (PORESET) */

        .text

/*
 * counter_read - the 24 MHz board counter.
 * In: none.  Out: r0 = counter value.  Clobbers: none.
 */
ENTRY(counter_read)
        mov32   r0, SYSREG_BASE
        ldr     r0, [r0, #SYSREG_24MHZ]
        bx      lr
ENDPROC(counter_read)

/*
 * board_leds_set - light the user LEDs whose bits are set.
 * In: r0 = LED bit mask.  Out: none.  Clobbers: none.
 */
ENTRY(board_leds_set)
        mov32   r1, SYSREG_BASE
        str     r0, [r1, #SYSREG_LED]
        bx      lr
ENDPROC(board_leds_set)

/*
 * board_leds_get - which user LEDs are lit.
 * In: none.  Out: r0 = LED bit mask.  Clobbers: none.
 */
ENTRY(board_leds_get)
        mov32   r0, SYSREG_BASE
        ldr     r0, [r0, #SYSREG_LED]
        and     r0, r0, #0xFF
        bx      lr
ENDPROC(board_leds_get)

/*
 * board_reset - reset the whole board.
 * In: none.  Out: does not return.
 */
ENTRY(board_reset)
        mov32   r0, SYSREG_BASE
        ldr     r1, =SYSREG_LOCK_KEY
        str     r1, [r0, #SYSREG_LOCK]
        ldr     r1, =RESET_LEVEL
        str     r1, [r0, #SYSREG_RESETCTL]
1:      wfi
        b       1b
ENDPROC(board_reset)
