#!/bin/sh
# memcheck-cli.sh: the eedraws binary under valgrind's memcheck, on a few
# commands that between them go through every module: ingest of IRCC's
# feed (English and French) and of news articles, parse of each kind,
# export of every table, list, conflicts, status, reparse, report, dismiss
# (done and refused), and an update
# whose sources cannot be reached (libcurl, robots.txt, backoff) with a
# notify command.  The test suite ("make memcheck") runs the binary
# untraced, so its leaks would go unseen without this.
#
# usage: tests/memcheck-cli.sh EEDRAWS VALGRIND-COMMAND...
# Exits 1 when a command exits other than expected (valgrind's
# --error-exitcode, an error or a leak, is one), naming it.
set -u
bin=$1
shift
tmp=$(mktemp -d "${TMPDIR:-/tmp}/eedraws-memcheck-XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
# No user config, and nothing of the user's touched.
XDG_CONFIG_HOME=$tmp XDG_DATA_HOME=$tmp
export XDG_CONFIG_HOME XDG_DATA_HOME
db=$tmp/d.db
conf=$tmp/eedraws.conf
data=tests/data
failed=0
runs=0

# vg EXPECTED-EXIT ARGS...: eedraws ARGS under valgrind, output discarded.
vg() {
	want=$1
	shift
	runs=$((runs + 1))
	"$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	if [ "$rc" -ne "$want" ]; then
		echo "memcheck: exit $rc, not $want: $*" >&2
		cat "$tmp/err" >&2
		failed=1
	fi
}

# Sources on a port nothing listens on: every fetch fails at once.  Each
# new draw is handed to notify.
cat >"$conf" <<EOF
[eedraws]
database = $db
user_agent = eedraws-memcheck (memcheck@example.org)
delay = 0
notify = /bin/true
report = $tmp/update.html
[source ircc]
kind = ircc-json
url = http://127.0.0.1:9/feed.json
[source news]
kind = feed
url = http://127.0.0.1:9/feed.xml
EOF

vg 0 "$@" "$bin" -c "$conf" ingest "$data/feed-2024-04-06.json"
# Three draws after that feed's newest: one dismissed by hand, one the
# next feed confirms a day off, one it retracts.
vg 0 "$@" "$bin" -c "$conf" ingest "$data/articles/never-held.txt"
vg 0 "$@" "$bin" -c "$conf" ingest "$data/articles/day-late.txt"
vg 0 "$@" "$bin" -c "$conf" ingest "$data/articles/phantom.txt"
vg 0 "$@" "$bin" -c "$conf" dismiss u1
vg 0 "$@" "$bin" -c "$conf" ingest "$data/feed-2026-08-07.json"
vg 0 "$@" "$bin" -c "$conf" ingest --lang fr "$data/feed-fr.json"
vg 0 "$@" "$bin" -c "$conf" ingest --date 2025-02-17 "$data/articles/before-ircc.txt"
vg 0 "$@" "$bin" -c "$conf" ingest "$data/articles/conflicting.txt"
vg 0 "$@" "$bin" -c "$conf" ingest -k article "$data/articles/summary-table.html"
vg 65 "$@" "$bin" -c "$conf" ingest "$data/feed-2025-02-19-invalid.json"
vg 0 "$@" "$bin" parse "$data/feed-2026-08-07.json"
vg 0 "$@" "$bin" parse -k feed "$data/feed-rss.xml"
vg 0 "$@" "$bin" parse "$data/feed-atom.xml"
vg 0 "$@" "$bin" -v parse "$data/articles/single-draw.html"
vg 0 "$@" "$bin" -c "$conf" export
vg 0 "$@" "$bin" -c "$conf" export -f json -t revisions -o "$tmp/revisions.json"
vg 0 "$@" "$bin" -c "$conf" export -t observations -f json
vg 0 "$@" "$bin" -c "$conf" export -t conflicts
vg 0 "$@" "$bin" -c "$conf" list -n 5
vg 0 "$@" "$bin" -c "$conf" conflicts
vg 0 "$@" "$bin" -c "$conf" reparse
vg 0 "$@" "$bin" -c "$conf" report -o "$tmp/report.html"
vg 0 "$@" "$bin" -c "$conf" report --since 2026-01-01
vg 75 "$@" "$bin" -c "$conf" -v update
vg 1 "$@" "$bin" -c "$conf" status
vg 65 "$@" "$bin" -c "$conf" dismiss u3
vg 64 "$@" "$bin" frobnicate

[ -s "$tmp/update.html" ] || { echo "memcheck: update wrote no report" >&2; failed=1; }

if [ "$failed" -ne 0 ]; then
	exit 1
fi
echo "memcheck: eedraws clean on $runs commands"
