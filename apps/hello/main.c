/*
 * hello - the smallest a8os app: greets, shows its pid and arguments.
 *
 * usage: hello [ARGS...]
 *        hello exit N      also exits with status N (after printing)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <a8os.h>

int main(int argc, char **argv)
{
    printf("Hello from a8os! pid %d\n", getpid());
    for (int i = 1; i < argc; i++)
        printf("arg %d: %s\n", i, argv[i]);
    if (argc == 3 && strcmp(argv[1], "exit") == 0)
        return atoi(argv[2]);
    return 0;
}
