/*
 * elf.h - the parts of the ELF32 format the app loader reads.
 * Reference: System V ABI, "ELF for the ARM Architecture" (IHI 0044).
 */
#ifndef ELF_H
#define ELF_H

/* ELF header (52 bytes) */
#define EH_IDENT        0               /* 0x7F 'E' 'L' 'F' class data version */
#define EH_TYPE         16              /* half */
#define EH_MACHINE      18              /* half */
#define EH_VERSION      20
#define EH_ENTRY        24
#define EH_PHOFF        28
#define EH_PHENTSIZE    42              /* half */
#define EH_PHNUM        44              /* half */
#define EH_SIZE         52

#define ELF_MAGIC       0x464C457F      /* "\x7fELF" read as a word     */
#define ELFCLASS32      1
#define ELFDATA2LSB     1
#define EV_CURRENT      1
#define ET_EXEC         2
#define EM_ARM          40

/* Program header (32 bytes) */
#define PH_TYPE         0
#define PH_OFFSET       4
#define PH_VADDR        8
#define PH_FILESZ       16
#define PH_MEMSZ        20
#define PH_FLAGS        24
#define PH_SIZE         32
#define PH_MAX          8               /* the loader reads at most 8   */

#define PT_LOAD         1
#define PF_X            1
#define PF_W            2
#define PF_R            4

#endif /* ELF_H */
