/* The libcurl floor for the pipeline benchmark: the 2N messages one `nhachan tick` sends
 * (N emails, N signed webhook POSTs), with nothing on top (no config, planning, store or
 * templates). Emails go in order on one SMTP connection on their own thread while the
 * webhooks run on the multi interface with nhachan's connection limits, as nhachan does.
 * The bytes are those nhachan sent in a capture run (bench/pipeline/capture.py); each email
 * has its own recipient, each webhook its own URL, id and HMAC-SHA256 signature.
 *
 * Usage: peer N SMTP_URL MESSAGE_FILE HOOK_BASE SECRET BODY_FILE PER_HOST TOTAL [BATCH]
 *   HOOK_BASE is "http://127.0.0.1:PORT/hook": webhook i goes to HOOK_BASE/i.
 *   BATCH > 0 mimics nhachan's batches: BATCH deliveries (BATCH/2 emails on a fresh SMTP
 *   connection, BATCH/2 webhooks) then a barrier; 0 (default) streams without barriers.
 * Prints: RESULT client=c n=N emails_ok=... webhooks_ok=... seconds=... rate=... (deliveries/s) */
#include <curl/curl.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(2); }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc(n + 1);
    *len = fread(buf, 1, n, f);
    buf[*len] = 0;
    fclose(f);
    return buf;
}

static int n, batch;
static const char *smtp_url, *hook_base, *secret;
static char *message, *body;
static size_t message_len, body_len;
static pthread_barrier_t barrier;

static size_t discard(char *p, size_t s, size_t k, void *u) { (void)p; (void)u; return s * k; }

struct upload { const char *data; size_t len, off; };
static size_t read_cb(char *buf, size_t s, size_t k, void *u) {
    struct upload *up = u;
    size_t len = s * k < up->len - up->off ? s * k : up->len - up->off;
    memcpy(buf, up->data + up->off, len);
    up->off += len;
    return len;
}

static CURL *smtp_handle(struct upload *up) {
    CURL *easy = curl_easy_init();
    curl_easy_setopt(easy, CURLOPT_URL, smtp_url);
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(easy, CURLOPT_MAIL_FROM, "<nhachan@example.gov.vn>");
    curl_easy_setopt(easy, CURLOPT_READFUNCTION, read_cb);
    curl_easy_setopt(easy, CURLOPT_READDATA, up);
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, 30000L);
    return easy;
}

static int emails_ok;
static void *emails(void *arg) {
    (void)arg;
    struct upload up;
    int per_batch = batch > 0 ? batch / 2 : n;
    CURL *easy = NULL;
    for (int i = 0; i < n; i++) {
        if (!easy) easy = smtp_handle(&up);
        char rcpt[128];
        snprintf(rcpt, sizeof rcpt, "<don-vi-%d@bench.example.gov.vn>", i + 1);
        struct curl_slist *list = curl_slist_append(NULL, rcpt);
        curl_easy_setopt(easy, CURLOPT_MAIL_RCPT, list);
        up.data = message; up.len = message_len; up.off = 0;
        curl_easy_setopt(easy, CURLOPT_INFILESIZE_LARGE, (curl_off_t)message_len);
        if (curl_easy_perform(easy) == CURLE_OK) emails_ok++;
        curl_slist_free_all(list);
        if (batch > 0 && ((i + 1) % per_batch == 0 || i + 1 == n)) {
            curl_easy_cleanup(easy); /* one connection per batch, as nhachan */
            easy = NULL;
            pthread_barrier_wait(&barrier);
        }
    }
    if (easy) curl_easy_cleanup(easy);
    return NULL;
}

struct slot { CURL *easy; struct curl_slist *headers; char url[256]; };

