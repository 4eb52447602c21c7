/*
 * board.S - board-level tables the generic kernel reads.
 */
#include "kernel.h"

        .section .rodata
        .balign 4

/* Device regions for mmu_init: (base, size) pairs, size 0 ends the list. */
DATA(board_device_regions)
        .word   DEVICE_REGION0_BASE, DEVICE_REGION0_SIZE
        .word   DEVICE_REGION1_BASE, DEVICE_REGION1_SIZE
        .word   0, 0
ENDDATA(board_device_regions)

/* The board's name, for the banner. */
DATA(board_name)
        .asciz  BOARD_NAME_STR
ENDDATA(board_name)
