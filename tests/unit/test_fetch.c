/*
 * Unit tests of ingest's URL path (src/fetch.c): every network behaviour
 * against tests/support/httpd.py, which this suite starts on 127.0.0.1 on
 * a free port (never the internet): success, gzip, charset from the
 * header, User-Agent, redirects (chain, loop, to file:// and ftp://),
 * 404/500, timeout, endless body and Content-Length over the size cap,
 * and --save with its sidecar read back offline.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support.h"
#include "storydiff/storydiff.h"

static story_ctx *ctx;
static pid_t server = -1;
static int port;

static int setup(void **state)
{
    (void)state;
    const char *src = getenv("STORYDIFF_SOURCE_DIR");
    char script[1024];
    snprintf(script, sizeof script, "%s/tests/support/httpd.py",
             src ? src : ".");
    int fd[2];
    if (pipe(fd) != 0)
        return -1;
    server = fork();
    if (server < 0)
        return -1;
    if (server == 0) {
        dup2(fd[1], 1);
        close(fd[0]);
        close(fd[1]);
        execlp("python3", "python3", script, "--lifetime", "300",
               (char *)NULL);
        _exit(127);
    }
    close(fd[1]);
    FILE *f = fdopen(fd[0], "r");
    if (!f || fscanf(f, "%d", &port) != 1) {
        fprintf(stderr, "test_fetch: the test server did not start (%s)\n",
                script);
        return -1;
    }
    fclose(f);
    ctx = story_test_ctx();
    return ctx ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    if (server > 0) {
        kill(server, SIGTERM);
        waitpid(server, NULL, 0);
    }
    story_ctx_free(ctx);
    return 0;
}

static const char *url(const char *path)
{
    static char buf[256];
    snprintf(buf, sizeof buf, "http://127.0.0.1:%d%s", port, path);
    return buf;
}

static story_article *fetch_ok(const char *path)
{
    story_article *a = NULL;
    story_error err;
    story_ingest_options io = STORY_INGEST_OPTIONS_INIT;
    io.timeout_ms = 5000;
    int rc = story_ingest(&a, ctx, url(path), &io, &err);
    if (rc)
        print_error("%s: %s\n", url(path), err.message);
    assert_int_equal(rc, 0);
    return a;
}

static void fetch_fails(const char *path, story_ingest_options *io, int code,
                        const char *needle)
{
    story_article *a = (story_article *)1;
    story_error err;
    memset(&err, 0, sizeof err);
    char u[256];
    snprintf(u, sizeof u, "%s", url(path));
    int rc = story_ingest(&a, ctx, u, io, &err);
    if (rc != code)
        print_error("%s: got %d (%s), want %d\n", u, rc, err.message, code);
    assert_int_equal(rc, code);
    assert_null(a);
    assert_string_equal(err.source, u);
    if (needle && !strstr(err.message, needle)) {
        print_error("message '%s' lacks '%s'\n", err.message, needle);
        fail();
    }
}

static void test_page(void **state)
{
    (void)state;
    story_article *a = fetch_ok("/page.html");
    assert_string_equal(a->format, "html");
    assert_string_equal(a->title, "Harbour bridge reopens after repairs");
    assert_string_equal(a->site_name, "Test Gazette");
    assert_string_equal(a->final_url, url("/page.html"));
    assert_string_equal(a->source, url("/page.html"));
    assert_non_null(strstr(a->text, "140 steel cables"));
    assert_null(strstr(a->text, "Copyright"));
    assert_string_equal(a->published, "2024-05-06T08:30:00Z");
    story_article_free(a);
    a = fetch_ok("/page.txt");
    assert_string_equal(a->format, "text");
    story_article_free(a);
}

static void test_gzip_and_charset(void **state)
{
    (void)state;
    story_article *a = fetch_ok("/gzip.html");
    assert_non_null(strstr(a->text, "140 steel cables"));
    story_article_free(a);
    a = fetch_ok("/latin1.html");
    assert_non_null(strstr(a->text, "Montag f\xc3\xbcr"));
    assert_string_equal(a->charset, "windows-1252");
    story_article_free(a);
}

static void test_user_agent(void **state)
{
    (void)state;
    story_article *a = fetch_ok("/ua");
    char want[64];
    snprintf(want, sizeof want, "storydiff/%s", story_version());
    assert_non_null(strstr(a->text, want));
    story_article_free(a);
}

static void test_redirects(void **state)
{
    (void)state;
    story_article *a = fetch_ok("/chain/3");
    assert_string_equal(a->final_url, url("/chain/0"));
    story_article_free(a);
    story_ingest_options io = STORY_INGEST_OPTIONS_INIT;
    /* 6 hops are followed (session 14: 5 was the limit), 21 are not */
    a = fetch_ok("/chain/6");
    assert_string_equal(a->final_url, url("/chain/0"));
    story_article_free(a);
    fetch_fails("/chain/21", &io, STORY_EHTTP, "more than 20");
    fetch_fails("/loop", &io, STORY_EHTTP, "redirects");
    fetch_fails("/tofile", &io, STORY_EHTTP, "protocol");
    fetch_fails("/toftp", &io, STORY_EHTTP, "protocol");
}

