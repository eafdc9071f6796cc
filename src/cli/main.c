/*
 * The storydiff tool: a thin client of the library (include/storydiff/).
 *
 *   storydiff compare A B [C ...]     fact-by-fact comparison (B, C ... with A)
 *   storydiff extract SRC [options]   the extracted article
 *   storydiff facts SRC [options]     the facts of one article
 *   storydiff check SRC [options]     facts of one article that contradict
 *   storydiff --help | --version
 *
 * One option table (below) drives getopt_long and the --help text
 * (STYLE.md 2.7). Exit status like diff(1): 0 nothing differs (check:
 * nothing found), 1 differences (contradictions), 2 trouble. Errors are one
 * line on stderr: "storydiff: <input>: [byte N: ]<cause>". docs/cli.md is
 * the manual.
 */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE 1

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unicode/utf8.h>

#include "storydiff/storydiff.h"

#ifndef STORY_SOURCE_LOCALES
#define STORY_SOURCE_LOCALES ""
#endif
#ifndef STORY_INSTALLED_LOCALES
#define STORY_INSTALLED_LOCALES ""
#endif

enum { EXIT_SAME = 0, EXIT_DIFF = 1, EXIT_TROUBLE = 2 };

/* Commands, as bits so that an option lists where it applies. */
enum {
    CMD_COMPARE = 1 << 0,
    CMD_EXTRACT = 1 << 1,
    CMD_FACTS = 1 << 2,
    CMD_CHECK = 1 << 3,
    CMD_BATCH = 1 << 4,
    CMD_ALL = 0x1F,
    CMD_PAIRS = CMD_COMPARE | CMD_BATCH /* compare's options */
};

enum opt_id {
    OPT_FORMAT = 256,
    OPT_WIDTH,
    OPT_COLOR,
    OPT_LANG_A,
    OPT_LANG_B,
    OPT_LANG,
    OPT_RELATION,
    OPT_TRANSLATE,
    OPT_SYMMETRIC,
    OPT_STRICT,
    OPT_ENCODING,
    OPT_ENCODING_A,
    OPT_ENCODING_B,
    OPT_TIMEOUT,
    OPT_SAVE,
    OPT_CAPTIONS,
    OPT_LOCALES,
    OPT_HELP = 'h',
    OPT_VERSION = 'V'
};

typedef struct opt_spec {
    const char *name;
    int has_arg; /* no_argument, required_argument, optional_argument */
    int id;
    unsigned cmds;
    const char *metavar;
    const char *help;
} opt_spec;

static const opt_spec OPTS[] = {
    {"format", required_argument, OPT_FORMAT, CMD_ALL, "FMT",
     "output: compare, batch: side-by-side (default on a terminal), json, "
     "text (default otherwise); extract, facts, check: text (default), "
     "json"},
    {"width", required_argument, OPT_WIDTH, CMD_PAIRS, "N",
     "side-by-side width in columns (default: the terminal's, else 100)"},
    {"color", optional_argument, OPT_COLOR, CMD_PAIRS, "WHEN",
     "auto (default: on a terminal, unless NO_COLOR is set), always, never"},
    {"lang-a", required_argument, OPT_LANG_A, CMD_PAIRS, "L",
     "language of A (BCP 47, e.g. en); default: identify"},
    {"lang-b", required_argument, OPT_LANG_B, CMD_PAIRS, "L",
     "language of B (with more versions: of each one after A); default: "
     "identify"},
    {"lang", required_argument, OPT_LANG, CMD_FACTS | CMD_CHECK, "L",
     "language of the article; default: identify"},
    {"relation", required_argument, OPT_RELATION, CMD_PAIRS, "R",
     "auto (default), translation (monotone alignment), rewrite "
     "(reordering allowed)"},
    {"symmetric", no_argument, OPT_SYMMETRIC, CMD_PAIRS, NULL,
     "align both ways: compare B A mirrors compare A B"},
    {"strict", no_argument, OPT_STRICT, CMD_PAIRS, NULL,
     "exit status 1 also when a sentence is only in one version or moved, "
     "with no fact in it"},
    {"translate", required_argument, OPT_TRANSLATE, CMD_PAIRS, "T",
     "machine translation for alignment: apertium, or the base URL of a "
     "LibreTranslate-compatible API"},
    {"encoding", required_argument, OPT_ENCODING, CMD_ALL, "E",
     "input charset (ICU converter name; compare: of both inputs); "
     "default: detect"},
    {"encoding-a", required_argument, OPT_ENCODING_A, CMD_PAIRS, "E",
     "charset of A only (overrides --encoding for A)"},
    {"encoding-b", required_argument, OPT_ENCODING_B, CMD_PAIRS, "E",
     "charset of B, and of each version after A (overrides --encoding "
     "for them)"},
    {"timeout", required_argument, OPT_TIMEOUT, CMD_ALL, "S",
     "URL fetch timeout in seconds (default 30); with --translate also "
     "the limit of each translation request (default 120)"},
    {"captions", no_argument, OPT_CAPTIONS, CMD_ALL, NULL,
     "keep figure captions and image credits of HTML pages (default: "
     "dropped with the page's other boilerplate)"},
    {"save", required_argument, OPT_SAVE, CMD_EXTRACT, "DIR",
     "keep fetched pages and a JSON sidecar in DIR"},
    {"locales-dir", required_argument, OPT_LOCALES, CMD_ALL, "DIR",
     "language packs (default: $STORYDIFF_LOCALES, else the installed or "
     "source-tree locales/)"},
    {"help", no_argument, OPT_HELP, CMD_ALL, NULL, "show this help"},
    {"version", no_argument, OPT_VERSION, CMD_ALL, NULL, "show the version"},
};
#define N_OPTS (sizeof OPTS / sizeof OPTS[0])

typedef struct command {
    const char *name;
    unsigned bit;
    int n_inputs;   /* inputs required */
    int more;       /* 1: any number of further inputs (compare A B C ...) */
    const char *args;
    const char *summary;
} command;

static const command CMDS[] = {
    {"compare", CMD_COMPARE, 2, 1, "A B [C ...]",
     "compare versions of a story with A, fact by fact"},
    {"extract", CMD_EXTRACT, 1, 0, "SRC", "print the extracted article"},
    {"facts", CMD_FACTS, 1, 0, "SRC", "print the facts of one article"},
    {"check", CMD_CHECK, 1, 0, "SRC",
     "report facts of one article that contradict each other"},
    {"batch", CMD_BATCH, 1, 0, "LIST",
     "compare each pair listed in LIST; a failing pair does not stop it"},
};
#define N_CMDS (sizeof CMDS / sizeof CMDS[0])

typedef struct cli {
    const command *cmd;
    const char *format;
    int width;
    int color; /* -1 auto, 0 never, 1 always */
    char *lang_a, *lang_b, *lang; /* in argv, case-normalised there */
    const char *relation;
    const char *translate;
    int symmetric;
    int strict; /* --strict: sentence-level differences count too */
    int captions; /* --captions: keep <figcaption> and image credits */
    const char *encoding, *encoding_a, *encoding_b;
    long timeout_ms;
    const char *save;
    const char *locales;
    const char **inputs; /* argc entries (main allocates) */
    int n_in;            /* inputs given */
} cli;

static void usage_line(FILE *f, const command *c)
{
    fprintf(f, "  storydiff %s %s [options]\n", c->name, c->args);
}

/* Print text from column `indent` on, wrapped at spaces before `width`;
 * continuation lines are indented. */
static void put_wrapped(FILE *f, const char *text, int indent, int width)
{
    int col = indent;
    const char *p = text;
    while (*p) {
        const char *e = strchr(p, ' ');
        int n = e ? (int)(e - p) : (int)strlen(p);
        if (col > indent && col + 1 + n > width) {
            fprintf(f, "\n%*s", indent, "");
            col = indent;
        } else if (col > indent) {
            fputc(' ', f);
            col++;
        }
        fwrite(p, 1, (size_t)n, f);
        col += n;
        p += n;
        while (*p == ' ')
            p++;
    }
    fputc('\n', f);
}

