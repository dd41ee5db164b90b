/* libcurl.c: libcurl's functions, loaded on first use (libcurl.h).
 *
 * Each function below has libcurl's name and prototype (curl.h, urlapi.h
 * and multi.h say what it does): it loads libcurl if it is not yet
 * loaded, then calls libcurl's own.  Only what fetch.c, crawl.c and
 * version.c call is here.  The prototypes are those of libcurl 7.88's
 * headers (Debian 12); a later libcurl that changes one (a const added)
 * makes the compiler say which. */
#define CURL_DISABLE_TYPECHECK	/* its macros would hide the names defined here */
#include <curl/curl.h>
#include <dlfcn.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <sysexits.h>

#include "libcurl.h"

/* X(type, name, (parameters), (arguments), what it returns when libcurl
 * cannot be loaded): the functions that return something.  V(...): the
 * ones that return nothing, which have nothing to do then (whatever they
 * free, libcurl made). */
#define LIBCURL_FUNCTIONS(X, V) \
	X(CURLcode, curl_global_init, (long flags), (flags), CURLE_FAILED_INIT) \
	V(curl_global_cleanup, (void), ()) \
	X(curl_version_info_data *, curl_version_info, (CURLversion v), (v), NULL) \
	X(const char *, curl_easy_strerror, (CURLcode c), (c), "libcurl not loaded") \
	X(const char *, curl_multi_strerror, (CURLMcode c), (c), "libcurl not loaded") \
	X(CURL *, curl_easy_init, (void), (), NULL) \
	V(curl_easy_cleanup, (CURL *c), (c)) \
	X(CURLM *, curl_multi_init, (void), (), NULL) \
	X(CURLMcode, curl_multi_cleanup, (CURLM *m), (m), CURLM_INTERNAL_ERROR) \
	X(CURLMcode, curl_multi_add_handle, (CURLM *m, CURL *c), (m, c), CURLM_INTERNAL_ERROR) \
	X(CURLMcode, curl_multi_remove_handle, (CURLM *m, CURL *c), (m, c), \
	  CURLM_INTERNAL_ERROR) \
	X(CURLMcode, curl_multi_perform, (CURLM *m, int *running), (m, running), \
	  CURLM_INTERNAL_ERROR) \
	X(CURLMcode, curl_multi_poll, \
	  (CURLM *m, struct curl_waitfd *fds, unsigned n, int ms, int *numfds), \
	  (m, fds, n, ms, numfds), CURLM_INTERNAL_ERROR) \
	X(CURLMsg *, curl_multi_info_read, (CURLM *m, int *left), (m, left), NULL) \
	X(struct curl_slist *, curl_slist_append, (struct curl_slist *l, const char *s), \
	  (l, s), NULL) \
	V(curl_slist_free_all, (struct curl_slist *l), (l)) \
	V(curl_free, (void *p), (p)) \
	X(time_t, curl_getdate, (const char *s, const time_t *unused), (s, unused), -1) \
	X(CURLU *, curl_url, (void), (), NULL) \
	V(curl_url_cleanup, (CURLU *u), (u)) \
	X(CURLUcode, curl_url_get, (CURLU *u, CURLUPart what, char **part, \
	  unsigned flags), (u, what, part, flags), CURLUE_OUT_OF_MEMORY) \
	X(CURLUcode, curl_url_set, (CURLU *u, CURLUPart what, const char *part, \
	  unsigned flags), (u, what, part, flags), CURLUE_OUT_OF_MEMORY)

/* libcurl's functions, once loaded. */
#define POINTER(type, name, params, args, fail)	type (*name) params;
#define VPOINTER(name, params, args)		void (*name) params;
struct functions {
	LIBCURL_FUNCTIONS(POINTER, VPOINTER)
	CURLcode (*curl_easy_setopt)(CURL *, CURLoption, ...);
	CURLcode (*curl_easy_getinfo)(CURL *, CURLINFO, ...);
};
static struct functions lib;
static void *handle;

