/* notify.h: running the user's notify command for one notification.
 *
 * The command is split into words at blanks (no shell, no quoting: put
 * anything more in a script) and run with execve(2), its environment ours
 * plus the notification's EEDRAWS_* variables, its stdin /dev/null. */
#ifndef EEDRAWS_NOTIFY_H
#define EEDRAWS_NOTIFY_H

#include "util.h"

/* Runs command with the variables of env_json (a JSON object of strings)
 * and waits at most timeout seconds, then kills it and its children.
 * 0 when it exited 0; else EX_TEMPFAIL and e says what went wrong. */
int notify_run(const char *command, const char *env_json, long timeout, struct err *e);

#endif