static void test_status(void **state)
{
    (void)state;
    story_ingest_options io = STORY_INGEST_OPTIONS_INIT;
    fetch_fails("/status/404", &io, STORY_EHTTP, "404");
    fetch_fails("/status/500", &io, STORY_EHTTP, "500");
    fetch_fails("/nothing-here", &io, STORY_EHTTP, "404");
}

static void test_timeout(void **state)
{
    (void)state;
    story_ingest_options io = STORY_INGEST_OPTIONS_INIT;
    io.timeout_ms = 700;
    /* the connect limit (default 10 s) is never said to exceed the total
     * (session 18, fresh-user 17 L4) */
    fetch_fails("/slow", &io, STORY_ENET, "connect 700 ms, total 700 ms");
}

static void test_size_cap(void **state)
{
    (void)state;
    story_ingest_options io = STORY_INGEST_OPTIONS_INIT;
    io.max_bytes = 1 << 20;
    io.timeout_ms = 20000;
    fetch_fails("/endless", &io, STORY_EHTTP, "size cap");
    fetch_fails("/biglength", &io, STORY_EHTTP, "size cap");
}

static void test_refused(void **state)
{
    (void)state;
    /* a port nobody listens on: take the server's port + 1 and hope; a
     * connection refused is a network error */
    story_article *a = NULL;
    story_error err;
    story_ingest_options io = STORY_INGEST_OPTIONS_INIT;
    io.connect_timeout_ms = 1000;
    io.timeout_ms = 2000;
    int rc = story_ingest(&a, ctx, "http://127.0.0.1:1/x", &io, &err);
    assert_int_equal(rc, STORY_ENET);
    assert_null(a);
}

static void test_save(void **state)
{
    (void)state;
    char dir[] = "/tmp/storydiff-save-XXXXXX";
    assert_non_null(mkdtemp(dir));
    story_ingest_options io = STORY_INGEST_OPTIONS_INIT;
    io.save_dir = dir;
    story_article *a = NULL, *b = NULL;
    story_error err;
    assert_int_equal(story_ingest(&a, ctx, url("/chain/1"), &io, &err), 0);
    /* find the saved page */
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *de;
    char page[512] = "", side[512] = "";
    while ((de = readdir(d)) != NULL) {
        size_t l = strlen(de->d_name);
        if (l > 15 && strcmp(de->d_name + l - 15, ".storydiff.json") == 0)
            snprintf(side, sizeof side, "%s/%s", dir, de->d_name);
        else if (de->d_name[0] != '.')
            snprintf(page, sizeof page, "%s/%s", dir, de->d_name);
    }
    closedir(d);
    assert_true(page[0] && side[0]);
    size_t n = 0;
    char *js = story_test_read_file(side, &n);
    assert_non_null(js);
    assert_non_null(strstr(js, "\"schema\": \"storydiff.fetch/1\""));
    assert_non_null(strstr(js, "\"status\": 200"));
    assert_non_null(strstr(js, "\"sha256\""));
    assert_non_null(strstr(js, "\"fetched_at\""));
    assert_non_null(strstr(js, "/chain/0"));
    /* the sidecar's sha256 is the saved page's digest as coreutils'
     * sha256sum prints it (session 14: GLib's GChecksum computes it) */
    char cmd[600], sum[80] = "", want[90];
    snprintf(cmd, sizeof cmd, "sha256sum '%s'", page);
    FILE *ps = popen(cmd, "r");
    assert_non_null(ps);
    assert_non_null(fgets(sum, sizeof sum, ps));
    pclose(ps);
    assert_true(strlen(sum) > 64);
    snprintf(want, sizeof want, "\"sha256\": \"%.64s\"", sum);
    assert_non_null(strstr(js, want));
    free(js);
    /* offline: the same article from the saved page */
    assert_int_equal(story_ingest(&b, ctx, page, NULL, &err), 0);
    assert_string_equal(a->text, b->text);
    assert_string_equal(a->title, b->title);
    assert_string_equal(b->final_url, url("/chain/0"));
    story_article_free(a);
    story_article_free(b);
    unlink(page);
    unlink(side);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_page),
        cmocka_unit_test(test_gzip_and_charset),
        cmocka_unit_test(test_user_agent),
        cmocka_unit_test(test_redirects),
        cmocka_unit_test(test_status),
        cmocka_unit_test(test_timeout),
        cmocka_unit_test(test_size_cap),
        cmocka_unit_test(test_refused),
        cmocka_unit_test(test_save),
    };
    return cmocka_run_group_tests_name("fetch", tests, setup, teardown);
}