static void help(FILE *f, const command *only)
{
    fprintf(f, "storydiff %s: compare news articles across outlets and "
               "languages,\nfact by fact\n\nusage:\n",
            story_version());
    for (size_t i = 0; i < N_CMDS; i++)
        if (!only || only == &CMDS[i]) {
            usage_line(f, &CMDS[i]);
            fprintf(f, "      %s\n", CMDS[i].summary);
        }
    if (!only)
        fprintf(f, "  storydiff --help | --version\n");
    fprintf(f, "\nA, B, SRC: a file path, - (stdin, at most once), an "
               "http(s) URL,\nor a page saved with --save; -- ends the options "
               "(for a file named -x)\nLIST: a file (or - for stdin) of "
               "lines 'A<tab>B'; blank lines and # lines\nare skipped\n"
               "\noptions:\n");
    for (size_t i = 0; i < N_OPTS; i++) {
        const opt_spec *o = &OPTS[i];
        if (only && !(o->cmds & only->bit))
            continue;
        char left[64];
        if (o->has_arg == required_argument)
            snprintf(left, sizeof left, "--%s=%s", o->name, o->metavar);
        else if (o->has_arg == optional_argument)
            snprintf(left, sizeof left, "--%s[=%s]", o->name, o->metavar);
        else
            snprintf(left, sizeof left, "--%s", o->name);
        char text[512];
        const char *h = o->help;
        /* one command's help names its own formats (fresh-user 21 L4) */
        if (only && o->id == OPT_FORMAT)
            h = only->bit & CMD_PAIRS
                    ? "output: side-by-side (default on a terminal), json, "
                      "text (default otherwise)"
                    : "output: text (default), json";
        size_t tl = (size_t)snprintf(text, sizeof text, "%s", h);
        if (!only && o->cmds != CMD_ALL) {
            const char *sep = " [";
            for (size_t k = 0; k < N_CMDS && tl < sizeof text; k++)
                if (o->cmds & CMDS[k].bit) {
                    tl += (size_t)snprintf(text + tl, sizeof text - tl,
                                           "%s%s", sep, CMDS[k].name);
                    sep = ", ";
                }
            if (tl < sizeof text)
                snprintf(text + tl, sizeof text - tl, "]");
        }
        fprintf(f, "  %-22s ", left);
        put_wrapped(f, text, 25, 79);
    }
    if (!only)
        fprintf(f, "\nexit status: 0 no fact differs (check: no "
                   "contradiction), 1 differences\nfound (--strict: "
                   "sentences too), 2 error\n");
    else if (only->bit & CMD_PAIRS)
        fprintf(f, "\nexit status: 0 no fact differs, 1 differences found "
                   "(--strict: sentences\ntoo), 2 error%s\n",
                only->bit == CMD_BATCH ? " (also when one pair failed)" : "");
    else if (only->bit == CMD_CHECK)
        fprintf(f, "\nexit status: 0 no contradiction, 1 contradictions "
                   "found, 2 error\n");
    else
        fprintf(f, "\nexit status: 0 done, 2 error\n");
    fprintf(f,
            "environment: STORYDIFF_LOCALES (language packs), NO_COLOR, TERM=dumb "
            "(no colour)\n"
            "manual: docs/cli.md\n");
}

static int fwrite_visible(const char *s, size_t n, FILE *f, int keep_lines);

/* Every line the tool writes on stderr goes through eprintf(): the
 * message is formatted, then written by fwrite_visible() with tab and
 * newline shown too (only a final newline is kept), so that a file name or
 * option value can never drive the terminal nor break the one-line error
 * (fresh-user L8, session 13; the same rule as stdout's views,
 * docs/cli.md). */
static void eprintf(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
static void eprintf(const char *fmt, ...)
{
    char tmp[1024], *s = tmp;
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (k < 0)
        return;
    if ((size_t)k >= sizeof tmp && (s = malloc((size_t)k + 1)) != NULL) {
        va_start(ap, fmt);
        vsnprintf(s, (size_t)k + 1, fmt, ap);
        va_end(ap);
    }
    if (!s) { /* out of memory: the truncated line is still one line */
        s = tmp;
        k = (int)sizeof tmp - 1;
    }
    int nl = k > 0 && s[k - 1] == '\n';
    fwrite_visible(s, (size_t)(k - nl), stderr, 0);
    if (nl)
        fputc('\n', stderr);
    if (s != tmp)
        free(s);
}

/* A usage error: one line with a hint, exit 2. */
static int usage_error(const char *fmt, const char *arg)
{
    char line[512];
    snprintf(line, sizeof line, "storydiff: %s (see 'storydiff --help')\n",
             fmt);
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
    eprintf(line, arg);
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
    return EXIT_TROUBLE;
}

/* compare takes any number of inputs, and --color applies to compare
 * only: when getopt read the value of "--color WHEN" (optional, so only
 * taken as --color=WHEN) as an input, say so. Returns 0 when argv has no
 * such word, else the usage error's status. */
static int color_value_as_input(int argc, char **argv)
{
    for (int i = 1; i + 1 < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            break;
        if (strcmp(argv[i], "--color") == 0 &&
            (!strcmp(argv[i + 1], "always") || !strcmp(argv[i + 1], "never") ||
             !strcmp(argv[i + 1], "auto"))) {
            eprintf(
                    "storydiff: '%s' after --color was read as an input: "
                    "write --color=%s (see 'storydiff --help')\n",
                    argv[i + 1], argv[i + 1]);
            return EXIT_TROUBLE;
        }
    }
    return 0;
}

static int too_many_inputs(const char *extra)
{
    return usage_error("too many inputs: '%s'", extra);
}

/* batch: "LIST:N" of the pair being compared, put before the input in
 * every error line (NULL otherwise) */
static const char *g_pair_where;

static int report_error(const story_error *e, const char *input, int rc)
{
    const char *src = e->source[0] ? e->source : input;
    const char *msg = e->message[0] ? e->message : story_strerror(rc);
    if (g_pair_where)
        eprintf("storydiff: %s: %s%s", g_pair_where, src && *src ? src : "",
                src && *src ? ": " : "");
    else if (src && *src)
        eprintf("storydiff: %s: ", src);
    else
        fputs("storydiff: ", stderr);
    if (e->offset >= 0)
        eprintf("byte %lld: ", e->offset);
    eprintf("%s\n", msg);
    return EXIT_TROUBLE;
}

/* After --help / --version: EXIT_SAME, or EXIT_TROUBLE with one line when
 * stdout could not take the text (session 14, fresh-user 14: `--help >
 * /dev/full` exited 0, the text lost without a word). */
static int stdout_status(void)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        eprintf("storydiff: stdout: %s\n", strerror(errno));
        return EXIT_TROUBLE;
    }
    return EXIT_SAME;
}

static int is_dir(const char *p)
{
    struct stat st;
    return p && *p && stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Locales: --locales-dir, $STORYDIFF_LOCALES, the installed directory,
 * the source tree's, then ../share/storydiff/locales next to the binary. */
static const char *find_locales(const char *opt, char *buf, size_t n)
{
    if (opt)
        return opt;
    const char *env = getenv("STORYDIFF_LOCALES");
    if (env && *env)
        return env;
    if (is_dir(STORY_INSTALLED_LOCALES))
        return STORY_INSTALLED_LOCALES;
    if (is_dir(STORY_SOURCE_LOCALES))
        return STORY_SOURCE_LOCALES;
    char exe[PATH_MAX];
    ssize_t k = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (k > 0) {
        exe[k] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            snprintf(buf, n, "%s/../share/storydiff/locales", exe);
            if (is_dir(buf))
                return buf;
        }
    }
    return STORY_INSTALLED_LOCALES;
}

static int parse_int(const char *s, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    /* strtol skips leading spaces: --width=' 80' is no number (session
     * 13, fresh-user L12; trailing ones already fail on *end) */
    if (!s || isspace((unsigned char)*s))
        return -1;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

static int write_all(const char *s)
{
    size_t n = strlen(s);
    if (fwrite(s, 1, n, stdout) != n || fflush(stdout) != 0) {
        eprintf("storydiff: stdout: %s\n", strerror(errno));
        return -1;
    }
    return 0;
}

/* Write n bytes of UTF-8 text with its control characters made visible,
 * as the terminal renderers do (docs/cli.md): C0 -> U+2400 + c (ESC ->
 * U+241B), DEL -> U+2421, C1 (U+0080..U+009F) -> "<U+009B>", explicit
 * bidi embeddings, overrides and isolates (U+202A..U+202E,
 * U+2066..U+2069, UAX #9) -> "<U+202E>" (session 12, fresh-user L4: an
 * RLO reversed the rest of a `facts` line), and each byte that is not
 * UTF-8 (a file name's) -> "\xHH" (session 13). Tab and newline are kept
 * when keep_lines, else shown as pictures too. UTF-8 decoding: ICU's
 * U8_NEXT. Returns 0 or -1 on a write error. */
static int fwrite_visible(const char *s, size_t n, FILE *f, int keep_lines)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t run = 0; /* start of the pending plain bytes */
    for (size_t i = 0; i < n;) {
        size_t at = i;
        UChar32 c = u[i];
        if (c < 0x80) {
            i++;
        } else {
            int32_t k = 0, len = (int32_t)(n - at < 8 ? n - at : 8);
            U8_NEXT(u + at, k, len, c);
            i = at + (size_t)k;
        }
        int show = c < 0 || c == 0x7F || (c >= 0x80 && c <= 0x9F) ||
                   (c >= 0x202A && c <= 0x202E) ||
                   (c >= 0x2066 && c <= 0x2069) ||
                   (c < 0x20 && !(keep_lines && (c == '\t' || c == '\n')));
        if (!show)
            continue;
        if (at > run && fwrite(s + run, 1, at - run, f) != at - run)
            return -1;
        int w = 0;
        if (c < 0)
            for (size_t b = at; b < i && w >= 0; b++)
                w = fprintf(f, "\\x%02X", u[b]);
        else if (c < 0x20)
            w = fprintf(f, "\xe2\x90%c", (char)(0x80 + c));
        else if (c == 0x7F)
            w = fputs("\xe2\x90\xa1", f);
        else
            w = fprintf(f, "<U+%04X>", (unsigned)c);
        if (w < 0)
            return -1;
        run = i;
    }
    if (n > run && fwrite(s + run, 1, n - run, f) != n - run)
        return -1;
    return 0;
}

