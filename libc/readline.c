/*
 * readline.c - reading a line from the console with echo and simple
 * editing: backspace (0x08 or 0x7F) erases a character, Ctrl-U the whole
 * line, CR or LF ends it.  The console gives raw bytes and does not echo,
 * so echoing is done here, through stdout (flushed before each read).
 */
#include <a8os.h>
#include <stdio.h>

#define CTRL_U  0x15

/* Set when the last line ended with CR: a LF right after it is the second
 * half of a CR LF pair and does not end another (empty) line. */
static int after_cr;

/* Prints prompt and reads one line from fd 0 into buf (size bytes, the
 * NUL included), echoing printable bytes and ignoring other control
 * bytes; bytes beyond the room in buf are dropped.  Returns the length of
 * the line (without the newline), or a negative errno (read failed, or
 * size < 1: -EINVAL). */
int readline(const char *prompt, char *buf, int size)
{
    int len = 0;

    if (size < 1)
        return -EINVAL;
    if (prompt != NULL)
        fputs(prompt, stdout);
    for (;;) {
        unsigned char c;

        fflush(stdout);                 /* prompt and echo out */
        int r = read(FD_STDIN, &c, 1);
        if (r < 0) {
            buf[len] = '\0';
            return r;
        }
        if (r == 0)
            break;                      /* end of input */
        if (c == '\n' && after_cr) {
            after_cr = 0;
            continue;
        }
        after_cr = c == '\r';
        if (c == '\r' || c == '\n') {
            fputc('\n', stdout);
            break;
        }
        if (c == '\b' || c == 0x7f) {
            if (len > 0) {
                len--;
                fputs("\b \b", stdout);
            }
        } else if (c == CTRL_U) {
            for (; len > 0; len--)
                fputs("\b \b", stdout);
        } else if (c >= 0x20 && c < 0x7f && len < size - 1) {
            buf[len++] = (char)c;
            fputc(c, stdout);
        }
    }
    buf[len] = '\0';
    return len;
}
