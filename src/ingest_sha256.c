/*
 * Stage 1, ingest: SHA-256 for the --save sidecar, by GLib's GChecksum
 * (G_CHECKSUM_SHA256, FIPS 180-4). Session 14 (2026-12-01): replaced the
 * project's own implementation of the standard.
 */
#include "internal.h"

#include <string.h>

#include <glib.h>

#include "ingest_int.h"

void story__sha256_hex(const void *data, size_t len, char hex[65])
{
    gchar *s = g_compute_checksum_for_data(G_CHECKSUM_SHA256,
                                           (const guchar *)data, len);
    memcpy(hex, s, 64); /* GLib gives 64 lower-case hex digits */
    hex[64] = '\0';
    g_free(s);
}
