/*
 * a8os/errno.h - error numbers, shared by the kernel (assembly) and libc.
 * A failing system call returns the negative of one of these in r0.
 * The values follow the traditional Unix numbering so they read familiar.
 */
#ifndef A8OS_ERRNO_H
#define A8OS_ERRNO_H

#define EPERM           1       /* operation not permitted               */
#define ENOENT          2       /* no such app, file or name             */
#define ESRCH           3       /* no such process                       */
#define EINTR           4       /* interrupted                           */
#define EIO             5       /* input/output error                    */
#define E2BIG           7       /* argument list too long                */
#define ENOEXEC         8       /* bad executable image                  */
#define EBADF           9       /* bad file descriptor                   */
#define ECHILD          10      /* no child to wait for                  */
#define EAGAIN          11      /* try again / would block               */
#define ENOMEM          12      /* out of memory                         */
#define EFAULT          14      /* bad address passed to the kernel      */
#define EBUSY           16      /* resource owned by someone else        */
#define EEXIST          17      /* already exists                        */
#define ENODEV          19      /* no such device                        */
#define EINVAL          22      /* invalid argument                      */
#define ENFILE          23      /* table full                            */
#define ENOSPC          28      /* no space left                         */
#define ERANGE          34      /* result out of range                   */
#define EDEADLK         35      /* would deadlock (relocking own mutex)  */
#define ENAMETOOLONG    36      /* name too long                         */
#define ENOSYS          38      /* no such system call                   */
#define ETIMEDOUT       110     /* a device did not answer in time       */
#define ENOMEDIUM       123     /* no medium (SD card) present           */
#define EOWNERDEAD      130     /* mutex owner died                      */

#endif /* A8OS_ERRNO_H */
