/*
 * mmu.h - the ARMv7 short-descriptor translation table formats a8os uses,
 * bit by bit, and the attribute sets built from them.
 *
 * Reference: ARMv7 ARM B3.5 (short-descriptor translation table format).
 * SCTLR.TRE = 0 (no TEX remap) and SCTLR.AFE = 0 (AP[0] is a permission
 * bit, not an access flag), so TEX/C/B and AP[2:0] mean what they say.
 *
 * A virtual address splits as  [31:20] L1 index | [19:12] L2 index | [11:0]
 * The L1 table has 4096 word entries (16 KiB), one per 1 MiB.  A "coarse"
 * L2 table has 256 entries (1 KiB), one per 4 KiB small page.
 */
#ifndef MMU_H
#define MMU_H

#define PAGE_SIZE       4096
#define PAGE_SHIFT      12
#define SECTION_SIZE    0x00100000
#define SECTION_SHIFT   20
#define L1_ENTRIES      4096
#define L1_SIZE         (L1_ENTRIES * 4)        /* 16 KiB, 16 KiB aligned */
#define L2_ENTRIES      256
#define L2_SIZE         (L2_ENTRIES * 4)        /* 1 KiB                  */
/* One 4 KiB page holds four L2 tables: the four consecutive megabytes of a
 * 4 MiB-aligned "group" share a page of L2 tables (see mmu.S). */
#define L2_GROUP_SHIFT  22
#define L2_GROUP_SIZE   (1 << L2_GROUP_SHIFT)

/* ---- L1 descriptors ---------------------------------------------------- */
#define L1_TYPE_MASK    0x3
#define L1_TYPE_FAULT   0x0
#define L1_TYPE_COARSE  0x1                     /* points to an L2 table  */
#define L1_TYPE_SECT    0x2                     /* maps 1 MiB directly    */
#define L1_DOMAIN(d)    ((d) << 5)              /* bits [8:5]             */
#define L1_COARSE_ADDR  0xFFFFFC00              /* L2 table base [31:10]  */

/* Section descriptor bits */
#define SECT_B          (1 << 2)
#define SECT_C          (1 << 3)
#define SECT_XN         (1 << 4)                /* execute never          */
#define SECT_AP0        (1 << 10)
#define SECT_AP1        (1 << 11)
#define SECT_TEX(t)     ((t) << 12)
#define SECT_AP2        (1 << 15)
#define SECT_S          (1 << 16)               /* shareable              */
#define SECT_NG         (1 << 17)               /* not global (per ASID)  */
#define SECT_ADDR       0xFFF00000

/* ---- L2 small page descriptors ----------------------------------------- */
#define PTE_XN          (1 << 0)                /* execute never          */
#define PTE_SMALL       (1 << 1)                /* type: small page       */
#define PTE_B           (1 << 2)
#define PTE_C           (1 << 3)
#define PTE_AP0         (1 << 4)
#define PTE_AP1         (1 << 5)
#define PTE_TEX(t)      ((t) << 6)
#define PTE_AP2         (1 << 9)
#define PTE_S           (1 << 10)
#define PTE_NG          (1 << 11)
#define PTE_ADDR        0xFFFFF000
#define PTE_VALID       PTE_SMALL               /* a non-fault entry      */

/*
 * Access permissions AP[2:0] (table B3-8), with AFE = 0:
 *   AP2 AP1 AP0   privileged   user
 *    0   0   1    read/write   none
 *    0   1   0    read/write   read-only
 *    0   1   1    read/write   read/write
 *    1   0   1    read-only    none
 *    1   1   1    read-only    read-only
 * Memory types (table B3-10), TEX C B:
 *   001 1 1   Normal, outer and inner write-back, write-allocate
 *   000 0 1   Device, shareable
 */
#define PTE_NORMAL      (PTE_TEX(1) | PTE_C | PTE_B)
#define PTE_DEVICE      (PTE_B)
#define PTE_P_RW        (PTE_AP0)
#define PTE_P_RO        (PTE_AP2 | PTE_AP0)
#define PTE_U_RW        (PTE_AP1 | PTE_AP0)
#define PTE_U_RO        (PTE_AP2 | PTE_AP1 | PTE_AP0)

