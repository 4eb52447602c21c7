/*
 * malloc.c - the heap: malloc, free, calloc, realloc, on sbrk.
 *
 * The heap is one or more regions of memory from sbrk (more than one only
 * if something else moved the break in between), each cut into blocks
 * that lie end to end:
 *
 *   | prev_size | size|USED | payload ...      | prev_size | size | ...
 *   ^ block                 ^ what malloc returns
 *
 * Every block starts with a header giving its own size (header included,
 * a multiple of 8, with bit 0 set while it is in use) and the size of the
 * block just below it (0 for a region's first block), so that free can
 * merge a block with both neighbours in constant time.  A region ends
 * with a header of size 0 marked in use, the sentinel.  Free blocks are
 * never next to each other, and hold the links of a doubly linked free
 * list in their payload; malloc takes the first that is large enough and
 * splits off what it does not need.  The heap grows by whole pages; when
 * the new memory follows the last region, the sentinel becomes part of a
 * free block that merges with the free space below it.
 *
 * Portable C: the host tests run it over a fake sbrk (tests/test_libc.py).
 */
#include <a8os.h>
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define PAGE        4096
#define USED        ((size_t)1)
#define ALIGN       8

/* A block; next and prev exist only while it is free. */
struct block {
    size_t prev_size;           /* the block below; 0: first of a region  */
    size_t size;                /* header included, | USED when in use     */
    struct block *next;         /* free list                               */
    struct block *prev;
};

#define HDR         offsetof(struct block, next)
#define ROUND(n)    (((n) + ALIGN - 1) & ~(size_t)(ALIGN - 1))
#define MIN_BLOCK   ROUND(sizeof(struct block))
/* The largest request: its block and a sentinel must fit in one sbrk. */
#define MAX_REQUEST ((size_t)INT_MAX - 2 * PAGE)

_Static_assert(HDR % ALIGN == 0, "payloads must stay 8-byte aligned");

static struct block *free_list;     /* the free blocks, most recent first  */
static struct block *sentinel;      /* the end of the newest region        */
static char *region_end;            /* the break after the newest region   */

/* A block's size without the USED bit. */
static size_t block_size(const struct block *b)
{
    return b->size & ~USED;
}

/* The block above b. */
static struct block *next_block(struct block *b)
{
    return (struct block *)((char *)b + block_size(b));
}

/* Puts free block b at the head of the free list. */
static void list_insert(struct block *b)
{
    b->prev = NULL;
    b->next = free_list;
    if (free_list != NULL)
        free_list->prev = b;
    free_list = b;
}

/* Takes free block b out of the free list. */
static void list_remove(struct block *b)
{
    if (b->prev != NULL)
        b->prev->next = b->next;
    else
        free_list = b->next;
    if (b->next != NULL)
        b->next->prev = b->prev;
}

/* Makes b, which has size bytes and is in no list, a free block: merges it
 * with a free neighbour above and below, and lists the result. */
static void release(struct block *b, size_t size)
{
    struct block *up = (struct block *)((char *)b + size);

    if (!(up->size & USED)) {
        list_remove(up);
        size += up->size;
    }
    if (b->prev_size != 0) {
        struct block *down = (struct block *)((char *)b - b->prev_size);
        if (!(down->size & USED)) {
            list_remove(down);
            size += down->size;
            b = down;
        }
    }
    b->size = size;
    ((struct block *)((char *)b + size))->prev_size = size;
    list_insert(b);
}

/* Cuts in-use block b down to size bytes (a multiple of 8 it already
 * has), freeing the rest if that is large enough to be a block. */
static void trim(struct block *b, size_t size)
{
    size_t have = block_size(b);

    if (have - size < MIN_BLOCK)
        return;
    b->size = size | USED;
    struct block *rest = (struct block *)((char *)b + size);
    rest->prev_size = size;
    release(rest, have - size);
}

/* Gets memory from sbrk for a block of at least need bytes and frees it
 * into the heap.  Returns 0, or -1 (errno ENOMEM) if sbrk refused. */
static int grow(size_t need)
{
    size_t inc = (need + HDR + ALIGN + PAGE - 1) & ~(size_t)(PAGE - 1);
    char *old = sbrk((int)inc);
    struct block *b;

    if (old == (char *)-1) {
        errno = ENOMEM;
        return -1;
    }
    char *end = (char *)(((uintptr_t)(old + inc) & ~(uintptr_t)(ALIGN - 1)) - HDR);
    if (sentinel != NULL && old == region_end) {
        b = sentinel;                   /* continues the newest region */
    } else {
        b = (struct block *)ROUND((uintptr_t)old);
        b->prev_size = 0;               /* a new region */
    }
    region_end = old + inc;
    sentinel = (struct block *)end;
    sentinel->size = 0 | USED;
    release(b, (size_t)(end - (char *)b));
    return 0;
}

/* Size bytes of memory, 8-byte aligned (a distinct pointer even for 0);
 * NULL with errno ENOMEM if there is not that much. */
void *malloc(size_t size)
{
    if (size > MAX_REQUEST) {
        errno = ENOMEM;
        return NULL;
    }
    size_t need = ROUND(size + HDR);
    if (need < MIN_BLOCK)
        need = MIN_BLOCK;

    for (;;) {
        for (struct block *b = free_list; b != NULL; b = b->next) {
            if (b->size >= need) {
                list_remove(b);
                b->size |= USED;
                trim(b, need);
                return (char *)b + HDR;
            }
        }
        if (grow(need) != 0)
            return NULL;
    }
}

/* Gives back memory from malloc, calloc or realloc (NULL: nothing).
 * Freeing a block that is not in use aborts. */
void free(void *p)
{
    if (p == NULL)
        return;
    struct block *b = (struct block *)((char *)p - HDR);
    if (!(b->size & USED))
        abort();                        /* double free, or not ours */
    b->size &= ~USED;                   /* stays so if merged down */
    release(b, b->size);
}

/* Zeroed memory for n objects of size bytes; NULL with errno ENOMEM if
 * there is not that much or n * size overflows. */
void *calloc(size_t n, size_t size)
{
    if (size != 0 && n > SIZE_MAX / size) {
        errno = ENOMEM;
        return NULL;
    }
    void *p = malloc(n * size);
    if (p != NULL)
        memset(p, 0, n * size);
    return p;
}

/* Resizes p's memory to size bytes, keeping its contents up to the
 * smaller size; in place when the block or its free neighbour above
 * allows, by moving otherwise.  realloc(NULL, n) is malloc(n);
 * realloc(p, 0) frees p and returns NULL (as glibc does).  On failure
 * returns NULL (errno ENOMEM) and leaves p as it was. */
void *realloc(void *p, size_t size)
{
    if (p == NULL)
        return malloc(size);
    if (size == 0) {
        free(p);
        return NULL;
    }
    if (size > MAX_REQUEST) {
        errno = ENOMEM;
        return NULL;
    }
    struct block *b = (struct block *)((char *)p - HDR);
    size_t need = ROUND(size + HDR);
    size_t have = block_size(b);
    if (need < MIN_BLOCK)
        need = MIN_BLOCK;

    if (have < need) {
        struct block *up = next_block(b);
        if (!(up->size & USED) && have + up->size >= need) {
            list_remove(up);
            have += up->size;
            b->size = have | USED;
            next_block(b)->prev_size = have;
        }
    }
    if (have >= need) {
        trim(b, need);
        return p;
    }

    void *q = malloc(size);
    if (q == NULL)
        return NULL;
    memcpy(q, p, have - HDR);
    free(p);
    return q;
}