static int write_visible(const char *s)
{
    if (fwrite_visible(s, strlen(s), stdout, 1) != 0 || fflush(stdout) != 0) {
        eprintf("storydiff: stdout: %s\n", strerror(errno));
        return -1;
    }
    return 0;
}

static int terminal_width(void)
{
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    const char *c = getenv("COLUMNS");
    long v;
    if (c && parse_int(c, 20, 10000, &v) == 0)
        return (int)v;
    return 100;
}

static int use_color(const cli *o)
{
    if (o->color >= 0)
        return o->color;
    const char *nc = getenv("NO_COLOR");
    if (nc && *nc)
        return 0;
    const char *term = getenv("TERM"); /* terminfo's "dumb": no escapes */
    if (term && strcmp(term, "dumb") == 0)
        return 0;
    return isatty(STDOUT_FILENO);
}

static int is_url(const char *s)
{
    return s && (strncasecmp(s, "http://", 7) == 0 ||
                 strncasecmp(s, "https://", 8) == 0);
}

/* Check the normalised tag; messages name the tag as given. */
static int check_lang_tag(story_ctx *ctx, const char *opt, const char *tag,
                          const char *as_given)
{
    int k = story_lang_check(ctx, tag);
    if (k == STORY_ELOCALE) {
        eprintf("storydiff: --%s: '%s' names no known language "
                        "(give a BCP 47 tag such as en, de, pt-BR)\n",
                opt, as_given);
        return EXIT_TROUBLE;
    }
    if (k < 0) {
        eprintf("storydiff: --%s: '%s' is not a BCP 47 language "
                        "tag\n",
                opt, as_given);
        return EXIT_TROUBLE;
    }
    if (k == 0)
        eprintf("storydiff: --%s: no language pack for '%s'; using "
                        "language-neutral rules\n",
                opt, as_given);
    return 0;
}

/* --lang, --lang-a, --lang-b: a malformed BCP 47 tag is a usage error;
 * a well-formed tag without a language pack gets one warning line. Tags
 * are case-insensitive (BCP 47, RFC 5646 section 2.1.1) and "_" is taken
 * for "-": the language subtag is lower-cased in place ("EN_us" ->
 * "en-us"), as the packs and the articles' detected tags are. */
static int check_lang(story_ctx *ctx, const char *opt, char *tag)
{
    if (!tag)
        return 0;
    char *as_given = strdup(tag);
    if (!as_given) {
        eprintf("storydiff: out of memory\n");
        return EXIT_TROUBLE;
    }
    for (char *p = tag; *p; p++)
        if (*p == '_')
            *p = '-';
    for (char *p = tag; *p && *p != '-'; p++)
        *p = (char)tolower((unsigned char)*p);
    /* ISO 639-2/3 codes ("eng", "deu", "ger") as their 2-letter tag
     * (session 13, fresh-user L6); never longer, so in place */
    char two[64];
    if (strlen(tag) < sizeof two &&
        story_lang_alias(ctx, tag, two, sizeof two) == 1)
        memcpy(tag, two, strlen(two) + 1);
    int rc = check_lang_tag(ctx, opt, tag, as_given);
    free(as_given);
    return rc;
}

/* 1 when s has the shape of a language tag: 2-8 ASCII letters, then
 * "-" or "_" and 1-8 letters or digits, any number of times (BCP 47
 * subtags; check_lang_tag judges the tag itself). */
static int tag_shaped(const char *s)
{
    size_t n = 0;
    while (isalpha((unsigned char)s[n]))
        n++;
    if (n < 2 || n > 8)
        return 0;
    while (s[n] == '-' || s[n] == '_') {
        size_t k = ++n;
        while (isalnum((unsigned char)s[n]))
            n++;
        if (n == k || n - k > 8)
            return 0;
    }
    return s[n] == '\0';
}

/* --lang-a A B with the value forgotten took the file A as the tag, and
 * the error named the inputs (session 12, fresh-user L11): a value that
 * is an existing file and not shaped like a tag is named instead. */
static int lang_value_is_file(const char *opt, const char *v)
{
    if (!v || tag_shaped(v) || access(v, F_OK) != 0)
        return 0;
    eprintf(
            "storydiff: --%s wants a language tag such as en, not the file "
            "'%s' (give the language before the inputs: --%s en A B; see "
            "'storydiff --help')\n",
            opt, v, opt);
    return 1;
}

