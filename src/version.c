/* version.c: eedraws' version and those of the libraries it runs with.
 *
 * Each library's version is asked of the library at run time, so the
 * text says what a shared-library upgrade changed, not what eedraws was
 * compiled against; libcurl is loaded to be asked (libcurl.h).  inih
 * has no version at run time, nor a macro for one in ini.h: it is left
 * out. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <curl/curl.h>
#include <jansson.h>
#include <libxml/parser.h>
#include <pcre2.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zstd.h>

#include "libcurl.h"
#include "util.h"
#include "version.h"

/* libxml2's xmlParserVersion ("20914") as "2.9.14"; the string itself
 * when it is not that shape. */
static void
dotted_libxml(const char *v, char *out, size_t n)
{
	char *end;
	long x;

	x = strtol(v, &end, 10);
	if (end == v || *end || x < 10000)
		snprintf(out, n, "%s", v);
	else
		snprintf(out, n, "%ld.%ld.%ld", x / 10000, x / 100 % 100, x % 100);
}

char *
version_text(void)
{
	const curl_version_info_data *cv;
	struct buf b = {0};
	struct err e = {0};
	char pcre[64], xml[32];

	buf_addf(&b, "eedraws %s\n", EEDRAWS_VERSION);
	/* Loaded to be named: --version is where a user looks for it. */
	if (libcurl_load(&e) == 0 && (cv = curl_version_info(CURLVERSION_NOW))) {
		buf_addf(&b, "libcurl %s", cv->version);
		if (cv->ssl_version)
			buf_addf(&b, " (%s)", cv->ssl_version);
		buf_adds(&b, "\n");
	} else
		buf_addf(&b, "libcurl not loaded: %s\n", e.msg);
	dotted_libxml(xmlParserVersion, xml, sizeof(xml));
	buf_addf(&b, "libxml2 %s\n", xml);
	if (pcre2_config(PCRE2_CONFIG_VERSION, pcre) < 0)
		snprintf(pcre, sizeof(pcre), "%d.%d", PCRE2_MAJOR, PCRE2_MINOR);
	buf_addf(&b, "PCRE2 %s\n", pcre);
	buf_addf(&b, "SQLite %s\n", sqlite3_libversion());
#if JANSSON_VERSION_HEX >= 0x020d00	/* jansson_version_str: 2.13 on */
	buf_addf(&b, "jansson %s\n", jansson_version_str());
#else
	buf_addf(&b, "jansson %s\n", JANSSON_VERSION);
#endif
	buf_addf(&b, "zstd %s\n", ZSTD_versionString());
	return buf_detach(&b, NULL);
}
