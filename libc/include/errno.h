/*
 * errno.h - errno and the error numbers (the kernel's, a8os/errno.h).
 */
#ifndef _ERRNO_H
#define _ERRNO_H

#include "a8os/errno.h"

/* The error of the last library call that failed and said so. */
extern int errno;

#endif /* _ERRNO_H */