static int parse_args(cli *o, int argc, char **argv)
{
    struct option lopts[N_OPTS + 1];
    for (size_t i = 0; i < N_OPTS; i++) {
        lopts[i].name = OPTS[i].name;
        lopts[i].has_arg = OPTS[i].has_arg;
        lopts[i].flag = NULL;
        lopts[i].val = OPTS[i].id;
    }
    memset(&lopts[N_OPTS], 0, sizeof lopts[N_OPTS]);

    int n_in = 0;
    const char *seen[N_OPTS] = {0}; /* per option: the value given */
    opterr = 0;
    optind = 1;
    for (;;) {
        int li = -1;
        /* the word getopt works on (no permutation with "-": in order) */
        const char *word = optind < argc ? argv[optind] : NULL;
        int c = getopt_long(argc, argv, "-hV", lopts, &li);
        if (c == -1)
            break;
        if (c == 1) { /* a positional argument, in order ("-" included) */
            if (n_in >= o->cmd->n_inputs && !o->cmd->more)
                return too_many_inputs(optarg);
            o->inputs[n_in++] = optarg;
            continue;
        }
        if (c == '?') {
            /* optopt is the offending character of a short option (a
             * cluster such as "-weird.txt" fails at its first letter). */
            if (optopt > 0 && optopt < 256 && optopt != ':') {
                char opt[3] = {'-', (char)optopt, '\0'};
                if (word && word[0] == '-' && word[1] == (char)optopt &&
                    word[2]) {
                    eprintf(
                            "storydiff: unknown option '%s' in '%s' (a "
                            "file? put -- before it; see 'storydiff "
                            "--help')\n",
                            opt, word);
                    return EXIT_TROUBLE;
                }
                return usage_error("unknown option '%s'", opt);
            }
            /* a known option without a value given one ("--symmetric=yes",
             * fresh-user 21 L5), or a value option without its value */
            const char *w = argv[optind - 1];
            for (size_t i = 0; w && w[0] == '-' && w[1] == '-' && i < N_OPTS;
                 i++) {
                size_t nl = strlen(OPTS[i].name);
                if (strncmp(w + 2, OPTS[i].name, nl) != 0)
                    continue;
                if (OPTS[i].has_arg == no_argument && w[2 + nl] == '=') {
                    eprintf("storydiff: --%s takes no value, not '%s' (see "
                            "'storydiff --help')\n",
                            OPTS[i].name, w + 3 + nl);
                    return EXIT_TROUBLE;
                }
                if (OPTS[i].has_arg == required_argument && !w[2 + nl]) {
                    eprintf("storydiff: --%s needs a value: --%s=%s (see "
                            "'storydiff --help')\n",
                            OPTS[i].name, OPTS[i].name, OPTS[i].metavar);
                    return EXIT_TROUBLE;
                }
            }
            return usage_error("unknown option or missing value: '%s'", w);
        }
        const opt_spec *sp = NULL;
        for (size_t i = 0; i < N_OPTS; i++)
            if (OPTS[i].id == c)
                sp = &OPTS[i];
        if (sp && !(sp->cmds & o->cmd->bit)) {
            eprintf(
                    "storydiff: option '--%s' does not apply to '%s' "
                    "(see 'storydiff %s --help')\n",
                    sp->name, o->cmd->name, o->cmd->name);
            return EXIT_TROUBLE;
        }
        /* a value option given twice with two values: which one was meant
         * is unknown ("--format=json --format=text" took the last one
         * silently; fresh-user 14 L) */
        if (sp && sp->has_arg != no_argument) {
            size_t k = (size_t)(sp - OPTS);
            const char *val = optarg ? optarg : "(no value)";
            if (seen[k] && strcmp(seen[k], val) != 0) {
                eprintf("storydiff: --%s given twice ('%s' and '%s'); give "
                        "it once (see 'storydiff --help')\n",
                        sp->name, seen[k], val);
                return EXIT_TROUBLE;
            }
            seen[k] = val;
        }
        long v;
        switch (c) {
        case OPT_HELP: help(stdout, o->cmd); return -1;
        case OPT_VERSION: printf("storydiff %s\n", story_version()); return -1;
        case OPT_FORMAT: o->format = optarg; break;
        case OPT_WIDTH:
            if (parse_int(optarg, 20, 10000, &v))
                return usage_error("--width wants a number of columns "
                                   "from 20 to 10000, not '%s'",
                                   optarg);
            o->width = (int)v;
            break;
        case OPT_COLOR:
            if (!optarg || strcmp(optarg, "always") == 0)
                o->color = 1;
            else if (strcmp(optarg, "never") == 0)
                o->color = 0;
            else if (strcmp(optarg, "auto") == 0)
                o->color = -1;
            else
                return usage_error("--color wants auto, always or never, "
                                   "not '%s'",
                                   optarg);
            break;
        case OPT_LANG_A:
            if (lang_value_is_file("lang-a", optarg))
                return EXIT_TROUBLE;
            o->lang_a = optarg;
            break;
        case OPT_LANG_B:
            if (lang_value_is_file("lang-b", optarg))
                return EXIT_TROUBLE;
            o->lang_b = optarg;
            break;
        case OPT_LANG:
            if (lang_value_is_file("lang", optarg))
                return EXIT_TROUBLE;
            o->lang = optarg;
            break;
        case OPT_RELATION:
            if (strcmp(optarg, "auto") && strcmp(optarg, "translation") &&
                strcmp(optarg, "rewrite"))
                return usage_error("--relation wants auto, translation or "
                                   "rewrite, not '%s'",
                                   optarg);
            o->relation = optarg;
            break;
        case OPT_TRANSLATE: o->translate = optarg; break;
        case OPT_SYMMETRIC: o->symmetric = 1; break;
        case OPT_STRICT: o->strict = 1; break;
        case OPT_ENCODING: o->encoding = optarg; break;
        case OPT_ENCODING_A: o->encoding_a = optarg; break;
        case OPT_ENCODING_B: o->encoding_b = optarg; break;
        case OPT_TIMEOUT: {
            char *end;
            errno = 0;
            double s = strtod(optarg, &end);
            if (errno || end == optarg || *end || !(s > 0) || s > 86400 ||
                isspace((unsigned char)*optarg))
                return usage_error("--timeout wants seconds, more than 0 "
                                   "and at most 86400 (one day), not '%s'",
                                   optarg);
            o->timeout_ms = (long)(s * 1000 + 0.5);
            if (o->timeout_ms < 1)
                o->timeout_ms = 1;
            break;
        }
        case OPT_SAVE: o->save = optarg; break;
        case OPT_CAPTIONS: o->captions = 1; break;
        case OPT_LOCALES: o->locales = optarg; break;
        default: return usage_error("unexpected option '%s'", argv[optind - 1]);
        }
    }
    /* "--" ends the options: getopt_long stops there (returns -1) and
     * leaves optind on the first word after it; those are inputs. */
    for (; optind < argc; optind++) {
        if (n_in >= o->cmd->n_inputs && !o->cmd->more)
            return too_many_inputs(argv[optind]);
        o->inputs[n_in++] = argv[optind];
    }
    /* option values first: "--format a.txt b.txt" took a.txt as the
     * format, and the bad value is the error to name */
    if (o->format) {
        int ok;
        if (o->cmd->bit & CMD_PAIRS)
            ok = !strcmp(o->format, "side-by-side") ||
                 !strcmp(o->format, "json") || !strcmp(o->format, "text");
        else
            ok = !strcmp(o->format, "json") || !strcmp(o->format, "text");
        if (!ok)
            return usage_error(o->cmd->bit & CMD_PAIRS
                                   ? "--format wants side-by-side, json or "
                                     "text, not '%s'"
                                   : "--format wants text or json, not '%s'",
                               o->format);
    }
    if (o->translate && strcmp(o->translate, "apertium") != 0 &&
        !is_url(o->translate))
        return usage_error("--translate wants apertium or an http(s):// "
                           "URL, not '%s'",
                           o->translate);
    if (n_in < o->cmd->n_inputs)
        return usage_error(o->cmd->n_inputs == 2
                               ? "%s needs two inputs, A and B"
                               : "%s needs one input",
                           o->cmd->name);
    o->n_in = n_in;
    if (o->cmd->bit & CMD_PAIRS) {
        /* "--color always a b" took 'always' as A of three inputs */
        int rc = color_value_as_input(argc, argv);
        if (rc)
            return rc;
    }
    for (int i = 0, dash = 0; i < n_in; i++)
        if (strcmp(o->inputs[i], "-") == 0 && dash++)
            return usage_error("%s", "at most one input may be '-' (stdin)");
    {
        const char *enc[3] = {o->encoding, o->encoding_a, o->encoding_b};
        const char *opt[3] = {"--encoding", "--encoding-a", "--encoding-b"};
        for (int i = 0; i < 3; i++)
            if (enc[i] && !story_charset_known(enc[i])) {
                eprintf("storydiff: %s: unknown charset '%s' (an "
                                "ICU converter name such as windows-1251)\n",
                        opt[i], enc[i]);
                return EXIT_TROUBLE;
            }
    }
    if (o->save && !is_url(o->inputs[0])) {
        fputs("storydiff: --save: only URLs are fetched and saved\n",
              stderr);
        return EXIT_TROUBLE;
    }
    /* the --save directory before the fetch (session 12, fresh-user L9:
     * the page was fetched, then the save failed) */
    if (o->save) {
        struct stat st;
        if (stat(o->save, &st) != 0 || !S_ISDIR(st.st_mode)) {
            eprintf("storydiff: %s: --save: %s\n", o->save,
                    stat(o->save, &st) != 0
                        ? (errno == ENOENT ? "the directory does not exist"
                                           : strerror(errno))
                        : "not a directory");
            return EXIT_TROUBLE;
        }
    }
    return 0;
}


static void ingest_options(const cli *o, story_ingest_options *io)
{
    io->encoding = o->encoding;
    io->save_dir = o->save;
    io->timeout_ms = o->timeout_ms;
    io->keep_captions = o->captions;
}

/* 1 when the n bytes are well-formed UTF-8 (RFC 3629: no overlong
 * forms, no surrogates, nothing above U+10FFFF) with at least one
 * non-ASCII character. */
static int valid_utf8_non_ascii(const unsigned char *s, size_t n)
{
    int non_ascii = 0;
    for (size_t i = 0; i < n;) {
        unsigned c = s[i];
        size_t k;
        unsigned lo = 0x80, hi = 0xBF;
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF)
            k = 1;
        else if (c >= 0xE0 && c <= 0xEF) {
            k = 2;
            if (c == 0xE0)
                lo = 0xA0;
            else if (c == 0xED)
                hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            k = 3;
            if (c == 0xF0)
                lo = 0x90;
            else if (c == 0xF4)
                hi = 0x8F;
        } else
            return 0;
        if (i + k >= n)
            return 0;
        for (size_t j = 1; j <= k; j++) {
            unsigned b = s[i + j];
            if (j == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF))
                return 0;
        }
        non_ascii = 1;
        i += k + 1;
    }
    return non_ascii;
}

static int is_utf8_label(const char *e)
{
    return !strcasecmp(e, "UTF-8") || !strcasecmp(e, "UTF8");
}

/* compare --encoding=E applies to both inputs: when one of them is a local
 * file whose bytes are valid UTF-8 with non-ASCII text, decoding it as E
 * is most likely a mistake, so say so (one line; not an error). URLs and
 * stdin are not read twice, so they are not checked. */
