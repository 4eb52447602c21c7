/*
 * pl181.S - the ARM PrimeCell PL181 MultiMedia Card Interface of the
 * realview board: sending SD commands and reading data blocks, polled.
 * Implements the mmc_hw_* interface that src/emmc.S (the SD protocol)
 * uses; the BeagleBone's MMCHS implements the same one.
 *
 * Registers (PL181 TRM, DDI 0172):
 *   Power     0x00  [1:0] 00 off, 10 power-up, 11 power-on
 *   Clock     0x04  [7:0] divider: card clock = MCLK / (2 * (div + 1)),
 *                   bit 8 enable
 *   Argument  0x08  the command's argument
 *   Command   0x0C  [5:0] index, bit 6 wait for a response, bit 7 long
 *                   (136-bit) response, bit 10 enable: sends it
 *   Response0..3  0x14..0x20  the response, most significant word first
 *   DataTimer 0x24  data timeout, in card clock cycles
 *   DataLength 0x28 bytes to transfer
 *   DataCtrl  0x2C  bit 0 enable, bit 1 direction (1: card to host),
 *                   [7:4] log2 of the block size
 *   Status    0x34  see STAT_* below;  Clear 0x38 clears bits [10:0]
 *   FIFO      0x80  receive/transmit FIFO, a word at a time
 * MCLK is 24 MHz on the board; QEMU's model does not care about clocks.
 */
#include "kernel.h"
#include "emmc.h"

#define MMCI_POWER      0x00
#define MMCI_CLOCK      0x04
#define MMCI_ARGUMENT   0x08
#define MMCI_COMMAND    0x0C
#define MMCI_RESPONSE0  0x14
#define MMCI_DATATIMER  0x24
#define MMCI_DATALENGTH 0x28
#define MMCI_DATACTRL   0x2C
#define MMCI_STATUS     0x34
#define MMCI_CLEAR      0x38
#define MMCI_MASK0      0x3C
#define MMCI_MASK1      0x40
#define MMCI_FIFO       0x80

#define POWER_UP        0x2
#define POWER_ON        0x3
#define CLK_ENABLE      (1 << 8)
#define CLKDIV_400KHZ   29              /* 24 MHz / 60 = 400 kHz: identify */
#define CLKDIV_FAST     0               /* 24 MHz / 2 = 12 MHz: transfer  */

#define CMD_RESPONSE    (1 << 6)
#define CMD_LONGRSP     (1 << 7)
#define CMD_ENABLE      (1 << 10)

#define DATA_ENABLE     (1 << 0)
#define DATA_READ       (1 << 1)
#define DATA_BLOCK_512  (9 << 4)
#define DATA_TIMEOUT    0x00FFFFFF

#define STAT_CMDCRCFAIL (1 << 0)
#define STAT_DATACRCFAIL (1 << 1)
#define STAT_CMDTIMEOUT (1 << 2)
#define STAT_DATATIMEOUT (1 << 3)
#define STAT_RXOVERRUN  (1 << 5)
#define STAT_CMDRESPEND (1 << 6)
#define STAT_CMDSENT    (1 << 7)
#define STAT_DATAEND    (1 << 8)
#define STAT_RXFIFOHALFFULL (1 << 15)
#define STAT_RXDATAAVLBL (1 << 21)
#define STAT_CLEAR_ALL  0x7FF
#define STAT_DATA_ERROR (STAT_DATACRCFAIL | STAT_DATATIMEOUT | STAT_RXOVERRUN)

#define POLL_LIMIT      1000000         /* status polls before giving up */

        .bss
        .balign 4
DATA(mmc_resp)          .space  16      /* last response, word 0 = MSW  */
ENDDATA(mmc_resp)
DATA(mmc_hw_status)     .word   0       /* status when the last op ended */
ENDDATA(mmc_hw_status)

        .text

/*
 * mmc_hw_init - power the card slot up and give it the identification
 * clock (at most 400 kHz).
 * In: none.  Out: none.  Clobbers: none.
 */
