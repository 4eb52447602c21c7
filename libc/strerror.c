/*
 * strerror.c - texts for error numbers (strerror) and for the signal
 * numbers of a wait status (strsignal).
 */
#include <a8os.h>
#include <string.h>

/* Writes "prefix N" into buf (which must hold it); returns buf. */
static char *numbered(char *buf, const char *prefix, int n)
{
    char digits[12];
    char *p = digits + sizeof digits;
    unsigned u = n < 0 ? 0u - (unsigned)n : (unsigned)n;

    *--p = '\0';
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u != 0);
    if (n < 0)
        *--p = '-';
    strcpy(buf, prefix);
    strcat(buf, p);
    return buf;
}

/* The text for errnum, given as E... or -E...; "unknown error N" for a
 * number a8os does not use. */
char *strerror(int errnum)
{
    static char unknown[32];
    unsigned e = errnum < 0 ? 0u - (unsigned)errnum : (unsigned)errnum;

    switch (e) {
    case 0:          return "no error";
    case EPERM:      return "operation not permitted";
    case ENOENT:     return "no such app, file or name";
    case ESRCH:      return "no such process";
    case EINTR:      return "interrupted";
    case EIO:        return "input/output error";
    case E2BIG:      return "argument list too long";
    case ENOEXEC:    return "bad executable image";
    case EBADF:      return "bad file descriptor";
    case ECHILD:     return "no child to wait for";
    case EAGAIN:     return "try again";
    case ENOMEM:     return "out of memory";
    case EFAULT:     return "bad address";
    case EBUSY:      return "resource busy";
    case EEXIST:     return "already exists";
    case ENODEV:     return "no such device";
    case EINVAL:     return "invalid argument";
    case ENFILE:     return "table full";
    case ENOSPC:     return "no space left";
    case ERANGE:     return "result out of range";
#ifdef EDEADLK
    case EDEADLK:    return "resource deadlock avoided";
#endif
#ifdef ENAMETOOLONG
    case ENAMETOOLONG: return "name too long";
#endif
    case ENOSYS:     return "no such system call";
#ifdef ETIMEDOUT
    case ETIMEDOUT:  return "timed out";
#endif
#ifdef ENOMEDIUM
    case ENOMEDIUM:  return "no medium";
#endif
    case EOWNERDEAD: return "owner died";
    default:         return numbered(unknown, "unknown error ", errnum);
    }
}

/* The text for a signal number of a wait status (WTERMSIG). */
const char *strsignal(int sig)
{
    static char other[24];

    switch (sig) {
    case A8_SIGSEGV: return "segmentation fault";
    case A8_SIGILL:  return "illegal instruction";
    case A8_SIGBUS:  return "bus error (alignment)";
    case A8_SIGKILL: return "killed";
    case A8_SIGXCPU: return "interrupt handler ran past its budget";
    case A8_SIGSYS:  return "system call from an interrupt handler";
    default:         return numbered(other, "signal ", sig);
    }
}
