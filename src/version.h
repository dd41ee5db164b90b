/* version.h: what "eedraws --version" prints. */
#ifndef EEDRAWS_VERSION_H
#define EEDRAWS_VERSION_H

/* "eedraws VERSION\n" then one line per library with the version it runs
 * with, as the library itself reports it at run time (caller frees). */
char *version_text(void);

#endif
