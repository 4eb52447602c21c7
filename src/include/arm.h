/*
 * arm.h - names for the ARMv7-A / Cortex-A8 architectural constants the
 * kernel uses: processor modes and CPSR bits, system control register
 * bits, and the coprocessor 15 registers as assembler macros.
 *
 * Reference: ARM Architecture Reference Manual ARMv7-A/R (DDI 0406C),
 * chapters B1 (system level programmers' model), B3 (VMSA) and B4 (CP15).
 */
#ifndef ARM_H
#define ARM_H

/* ---- CPSR / SPSR -------------------------------------------------------- */
#define MODE_USR        0x10        /* User: unprivileged                  */
#define MODE_FIQ        0x11        /* FIQ: fast interrupt (banks r8-r14)  */
#define MODE_IRQ        0x12        /* IRQ: interrupt                      */
#define MODE_SVC        0x13        /* Supervisor: reset and SVC           */
#define MODE_ABT        0x17        /* Abort: prefetch and data aborts     */
#define MODE_UND        0x1B        /* Undefined instruction               */
#define MODE_SYS        0x1F        /* System: privileged, user registers  */
#define MODE_MASK       0x1F

#define PSR_T           (1 << 5)    /* Thumb state                         */
#define PSR_F           (1 << 6)    /* FIQs masked                         */
#define PSR_I           (1 << 7)    /* IRQs masked                         */
#define PSR_A           (1 << 8)    /* asynchronous aborts masked          */
#define PSR_E           (1 << 9)    /* big-endian data                     */
#define PSR_Q           (1 << 27)
#define PSR_V           (1 << 28)
#define PSR_C           (1 << 29)
#define PSR_Z           (1 << 30)
#define PSR_N           (1 << 31)

/* ---- SCTLR: system control register (B4.1.130) --------------------------- */
#define SCTLR_M         (1 << 0)    /* MMU enable                          */
#define SCTLR_A         (1 << 1)    /* strict alignment checking           */
#define SCTLR_C         (1 << 2)    /* data and unified caches enable      */
#define SCTLR_Z         (1 << 11)   /* branch prediction enable            */
#define SCTLR_I         (1 << 12)   /* instruction cache enable            */
#define SCTLR_V         (1 << 13)   /* high vectors (we use VBAR instead)  */
#define SCTLR_TRE       (1 << 28)   /* TEX remap (off: TEX/C/B as written) */
#define SCTLR_AFE       (1 << 29)   /* access flag (off: AP[0] is a perm.) */
#define SCTLR_TE        (1 << 30)   /* take exceptions in Thumb state      */

/* ---- Cortex-A8 cache geometry -------------------------------------------- */
/* Both the L1 D-cache and the L2 cache have 64-byte lines (CTR.DminLine = 4
 * words log2 = 4 -> 16 words).  Range maintenance steps by this amount. */
#define CACHE_LINE      64

/* ---- PAR: result of an address translation operation (B4.1.112) ---------- */
#define PAR_F           (1 << 0)    /* the translation faulted             */

/* ---- Exception vector offsets (B1.8.1) ---------------------------------- */
#define VEC_RESET       0x00
#define VEC_UNDEF       0x04
#define VEC_SVC         0x08
#define VEC_PABT        0x0C
#define VEC_DABT        0x10
#define VEC_IRQ         0x18
#define VEC_FIQ         0x1C

#ifdef __ASSEMBLER__

/*
 * CP15 register accessors.  Each macro names one register so that code
 * reads "write_ttbr0 r0" instead of "mcr p15, 0, r0, c2, c0, 0".
 * Encodings: ARMv7 ARM table B3-42 (summary of CP15 registers).
 */
        .macro  cp15_rw name, op1, crn, crm, op2
        .macro  read_\name reg
        mrc     p15, \op1, \reg, \crn, \crm, \op2
        .endm
        .macro  write_\name reg
        mcr     p15, \op1, \reg, \crn, \crm, \op2
        .endm
        .endm

        cp15_rw midr,       0, c0,  c0, 0   /* main ID                     */
        cp15_rw ctr,        0, c0,  c0, 1   /* cache type                  */
        cp15_rw clidr,      1, c0,  c0, 1   /* cache level ID              */
        cp15_rw ccsidr,     1, c0,  c0, 0   /* cache size ID (per CSSELR)  */
        cp15_rw csselr,     2, c0,  c0, 0   /* cache size selection        */
        cp15_rw sctlr,      0, c1,  c0, 0   /* system control              */
        cp15_rw ttbr0,      0, c2,  c0, 0   /* translation table base 0    */
        cp15_rw ttbcr,      0, c2,  c0, 2   /* translation table control   */
        cp15_rw dacr,       0, c3,  c0, 0   /* domain access control       */
        cp15_rw dfsr,       0, c5,  c0, 0   /* data fault status           */
        cp15_rw ifsr,       0, c5,  c0, 1   /* instruction fault status    */
        cp15_rw dfar,       0, c6,  c0, 0   /* data fault address          */
        cp15_rw ifar,       0, c6,  c0, 2   /* instruction fault address   */
        cp15_rw par,        0, c7,  c4, 0   /* physical address (ATS op)   */
        cp15_rw vbar,       0, c12, c0, 0   /* vector base address         */
        cp15_rw contextidr, 0, c13, c0, 1   /* context ID (holds the ASID) */
        cp15_rw tpidruro,   0, c13, c0, 3   /* user-read-only thread ID    */
        cp15_rw tpidrprw,   0, c13, c0, 4   /* PL1-only thread ID (scratch)*/
        cp15_rw pmcr,       0, c9,  c12, 0  /* performance monitor control */
        cp15_rw pmcntenset, 0, c9,  c12, 1  /* counter enable set          */
        cp15_rw pmccntr,    0, c9,  c13, 0  /* cycle counter               */

/* Address translation operations (B4.2.6): translate a virtual address as
 * a privileged or a user read or write would; the result lands in PAR. */
        .macro  ats1cpr reg                 /* stage 1, PL1 read           */
        mcr     p15, 0, \reg, c7, c8, 0
        .endm
        .macro  ats1cpw reg                 /* stage 1, PL1 write          */
        mcr     p15, 0, \reg, c7, c8, 1
        .endm
        .macro  ats1cur reg                 /* stage 1, user read          */
        mcr     p15, 0, \reg, c7, c8, 2
        .endm
        .macro  ats1cuw reg                 /* stage 1, user write         */
        mcr     p15, 0, \reg, c7, c8, 3
        .endm

#endif /* __ASSEMBLER__ */
#endif /* ARM_H */