#define SECT_NORMAL     (SECT_TEX(1) | SECT_C | SECT_B)
#define SECT_DEVICE     (SECT_B)
#define SECT_P_RW       (SECT_AP0)

/* The attribute sets used for kernel mappings (global, privileged only). */
#define PTE_KTEXT       (PTE_SMALL | PTE_NORMAL | PTE_P_RO)
#define PTE_KRODATA     (PTE_SMALL | PTE_NORMAL | PTE_P_RO | PTE_XN)
#define PTE_KDATA       (PTE_SMALL | PTE_NORMAL | PTE_P_RW | PTE_XN)
#define SECT_KDATA      (L1_TYPE_SECT | SECT_NORMAL | SECT_P_RW | SECT_XN)
#define SECT_KDEVICE    (L1_TYPE_SECT | SECT_DEVICE | SECT_P_RW | SECT_XN)

/* And for user mappings (not global, so tagged with the process's ASID). */
#define PTE_UTEXT       (PTE_SMALL | PTE_NORMAL | PTE_U_RO | PTE_NG)
#define PTE_URODATA     (PTE_SMALL | PTE_NORMAL | PTE_U_RO | PTE_NG | PTE_XN)
#define PTE_UDATA       (PTE_SMALL | PTE_NORMAL | PTE_U_RW | PTE_NG | PTE_XN)

/* ---- Domains (DACR, B4.1.43) ------------------------------------------- */
#define DOMAIN_KERNEL   0                       /* kernel image and RAM   */
#define DOMAIN_USER     1                       /* process memory         */
#define DOMAIN_VECTORS  2                       /* vector page and stacks */
#define DACR_NOACCESS   0x0
#define DACR_CLIENT     0x1                     /* check the AP bits      */
#define DACR_FIELD(d, v) ((v) << (2 * (d)))
/* Normal operation: all three domains are clients. */
#define DACR_NORMAL     (DACR_FIELD(DOMAIN_KERNEL, DACR_CLIENT) | \
                         DACR_FIELD(DOMAIN_USER, DACR_CLIENT) |   \
                         DACR_FIELD(DOMAIN_VECTORS, DACR_CLIENT))
/* While a user interrupt handler runs: the kernel domain is closed. */
#define DACR_SANDBOX    (DACR_FIELD(DOMAIN_USER, DACR_CLIENT) |   \
                         DACR_FIELD(DOMAIN_VECTORS, DACR_CLIENT))

/* ---- TTBR0 walk attributes (B4.1.154, no Multiprocessing Extensions) ---- */
/* C = 1: inner cacheable walk; RGN = 01: outer write-back write-allocate.
 * The Cortex-A8 still cannot walk from its L1 D-cache: see mmu.S. */
#define TTBR_C          (1 << 0)
#define TTBR_RGN_WBWA   (1 << 3)
#define TTBR_FLAGS      (TTBR_C | TTBR_RGN_WBWA)

/* ---- The virtual address map -------------------------------------------- */
/* The kernel runs identity-mapped (virtual = physical) for RAM and devices.
 * The vector page and the exception stack page are mapped a second time at
 * the top of the address space, in their own domain (vectors.S). */
#define VECTORS_VIRT    0xFFFF0000
#define EXCSTACK_VIRT   0xFFFF1000
/* User space: see a8os/layout.h. */
#include "a8os/layout.h"

#ifdef __ASSEMBLER__
/*
 * mm_switch ttbr, asid, tmp - make an address space current: TTBR0 =
 * \ttbr (table | TTBR_FLAGS), CONTEXTIDR = \asid (a P_ASID word: the
 * ASID in bits 7:0, its generation above, see asid.S).  The order is the one
 * the ARMv7 ARM (B3.10.4) gives for changing both without a TLB flush:
 * the reserved ASID 0 first, ISB; then TTBR0, ISB; then the new ASID.
 * While ASID 0 is current, a speculative walk through either table can
 * only make global entries or entries tagged 0, and no process uses 0.
 * The exception return that follows a switch is a context synchronisation
 * event, so the last write needs no ISB of its own before user code runs.
 */
        .macro  mm_switch ttbr, asid, tmp
        mov     \tmp, #0
        write_contextidr \tmp
        isb
        write_ttbr0 \ttbr
        isb
        write_contextidr \asid
        .endm
#endif

#endif /* MMU_H */
