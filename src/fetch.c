/*
 * Stage 1, ingest: http(s) URLs with libcurl, and --save.
 *
 * Policy (docs/ingest.md): http and https only, also after redirects
 * (CURLOPT_PROTOCOLS_STR / CURLOPT_REDIR_PROTOCOLS_STR); at most 5
 * redirects; connect and total timeouts from the options (10 s / 30 s by
 * default); the size cap (opts->max_bytes, 64 MiB by default) is enforced
 * on the decompressed bytes in the write callback, and on Content-Length
 * through CURLOPT_MAXFILESIZE_LARGE; Accept-Encoding offers every decoder
 * libcurl was built with (gzip, deflate, br, zstd); TLS peer and host
 * verification stay on; User-Agent "storydiff/<version>"; HTTP status
 * >= 400 is STORY_EHTTP naming the status. No cookies are kept.
 *
 * --save DIR writes <name>.<ext> (the bytes as fetched, after
 * content decoding) and <name>.<ext>.storydiff.json, a sidecar with
 * schema "storydiff.fetch/1", url, final_url, status, content_type,
 * fetched_at (UTC, ISO 8601), bytes and sha256 (FIPS 180-4).
 */
#include "internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <threads.h>
#include <time.h>

#include <curl/curl.h>
#include <jansson.h>

#include "ingest_int.h"

#define DEFAULT_MAX_BYTES ((size_t)64 << 20)

int story__is_url(const char *src)
{
    return src && (strncasecmp(src, "http://", 7) == 0 ||
                   strncasecmp(src, "https://", 8) == 0);
}

typedef struct sink {
    story_buf b;
    size_t cap;
    int over; /* the cap was hit */
} sink;

static size_t on_data(char *p, size_t size, size_t nmemb, void *ud)
{
    sink *s = ud;
    size_t n = size * nmemb;
    if (s->b.len + n > s->cap) {
        s->over = 1;
        return 0; /* abort: CURLE_WRITE_ERROR */
    }
    if (story_buf_append(&s->b, p, n) != 0)
        return 0;
    return n;
}

/* curl_global_init() once per process, whichever thread fetches first
 * (it is not thread-safe before libcurl 7.84; C11 call_once) */
static once_flag curl_once = ONCE_FLAG_INIT;
static CURLcode curl_init_rc = CURLE_FAILED_INIT;
static void curl_init_once(void)
{
    curl_init_rc = curl_global_init(CURL_GLOBAL_DEFAULT);
}

int story__fetch(story_fetch_result *res, const char *url,
                 const story_ingest_options *opts, story_error *err)
{
    memset(res, 0, sizeof *res);
    call_once(&curl_once, curl_init_once);
    if (curl_init_rc != CURLE_OK)
        return story__error(err, STORY_ENET, url, -1,
                            "libcurl initialisation failed");
    CURL *h = curl_easy_init();
    if (!h)
        return story__error(err, STORY_ENOMEM, url, -1,
                            "libcurl handle: out of memory");
    sink s;
    memset(&s, 0, sizeof s);
    s.cap = opts->max_bytes ? opts->max_bytes : DEFAULT_MAX_BYTES;
    char ebuf[CURL_ERROR_SIZE] = "";
    char ua[64];
    snprintf(ua, sizeof ua, "storydiff/%s", story_version());
    long cto = opts->connect_timeout_ms > 0 ? opts->connect_timeout_ms : 10000;
    long tto = opts->timeout_ms > 0 ? opts->timeout_ms : 30000;
    if (cto > tto) /* the total bounds the connect phase too (fresh-user
                      17 L4: "connect 10000 ms, total 5000 ms") */
        cto = tto;

    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
    /* 20, as browsers (Firefox network.http.redirection-limit, Chromium);
     * a tracking link, a shortener, the outlet and its AMP page make 4-6
     * (session 14, fresh-user 14: 5 refused a plain 6-hop chain) */
    curl_easy_setopt(h, CURLOPT_MAXREDIRS, 20L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, cto);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, tto);
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(h, CURLOPT_USERAGENT, ua);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, ebuf);
    curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)s.cap);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_data);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &s);

    CURLcode rc = curl_easy_perform(h);
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    int ret = 0;
    if (rc != CURLE_OK) {
        const char *why = ebuf[0] ? ebuf : curl_easy_strerror(rc);
        switch (rc) {
        case CURLE_WRITE_ERROR:
            if (s.over) {
                ret = story__error(err, STORY_EHTTP, url, (long long)s.cap,
                                   "the response is larger than the size cap "
                                   "of %zu bytes",
                                   s.cap);
                break;
            }
            ret = story__error(err, STORY_ENOMEM, url, -1,
                               "out of memory while receiving");
            break;
        case CURLE_FILESIZE_EXCEEDED:
            ret = story__error(err, STORY_EHTTP, url, (long long)s.cap,
                               "the response is larger than the size cap of "
                               "%zu bytes",
                               s.cap);
            break;
        case CURLE_TOO_MANY_REDIRECTS:
            ret = story__error(err, STORY_EHTTP, url, -1,
                               "too many redirects (more than 20; a loop?)");
            break;
        case CURLE_UNSUPPORTED_PROTOCOL:
            ret = story__error(err, STORY_EHTTP, url, -1,
                               "redirect to a protocol other than http or "
                               "https refused (%s)",
                               why);
            break;
        case CURLE_OPERATION_TIMEDOUT:
            ret = story__error(err, STORY_ENET, url, -1,
                               "timed out (connect %ld ms, total %ld ms): %s",
                               cto, tto, why);
            break;
        default:
            ret = story__error(err, STORY_ENET, url, -1, "%s", why);
        }
    } else if (status >= 400) {
        ret = story__error(err, STORY_EHTTP, url, -1, "HTTP status %ld", status);
    } else if (status >= 300) {
        ret = story__error(err, STORY_EHTTP, url, -1,
                           "HTTP status %ld without a usable redirect",
                           status);
    }
    if (ret != 0) {
        story_buf_free(&s.b);
        curl_easy_cleanup(h);
        return ret;
    }
    char *eff = NULL, *ct = NULL;
    curl_easy_getinfo(h, CURLINFO_EFFECTIVE_URL, &eff);
    curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &ct);
    res->final_url = story__strdup(eff ? eff : url);
    res->content_type = story__strdup(ct ? ct : "");
    res->status = status;
    if (!s.b.data)
        story_buf_append(&s.b, "", 0);
    res->len = s.b.len;
    res->data = story_buf_detach(&s.b);
    curl_easy_cleanup(h);
    if (!res->final_url || !res->content_type || !res->data) {
        story__fetch_result_free(res);
        return story__error(err, STORY_ENOMEM, url, -1, "out of memory");
    }
    return 0;
}