static void warn_utf8_forced(const char *input, const char *enc)
{
    struct stat st;
    if (!input || !strcmp(input, "-") || is_url(input) || is_utf8_label(enc) ||
        stat(input, &st) != 0 || !S_ISREG(st.st_mode) ||
        st.st_size > (64 << 20))
        return;
    FILE *f = fopen(input, "rb");
    if (!f)
        return;
    size_t n = (size_t)st.st_size;
    unsigned char *buf = malloc(n ? n : 1);
    if (buf && fread(buf, 1, n, f) == n && valid_utf8_non_ascii(buf, n))
        eprintf(
                "storydiff: %s: valid UTF-8 decoded as %s because of "
                "--encoding; use --encoding-a/--encoding-b\n",
                input, enc);
    free(buf);
    fclose(f);
}

/* The decoder replaced some input bytes by U+FFFD (an HTML page that is
 * mostly but not entirely valid UTF-8, or stray NUL bytes): say so once,
 * with the first position, so that nothing is changed silently. */
static void warn_replaced(const story_article *a)
{
    if (a && a->charset_note && *a->charset_note)
        eprintf("storydiff: %s: note: %s\n", a->source,
                a->charset_note);
    if (!a || !a->n_replaced)
        return;
    eprintf(
            "storydiff: %s: byte %lld: %zu invalid byte sequence%s replaced "
            "by U+FFFD (first here), as browsers do; give --encoding if the "
            "page is not UTF-8\n",
            a->source, a->first_replaced, a->n_replaced,
            a->n_replaced == 1 ? "" : "s");
}

/* --lang/--lang-a/--lang-b given (with or without a language pack: pt,
 * nl; session 13, fresh-user L6): when language
 * identification over the article's text (story_langid, at most its first 64 KiB) names another
 * language with confidence, say so in one warning line; the given language
 * is still used, as asked. */
static void warn_lang_forced(story_ctx *ctx, const char *opt,
                             const char *tag, const story_article *a)
{
    int pack = tag && *tag ? story_lang_check(ctx, tag) : -1;
    if (!tag || !*tag || !a || !a->text || pack < 0)
        return;
    size_t n = strlen(a->text);
    if (n > (64u << 10)) {
        n = 64u << 10;
        while (n > 0 && ((unsigned char)a->text[n] & 0xC0) == 0x80)
            n--; /* do not cut a UTF-8 sequence */
    }
    char found[16] = "";
    story_error e;
    if (n < 40 || story_langid(ctx, a->text, n, found, sizeof found, &e) ||
        !*found)
        return;
    size_t fl = strcspn(found, "-_"), tl = strcspn(tag, "-_");
    if (fl == tl && strncasecmp(found, tag, fl) == 0)
        return;
    eprintf(
            "storydiff: --%s %s: %s reads as '%s' (language "
            "identification); using %s rules as asked\n",
            opt, tag, a->source ? a->source : "the input", found,
            pack == 1 ? tag : "language-neutral");
}

/* An article whose identified language has no language pack (no --lang
 * was given for it; check_lang reports a forced one): say so once, since
 * its words (number words, reporting verbs, negation) are not read. */
static void warn_lang_unsupported(story_ctx *ctx, const char *tag,
                                 const story_article *a)
{
    if ((tag && *tag) || !a || !a->lang || !*a->lang || a->lang_uncertain ||
        story_lang_check(ctx, a->lang) != 0)
        return;
    eprintf(
            "storydiff: %s reads as '%s' (language identification), which "
            "has no language pack; using language-neutral rules (digits, "
            "names, ICU number data) for it\n",
            a->source ? a->source : "the input", a->lang);
}

/* Bytes of text from which a text without enough words to identify its
 * language is told "has too few words" rather than "is too short" (a
 * sentence is about 100 bytes; "Hello." is 6). */
#define LANG_LONG_TEXT_BYTES 200

/* A text too short to identify its language (story_article.
 * lang_uncertain): say how it was read. `other` is the other document
 * of a comparison whose language it took, or NULL. */
static void warn_lang_uncertain(const char *opt, const story_article *a,
                                const story_article *other)
{
    if (!a || !a->lang_uncertain)
        return;
    const char *src = a->source ? a->source : "the input";
    /* a long text of numbers or symbols has too few words, whatever its
     * length (session 13, fresh-user L7: 4,999 numbers in 24 KB) */
    const char *why = a->text_len >= LANG_LONG_TEXT_BYTES
                          ? "has too few words"
                          : "is too short";
    int took_other = other && !other->lang_uncertain && a->lang &&
                     other->lang && strcmp(a->lang, other->lang) == 0;
    if (a->lang && strcmp(a->lang, "und") != 0 && !took_other)
        /* a short text whose stop words do not confirm the n-gram guess
         * (session 15, fresh-user 15 M6) */
        eprintf("storydiff: %s is too short to identify its language "
                "surely; reading it as '%s', a guess (give --%s to "
                "choose)\n",
                src, a->lang, opt);
    else if (took_other)
        eprintf(
                "storydiff: %s %s to identify its language; "
                "reading it as '%s', the language of %s (give --%s to "
                "choose)\n",
                src, why, a->lang,
                other->source ? other->source : "the other",
                opt);
    else
        eprintf(
                "storydiff: %s %s to identify its language; "
                "reading it with language-neutral rules as '%s' "
                "(give --%s to choose)\n",
                src, why, a->lang ? a->lang : "und", opt);
}

/* Ingest input `src` of one side of a comparison (side_b: a version after
 * A) with that side's --encoding-a/-b override; each input is read once
 * (a URL fetched once, stdin consumed once) and the comparisons take
 * copies (story_article_dup). Returns 0 with *out the caller's, or the
 * exit status of an error already reported. */
static int ingest_side(story_ctx *ctx, const cli *o, const char *src,
                       int side_b, story_article **out)
{
    story_ingest_options io = STORY_INGEST_OPTIONS_INIT;
    story_error e;

    memset(&e, 0, sizeof e);
    e.offset = -1;
    ingest_options(o, &io);
    const char *enc = side_b ? o->encoding_b : o->encoding_a;
    if (enc)
        io.encoding = enc;
    int rc = story_ingest(out, ctx, src, &io, &e);
    return rc ? report_error(&e, src, rc) : 0;
}

/* Compare copies of a0 and b0 (both kept by the caller) with options co
 * into *c. Returns 0, or the exit status of an error already reported. */
static int compare_copies(story_ctx *ctx, const story_article *a0,
                          const story_article *b0,
                          const story_compare_options *co,
                          story_comparison **c)
{
    story_article *a = NULL, *b = NULL;
    story_error e;

    memset(&e, 0, sizeof e);
    e.offset = -1;
    int rc = story_article_dup(&a, a0, &e);
    if (!rc && (rc = story_article_dup(&b, b0, &e)) != 0)
        story_article_free(a);
    if (!rc)
        rc = story_compare_articles_take(c, ctx, a, b, co, &e);
    return rc ? report_error(&e, NULL, rc) : 0;
}

/* Does comparison c count as "differs" for the exit status? A certain
 * fact difference (story_diff_has_differences); with --strict also a
 * sentence only in one version or moved, facts or not (fresh-user 16 H0:
 * a dropped sentence without a number or a name exited 0, so a newsroom
 * gate on the exit status let it through). */
static int compared_differs(const cli *o, const story_comparison *c)
{
    if (story_diff_has_differences(c->diff))
        return 1;
    if (!o->strict || !c->diff)
        return 0;
    const story_diff_summary *s = &c->diff->summary;
    return s->sentences_moved + s->sentences_added + s->sentences_omitted > 0;
}

/* One input far longer than the other (fresh-user 17 M5: a mis-pasted
 * 50 MB dump against a 5 KB article ran 27 minutes and 3.3 GB before any
 * output): one note before the work starts, naming both sizes. Sizes are
 * bytes of extracted UTF-8 text; the thresholds (the longer over 1 MiB,
 * about 200 news articles, and over 20 times the other) are ours. */
static void warn_size_mismatch(const story_article *a, const story_article *b)
{
    const story_article *l = a->text_len >= b->text_len ? a : b;
    const story_article *s = l == a ? b : a;
    if (l->text_len < ((size_t)1 << 20) || l->text_len / 20 < s->text_len)
        return;
    eprintf("storydiff: %s: note: %zu bytes of text, %.0f times as long as "
            "%s %s (%zu bytes): not one version of the same article? "
            "Comparing anyway, which may take minutes\n",
            l->source, l->text_len,
            (double)l->text_len / (double)(s->text_len ? s->text_len : 1),
            s == a ? "A" : "B", s->source, s->text_len);
}

/* B tells another story than A (fresh-user 17 L8: a desk pasting ten
 * links wants to know that one of them is the wrong page): one note
 * naming the detected relation, unless --relation forced one. */
