/*
 * Baseline for the format benchmark: parse every line of a JSONL file with jansson and count
 * how many lines are accepted (valid JSON) and rejected.
 *
 * One json_loadb() per line, as a per-record validator would do; the tree is freed at once.
 *
 * Build:  cc -O2 -o bench/out/jansson_parse bench/peers/jansson_parse.c -ljansson
 * Run:    bench/out/jansson_parse FILE.jsonl
 * Prints: "accepted N rejected M" on stdout; exit status 0, or 2 on usage or I/O errors.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE.jsonl\n", argv[0]);
        return 2;
    }
    FILE *file = fopen(argv[1], "rb");
    if (file == NULL) {
        fprintf(stderr, "%s: %s: %s\n", argv[0], argv[1], strerror(errno));
        return 2;
    }
    /* A large stdio buffer: fewer read(2) calls. getline() grows `line` to the longest line. */
    static char buffer[1 << 20];
    setvbuf(file, buffer, _IOFBF, sizeof buffer);

    char *line = NULL;
    size_t capacity = 0;
    ssize_t length;
    unsigned long long accepted = 0, rejected = 0;
    while ((length = getline(&line, &capacity, file)) != -1) {
        size_t size = (size_t)length;
        if (size > 0 && line[size - 1] == '\n') size--;
        json_error_t error;
        json_t *value = json_loadb(line, size, JSON_DECODE_ANY, &error);
        if (value != NULL) {
            accepted++;
            json_decref(value);
        } else {
            rejected++;
        }
    }
    if (ferror(file)) {
        fprintf(stderr, "%s: %s: read error: %s\n", argv[0], argv[1], strerror(errno));
        return 2;
    }
    free(line);
    fclose(file);
    printf("accepted %llu rejected %llu\n", accepted, rejected);
    return 0;
}
