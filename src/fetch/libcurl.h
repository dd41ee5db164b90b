/* libcurl.h: libcurl, loaded by the first command that fetches.
 *
 * eedraws is not linked with libcurl: mapping it and the libraries it
 * brings (OpenSSL, GnuTLS, Kerberos, LDAP, SSH and more, 29 of them) at
 * every start cost list, export and status more than their work.
 * libcurl.c defines the functions of libcurl that eedraws calls, under
 * their own names, each loading libcurl.so.4 with dlopen(3) on its first
 * call and calling libcurl's; so fetch.c and crawl.c call libcurl as
 * usual.  A function of libcurl not defined there does not link: add it
 * to the list in libcurl.c. */
#ifndef EEDRAWS_LIBCURL_H
#define EEDRAWS_LIBCURL_H

#include "util.h"

/* The library loaded: its soname, as the libcurl4 package installs it. */
#define LIBCURL_SONAME	"libcurl.so.4"

/* Loads libcurl once; 0, or EX_SOFTWARE with e saying it cannot be
 * loaded and which package to install.  Without it, every libcurl call
 * fails as libcurl's own do when out of memory (NULL, an error code). */
int libcurl_load(struct err *e);

/* Loads the library name with libcurl's functions in it, unless one is
 * loaded already (then 0); libcurl_load() with its name given: a failure
 * changes nothing. */
int libcurl_load_from(const char *name, struct err *e);

#endif