static void warn_other_story(const cli *o, const story_comparison *c)
{
    if ((o->relation && strcmp(o->relation, "auto") != 0) || !c->alignment ||
        c->alignment->relation != STORY_REL_DIFFERENT_STORY)
        return;
    eprintf("storydiff: %s: note: does not tell the story of A (relation "
            "different-story, confidence %.2f): the wrong article or page?\n",
            c->b->source, c->alignment->relation_confidence);
}

/* One comparison of the reference A (a0, read once by the caller) with
 * version B (src_b): the rendered report into *out (the caller's,
 * story_free()), *differs 1 when a fact differs. A's warnings are printed
 * only when warn_a is set (once for compare A B C ...). Returns 0, or the
 * exit status of an error already reported. */
static int compare_pair(story_ctx *ctx, const cli *o,
                        const story_article *a0, const char *src_b,
                        int warn_a, const char *fmt, char **out,
                        int *differs)
{
    story_compare_options co = STORY_COMPARE_OPTIONS_INIT;
    story_comparison *c = NULL;
    story_article *b0 = NULL;
    story_error e;
    int rc;

    memset(&e, 0, sizeof e);
    e.offset = -1;
    co.lang_a = o->lang_a;
    co.lang_b = o->lang_b;
    ingest_options(o, &co.ingest); /* its timeout bounds translation too */
    co.align.translate = o->translate;
    co.align.symmetric = o->symmetric;
    if (o->relation && strcmp(o->relation, "translation") == 0)
        co.align.relation = STORY_REL_TRANSLATION;
    else if (o->relation && strcmp(o->relation, "rewrite") == 0)
        co.align.relation = STORY_REL_REWRITE;
    if ((rc = ingest_side(ctx, o, src_b, 1, &b0)) != 0)
        return rc;
    warn_size_mismatch(a0, b0);
    rc = compare_copies(ctx, a0, b0, &co, &c);
    /* one text too short to identify its language ("Hello."): read it
     * in the other's language rather than a guess (story_segment's
     * "?xx" hint keeps it marked uncertain); both inputs are in memory,
     * so this works for stdin and URLs too */
    char hint[20];
    int redo = -1;
    if (rc == 0 && c->a->lang_uncertain && !c->b->lang_uncertain &&
        !o->lang_a && *c->b->lang)
        redo = 0;
    else if (rc == 0 && c->b->lang_uncertain && !c->a->lang_uncertain &&
             !o->lang_b && *c->a->lang)
        redo = 1;
    if (redo >= 0) {
        snprintf(hint, sizeof hint, "?%s", redo ? c->a->lang : c->b->lang);
        if (redo)
            co.lang_b = hint;
        else
            co.lang_a = hint;
        story_comparison_free(c);
        c = NULL;
        rc = compare_copies(ctx, a0, b0, &co, &c);
    }
    story_article_free(b0);
    if (rc)
        return rc;
    if (warn_a) {
        warn_replaced(c->a);
        warn_lang_forced(ctx, "lang-a", o->lang_a, c->a);
        warn_lang_uncertain("lang-a", c->a, c->b);
        warn_lang_unsupported(ctx, o->lang_a, c->a);
    }
    warn_replaced(c->b);
    warn_lang_forced(ctx, "lang-b", o->lang_b, c->b);
    warn_lang_uncertain("lang-b", c->b, c->a);
    warn_lang_unsupported(ctx, o->lang_b, c->b);
    warn_other_story(o, c);

    story_render_options ro = STORY_RENDER_OPTIONS_INIT;
    ro.color = use_color(o);
    ro.width = o->width ? o->width : terminal_width();
    if (strcmp(fmt, "json") == 0)
        rc = story_report_json(out, c, &e);
    else if (strcmp(fmt, "text") == 0)
        rc = story_render_text(out, c, &ro, &e);
    else
        rc = story_render_side_by_side(out, c, &ro, &e);
    int status = 0;
    if (rc)
        status = report_error(&e, "render", rc);
    else
        *differs = compared_differs(o, c);
    story_comparison_free(c);
    return status;
}

/* compare A B [C ...]: each version after A against A, in order. With
 * more than two inputs the reports are held and written only when every
 * comparison succeeded (an error leaves stdout empty, as with two): text
 * and side-by-side reports one after another with a blank line between,
 * JSON as an array of reports. The first error ends the run with its
 * status (2). */
/* The report format of compare and batch: --format, else side-by-side on
 * a terminal or with --width / --color=always, else text. */
static const char *compare_format(const cli *o)
{
    const char *fmt = o->format;
    /* --width or --color=always ask for the side-by-side view: piped to
     * `less -R` it stays side by side (session 18, fresh-user 18 M8: the
     * pipe switched to the text list without a word) */
    if (!fmt)
        fmt = isatty(STDOUT_FILENO) || o->width || o->color == 1
                  ? "side-by-side"
                  : "text";
    if (o->width && strcmp(fmt, "side-by-side") != 0)
        eprintf("storydiff: note: --width applies to the side-by-side view "
                "only; ignored with --format=%s\n",
                fmt);
    return fmt;
}

static int run_compare(story_ctx *ctx, const cli *o)
{
    const char *fmt = compare_format(o);
    int json = strcmp(fmt, "json") == 0, hold = o->n_in > 2, any = 0;
    int status = EXIT_SAME;
    char **held = NULL;

    if (o->encoding)
        for (int i = 0; i < o->n_in; i++)
            if (!(i ? o->encoding_b : o->encoding_a))
                warn_utf8_forced(o->inputs[i], o->encoding);
    if (hold && !(held = calloc((size_t)o->n_in, sizeof *held))) {
        fputs("storydiff: out of memory\n", stderr);
        return EXIT_TROUBLE;
    }
    story_article *a0 = NULL; /* A is read once for every version */
    if (status == EXIT_SAME)
        status = ingest_side(ctx, o, o->inputs[0], 0, &a0);
    for (int k = 1; k < o->n_in && status == EXIT_SAME; k++) {
        char *out = NULL;
        int differs = 0;
        status = compare_pair(ctx, o, a0, o->inputs[k], k == 1, fmt, &out,
                              &differs);
        if (status)
            break;
        any |= differs;
        if (hold) {
            size_t n = strlen(out); /* a JSON array item: no final newline */
            while (json && n && out[n - 1] == '\n')
                out[--n] = '\0';
            held[k] = out;
            continue;
        }
        if (write_all(out) != 0)
            status = EXIT_TROUBLE;
        story_free(out);
    }
    if (hold && status == EXIT_SAME) {
        const char *first = json ? "[\n" : "", *sep = json ? ",\n" : "\n";
        for (int k = 1; k < o->n_in && status == EXIT_SAME; k++)
            if (write_all(k == 1 ? first : sep) != 0 ||
                write_all(held[k]) != 0)
                status = EXIT_TROUBLE;
        if (status == EXIT_SAME && json && write_all("\n]\n") != 0)
            status = EXIT_TROUBLE;
    }
    for (int k = 0; held && k < o->n_in; k++)
        story_free(held[k]);
    free(held);
    story_article_free(a0);
    if (status)
        return status;
    return any ? EXIT_DIFF : EXIT_SAME;
}

/* Split one line of a batch list into A and B at its one tab (the line's
 * newline, and a CR before it, already cut). Returns NULL, or why the
 * line is no pair. */
static const char *split_pair(char *line, size_t len, char **a, char **b)
{
    if (strlen(line) != len)
        return "a NUL byte in the line";
    char *tab = strchr(line, '\t');
    if (!tab)
        return "no tab between A and B (a line is 'A<tab>B')";
    *tab = '\0';
    if (strchr(tab + 1, '\t'))
        return "more than one tab (a line is 'A<tab>B')";
    *a = line;
    *b = tab + 1;
    if (!**a || !**b)
        return **a ? "B is empty" : "A is empty";
    if (!strcmp(*a, "-") || !strcmp(*b, "-"))
        return "'-' (stdin) cannot be an input of a listed pair";
    return NULL;
}

/* batch LIST: compare the pair of each line of LIST ("A<tab>B"; blank
 * lines and lines starting with '#' are skipped; paths relative to the
 * current directory) with one context, so the language packs and ICU
 * data are loaded once for all pairs. Each report is written when its
 * pair is done (JSON: the items of one array, in list order; text and
 * side-by-side: one after another with a blank line between). A pair
 * that fails is reported on stderr as "storydiff: LIST:N: input: cause"
 * and the run goes on; at the end a summary line counts the failures.
 * Exit status: 2 when LIST cannot be read, holds no pair or a pair
 * failed; else 1 when some pair differs in a fact (--strict: sentences
 * too), else 0. */