ENTRY(mmc_hw_init)
        mov32   r0, MMCI_BASE
        mov     r1, #0
        str     r1, [r0, #MMCI_MASK0]   /* polled: no interrupts        */
        str     r1, [r0, #MMCI_MASK1]
        str     r1, [r0, #MMCI_DATACTRL]
        mov     r1, #POWER_UP
        str     r1, [r0, #MMCI_POWER]
        mov     r1, #POWER_ON
        str     r1, [r0, #MMCI_POWER]
        ldr     r1, =(CLK_ENABLE | CLKDIV_400KHZ)
        str     r1, [r0, #MMCI_CLOCK]
        ldr     r1, =STAT_CLEAR_ALL
        str     r1, [r0, #MMCI_CLEAR]
        bx      lr
ENDPROC(mmc_hw_init)

/*
 * mmc_hw_clock_fast - identification done: the transfer clock.
 * In: none.  Out: none.  Clobbers: none.
 */
ENTRY(mmc_hw_clock_fast)
        mov32   r0, MMCI_BASE
        ldr     r1, =(CLK_ENABLE | CLKDIV_FAST)
        str     r1, [r0, #MMCI_CLOCK]
        bx      lr
ENDPROC(mmc_hw_clock_fast)

/*
 * mmc_hw_cmd - send one command and wait for it to complete.
 * In: r0 = command index, r1 = argument, r2 = MMC_RSP_* flags (emmc.h).
 * Out: r0 = 0, -ETIMEDOUT (no response) or -EIO (response CRC failed);
 * the response words in mmc_resp, the final status in mmc_hw_status.
 * Clobbers: none.
 */
ENTRY(mmc_hw_cmd)
        push    {r4, r5, lr}
        mov32   r3, MMCI_BASE
        ldr     r12, =STAT_CLEAR_ALL
        str     r12, [r3, #MMCI_CLEAR]
        str     r1, [r3, #MMCI_ARGUMENT]
        orr     r0, r0, #CMD_ENABLE
        tst     r2, #MMC_RSP_PRESENT
        orrne   r0, r0, #CMD_RESPONSE
        tst     r2, #MMC_RSP_LONG
        orrne   r0, r0, #CMD_LONGRSP
        str     r0, [r3, #MMCI_COMMAND]
        /* Done when: response received / command sent (no response), or
         * a timeout, or a CRC failure. */
        tst     r2, #MMC_RSP_PRESENT
        moveq   r4, #(STAT_CMDSENT | STAT_CMDTIMEOUT)
        ldrne   r4, =(STAT_CMDRESPEND | STAT_CMDTIMEOUT | STAT_CMDCRCFAIL)
        ldr     r5, =POLL_LIMIT
1:      ldr     r1, [r3, #MMCI_STATUS]
        tst     r1, r4
        bne     2f
        subs    r5, r5, #1
        bne     1b
        orr     r1, r1, #STAT_CMDTIMEOUT /* the controller never finished */
2:      ldr     r0, =mmc_hw_status
        str     r1, [r0]
        str     r12, [r3, #MMCI_CLEAR]
        tst     r1, #STAT_CMDTIMEOUT
        mvnne   r0, #(ETIMEDOUT - 1)
        popne   {r4, r5, pc}
        tst     r1, #STAT_CMDCRCFAIL    /* R3 (OCR) carries no CRC:     */
        beq     3f                      /* the caller says so with      */
        tst     r2, #MMC_RSP_NOCRC      /* MMC_RSP_NOCRC                */
        mvneq   r0, #(EIO - 1)
        popeq   {r4, r5, pc}
3:      ldr     r0, =mmc_resp
        add     r1, r3, #MMCI_RESPONSE0
        ldmia   r1, {r1, r2, r4, r5}
        stmia   r0, {r1, r2, r4, r5}
        mov     r0, #0
        pop     {r4, r5, pc}
ENDPROC(mmc_hw_cmd)

/*
 * mmc_hw_read_setup - arm the data path to receive len bytes in 512-byte
 * blocks.  Done before the read command, so that no data is missed.
 * In: r0 = length in bytes.  Out: none.  Clobbers: none.
 */
ENTRY(mmc_hw_read_setup)
        mov32   r1, MMCI_BASE
        ldr     r2, =DATA_TIMEOUT
        str     r2, [r1, #MMCI_DATATIMER]
        str     r0, [r1, #MMCI_DATALENGTH]
        mov     r2, #(DATA_ENABLE | DATA_READ | DATA_BLOCK_512)
        str     r2, [r1, #MMCI_DATACTRL]
        bx      lr
ENDPROC(mmc_hw_read_setup)

/*
 * mmc_hw_read_data - take the data of a read command out of the FIFO.
 * When the FIFO is at least half full (8 words), the eight come out with
 * one LDM: the FIFO answers at 16 consecutive word addresses for exactly
 * this; otherwise a word at a time.
 * In: r0 = buffer (word aligned), r1 = length (multiple of 4).
 * Out: r0 = 0, -EIO (CRC error or overrun) or -ETIMEDOUT.
 * Clobbers: none.
 */
ENTRY(mmc_hw_read_data)
        push    {r4-r10, lr}
        mov32   r3, MMCI_BASE
        ldr     r4, =POLL_LIMIT
1:      cmp     r1, #0
        beq     3f
2:      ldr     r2, [r3, #MMCI_STATUS]
        tst     r2, #STAT_DATA_ERROR
        bne     8f
        tst     r2, #STAT_RXFIFOHALFFULL
        bne     4f
        tst     r2, #STAT_RXDATAAVLBL
        bne     5f
        subs    r4, r4, #1
        bne     2b
        b       9f
4:      cmp     r1, #32                 /* eight words at once          */
        blo     5f
        add     r2, r3, #MMCI_FIFO
        ldmia   r2, {r5-r10, r12, lr}
        stmia   r0!, {r5-r10, r12, lr}
        sub     r1, r1, #32
        ldr     r4, =POLL_LIMIT
        b       1b
5:      ldr     r5, [r3, #MMCI_FIFO]    /* one word                     */
        str     r5, [r0], #4
        sub     r1, r1, #4
        ldr     r4, =POLL_LIMIT
        b       1b
        /* All words in: wait for the end of the transfer. */
3:      ldr     r2, [r3, #MMCI_STATUS]
        tst     r2, #STAT_DATA_ERROR
        bne     8f
        tst     r2, #STAT_DATAEND
        bne     6f
        subs    r4, r4, #1
        bne     3b
        b       9f
6:      mov     r0, #0
7:      ldr     r1, =mmc_hw_status
        str     r2, [r1]
        ldr     r1, =STAT_CLEAR_ALL
        str     r1, [r3, #MMCI_CLEAR]
        mov     r1, #0
        str     r1, [r3, #MMCI_DATACTRL]
        pop     {r4-r10, pc}
8:      tst     r2, #STAT_DATATIMEOUT
        mvneq   r0, #(EIO - 1)
        mvnne   r0, #(ETIMEDOUT - 1)
        b       7b
9:      orr     r2, r2, #STAT_DATATIMEOUT
        mvn     r0, #(ETIMEDOUT - 1)
        b       7b
ENDPROC(mmc_hw_read_data)
