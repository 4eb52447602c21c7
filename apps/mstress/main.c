/*
 * mstress - malloc stress test: a deterministic random mix of malloc,
 * calloc, realloc and free on up to 256 live blocks, each filled with a
 * pattern of its own that is checked before the block is freed or
 * reallocated, so overlapping or damaged blocks are caught.
 *
 * usage: mstress
 *   prints "mstress: 20000 operations OK, heap K KiB" and exits 0, or
 *   "mstress: corruption at op N" and exits 1.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <a8os.h>

#define OPS     20000
#define SLOTS   256

struct block {
    unsigned char *p;           /* NULL: slot free */
    size_t size;
    uint32_t id;                /* picks the pattern */
};

static struct block blocks[SLOTS];
static uint32_t rng = 12345;

/* xorshift32. */
static uint32_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return rng;
}

/* A block size: 1..4096 bytes, one time in 32 up to 64 KiB. */
static size_t rnd_size(void)
{
    if (rnd() % 32 == 0)
        return 1 + rnd() % 65536;
    return 1 + rnd() % 4096;
}

/* Byte i of the pattern of block id. */
static unsigned char pattern(uint32_t id, size_t i)
{
    return (unsigned char)(id * 131u + i * 7u + (i >> 8));
}

/* Fills bytes from..size-1 of b with its pattern. */
static void fill(struct block *b, size_t from)
{
    for (size_t i = from; i < b->size; i++)
        b->p[i] = pattern(b->id, i);
}

/* Whether the first n bytes of b hold its pattern. */
static int intact(const struct block *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (b->p[i] != pattern(b->id, i))
            return 0;
    return 1;
}

static void corruption(int op)
{
    printf("mstress: corruption at op %d\n", op);
    exit(1);
}

static void out_of_memory(int op, size_t size)
{
    printf("mstress: out of memory at op %d (%u bytes)\n", op, (unsigned)size);
    exit(1);
}

/* Fills an empty slot with a new block from malloc or calloc. */
static void allocate(struct block *b, int op)
{
    size_t size = rnd_size();
    int zeroed = rnd() % 4 == 0;

    b->p = zeroed ? calloc(1, size) : malloc(size);
    if (b->p == NULL)
        out_of_memory(op, size);
    b->size = size;
    b->id = (uint32_t)op;
    if (zeroed) {
        for (size_t i = 0; i < size; i++)
            if (b->p[i] != 0)
                corruption(op);
    }
    fill(b, 0);
}

/* Checks and frees the block in a slot. */
static void release(struct block *b, int op)
{
    if (!intact(b, b->size))
        corruption(op);
    free(b->p);
    b->p = NULL;
}

/* Reallocates the block in a slot to a new size, growing or shrinking. */
static void resize(struct block *b, int op)
{
    size_t size = rnd_size();
    size_t keep = size < b->size ? size : b->size;

    if (!intact(b, b->size))
        corruption(op);
    unsigned char *p = realloc(b->p, size);
    if (p == NULL)
        out_of_memory(op, size);
    b->p = p;
    if (!intact(b, keep))               /* realloc must keep the contents */
        corruption(op);
    b->size = size;
    fill(b, keep);
}

int main(void)
{
    uintptr_t start = (uintptr_t)sbrk(0);
    int op;

    for (op = 0; op < OPS; op++) {
        struct block *b = &blocks[rnd() % SLOTS];

        if (b->p == NULL)
            allocate(b, op);
        else if (rnd() % 2 == 0)
            release(b, op);
        else
            resize(b, op);
    }
    for (int i = 0; i < SLOTS; i++)
        if (blocks[i].p != NULL)
            release(&blocks[i], op);

    uintptr_t end = (uintptr_t)sbrk(0);
    printf("mstress: %d operations OK, heap %u KiB\n", OPS,
           (unsigned)((end - start) / 1024));
    return 0;
}