static int run_batch(story_ctx *ctx, const cli *o)
{
    const char *list = o->inputs[0];
    const char *fmt = compare_format(o);
    int json = strcmp(fmt, "json") == 0;
    FILE *f = strcmp(list, "-") == 0 ? stdin : fopen(list, "r");
    if (!f) {
        eprintf("storydiff: %s: cannot open the pair list: %s\n", list,
                strerror(errno));
        return EXIT_TROUBLE;
    }
    const char *lname = f == stdin ? "stdin" : list;
    char *line = NULL, where[PATH_MAX + 32], failed_at[96] = "";
    size_t cap = 0;
    ssize_t got;
    long lineno = 0, pairs = 0, failed = 0, written = 0;
    int any = 0, trouble = 0;
    while (!trouble && (got = getline(&line, &cap, f)) >= 0) {
        size_t len = (size_t)got;
        lineno++;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        size_t lead = 0;
        while (lead < len && (line[lead] == ' ' || line[lead] == '\t'))
            lead++;
        if (lead == len || line[lead] == '#')
            continue;
        pairs++;
        snprintf(where, sizeof where, "%s:%ld", lname, lineno);
        char *a = NULL, *b = NULL, *out = NULL;
        const char *bad = split_pair(line, len, &a, &b);
        int st = EXIT_SAME, differs = 0;
        story_article *a0 = NULL;
        g_pair_where = where;
        if (bad) {
            eprintf("storydiff: %s: %s\n", where, bad);
            st = EXIT_TROUBLE;
        } else {
            if (o->encoding && !o->encoding_a)
                warn_utf8_forced(a, o->encoding);
            if (o->encoding && !o->encoding_b)
                warn_utf8_forced(b, o->encoding);
            st = ingest_side(ctx, o, a, 0, &a0);
            if (st == EXIT_SAME)
                st = compare_pair(ctx, o, a0, b, 1, fmt, &out, &differs);
            story_article_free(a0);
        }
        g_pair_where = NULL;
        if (st != EXIT_SAME) {
            if (failed++ < 8) {
                size_t n = strlen(failed_at);
                snprintf(failed_at + n, sizeof failed_at - n, "%s%ld",
                         n ? ", " : "", lineno);
            }
            continue;
        }
        any |= differs;
        if (json) { /* an array item: no final newline */
            size_t n = strlen(out);
            while (n && out[n - 1] == '\n')
                out[--n] = '\0';
        }
        const char *sep = written ? (json ? ",\n" : "\n") : (json ? "[\n" : "");
        if (write_all(sep) != 0 || write_all(out) != 0)
            trouble = 1;
        written++;
        story_free(out);
    }
    int read_err = !trouble && ferror(f);
    int saved = errno;
    free(line);
    if (f != stdin)
        fclose(f);
    if (trouble)
        return EXIT_TROUBLE; /* write_all said why */
    if (read_err) {
        eprintf("storydiff: %s: cannot read the pair list at line %ld: %s\n",
                lname, lineno + 1, strerror(saved));
        return EXIT_TROUBLE;
    }
    if (json && write_all(written ? "\n]\n" : "[]\n") != 0)
        return EXIT_TROUBLE;
    if (pairs == 0) {
        eprintf("storydiff: %s: no pair in the list (a line is 'A<tab>B'; "
                "blank lines and lines starting with # are skipped)\n",
                lname);
        return EXIT_TROUBLE;
    }
    if (failed) {
        eprintf("storydiff: %s: %ld of %ld pairs failed (line%s %s%s); the "
                "other %ld were compared\n",
                lname, failed, pairs, failed > 1 ? "s" : "", failed_at,
                failed > 8 ? ", ..." : "", pairs - failed);
        return EXIT_TROUBLE;
    }
    return any ? EXIT_DIFF : EXIT_SAME;
}

static int run_extract(story_ctx *ctx, const cli *o)
{
    story_ingest_options io = STORY_INGEST_OPTIONS_INIT;
    story_article *a = NULL;
    story_error e;
    char *out = NULL;
    int rc;

    memset(&e, 0, sizeof e);
    e.offset = -1;
    ingest_options(o, &io);
    rc = story_ingest(&a, ctx, o->inputs[0], &io, &e);
    if (rc)
        return report_error(&e, o->inputs[0], rc);
    warn_replaced(a);
    int status = EXIT_TROUBLE;
    if (o->format && strcmp(o->format, "json") == 0) {
        /* the article's and each paragraph's language (identified, or
         * --lang), as facts reports it: "lang" was "" (fresh-user L12,
         * session 13) */
        rc = story_segment(ctx, a, o->lang, &e);
        if (rc) {
            story_article_free(a);
            return report_error(&e, o->inputs[0], rc);
        }
        rc = story_article_json(&out, a, &e);
        if (rc)
            report_error(&e, o->inputs[0], rc);
        else if (write_all(out) == 0)
            status = EXIT_SAME;
        story_free(out);
    } else {
        /* the exact text into a pipe or file; on a terminal, control
         * characters made visible (never interpreted) */
        int ok = 1, tty = isatty(STDOUT_FILENO);
        size_t tl = a->title ? strlen(a->title) : 0;
        /* a plain-text article keeps its first line (the title) as its
         * first paragraph: print it once */
        int title_in_text = tl && a->text_len >= tl &&
                            memcmp(a->text, a->title, tl) == 0 &&
                            (a->text_len == tl || a->text[tl] == '\n');
        if (tl && !title_in_text)
            ok = (tty ? fwrite_visible(a->title, strlen(a->title), stdout, 1)
                      : (fputs(a->title, stdout) < 0 ? -1 : 0)) == 0 &&
                 fputs("\n\n", stdout) >= 0;
        if (ok && a->text_len)
            ok = (tty ? fwrite_visible(a->text, a->text_len, stdout, 1) == 0
                      : fwrite(a->text, 1, a->text_len, stdout) ==
                            a->text_len) &&
                 (a->text[a->text_len - 1] == '\n' || putchar('\n') != EOF);
        if (ok && fflush(stdout) == 0)
            status = EXIT_SAME;
        else
            eprintf("storydiff: stdout: %s\n", strerror(errno));
    }
    story_article_free(a);
    return status;
}

/* ---- check: contradictions in words ---------------------------------- */

/* A growing string (check output); oom set on allocation failure. */
typedef struct sbuf {
    char *p;
    size_t len, cap;
    int oom;
} sbuf;

