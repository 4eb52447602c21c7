/*
 * ctype.c - character classes and case mapping for ASCII; anything
 * outside 0..127 (EOF included) is in no class and maps to itself.
 *
 * Portable C: the host tests compare these with glibc's in the C locale.
 */
#include <ctype.h>

/* '0'..'9'. */
int isdigit(int c)
{
    return c >= '0' && c <= '9';
}

/* A hexadecimal digit: 0-9, a-f, A-F. */
int isxdigit(int c)
{
    return isdigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* 'A'..'Z'. */
int isupper(int c)
{
    return c >= 'A' && c <= 'Z';
}

/* 'a'..'z'. */
int islower(int c)
{
    return c >= 'a' && c <= 'z';
}

/* A letter. */
int isalpha(int c)
{
    return isupper(c) || islower(c);
}

/* A letter or a digit. */
int isalnum(int c)
{
    return isalpha(c) || isdigit(c);
}

/* Space, \t, \n, \v, \f or \r. */
int isspace(int c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Printable, space included: 0x20..0x7E. */
int isprint(int c)
{
    return c >= 0x20 && c < 0x7f;
}

/* Printable, not a space, not alphanumeric. */
int ispunct(int c)
{
    return isprint(c) && c != ' ' && !isalnum(c);
}

/* A control character: 0x00..0x1F and 0x7F. */
int iscntrl(int c)
{
    return (c >= 0 && c < 0x20) || c == 0x7f;
}

/* The upper-case letter for a lower-case one; c otherwise. */
int toupper(int c)
{
    return islower(c) ? c - 'a' + 'A' : c;
}

/* The lower-case letter for an upper-case one; c otherwise. */
int tolower(int c)
{
    return isupper(c) ? c - 'A' + 'a' : c;
}
