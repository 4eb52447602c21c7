/*
 * unistd.h - the system interface under its Unix name: all of a8os.h.
 */
#ifndef _UNISTD_H
#define _UNISTD_H

#include <a8os.h>

#endif /* _UNISTD_H */