static void sb_putn(sbuf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (b->len + n + 1 > cap)
            cap *= 2;
        char *q = realloc(b->p, cap);
        if (!q) {
            b->oom = 1;
            return;
        }
        b->p = q;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void sb_puts(sbuf *b, const char *s) { sb_putn(b, s, strlen(s)); }

static void sb_printf(sbuf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
static void sb_printf(sbuf *b, const char *fmt, ...)
{
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (k > 0)
        sb_putn(b, tmp, (size_t)k < sizeof tmp ? (size_t)k : sizeof tmp - 1);
}

static int cmp_size_t(const void *pa, const void *pb)
{
    size_t x = *(const size_t *)pa, y = *(const size_t *)pb;
    return x < y ? -1 : x > y;
}

/* check, text: per clash (story_contradiction_clashes()) one line "fA fB:
 * <in words>" (story_contradiction_text(); every fact id of the clash
 * when it holds several pairs) and each sentence of its facts, shortened
 * (story_fact_excerpt()), on indented lines ("    s3: "…""). Returns a
 * malloc'd string, or NULL with e filled. */
static char *check_text(const story_article *a, const story_factset *fs,
                        const story_contradiction *cs, size_t n,
                        story_error *e)
{
    size_t *first = NULL, *ids = NULL;
    sbuf b = {0};
    sb_puts(&b, "");
    if (story_contradiction_clashes(&first, fs, cs, n, e))
        goto fail;
    ids = malloc((2 * n + 1) * sizeof *ids);
    if (!ids)
        goto oom;
    for (size_t i = 0; i < n; i++) {
        if (first[i] != i)
            continue;
        size_t m = 0;
        for (size_t j = i; j < n; j++)
            if (first[j] == i) {
                ids[m++] = cs[j].fact_a;
                ids[m++] = cs[j].fact_b;
            }
        if (m > 2) { /* several pairs: each fact once, in article order */
            qsort(ids, m, sizeof *ids, cmp_size_t);
            size_t u = 0;
            for (size_t k = 0; k < m; k++)
                if (!u || ids[u - 1] != ids[k])
                    ids[u++] = ids[k];
            m = u;
        }
        char *words = NULL;
        if (story_contradiction_text(&words, a, fs, cs, n, i, e))
            goto fail;
        for (size_t k = 0; k < m; k++)
            sb_printf(&b, k ? " f%zu" : "f%zu", ids[k]);
        sb_puts(&b, ": ");
        sb_puts(&b, words);
        sb_puts(&b, "\n");
        story_free(words);
        for (size_t k = 0; k < m; k++) { /* each sentence once */
            size_t sn = fs->facts[ids[k]].sentence, seen = 0;
            for (size_t q = 0; q < k && !seen; q++)
                seen = fs->facts[ids[q]].sentence == sn;
            if (seen)
                continue;
            char *ex = NULL;
            if (story_fact_excerpt(&ex, a, fs, ids[k], e))
                goto fail;
            sb_printf(&b, "    s%zu: \"", sn);
            sb_puts(&b, ex);
            sb_puts(&b, "\"\n");
            story_free(ex);
        }
    }
    if (b.oom)
        goto oom;
    story_free(first);
    free(ids);
    return b.p;
oom:
    e->code = STORY_ENOMEM;
    snprintf(e->message, sizeof e->message, "out of memory");
fail:
    story_free(first);
    free(ids);
    free(b.p);
    return NULL;
}

/* facts and check: one article, its facts, and (check) contradictions. */
static int run_facts(story_ctx *ctx, const cli *o, int check)
{
    story_ingest_options io = STORY_INGEST_OPTIONS_INIT;
    story_article *a = NULL;
    story_factset *fs = NULL;
    story_contradiction *cs = NULL;
    size_t n_cs = 0;
    story_error e;
    char *out = NULL;
    int status = EXIT_TROUBLE, rc;

    memset(&e, 0, sizeof e);
    e.offset = -1;
    ingest_options(o, &io);
    rc = story_ingest(&a, ctx, o->inputs[0], &io, &e);
    if (!rc)
        rc = story_segment(ctx, a, o->lang, &e);
    if (!rc)
        warn_replaced(a);
    if (!rc)
        warn_lang_forced(ctx, "lang", o->lang, a);
    if (!rc)
        warn_lang_uncertain("lang", a, NULL);
    if (!rc)
        warn_lang_unsupported(ctx, o->lang, a);
    if (!rc)
        rc = story_facts_extract(&fs, ctx, a, &e);
    if (!rc && check)
        rc = story_facts_check(&cs, &n_cs, ctx, a, fs, &e);
    if (rc) {
        report_error(&e, o->inputs[0], rc);
        goto done;
    }
    if (o->format && strcmp(o->format, "json") == 0) {
        /* check: "contradictions" always, [] when none (story_facts_check
         * leaves cs NULL then, which story_facts_json reads as "no check";
         * fresh-user L1, session 10) */
        static const story_contradiction none;
        rc = story_facts_json(&out, a, fs, check ? (cs ? cs : &none) : NULL,
                              n_cs, &e);
        if (rc) {
            report_error(&e, o->inputs[0], rc);
            goto done;
        }
    } else if (check) {
        char *t = check_text(a, fs, cs, n_cs, &e);
        if (!t) {
            report_error(&e, o->inputs[0], e.code ? e.code : STORY_ENOMEM);
            goto done;
        }
        if (write_visible(t) == 0)
            status = n_cs ? EXIT_DIFF : EXIT_SAME;
        free(t);
        goto done;
    } else {
        /* text: one line per fact */
        size_t cap = 4096, len = 0;
        out = malloc(cap);
        if (!out)
            goto oom;
        out[0] = '\0';
        for (size_t i = 0; i < fs->n_facts; i++) {
            char line[1024];
            int k;
            {
                const story_fact *f = &fs->facts[i];
                int n = (int)(f->end > f->start && f->end <= a->text_len
                                  ? f->end - f->start
                                  : 0);
                int cut = n > 200; /* the span f->start-f->end is whole */
                if (cut) { /* at a UTF-8 boundary, marked by an ellipsis */
                    n = 200;
                    while (n > 0 &&
                           ((unsigned char)a->text[f->start + (size_t)n] &
                            0xC0) == 0x80)
                        n--;
                }
                /* one flags field always (7 fields per line, fresh-user
                 * L2 of session 10: cut -f7 found the text or a flag) */
                const char *flags = f->negated && f->hedged ? "negated,hedged"
                                    : f->negated            ? "negated"
                                    : f->hedged             ? "hedged"
                                                            : "-";
                k = snprintf(line, sizeof line,
                             "f%zu\t%s\ts%zu\t%zu-%zu\t%s\t%s\t\"%.*s%s\"\n",
                             i, story_fact_type_name(f->type), f->sentence,
                             f->start, f->end, f->key ? f->key : "", flags, n,
                             a->text + (n ? f->start : 0),
                             cut ? "\xE2\x80\xA6" : "");
                for (int q = 0; q < k && q < (int)sizeof line - 2; q++)
                    if (line[q] == '\n' && q < k - 1)
                        line[q] = ' ';
            }
            if (k < 0)
                continue;
            if ((size_t)k >= sizeof line) { /* truncated: keep the newline */
                k = (int)sizeof line - 1;
                line[k - 1] = '\n';
            }
            if (len + (size_t)k + 1 > cap) {
                while (len + (size_t)k + 1 > cap)
                    cap *= 2;
                char *nb = realloc(out, cap);
                if (!nb)
                    goto oom;
                out = nb;
            }
            memcpy(out + len, line, (size_t)k + 1);
            len += (size_t)k;
        }
        if (write_visible(out) == 0)
            status = check && n_cs ? EXIT_DIFF : EXIT_SAME;
        free(out);
        out = NULL;
        goto done;
    oom:
        eprintf("storydiff: %s: out of memory\n", o->inputs[0]);
        free(out);
        out = NULL;
        goto done;
    }
    if (write_all(out) == 0)
        status = check && n_cs ? EXIT_DIFF : EXIT_SAME;
    story_free(out);
done:
    story_contradictions_free(cs, n_cs);
    story_factset_free(fs);
    story_article_free(a);
    return status;
}

int main(int argc, char **argv)
{
    cli o;
    memset(&o, 0, sizeof o);
    o.color = -1;
    const char *inputs[argc > 0 ? argc : 1];
    o.inputs = inputs;

    if (argc < 2)
        return usage_error("%s", "missing command: compare, extract, facts, "
                                 "check or batch");
    const char *name = argv[1];
    if (!strcmp(name, "--help") || !strcmp(name, "-h") ||
        !strcmp(name, "help")) {
        /* like --version (docs/cli.md; session 12, fresh-user L5) */
        if (argc > 2)
            return usage_error("unexpected argument '%s' after --help",
                               argv[2]);
        help(stdout, NULL);
        return stdout_status();
    }
    if (!strcmp(name, "--version") || !strcmp(name, "-V")) {
        if (argc > 2)
            return usage_error("unexpected argument '%s' after --version",
                               argv[2]);
        printf("storydiff %s\n", story_version());
        return stdout_status();
    }
    for (size_t i = 0; i < N_CMDS; i++)
        if (!strcmp(name, CMDS[i].name))
            o.cmd = &CMDS[i];
    if (!o.cmd)
        return usage_error(name[0] == '-' ? "unknown option '%s' before the "
                                            "command"
                                          : "unknown command '%s'",
                           name);
    int rc = parse_args(&o, argc - 1, argv + 1);
    if (rc < 0)
        return stdout_status(); /* --help / --version */
    if (rc)
        return rc;

    char buf[PATH_MAX + 64];
    story_ctx_options co = STORY_CTX_OPTIONS_INIT;
    story_ctx *ctx = NULL;
    story_error e;
    memset(&e, 0, sizeof e);
    e.offset = -1;
    co.locales_dir = find_locales(o.locales, buf, sizeof buf);
    if (story_ctx_new(&ctx, &co, &e) != 0)
        return report_error(&e, co.locales_dir, e.code);

    if (check_lang(ctx, "lang-a", o.lang_a) ||
        check_lang(ctx, "lang-b", o.lang_b) ||
        check_lang(ctx, "lang", o.lang)) {
        story_ctx_free(ctx);
        return EXIT_TROUBLE;
    }
    int status;
    switch (o.cmd->bit) {
    case CMD_COMPARE: status = run_compare(ctx, &o); break;
    case CMD_BATCH: status = run_batch(ctx, &o); break;
    case CMD_EXTRACT: status = run_extract(ctx, &o); break;
    case CMD_FACTS: status = run_facts(ctx, &o, 0); break;
    default: status = run_facts(ctx, &o, 1); break;
    }
    story_ctx_free(ctx);
    return status;
}
