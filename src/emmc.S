/*
 * emmc.S - SD cards: bringing a card up and reading blocks from it.
 * The protocol part, the same on every board; the host controller is the
 * board's (mmc_hw_*: the PL181 on realview-pb-a8).
 *
 * Initialisation (SD Physical Layer spec, 4.2):
 *   CMD0   reset the card to idle
 *   CMD8   "do you work at 2.7-3.6 V?"  A version 2 card echoes the
 *          argument; a version 1 card (or none) does not answer
 *   ACMD41 (CMD55 + CMD41) repeated until the card says it is ready; with
 *          HCS set we offer to handle high capacity, and the answer's CCS
 *          bit says whether it is one (SDHC: addressed in 512-byte blocks;
 *          SDSC: addressed in bytes)
 *   CMD2   the card's identification (CID)
 *   CMD3   the card proposes a relative address (RCA) for itself
 *   CMD9   its CSD register, from which the capacity is computed
 *   CMD7   select it: from now on it answers data commands
 *   CMD16  block length 512 (SDSC only; SDHC blocks are always 512)
 * Reading: CMD17 for one block, CMD18 then CMD12 for several.
 *
 * Every failure is printed with the command, its argument, what went
 * wrong and the controller's status, and returned as a negative errno.
 * With no card at all the kernel says so and goes on without one.
 */
#include "kernel.h"
#include "emmc.h"

#define OP_COND_TRIES   1000            /* ACMD41 polls before giving up */

        .bss
        .balign 4
DATA(sd_present)        .word 0         /* a card answered sd_init      */
ENDDATA(sd_present)
sd_high_capacity:       .word 0         /* SDHC: block addressing       */
sd_rca:                 .word 0         /* relative card address << 16  */
DATA(sd_blocks)         .word 0         /* capacity in 512-byte blocks  */
ENDDATA(sd_blocks)
sd_lock:                .word 0, 0      /* one transfer at a time       */
sd_reinit:              .word 0         /* a card was inserted          */

        .text

/*
 * sd_init - find and initialise the SD card.
 * In: none.  Out: r0 = 0, or a negative errno (-ENOMEDIUM: no card).
 * Clobbers: none.
 */
ENTRY(sd_init)
        push    {r4-r6, lr}
        ldr     r4, =sd_present
        mov     r0, #0
        str     r0, [r4]
        bl      mmc_hw_init
        mov     r0, #SD_GO_IDLE
        mov     r1, #0
        mov     r2, #MMC_RSP_NONE
        bl      sd_cmd
        cmp     r0, #0
        bne     8f
        /* CMD8: a version 2 card answers with our pattern. */
        mov     r0, #SD_SEND_IF_COND
        ldr     r1, =SD_IF_COND_ARG
        mov     r2, #MMC_R1
        bl      mmc_hw_cmd              /* (quietly: v1 cards are silent) */
        mov     r5, #0                  /* r5 = ACMD41 argument         */
        cmp     r0, #0
        bne     1f
        ldr     r1, =mmc_resp
        ldr     r1, [r1]
        ubfx    r1, r1, #0, #12
        ldr     r2, =SD_IF_COND_ARG
        cmp     r1, r2
        bne     7f                      /* answered, but wrongly        */
        mov     r5, #SD_OCR_HCS
1:      ldr     r0, =SD_OCR_VOLTAGE
        orr     r5, r5, r0
        /* ACMD41 until the card is no longer busy. */
        ldr     r6, =OP_COND_TRIES
2:      mov     r0, #SD_APP_CMD
        mov     r1, #0
        mov     r2, #MMC_R1
        bl      mmc_hw_cmd
        cmp     r0, #0
        bne     9f                      /* no card answers at all       */
        mov     r0, #SD_APP_OP_COND
        mov     r1, r5
        mov     r2, #MMC_R3
        bl      sd_cmd
        cmp     r0, #0
        bne     8f
        ldr     r0, =mmc_resp
        ldr     r0, [r0]                /* the OCR                      */
        tst     r0, #SD_OCR_BUSY
        bne     3f
        subs    r6, r6, #1
        bne     2b
        ldr     r0, =m_op_cond
        bl      printk
        mvn     r0, #(ETIMEDOUT - 1)
        b       8f
