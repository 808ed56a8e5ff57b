/* The C peer of bench/plan: the same date arithmetic on the same input.
 *
 * Reads the working-day table and directives dumped by `bench-plan SCALE --dump FILE`, computes
 * each deadline's 5 stages (7d, 3wd, 1wd before the last day, the due day, one overdue reminder)
 * on working days only, emits one reminder per addressed unit and stage, and sorts them by
 * (instant, unit, item), as the Swift planner does. Prints reminders per second and peak memory.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>

typedef struct { long long send_at; int unit; int item; } reminder;

static int first_day, days;
static char *table;

static int working(int day) {
    int i = day - first_day;
    if (i < 0 || i >= days) return 0;
    return table[i] == '1';
}
static int on_or_before(int d) { while (!working(d)) d--; return d; }
static int on_or_after(int d) { while (!working(d)) d++; return d; }
static int add_working(int d, int n) {
    int step = n >= 0 ? 1 : -1, left = n >= 0 ? n : -n;
    while (left > 0) { d += step; if (working(d)) left--; }
    return d;
}
static int cmp(const void *a, const void *b) {
    const reminder *x = a, *y = b;
    if (x->send_at != y->send_at) return x->send_at < y->send_at ? -1 : 1;
    if (x->unit != y->unit) return x->unit < y->unit ? -1 : 1;
    return x->item < y->item ? -1 : x->item > y->item;
}
static double now_seconds(void) {
    struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: plan-peer FILE\n"); return 2; }
    FILE *f = fopen(argv[1], "r");
    if (!f) { perror(argv[1]); return 2; }
    if (fscanf(f, "%d %d ", &first_day, &days) != 2) return 2;
    table = malloc(days + 1);
    if (fscanf(f, "%s", table) != 1) return 2;
    int count;
    if (fscanf(f, "%d", &count) != 1) return 2;
    int *due = malloc(sizeof(int) * count), *sizes = malloc(sizeof(int) * count);
    int **unit_lists = malloc(sizeof(int *) * count);
    long total = 0;
    for (int i = 0; i < count; i++) {
        if (fscanf(f, "%d %d", &due[i], &sizes[i]) != 2) return 2;
        unit_lists[i] = malloc(sizeof(int) * sizes[i]);
        for (int j = 0; j < sizes[i]; j++) if (fscanf(f, "%d", &unit_lists[i][j]) != 1) return 2;
        total += sizes[i] * 5L;
    }
    fclose(f);
    double best = 1e9;
    long n = 0;
    for (int round = 0; round < 3; round++) {
        double start = now_seconds();
        reminder *out = malloc(sizeof(reminder) * total);
        n = 0;
        for (int i = 0; i < count; i++) {
            int last = on_or_before(due[i] - 1);
            int stage_days[5] = {
                on_or_before(last - 7), on_or_before(add_working(last, -3)), on_or_before(add_working(last, -1)), last,
                on_or_after(due[i]),
            };
            for (int s = 0; s < 5; s++) {
                if (s > 0 && stage_days[s] == stage_days[s - 1]) continue; /* same instant: merged */
                long long at = (long long)stage_days[s] * 86400 + 8 * 3600;
                for (int j = 0; j < sizes[i]; j++) {
                    out[n].send_at = at; out[n].unit = unit_lists[i][j]; out[n].item = i * 5 + s; n++;
                }
            }
        }
        qsort(out, n, sizeof(reminder), cmp);
        double seconds = now_seconds() - start;
        if (seconds < best) best = seconds;
        long checksum = 0;
        for (long k = 0; k < n; k += 997) checksum += out[k].unit;
        if (round == 2) fprintf(stderr, "c checksum %ld\n", checksum);
        free(out);
    }
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    printf("c reminders=%ld\n", n);
    printf("c reminders_per_second %ld\n", (long)(n / best));
    printf("c plan_seconds %.3f\n", best);
    printf("c peak_rss_bytes %ld\n", usage.ru_maxrss * 1024L);
    return 0;
}