static void start(CURLM *multi, struct slot *s, int i) {
    char id[128], header[256], prefix[192], sig[64];
    unsigned char mac[32];
    unsigned int maclen = 0;
    long ts = (long)time(NULL);
    snprintf(id, sizeof id, "bc-quy-1-2024/bao-cao/don-vi-%d/2024-04-05/before/webhook", i + 1);
    int plen = snprintf(prefix, sizeof prefix, "%s.%ld.", id, ts);
    unsigned char *signed_bytes = malloc(plen + body_len);
    memcpy(signed_bytes, prefix, plen);
    memcpy(signed_bytes + plen, body, body_len);
    HMAC(EVP_sha256(), secret, (int)strlen(secret), signed_bytes, plen + body_len, mac, &maclen);
    free(signed_bytes);
    EVP_EncodeBlock((unsigned char *)sig, mac, (int)maclen);
    curl_slist_free_all(s->headers);
    s->headers = curl_slist_append(NULL, "Content-Type: application/json; charset=utf-8");
    snprintf(header, sizeof header, "webhook-id: %s", id);
    s->headers = curl_slist_append(s->headers, header);
    snprintf(header, sizeof header, "webhook-timestamp: %ld", ts);
    s->headers = curl_slist_append(s->headers, header);
    snprintf(header, sizeof header, "webhook-signature: v1,%s", sig);
    s->headers = curl_slist_append(s->headers, header);
    s->headers = curl_slist_append(s->headers, "Expect:");
    snprintf(s->url, sizeof s->url, "%s/%d", hook_base, i + 1);
    curl_easy_setopt(s->easy, CURLOPT_URL, s->url);
    curl_easy_setopt(s->easy, CURLOPT_HTTPHEADER, s->headers);
    curl_easy_setopt(s->easy, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body_len);
    curl_easy_setopt(s->easy, CURLOPT_COPYPOSTFIELDS, body);
    curl_multi_add_handle(multi, s->easy);
}

static int webhooks(long per_host, long total) {
    CURLM *multi = curl_multi_init();
    curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, per_host);
    curl_multi_setopt(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, total);
    curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS, total);
    struct slot *slots = calloc(total, sizeof *slots);
    struct slot **idle = calloc(total, sizeof *idle);
    int nidle = 0;
    for (long i = 0; i < total; i++) {
        slots[i].easy = curl_easy_init();
        curl_easy_setopt(slots[i].easy, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(slots[i].easy, CURLOPT_POST, 1L);
        curl_easy_setopt(slots[i].easy, CURLOPT_WRITEFUNCTION, discard);
        curl_easy_setopt(slots[i].easy, CURLOPT_PRIVATE, &slots[i]);
        curl_easy_setopt(slots[i].easy, CURLOPT_TIMEOUT_MS, 30000L);
        idle[nidle++] = &slots[i];
    }
    int per_batch = batch > 0 ? batch / 2 : n;
    int next = 0, done = 0, ok = 0, running = 0;
    while (done < n) {
        int limit = next - next % per_batch + per_batch; /* this batch's end */
        if (limit > n) limit = n;
        while (nidle > 0 && next < limit) start(multi, idle[--nidle], next++);
        curl_multi_perform(multi, &running);
        CURLMsg *m;
        int q, completed = 0;
        while ((m = curl_multi_info_read(multi, &q))) {
            if (m->msg != CURLMSG_DONE) continue;
            long status = 0;
            struct slot *s;
            curl_easy_getinfo(m->easy_handle, CURLINFO_RESPONSE_CODE, &status);
            curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&s);
            if (m->data.result == CURLE_OK && status == 200) ok++;
            curl_multi_remove_handle(multi, m->easy_handle);
            idle[nidle++] = s;
            done++;
            completed = 1;
            if (batch > 0 && done == next && (done % per_batch == 0 || done == n)) pthread_barrier_wait(&barrier);
        }
        if (!completed) curl_multi_poll(multi, NULL, 0, 200, NULL);
    }
    return ok;
}

int main(int argc, char **argv) {
    if (argc < 9) {
        fprintf(stderr, "usage: peer N SMTP_URL MESSAGE_FILE HOOK_BASE SECRET BODY_FILE PER_HOST TOTAL [BATCH]\n");
        return 2;
    }
    n = atoi(argv[1]);
    smtp_url = argv[2];
    message = slurp(argv[3], &message_len);
    hook_base = argv[4];
    secret = argv[5];
    body = slurp(argv[6], &body_len);
    batch = argc > 9 ? atoi(argv[9]) : 0;
    curl_global_init(CURL_GLOBAL_ALL);
    pthread_barrier_init(&barrier, NULL, 2);
    double t0 = now();
    pthread_t thread;
    pthread_create(&thread, NULL, emails, NULL);
    int hooks_ok = webhooks(atol(argv[7]), atol(argv[8]));
    pthread_join(thread, NULL);
    double seconds = now() - t0;
    printf("RESULT client=c n=%d emails_ok=%d webhooks_ok=%d seconds=%.3f rate=%.0f\n", n, emails_ok, hooks_ok, seconds,
           2.0 * n / seconds);
    return emails_ok == n && hooks_ok == n ? 0 : 1;
}
