/*
 * emmc.h - the SD card protocol constants shared by the protocol layer
 * (src/emmc.S) and the board's host controller code (mmc_hw_*).
 * Reference: SD Physical Layer Simplified Specification.
 */
#ifndef EMMC_H
#define EMMC_H

/* mmc_hw_cmd flags: what the command's response looks like. */
#define MMC_RSP_NONE        0
#define MMC_RSP_PRESENT     1           /* a 48-bit response (R1, R6, R7) */
#define MMC_RSP_LONG        2           /* a 136-bit response (R2)       */
#define MMC_RSP_NOCRC       4           /* no valid CRC in it (R3)       */
#define MMC_R1              MMC_RSP_PRESENT
#define MMC_R2              (MMC_RSP_PRESENT | MMC_RSP_LONG)
#define MMC_R3              (MMC_RSP_PRESENT | MMC_RSP_NOCRC)

/* Commands (CMDn; ACMDn are sent after CMD55). */
#define SD_GO_IDLE          0
#define SD_ALL_SEND_CID     2
#define SD_SEND_REL_ADDR    3
#define SD_SELECT_CARD      7
#define SD_SEND_IF_COND     8
#define SD_SEND_CSD         9
#define SD_STOP_TRANSMISSION 12
#define SD_SET_BLOCKLEN     16
#define SD_READ_SINGLE      17
#define SD_READ_MULTIPLE    18
#define SD_APP_CMD          55
#define SD_APP_OP_COND      41          /* ACMD41                        */

/* CMD8 argument: 2.7-3.6 V, check pattern 0xAA; the card echoes both. */
#define SD_IF_COND_ARG      0x1AA
/* ACMD41 argument: the voltage window, plus HCS (we handle SDHC). */
#define SD_OCR_VOLTAGE      0x00FF8000
#define SD_OCR_HCS          (1 << 30)
#define SD_OCR_BUSY         (1 << 31)   /* set when the card is ready    */
#define SD_OCR_CCS          (1 << 30)   /* card capacity status: SDHC    */

#define SD_BLOCK_SIZE       512
#define SD_BLOCK_SHIFT      9
#define SD_MAX_BLOCKS       8           /* per multiple-block read       */

#endif /* EMMC_H */