void story__fetch_result_free(story_fetch_result *res)
{
    free(res->data);
    free(res->final_url);
    free(res->content_type);
    memset(res, 0, sizeof *res);
}

/* File name from the URL: host + path, [A-Za-z0-9._-] kept, others '_',
 * at most 80 bytes, then "-<8 hex of sha256(url)>-<8 hex of sha256(body)>"
 * (data, len): the same page fetched twice is one file, a page that
 * changed between two fetches is two (fresh-user M20, session 13: the
 * second fetch overwrote the first, so two versions of a story could not
 * be saved and compared). */
static void save_name(char *out, size_t sz, const char *url, const char *ext,
                      const char *data, size_t len)
{
    const char *p = strstr(url, "://");
    p = p ? p + 3 : url;
    size_t k = 0;
    for (; *p && k < 80 && k + 1 < sz; p++) {
        char c = *p;
        if (c == '?' || c == '#')
            break;
        out[k++] = ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    (c >= '0' && c <= '9') || c == '.' || c == '-')
                       ? c
                       : '_';
    }
    while (k > 0 && (out[k - 1] == '_' || out[k - 1] == '.'))
        k--;
    char hex[65], body[65];
    story__sha256_hex(url, strlen(url), hex);
    story__sha256_hex(data, len, body);
    snprintf(out + k, sz - k, "-%.8s-%.8s.%s", hex, body, ext);
}

int story__fetch_save(const story_fetch_result *res, const char *url,
                      const char *dir, story_error *err)
{
    struct stat st;
    if (stat(dir, &st) != 0)
        return story__error(err, STORY_EIO, dir, -1,
                            "--save: %s", errno == ENOENT
                                              ? "the directory does not exist"
                                              : strerror(errno));
    if (!S_ISDIR(st.st_mode))
        return story__error(err, STORY_EIO, dir, -1,
                            "--save: not a directory");
    const char *ext = "bin";
    if (strncasecmp(res->content_type, "text/html", 9) == 0 ||
        strncasecmp(res->content_type, "application/xhtml", 17) == 0)
        ext = "html";
    else if (strncasecmp(res->content_type, "text/plain", 10) == 0)
        ext = "txt";
    else if (story__looks_like_html(res->data, res->len))
        ext = "html";
    /* the file name and the sidecar never hold a password */
    char shown[4096], fshown[4096];
    url = story__redact_url(url, shown, sizeof shown);
    const char *furl = story__redact_url(res->final_url, fshown,
                                         sizeof fshown);
    char name[160];
    save_name(name, sizeof name, url, ext, res->data, res->len);
    story_buf path = {0}, side = {0};
    story_buf_printf(&path, "%s/%s", dir, name);
    story_buf_printf(&side, "%s/%s.storydiff.json", dir, name);
    int rc = 0;
    if (path.oom || side.oom) {
        rc = story__error(err, STORY_ENOMEM, url, -1, "out of memory");
        goto done;
    }
    FILE *f = fopen(path.data, "wb");
    if (!f || fwrite(res->data, 1, res->len, f) != res->len) {
        int e = errno;
        if (f)
            fclose(f);
        rc = story__error(err, STORY_EIO, path.data, -1, "--save: %s",
                          strerror(e));
        goto done;
    }
    if (fclose(f) != 0) {
        int e = errno;
        rc = story__error(err, STORY_EIO, path.data, -1, "--save: %s",
                          strerror(e));
        goto done;
    }
    char hex[65], when[32];
    story__sha256_hex(res->data, res->len, hex);
    time_t now = time(NULL);
    struct tm tmv;
    gmtime_r(&now, &tmv);
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tmv);
    json_t *j = json_pack("{s:s, s:s, s:s, s:s, s:I, s:s, s:s, s:I, s:s}",
                          "schema", "storydiff.fetch/1", "file", name, "url",
                          url, "final_url", furl, "status",
                          (json_int_t)res->status, "content_type",
                          res->content_type, "fetched_at", when, "bytes",
                          (json_int_t)res->len, "sha256", hex);
    if (!j || json_dump_file(j, side.data, JSON_INDENT(2) | JSON_SORT_KEYS) !=
                  0) {
        rc = story__error(err, STORY_EIO, side.data, -1,
                          "--save: cannot write the sidecar");
    }
    json_decref(j);
done:
    story_buf_free(&path);
    story_buf_free(&side);
    return rc;
}
