/*
 * uirq.h - uirq_state, the user interrupt handler running now (src/uirq.S),
 * which the fault path (src/fault.S) looks at too.
 *
 * It sits right below the source table, so that run_user_handler stores
 * three of its words with one STMDB from the table's address.
 */
#ifndef UIRQ_H
#define UIRQ_H

#define US_LR_SVC       0               /* the interrupted lr_svc       */
#define US_ENTRY        4               /* the handler's uirq_table entry */
#define US_OWNER        8               /* its process, 0 when none runs */
#define US_SP           12              /* sp_irq when it started       */
#define US_SIZE         16

#endif /* UIRQ_H */
