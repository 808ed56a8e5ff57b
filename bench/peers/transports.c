/* The floor of a libcurl client for the transport benchmark: the same work as
 * bench/transports/swift (signed webhook POSTs on the multi interface with the same
 * connection limits; emails over one reused SMTP connection) with nothing on top.
 * Usage: transports webhooks N URL SECRET MAX_PER_HOST MAX_TOTAL
 *        transports email N URL [MESSAGE_FILE]
 * Prints: RESULT client=c kind=... n=... ok=... seconds=... rate=... maxrss_kb=... */
#include <curl/curl.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static size_t discard(char *p, size_t s, size_t n, void *u) { (void)p; (void)u; return s * n; }

static void report(const char *kind, int n, int ok, double seconds) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("RESULT client=c kind=%s n=%d ok=%d seconds=%.3f rate=%.0f maxrss_kb=%ld\n",
           kind, n, ok, seconds, n / seconds, ru.ru_maxrss);
}

static const char *body =
    "{\"id\":\"bench\",\"items\":[{\"days_left\":3,\"deadline\":{\"date\":\"2022-04-08\",\"phrase\":\"tr\xc6\xb0\xe1\xbb\x9b""c ng\xc3\xa0y 08/4/2022\"},"
    "\"stage\":\"before\",\"task\":{\"action\":\"B\xc3\xa1o c\xc3\xa1o t\xc3\xacnh h\xc3\xacnh\",\"id\":\"bao-cao\"}}],\"type\":\"nhachan.reminder\",\"version\":1}";

struct slot { CURL *easy; struct curl_slist *headers; };

static void start(CURLM *multi, struct slot *s, const char *url, const char *secret, int i) {
    char id[64], ts[32], header[256], signed_prefix[128];
    unsigned char mac[32];
    unsigned int maclen = 0;
    char sig[64];
    snprintf(id, sizeof id, "bench-c-%d", i);
    snprintf(ts, sizeof ts, "%ld", (long)time(NULL));
    /* Standard Webhooks: HMAC-SHA256 over "id.timestamp.body" with the raw secret. */
    int plen = snprintf(signed_prefix, sizeof signed_prefix, "%s.%s.", id, ts);
    size_t blen = strlen(body);
    unsigned char *msg = malloc(plen + blen);
    memcpy(msg, signed_prefix, plen);
    memcpy(msg + plen, body, blen);
    HMAC(EVP_sha256(), secret, (int)strlen(secret), msg, plen + blen, mac, &maclen);
    free(msg);
    EVP_EncodeBlock((unsigned char *)sig, mac, (int)maclen);
    curl_slist_free_all(s->headers);
    s->headers = curl_slist_append(NULL, "Content-Type: application/json; charset=utf-8");
    snprintf(header, sizeof header, "webhook-id: %s", id);
    s->headers = curl_slist_append(s->headers, header);
    snprintf(header, sizeof header, "webhook-timestamp: %s", ts);
    s->headers = curl_slist_append(s->headers, header);
    snprintf(header, sizeof header, "webhook-signature: v1,%s", sig);
    s->headers = curl_slist_append(s->headers, header);
    s->headers = curl_slist_append(s->headers, "Expect:");
    curl_easy_setopt(s->easy, CURLOPT_URL, url);
    curl_easy_setopt(s->easy, CURLOPT_HTTPHEADER, s->headers);
    curl_easy_setopt(s->easy, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)blen);
    curl_easy_setopt(s->easy, CURLOPT_COPYPOSTFIELDS, body);
    curl_multi_add_handle(multi, s->easy);
}

static int webhooks(int n, const char *url, const char *secret, long per_host, long total) {
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
    int next = 0, done = 0, ok = 0, running = 0;
    double t0 = now();
    while (done < n) {
        while (nidle > 0 && next < n) start(multi, idle[--nidle], url, secret, next++);
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
        }
        if (!completed || next >= n) curl_multi_poll(multi, NULL, 0, 200, NULL);
    }
    report("webhooks", n, ok, now() - t0);
    return ok == n ? 0 : 1;
}

struct upload { const char *data; size_t len, off; };
static size_t read_cb(char *buf, size_t s, size_t n, void *u) {
    struct upload *up = u;
    size_t len = s * n < up->len - up->off ? s * n : up->len - up->off;
    memcpy(buf, up->data + up->off, len);
    up->off += len;
    return len;
}

static int email(int n, const char *url, const char *file) {
    static const char message[] =
        "Date: Thu, 04 Apr 2024 08:00:00 +0700\r\nFrom: =?UTF-8?B?Tmjhuq9jIGjhuqFu?= <nhachan@bench.example>\r\n"
        "To: unit@bench.example\r\nSubject: =?UTF-8?B?W05o4bqvYyBo4bqhbl0gQ8OybiAzIG5nw6B5?=\r\n"
        "Message-ID: <bench@nhachan>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\nS8OtbmggZ+G7rWk=\r\n";
    CURL *easy = curl_easy_init();
    struct curl_slist *rcpt = curl_slist_append(NULL, "<unit@bench.example>");
    struct upload up;
    const char *data = message;
    size_t data_len = sizeof message - 1;
    if (file) { /* the exact bytes the Swift client renders, for a like-for-like run */
        FILE *f = fopen(file, "rb");
        if (!f) { perror(file); return 2; }
        static char buffer[1 << 20];
        data_len = fread(buffer, 1, sizeof buffer, f);
        fclose(f);
        data = buffer;
    }
    curl_easy_setopt(easy, CURLOPT_URL, url);
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(easy, CURLOPT_MAIL_FROM, "<nhachan@bench.example>");
    curl_easy_setopt(easy, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(easy, CURLOPT_READFUNCTION, read_cb);
    curl_easy_setopt(easy, CURLOPT_READDATA, &up);
    int ok = 0;
    double t0 = now();
    for (int i = 0; i < n; i++) {
        up.data = data; up.len = data_len; up.off = 0;
        curl_easy_setopt(easy, CURLOPT_INFILESIZE_LARGE, (curl_off_t)up.len);
        if (curl_easy_perform(easy) == CURLE_OK) ok++;
    }
    report("email", n, ok, now() - t0);
    curl_slist_free_all(rcpt);
    curl_easy_cleanup(easy);
    return ok == n ? 0 : 1;
}

int main(int argc, char **argv) {
    curl_global_init(CURL_GLOBAL_ALL);
    if (argc >= 7 && strcmp(argv[1], "webhooks") == 0)
        return webhooks(atoi(argv[2]), argv[3], argv[4], atol(argv[5]), atol(argv[6]));
    if (argc >= 4 && strcmp(argv[1], "email") == 0) return email(atoi(argv[2]), argv[3], argc >= 5 ? argv[4] : NULL);
    fprintf(stderr, "usage: transports webhooks N URL SECRET MAX_PER_HOST MAX_TOTAL | email N URL\n");
    return 2;
}
