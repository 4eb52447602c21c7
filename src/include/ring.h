/*
 * ring.h - a receive ring buffer (src/ring.S): what an interrupt handler
 * puts bytes into and a blocking read() takes them out of.
 */
#ifndef RING_H
#define RING_H

#define RING_HEAD       0               /* next byte goes here (IRQ)    */
#define RING_TAIL       4               /* next byte is read from here  */
#define RING_MASK       8               /* size - 1; size a power of two */
#define RING_OVERFLOWS  12              /* bytes dropped: the ring was full */
#define RING_BUF        16              /* -> the storage               */
#define RING_SIZE       20

#ifdef __ASSEMBLER__
/* RING name, bytes - define a ring and its storage (in .bss). */
        .macro  RING name, bytes
        .pushsection .data
        .balign 4
\name:  .word   0, 0, \bytes - 1, 0, \name\()_storage
        .popsection
        .pushsection .bss
\name\()_storage: .space \bytes
        .popsection
        .endm
#endif

#endif /* RING_H */