3:      tst     r0, #SD_OCR_CCS
        movne   r1, #1
        moveq   r1, #0
        ldr     r0, =sd_high_capacity
        str     r1, [r0]
        /* Identify, address, size, select. */
        mov     r0, #SD_ALL_SEND_CID
        mov     r1, #0
        mov     r2, #MMC_R2
        bl      sd_cmd
        cmp     r0, #0
        bne     8f
        mov     r0, #SD_SEND_REL_ADDR
        mov     r1, #0
        mov     r2, #MMC_R1
        bl      sd_cmd
        cmp     r0, #0
        bne     8f
        ldr     r0, =mmc_resp
        ldr     r0, [r0]
        lsr     r0, r0, #16             /* R6: RCA in bits 31:16        */
        lsl     r0, r0, #16
        ldr     r1, =sd_rca
        str     r0, [r1]
        mov     r1, r0
        mov     r0, #SD_SEND_CSD
        mov     r2, #MMC_R2
        bl      sd_cmd
        cmp     r0, #0
        bne     8f
        bl      csd_blocks
        ldr     r1, =sd_blocks
        str     r0, [r1]
        mov     r0, #SD_SELECT_CARD
        ldr     r1, =sd_rca
        ldr     r1, [r1]
        mov     r2, #MMC_R1
        bl      sd_cmd
        cmp     r0, #0
        bne     8f
        ldr     r0, =sd_high_capacity
        ldr     r0, [r0]
        cmp     r0, #0
        bne     4f
        mov     r0, #SD_SET_BLOCKLEN
        mov     r1, #SD_BLOCK_SIZE
        mov     r2, #MMC_R1
        bl      sd_cmd
        cmp     r0, #0
        bne     8f
4:      bl      mmc_hw_clock_fast
        mov     r0, #1
        str     r0, [r4]
        /* "SD card: SDHC, 2048 MiB (4194304 blocks), RCA 0x4567" */
        ldr     r0, =sd_high_capacity
        ldr     r0, [r0]
        cmp     r0, #0
        ldreq   r1, =s_sdsc
        ldrne   r1, =s_sdhc
        ldr     r3, =sd_blocks
        ldr     r3, [r3]
        lsr     r2, r3, #11             /* blocks / 2048 = MiB          */
        ldr     r0, =sd_rca
        ldr     r0, [r0]
        lsr     r0, r0, #16
        push    {r0}
        ldr     r0, =m_card
        bl      printk
        add     sp, sp, #4
        mov     r0, #0
        pop     {r4-r6, pc}
7:      ldr     r0, =m_if_cond
        bl      printk
        mvn     r0, #(EIO - 1)
8:      pop     {r4-r6, pc}             /* (sd_cmd printed why)         */
9:      ldr     r0, =m_no_card
        bl      printk
        mvn     r0, #(ENOMEDIUM - 1)
        pop     {r4-r6, pc}
ENDPROC(sd_init)

/*
 * csd_blocks - the capacity in 512-byte blocks, from the CSD in mmc_resp
 * (word 0 = CSD bits 127:96 ... word 3 = bits 31:0).
 *   CSD version 2 (SDHC): blocks = (C_SIZE[69:48] + 1) * 1024
 *   CSD version 1 (SDSC): blocks = (C_SIZE[73:62] + 1)
 *                         << (C_SIZE_MULT[49:47] + 2 + READ_BL_LEN[83:80] - 9)
 * In: none.  Out: r0 = blocks.  Clobbers: none.
 */
LOCAL(csd_blocks)
        ldr     r3, =mmc_resp
        ldmia   r3, {r0, r1, r2, r3}
        lsr     r12, r0, #30            /* CSD_STRUCTURE [127:126]      */
        cmp     r12, #1
        bne     1f
        ubfx    r0, r1, #0, #6          /* C_SIZE[69:64]                */
        lsl     r0, r0, #16
        orr     r0, r0, r2, lsr #16     /* C_SIZE[63:48]                */
        add     r0, r0, #1
        lsl     r0, r0, #10
        bx      lr
1:      ubfx    r0, r1, #0, #10         /* C_SIZE[73:64]                */
        lsl     r0, r0, #2
        orr     r0, r0, r2, lsr #30     /* C_SIZE[63:62]                */
        add     r0, r0, #1
        ubfx    r12, r2, #15, #3        /* C_SIZE_MULT                  */
        add     r12, r12, #2
        ubfx    r3, r1, #16, #4         /* READ_BL_LEN                  */
        add     r12, r12, r3
        sub     r12, r12, #SD_BLOCK_SHIFT
        lsl     r0, r0, r12
        bx      lr
ENDPROC(csd_blocks)

/*
 * sd_cmd - send a command; on failure, say which and why.
 * In: r0 = command, r1 = argument, r2 = MMC_RSP_* flags.
 * Out: r0 = 0 or a negative errno.  Clobbers: none.
 */
LOCAL(sd_cmd)
        push    {r4, r5, r6, lr}
        mov     r4, r0
        mov     r5, r1
        bl      mmc_hw_cmd
        cmp     r0, #0
        popeq   {r4, r5, r6, pc}
        mov     r6, r0
        mov     r1, r4
        mov     r2, r5
        bl      sd_report
        mov     r0, r6
        pop     {r4, r5, r6, pc}
ENDPROC(sd_cmd)

/*
 * sd_report - print "sd: CMD17 (arg 0x00000800) failed: timeout (status
 * 0x00000004)".
 * In: r0 = errno (negative), r1 = command, r2 = argument.  Out: none.
 * Clobbers: none.
 */
