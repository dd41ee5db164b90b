/* notify.h: running the user's notify command for one notification.
 *
 * The command is split into words at blanks (no shell, no quoting: put
 * anything more in a script) and run with execve(2), its environment ours
 * plus the notification's EEDRAWS_* variables, its stdin /dev/null.
 *
 * A variable's value comes from strangers (a name in IRCC's feed, a link
 * in a news feed), so it is made safe to hand on: each control character
 * (C0, DEL, C1) becomes a space, so that no value spans two lines of
 * env(1), and a value longer than NOTIFY_VALUE_MAX bytes is cut there,
 * at a character's boundary, ending "...", so that no notification makes
 * the environment too big to run (E2BIG). */
#ifndef EEDRAWS_NOTIFY_H
#define EEDRAWS_NOTIFY_H

#include <sysexits.h>

#include "util.h"

#define NOTIFY_VALUE_MAX 4096

/* A command that cannot run at all: execve failed (not found, not
 * executable, E2BIG), or it exited 126 or 127 as a shell does for those.
 * Trying again will not help. */
#define NOTIFY_CANNOT_RUN EX_UNAVAILABLE

/* Runs command with the variables of env_json (a JSON object of strings)
 * and waits at most timeout seconds, then kills it and its children.
 * 0 when it exited 0; NOTIFY_CANNOT_RUN; else EX_TEMPFAIL (it failed,
 * was killed, or ran too long); e says what went wrong. */
int notify_run(const char *command, const char *env_json, long timeout, struct err *e);

#endif
