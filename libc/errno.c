/*
 * errno.c - errno itself (one process, one thread: a plain variable).
 */
#include <errno.h>

int errno;