/* Their names, and where each goes. */
#define ENTRY(type, name, params, args, fail)	{ #name, offsetof(struct functions, name) },
#define VENTRY(name, params, args)		{ #name, offsetof(struct functions, name) },
static const struct {
	const char *name;
	size_t off;
} symbols[] = {
	LIBCURL_FUNCTIONS(ENTRY, VENTRY)
	{ "curl_easy_setopt", offsetof(struct functions, curl_easy_setopt) },
	{ "curl_easy_getinfo", offsetof(struct functions, curl_easy_getinfo) },
};

int
libcurl_load_from(const char *name, struct err *e)
{
	struct functions got;
	void *h, *f;
	size_t i;

	/* Bound lazily, as the linked libcurl was: RTLD_NOW would bind every
	 * symbol of its 29 libraries now, 17M instructions, two thirds of a
	 * no-op update.  The functions eedraws calls are looked up below,
	 * so that a missing one fails here, with a message. */
	if (!(h = dlopen(name, RTLD_LAZY | RTLD_LOCAL)))
		return err_set(e, EX_SOFTWARE, "cannot load libcurl: %s; install the libcurl4 "
		               "package, eedraws fetches with it", dlerror());
	for (i = 0; i < sizeof(symbols) / sizeof(symbols[0]); i++) {
		if (!(f = dlsym(h, symbols[i].name))) {
			dlclose(h);
			return err_set(e, EX_SOFTWARE, "cannot load libcurl: %s has no %s; "
			               "install libcurl4 7.66.0 or later", name, symbols[i].name);
		}
		/* POSIX makes what dlsym() gives a function convertible to it. */
		memcpy((char *)&got + symbols[i].off, &f, sizeof(f));
	}
	if (handle) {		/* one loaded already: it stays */
		dlclose(h);
		return 0;
	}
	lib = got;
	handle = h;
	return 0;
}

int
libcurl_load(struct err *e)
{
	return handle ? 0 : libcurl_load_from(LIBCURL_SONAME, e);
}

/* Whether libcurl is there to call.  Its failure to load is told by
 * fetch_global_init(), which loads it before any fetch. */
static int
loaded(void)
{
	struct err e = {0};

	return libcurl_load(&e) == 0;
}

#define WRAPPER(type, name, params, args, fail) \
	type name params { return loaded() ? lib.name args : (fail); }
#define VWRAPPER(name, params, args) \
	void name params { if (handle) lib.name args; }
LIBCURL_FUNCTIONS(WRAPPER, VWRAPPER)

/* An option's argument is a long, an object or function pointer, or a
 * curl_off_t, as its number's range says (CURLOPTTYPE_*): passed on as
 * read, as libcurl itself reads it.  A function pointer is read as one
 * of another type, which has its size and is passed as it is. */
CURLcode
curl_easy_setopt(CURL *c, CURLoption opt, ...)
{
	va_list ap;
	CURLcode rc;

	if (!loaded())
		return CURLE_FAILED_INIT;
	va_start(ap, opt);
	if (opt < CURLOPTTYPE_OBJECTPOINT)
		rc = lib.curl_easy_setopt(c, opt, va_arg(ap, long));
	else if (opt < CURLOPTTYPE_FUNCTIONPOINT)
		rc = lib.curl_easy_setopt(c, opt, va_arg(ap, void *));
	else if (opt < CURLOPTTYPE_OFF_T)
		rc = lib.curl_easy_setopt(c, opt, va_arg(ap, curl_write_callback));
	else if (opt < CURLOPTTYPE_BLOB)
		rc = lib.curl_easy_setopt(c, opt, va_arg(ap, curl_off_t));
	else
		rc = lib.curl_easy_setopt(c, opt, va_arg(ap, void *));
	va_end(ap);
	return rc;
}

/* Every CURLINFO_* takes a pointer to where its value goes. */
CURLcode
curl_easy_getinfo(CURL *c, CURLINFO info, ...)
{
	va_list ap;
	CURLcode rc;

	if (!loaded())
		return CURLE_FAILED_INIT;
	va_start(ap, info);
	rc = lib.curl_easy_getinfo(c, info, va_arg(ap, void *));
	va_end(ap);
	return rc;
}
