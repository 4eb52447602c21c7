/*
 * proc.h - the process table entry ("task information page" of the seed
 * design), field by field, and the constants of the process layer.
 *
 * One struct proc per process in proc_table (src/proc.S), NPROC of them,
 * plus idle_proc, the kernel's own context, which runs when nothing else
 * can.  The first two fields are the address space, which every switch
 * to the process loads with one LDRD: the TTBR0 value (its L1 table's
 * physical address with the table-walk attributes) and the ASID.
 */
#ifndef PROC_H
#define PROC_H

#include "a8os/syscall.h"

#define NPROC           16              /* processes, init included     */
#define INIT_PID        1               /* init's pid, and only init's  */

/* struct proc: offsets of its fields (all words). */
#define P_TTBR          0               /* TTBR0 value: L1 table | walk attributes */
#define P_ASID          4               /* byte 0: ASID; above: generation
                                           (see asid.S; the whole word goes
                                           into CONTEXTIDR) */
#define P_QUANTUM       8               /* ticks left in this turn      */
#define P_STATE         12              /* PS_* below                   */
#define P_PID           16
#define P_PPID          20              /* parent's pid, 0 if orphaned  */
#define P_SP_IRQ        24              /* saved r13_irq -> saved frame */
#define P_TICKS         28              /* CPU time in ticks            */
#define P_KPAGE         32              /* kernel page: IRQ + SVC stacks*/
#define P_NEXT          36              /* run ring: next, previous     */
#define P_PREV          40
#define P_WCHAN         44              /* what a blocked process waits on */
#define P_WAKE          48              /* tick to wake at (sleeping)   */
#define P_SNEXT         52              /* sleep list link              */
#define P_BRK           56              /* program break (sbrk)         */
#define P_HEAP          60              /* where the heap starts        */
#define P_STATUS        64              /* wait status once exited      */
#define P_PAGES         68              /* user pages mapped            */
#define P_NOKILL        72              /* >0: kill waits (see proc.S)  */
#define P_KILLED        76              /* pending kill reason, 0 none  */
#define P_L1            80              /* L1 table, physical address   */
#define P_NAME          84              /* 16 bytes, NUL-terminated     */
#define P_TICKET        100             /* mutex wait: place in line, 0 none */
#define P_WAKERES       104             /* mutex wait: what it was handed */
#define P_SHM           108             /* shared memory slots mapped (bits) */
#define P_SIZE          128             /* a power of two: index << 7   */
#define P_SHIFT         7

/* Process states. */
#define PS_FREE         0               /* slot unused                  */
#define PS_NEW          1               /* being created                */
#define PS_RUNNING      2               /* on the CPU or in the run queue */
#define PS_SLEEPING     3               /* in the sleep list            */
#define PS_BLOCKED      4               /* waiting for P_WCHAN          */
#define PS_ZOMBIE       5               /* exited, status not collected */
#define PS_DEAD         6               /* exited, nobody will collect  */
#define PS_IDLE         7               /* the idle process, always     */

/* A sleeping kernel lock (klock.S): two words. */
#define KLOCK_OWNER     0               /* holding process, 0 if free   */
#define KLOCK_WAITERS   4               /* processes waiting for it     */
#define KLOCK_SIZE      8

/* The scheduler's quantum, in ticks. */
#define QUANTUM         10              /* 10 ms at HZ = 1000           */

/* The kernel page of a process: its SVC stack below, its IRQ stack on
 * top.  The IRQ stack holds one saved frame and the dispatcher's calls. */
#define KPAGE_SVC_TOP   0xC00           /* SVC stack: 3 KiB, grows down */
#define KPAGE_IRQ_TOP   0x1000          /* IRQ stack: 1 KiB, grows down */

/* A switched-out process's IRQ stack holds its saved SVC sp and lr, then
 * the trap frame (frame.h). */
#define SWITCH_SVC_SP   0
#define SWITCH_SVC_LR   4
#define SWITCH_FRAME    8
#define SWITCH_SIZE     (8 + FRAME_SIZE)

#endif /* PROC_H */
