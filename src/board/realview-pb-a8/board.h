/*
 * board.h - facts about the ARM RealView Platform Baseboard for Cortex-A8
 * as QEMU models it (machine "realview-pb-a8", hw/arm/realview.c).
 *
 * Everything the board-neutral kernel needs to know about a board is a
 * name defined here; the register-level code for these devices lives next
 * to this file.  The names are the same in every board's header.
 */
#ifndef BOARD_H
#define BOARD_H

#define BOARD_NAME_STR      "realview-pb-a8"

/* ---- Memory ----------------------------------------------------------- */
/* QEMU maps the board RAM at 0x70000000 (and aliases its first 256 MiB at
 * 0).  We always run QEMU with -m 128M, so RAM is 0x70000000..0x78000000. */
#define RAM_BASE            0x70000000
#define RAM_SIZE            0x08000000          /* 128 MiB */
/* Where the kernel is linked and loaded.  QEMU loads an ELF at its
 * physical addresses; a raw image would land at RAM_BASE + 64 KiB too. */
#define KERNEL_BASE         0x70010000

/* ---- Devices (physical addresses) ------------------------------------ */
#define SYSREG_BASE         0x10000000          /* system registers      */
#define SYSREG_LED          0x08                /* SYS_LED: 8 user LEDs  */
#define SYSREG_24MHZ        0x5C                /* SYS_24MHZ counter     */
#define SYSREG_LOCK         0x20                /* SYS_LOCK              */
#define SYSREG_RESETCTL     0x40                /* SYS_RESETCTL          */
#define SYSREG_LOCK_KEY     0xA05F              /* unlocks SYS_RESETCTL  */

#define UART0_BASE          0x10009000          /* PL011, console        */
#define UART1_BASE          0x1000A000
#define UART2_BASE          0x1000B000
#define UART3_BASE          0x1000C000

#define TIMER01_BASE        0x10011000          /* SP804: timers 0 and 1 */
#define TIMER23_BASE        0x10012000          /* SP804: timers 2 and 3 */

#define GPIO0_BASE          0x10013000          /* PL061                 */
#define GPIO1_BASE          0x10014000
#define GPIO2_BASE          0x10015000          /* bit 0: SD card detect */

#define MMCI_BASE           0x10005000          /* PL181 SD/MMC host     */
#define RTC_BASE            0x10017000          /* PL031                 */

#define GIC_CPU_BASE        0x1E000000          /* GIC CPU interface     */
#define GIC_DIST_BASE       0x1E001000          /* GIC distributor       */

/* Device regions the MMU maps (privileged, Device memory, execute-never).
 * Each is a whole number of 1 MiB sections. */
#define DEVICE_REGION0_BASE 0x10000000          /* all the PrimeCells    */
#define DEVICE_REGION0_SIZE 0x00100000
#define DEVICE_REGION1_BASE 0x1E000000          /* the GIC               */
#define DEVICE_REGION1_SIZE 0x00100000
#define DEVICE_REGION_COUNT 2

/* ---- Interrupts -------------------------------------------------------- */
/* The realview GIC has 96 interrupt IDs.  IDs 0..15 are the SGIs (software
 * generated interrupts), 16..31 are private peripheral interrupts (none on
 * this board), and board interrupt line n arrives as GIC ID 32 + n. */
#define INTC_NLINES         96
#define GIC_SPI(n)          (32 + (n))

#define IRQ_TIMER01         GIC_SPI(4)          /* SP804 at 0x10011000   */
#define IRQ_TIMER23         GIC_SPI(5)
#define IRQ_GPIO0           GIC_SPI(6)
#define IRQ_GPIO1           GIC_SPI(7)
#define IRQ_GPIO2           GIC_SPI(8)
#define IRQ_RTC             GIC_SPI(10)
#define IRQ_UART0           GIC_SPI(12)
#define IRQ_UART1           GIC_SPI(13)
#define IRQ_UART2           GIC_SPI(14)
#define IRQ_UART3           GIC_SPI(15)
#define IRQ_MMCI0           GIC_SPI(17)
#define IRQ_MMCI1           GIC_SPI(18)

/* The line the scheduler's tick arrives on, and the software interrupt that
 * yield and blocking system calls raise (an SGI, see gic.S). */
#define IRQ_TICK            IRQ_TIMER01
#define IRQ_RESCHED         1                   /* SGI 1                 */
/* The one-shot timer that bounds a user interrupt handler (uirq.S):
 * the first timer of the second SP804. */
#define IRQ_WATCHDOG        IRQ_TIMER23
#define WATCHDOG_BASE       TIMER23_BASE

/* ---- GPIO and LEDs ---------------------------------------------------- */
/* Three PL061 banks of 8 pins: pin = bank * 8 + bit. */
#define GPIO_NBANKS         3
#define GPIO_NPINS          24
#define GPIO_PINS_PER_BANK  8
/* GPIO2 bit 0 is the SD card-detect line (1: no card, QEMU inverts the
 * card's "inserted" signal), bit 1 write-protect: the kernel's own. */
#define GPIO_PIN_CARD_DETECT 16
#define GPIO_PIN_WRITE_PROT 17
#define GPIO_RESERVED_PINS  ((1 << 16) | (1 << 17))
/* SYS_LED drives eight user LEDs. */
#define BOARD_NLEDS         8

/* ---- Clocks ------------------------------------------------------------ */
#define TIMER_CLOCK_HZ      1000000             /* SP804 input: 1 MHz    */
#define COUNTER_HZ          24000000            /* SYS_24MHZ             */

#endif /* BOARD_H */
