/* C peer of bench/calendar: the same bit set, word ranks and working-day list as
 * WorkingDayTable, the same queries (read from the file the Swift bench dumps), timed
 * the same way. Build: cc -O2 -o calendar-peer calendar.c; run: calendar-peer FILE. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct {
    int64_t first, count;
    uint64_t *words;
    int32_t *ranks, *offsets;
    int64_t working;
} table_t;

static double now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static void build(table_t *t, const uint8_t *flags, int64_t first, int64_t count) {
    int64_t nwords = (count + 63) / 64;
    t->first = first;
    t->count = count;
    t->words = calloc((size_t)nwords, sizeof(uint64_t));
    t->ranks = calloc((size_t)nwords + 1, sizeof(int32_t));
    t->offsets = malloc((size_t)count * sizeof(int32_t));
    t->working = 0;
    for (int64_t i = 0; i < count; i++)
        if (flags[i]) {
            t->words[i >> 6] |= (uint64_t)1 << (i & 63);
            t->offsets[t->working++] = (int32_t)i;
        }
    for (int64_t w = 0; w < nwords; w++)
        t->ranks[w + 1] = t->ranks[w] + __builtin_popcountll(t->words[w]);
}

static inline int is_working(const table_t *t, int64_t day) {
    int64_t i = day - t->first;
    return (t->words[i >> 6] >> (i & 63)) & 1;
}

static inline int64_t rank(const table_t *t, int64_t i) {
    int64_t below = i & 63;
    if (below == 0) return t->ranks[i >> 6];
    return t->ranks[i >> 6] + __builtin_popcountll(t->words[i >> 6] & (((uint64_t)1 << below) - 1));
}

static inline int64_t adding(const table_t *t, int64_t n, int64_t day) {
    if (n == 0) return day;
    int64_t i = day - t->first;
    int64_t target = n > 0 ? rank(t, i + 1) + n - 1 : rank(t, i) + n;
    return t->first + t->offsets[target];
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: %s DUMP_FILE\n", argv[0]); return 2; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 1; }
    int64_t header[4];
    if (fread(header, 8, 4, f) != 4) return 1;
    int64_t first = header[0], count = header[1], queries = header[2], rounds = header[3];
    uint8_t *flags = malloc((size_t)count);
    int64_t *days = malloc((size_t)queries * 8), *steps = malloc((size_t)queries * 8);
    if (fread(flags, 1, (size_t)count, f) != (size_t)count || fread(days, 8, (size_t)queries, f) != (size_t)queries
        || fread(steps, 8, (size_t)queries, f) != (size_t)queries) return 1;
    fclose(f);

    /* Build cost of one year's slice (from ready per-day flags) and of the century. */
    table_t year, t;
    int builds = 1000;
    double start = now_ns();
    for (int b = 0; b < builds; b++) {
        build(&year, flags + 366 * (b % 50), first, 366);
        free(year.words); free(year.ranks); free(year.offsets);
    }
    double year_ns = (now_ns() - start) / builds;
    start = now_ns();
    build(&t, flags, first, count);
    double century_ns = now_ns() - start;

    int64_t working_sum = 0, adding_sum = 0;
    for (int64_t q = 0; q < queries; q++) working_sum += is_working(&t, days[q]);   /* warm-up */
    for (int64_t q = 0; q < queries; q++) adding_sum += adding(&t, steps[q], days[q]);
    start = now_ns();
    for (int64_t r = 0; r < rounds; r++)
        for (int64_t q = 0; q < queries; q++) working_sum += is_working(&t, days[q]);
    double working_ns = (now_ns() - start) / (double)(queries * rounds);
    start = now_ns();
    for (int64_t r = 0; r < rounds; r++)
        for (int64_t q = 0; q < queries; q++) adding_sum += adding(&t, steps[q], days[q]);
    double adding_ns = (now_ns() - start) / (double)(queries * rounds);

    printf("c build_one_year_bits_us %.3f\n", year_ns / 1000);
    printf("c build_2000_2100_bits_ms %.3f\n", century_ns / 1e6);
    printf("c isWorkingDay_ns %.3f\n", working_ns);
    printf("c addingWorkingDays_ns %.3f\n", adding_ns);
    printf("c checksum %lld %lld\n", (long long)working_sum, (long long)adding_sum);
    return 0;
}