LOCAL(sd_report)
        push    {r4, lr}
        cmn     r0, #ETIMEDOUT
        ldreq   r3, =s_timeout
        ldrne   r3, =s_crc
        ldr     r0, =mmc_hw_status
        ldr     r0, [r0]
        push    {r0}
        ldr     r0, =m_cmd_fail
        bl      printk
        add     sp, sp, #4
        pop     {r4, pc}
ENDPROC(sd_report)

/*
 * sd_card_detect_edge - the card-detect pin changed (gpio.S, IRQ mode).
 * The pin reads 1 without a card.  A removed card is forgotten at once;
 * an inserted one is initialised when next read (not here: that takes
 * hundreds of commands, too long for an interrupt).
 * In: r0 = the pin's level.  Out: none.  Clobbers: none.
 */
ENTRY(sd_card_detect_edge)
        push    {r4, lr}
        ldr     r1, =sd_present
        mov     r2, #0
        str     r2, [r1]
        cmp     r0, #0
        ldr     r1, =sd_reinit
        moveq   r2, #1
        str     r2, [r1]
        ldreq   r0, =m_inserted
        ldrne   r0, =m_removed
        bl      printk
        pop     {r4, pc}
ENDPROC(sd_card_detect_edge)

/*
 * sd_read - read whole blocks from the card.
 * In: r0 = first block, r1 = number of blocks, r2 = buffer (word aligned).
 * Out: r0 = 0 or a negative errno (-ENOMEDIUM without a card).
 * Clobbers: none.  Process context: it may wait for another reader.
 */
ENTRY(sd_read)
        push    {r4-r9, lr}
        mov     r4, r0
        mov     r5, r1
        mov     r6, r2
        ldr     r0, =sd_lock
        bl      klock_acquire
        ldr     r0, =sd_reinit          /* a card inserted since?       */
        ldr     r1, [r0]
        cmp     r1, #0
        movne   r1, #0
        strne   r1, [r0]
        blne    sd_init
        mvn     r7, #(ENOMEDIUM - 1)
        ldr     r0, =sd_present
        ldr     r0, [r0]
        cmp     r0, #0
        beq     9f
1:      cmp     r5, #0
        moveq   r7, #0
        beq     9f
        /* At most SD_MAX_BLOCKS per command. */
        cmp     r5, #SD_MAX_BLOCKS
        movls   r8, r5
        movhi   r8, #SD_MAX_BLOCKS
        lsl     r0, r8, #SD_BLOCK_SHIFT
        bl      mmc_hw_read_setup
        ldr     r0, =sd_high_capacity   /* SDHC: block address; SDSC:   */
        ldr     r0, [r0]                /* byte address                 */
        cmp     r0, #0
        lsleq   r9, r4, #SD_BLOCK_SHIFT
        movne   r9, r4
        cmp     r8, #1
        moveq   r0, #SD_READ_SINGLE
        movne   r0, #SD_READ_MULTIPLE
        mov     r1, r9
        mov     r2, #MMC_R1
        bl      sd_cmd
        movs    r7, r0
        bne     9f
        mov     r0, r6
        lsl     r1, r8, #SD_BLOCK_SHIFT
        bl      mmc_hw_read_data
        movs    r7, r0
        beq     2f
        mov     r1, #SD_READ_SINGLE     /* report the data error        */
        cmp     r8, #1
        movne   r1, #SD_READ_MULTIPLE
        mov     r2, r9
        bl      sd_report
2:      cmp     r8, #1                  /* a multiple read is stopped   */
        beq     3f
        mov     r0, #SD_STOP_TRANSMISSION
        mov     r1, #0
        mov     r2, #MMC_R1
        bl      sd_cmd
3:      cmp     r7, #0
        bne     9f
        add     r4, r4, r8
        sub     r5, r5, r8
        add     r6, r6, r8, lsl #SD_BLOCK_SHIFT
        b       1b
9:      ldr     r0, =sd_lock
        bl      klock_release
        mov     r0, r7
        pop     {r4-r9, pc}
ENDPROC(sd_read)

        .section .rodata
s_sdsc:         .asciz  "SDSC"
s_sdhc:         .asciz  "SDHC"
s_timeout:      .asciz  "timeout"
s_crc:          .asciz  "CRC or data error"
m_card:         .asciz  "SD card: %s, %u MiB (%u blocks), RCA 0x%04x\n"
m_no_card:      .asciz  "SD card: none (no card answers CMD55); going on without one\n"
m_cmd_fail:     .asciz  "sd: CMD%u (arg 0x%08x) failed: %s (controller status 0x%08x)\n"
m_if_cond:      .asciz  "sd: CMD8 answered with the wrong check pattern\n"
m_op_cond:      .asciz  "sd: the card stayed busy through ACMD41\n"
m_inserted:     .asciz  "SD card inserted\n"
m_removed:      .asciz  "SD card removed\n"
