# eedraws: see README.md.  "make run" and "make check" do all the set-up.
.SUFFIXES:

VERSION = 0.1.0

PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
MANPREFIX ?= $(PREFIX)/share/man
DOCDIR    ?= $(PREFIX)/share/doc/eedraws
DESTDIR   ?=
INSTALL   ?= install

# What "make install" puts beside the binary.  The man pages and the
# service name the default paths (/usr/local/...): install rewrites them
# for BINDIR and DOCDIR.
MAN1    = man/eedraws.1
MAN5    = man/eedraws.conf.5
DOCS    = README.md eedraws.conf.example crontab.example
SERVICE = systemd/eedraws.service
TIMER   = systemd/eedraws.timer

CC      ?= cc
CFLAGS  ?= -O2 -g
LDFLAGS ?=
PKG_CONFIG ?= pkg-config

# make SANITIZE=address,undefined check
SANITIZE ?=
BUILD = build$(if $(SANITIZE),-$(subst $(comma),-,$(SANITIZE)))
comma := ,

PKGS      = libcurl libxml-2.0 libpcre2-8 sqlite3 jansson inih libzstd
TEST_PKGS = check libmicrohttpd
# Debian packages that provide the above (kept in step with PKGS).
DEBS = pkg-config libcurl4-openssl-dev libxml2-dev libpcre2-dev \
       libsqlite3-dev libjansson-dev libinih-dev libzstd-dev check libmicrohttpd-dev

WARN = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
       -Wmissing-prototypes -Wformat=2 -Wno-format-nonliteral -Wvla \
       -Wcast-align -Wpointer-arith -Wwrite-strings -Wundef
SAN  = $(if $(SANITIZE),-fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all)

DEFS = -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -DEEDRAWS_VERSION='"$(VERSION)"'

# Recursively expanded on purpose: pkg-config runs only once "deps" has.
ALL_CFLAGS  = $(WARN) $(DEFS) $(INC) $(SAN) $(shell $(PKG_CONFIG) --cflags $(PKGS)) $(CFLAGS)
ALL_LDFLAGS = $(SAN) $(LDFLAGS)
# libcurl is not linked: src/fetch/libcurl.c loads it (dlopen) for the
# commands that fetch, so that the others do not map it and its 29
# libraries at start.  Its headers are still compiled against.
LIBS        = $(shell $(PKG_CONFIG) --libs $(filter-out libcurl,$(PKGS))) -ldl
TEST_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(TEST_PKGS))
TEST_LIBS   = $(shell $(PKG_CONFIG) --libs $(TEST_PKGS))

# The folders are the design: fetch/ (libcurl), parse/ (bodies into
# records), store/ (SQLite); beside them what the commands share.  Every
# folder is on the include path, so a header is named by its file alone.
SRCDIRS = src src/cmd src/update src/fetch src/parse src/store
INC     = $(SRCDIRS:%=-I%)
SRC = $(filter-out src/main.c,$(foreach d,$(SRCDIRS),$(wildcard $(d)/*.c)))
OBJ = $(SRC:src/%.c=$(BUILD)/%.o)
HDR = $(foreach d,$(SRCDIRS),$(wildcard $(d)/*.h))

TEST_SRC = $(wildcard tests/*.c)
TEST_OBJ = $(TEST_SRC:tests/%.c=$(BUILD)/tests/%.o)
TEST_HDR = $(wildcard tests/*.h)

all: deps eedraws

# A plain "make" builds ./eedraws from $(BUILD); the sanitizer build lives
# beside it and never replaces it.
eedraws: $(BUILD)/eedraws
	@if [ -z "$(SANITIZE)" ]; then cp $(BUILD)/eedraws eedraws; fi

$(BUILD)/eedraws: $(OBJ) $(BUILD)/main.o
	$(CC) $(ALL_LDFLAGS) -o $@ $(OBJ) $(BUILD)/main.o $(LIBS)

$(BUILD)/%.o: src/%.c $(HDR) | deps $(BUILD)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%.o: tests/%.c $(HDR) $(TEST_HDR) | deps $(BUILD)
	$(CC) $(ALL_CFLAGS) $(TEST_CFLAGS) -c -o $@ $<

$(BUILD)/check_eedraws: $(OBJ) $(TEST_OBJ)
	$(CC) $(ALL_LDFLAGS) -o $@ $(OBJ) $(TEST_OBJ) $(TEST_LIBS) $(LIBS)

$(BUILD):
	mkdir -p $(BUILD)/tests

# $(call apt_install,WHAT,PACKAGES): a recipe's shell fragment that
# installs PACKAGES with apt-get when root, else says how and fails.
apt_install = if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing $(1): $(2)"; \
		apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) >/dev/null || exit 1; \
	else \
		echo "missing $(1); install them with:" >&2; \
		echo "  sudo apt-get install $(2)" >&2; \
		exit 1; \
	fi

# Installs what is missing: with apt-get when root, else says how and stops.
deps:
	@if ! $(PKG_CONFIG) --version >/dev/null 2>&1 || \
	    ! $(PKG_CONFIG) --exists $(PKGS) $(TEST_PKGS); then \
		$(call apt_install,build dependencies,$(DEBS)); \
	fi

# The main job: "eedraws update" with the built-in defaults (IRCC's feed
# into $XDG_DATA_HOME/eedraws/eedraws.db), then the latest draws; offline
# with nothing stored yet, the copy of IRCC's feed kept in tests/data
# (tools/run says when).  RUNOPTS: global options (-c FILE) for both.
RUNARGS = update
RUNOPTS =
RUNBIN  = ./eedraws
run: all
	@tools/run $(RUNBIN) $(RUNOPTS) -- $(RUNARGS)

# Check's per-test timeouts are set for the plain build; under the
# sanitizers a test runs two to three times slower, and on a loaded
# machine one that fetches passed its 60 s.
CK_TIMEOUT_MULTIPLIER ?= $(if $(SANITIZE),3,1)
check: deps $(BUILD)/eedraws $(BUILD)/check_eedraws
	CK_TIMEOUT_MULTIPLIER=$(CK_TIMEOUT_MULTIPLIER) EEDRAWS_BIN=$(BUILD)/eedraws \
	    $(BUILD)/check_eedraws

# The complexity gate: no function in src/, in any folder, above
# LINT_MAX by pmccabe's modified McCabe number (tools/complexity says
# more).  Installs pmccabe as "deps" installs the rest.
LINT_MAX = 30
LINT_SRC = $(sort $(shell find src -name '*.c'))
lint:
	@if ! command -v pmccabe >/dev/null 2>&1; then \
		$(call apt_install,the complexity checker,pmccabe); \
	fi
	@tools/complexity $(LINT_MAX) $(LINT_SRC)

# Measures the article extractor against the labelled corpora, each if
# present: the tune and unseen halves of their sites, English pages first.
corpus: deps $(BUILD)/corpus
	$(BUILD)/corpus ../shared/articles ../shared/articles2

$(BUILD)/corpus: tools/corpus.c $(OBJ) $(HDR) | deps $(BUILD)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ tools/corpus.c $(OBJ) $(LIBS)

.PHONY: corpus

# Times ingest, article extraction and a no-op update, and their memory;
# prints figures, asserts none.  Not part of check; no network.
bench: deps $(BUILD)/eedraws $(BUILD)/bench
	$(BUILD)/bench -e $(BUILD)/eedraws

$(BUILD)/bench: tools/bench.c tests/httpd.c tests/httpd.h $(OBJ) $(HDR) | deps $(BUILD)
	$(CC) $(ALL_CFLAGS) $(TEST_CFLAGS) -Itests -DBENCH_CFLAGS='"$(CFLAGS)"' \
	    $(ALL_LDFLAGS) -o $@ tools/bench.c tests/httpd.c $(OBJ) $(TEST_LIBS) $(LIBS) -lpthread

.PHONY: bench

# The suite under valgrind's memcheck, all in one process (CK_FORK=no) so
# that memcheck sees every test; then the eedraws binary itself, which the
# suite runs untraced: through the CLI suite (--trace-children, a log per
# process) and on the commands of tests/memcheck-cli.sh.  Any leak or
# memory error fails it.  The plain build only.  Installs valgrind as
# "deps" installs the rest: its header must be there when src/util.c is
# compiled (PCRE2's JIT is left off under valgrind), so an object compiled
# before then is rebuilt.  A forked child that cannot exec (notify's
# command missing, say) leaves with _exit(), holding its parent's memory:
# that is no leak, so children are silent until they exec.
VALGRIND = valgrind -q --error-exitcode=99 --num-callers=30 --leak-check=full \
           --show-leak-kinds=definite,indirect,possible \
           --errors-for-leak-kinds=definite,indirect,possible \
           --child-silent-after-fork=yes
memcheck:
	@if [ -n "$(SANITIZE)" ]; then \
		echo "memcheck: not with SANITIZE; run it on the plain build" >&2; exit 1; \
	fi
	@if ! command -v valgrind >/dev/null 2>&1 || \
	    [ ! -f /usr/include/valgrind/valgrind.h ]; then \
		$(call apt_install,valgrind,valgrind); \
		rm -f $(BUILD)/util.o; \
	fi
	$(MAKE) deps $(BUILD)/eedraws $(BUILD)/check_eedraws
	CK_FORK=no EEDRAWS_BIN=$(BUILD)/eedraws $(VALGRIND) $(BUILD)/check_eedraws
	rm -rf $(BUILD)/memcheck && mkdir -p $(BUILD)/memcheck
	CK_RUN_SUITE=cli CK_FORK=no EEDRAWS_BIN=$(BUILD)/eedraws $(VALGRIND) \
	    --trace-children=yes --log-file=$(abspath $(BUILD))/memcheck/%p.log \
	    $(BUILD)/check_eedraws || { \
		for f in $(BUILD)/memcheck/*.log; do [ ! -s "$$f" ] || cat "$$f"; done; \
		exit 1; }
	tests/memcheck-cli.sh $(BUILD)/eedraws $(VALGRIND)

.PHONY: memcheck

# Fuzzing with clang's libFuzzer: every parser of outside bytes (the
# targets in tests/fuzz.h) for FUZZ_TIME seconds each, under ASan and UBSan.
# A crash, leak or hang fails it and leaves the input in build-fuzz/.
# Inputs up to 1 MiB for feeds and pages, less for the rest (tests/fuzz/run);
# FUZZ_MAX_LEN=N sets one length for every target (16777216 for a page of
# max_size).
FUZZ_CC      ?= clang
FUZZ_TIME    ?= 60
FUZZ_MAX_LEN ?=
FUZZ_TARGETS  = ircc article-html article-text feed config datetime robots body
FUZZ_BUILD    = build-fuzz
FUZZ_SAN      = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS   = $(WARN) $(DEFS) $(INC) $(shell $(PKG_CONFIG) --cflags $(PKGS)) -O1 -g $(FUZZ_SAN)
FUZZ_OBJ      = $(SRC:src/%.c=$(FUZZ_BUILD)/%.o) $(FUZZ_BUILD)/tests/fuzz.o

FUZZ_DEBS     = clang libclang-rt-dev

fuzz: fuzzdeps $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz-%)
	FUZZ_MAX_LEN=$(FUZZ_MAX_LEN) tests/fuzz/run $(FUZZ_BUILD) $(FUZZ_TIME) $(FUZZ_TARGETS)

# Like deps: clang and its libFuzzer runtime, when it cannot link a fuzzer.
fuzzdeps: deps
	@if ! echo 'int LLVMFuzzerTestOneInput(const char *d, long n) { return 0; }' | \
	    $(FUZZ_CC) -fsanitize=fuzzer -x c -o /dev/null - >/dev/null 2>&1; then \
		$(call apt_install,fuzzing dependencies ($(FUZZ_CC) cannot build a libFuzzer target),$(FUZZ_DEBS)); \
	fi

$(FUZZ_BUILD)/fuzz-%: tests/fuzz/libfuzzer.c $(FUZZ_OBJ)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -Itests -DFUZZ_TARGET=fuzz_$(subst -,_,$*) \
		-o $@ tests/fuzz/libfuzzer.c $(FUZZ_OBJ) $(LIBS)

$(FUZZ_BUILD)/%.o: src/%.c $(HDR) | fuzzdeps
	@mkdir -p $(FUZZ_BUILD)/tests $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_BUILD)/tests/fuzz.o: tests/fuzz.c tests/fuzz.h $(HDR) | fuzzdeps
	@mkdir -p $(FUZZ_BUILD)/tests
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

.PHONY: fuzz fuzzdeps
.PRECIOUS: $(FUZZ_BUILD)/fuzz-% $(FUZZ_BUILD)/%.o $(FUZZ_BUILD)/tests/fuzz.o

# Installs $(BUILD)/eedraws, building it first only if it is missing or
# out of date (tests/test_install.c runs this with -o $(BUILD)/eedraws:
# never a build inside a test).
SUBST = sed -e 's|/usr/local/share/doc/eedraws|$(DOCDIR)|g' \
            -e 's|^ExecStart=/usr/local/bin/eedraws |ExecStart=$(BINDIR)/eedraws |'
install: $(BUILD)/eedraws
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANPREFIX)/man1 \
	    $(DESTDIR)$(MANPREFIX)/man5 $(DESTDIR)$(DOCDIR)
	$(INSTALL) -m 755 $(BUILD)/eedraws $(DESTDIR)$(BINDIR)/eedraws
	$(SUBST) $(MAN1) > $(DESTDIR)$(MANPREFIX)/man1/$(notdir $(MAN1))
	$(SUBST) $(MAN5) > $(DESTDIR)$(MANPREFIX)/man5/$(notdir $(MAN5))
	$(SUBST) $(SERVICE) > $(DESTDIR)$(DOCDIR)/$(notdir $(SERVICE))
	chmod 644 $(DESTDIR)$(MANPREFIX)/man1/$(notdir $(MAN1)) \
	    $(DESTDIR)$(MANPREFIX)/man5/$(notdir $(MAN5)) $(DESTDIR)$(DOCDIR)/$(notdir $(SERVICE))
	$(INSTALL) -m 644 $(DOCS) $(TIMER) $(DESTDIR)$(DOCDIR)/

# Removes what install put there, and DOCDIR once empty; the standard
# directories stay.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/eedraws $(DESTDIR)$(MANPREFIX)/man1/$(notdir $(MAN1)) \
	    $(DESTDIR)$(MANPREFIX)/man5/$(notdir $(MAN5))
	rm -f $(addprefix $(DESTDIR)$(DOCDIR)/,$(notdir $(DOCS) $(SERVICE) $(TIMER)))
	if [ -d $(DESTDIR)$(DOCDIR) ]; then rmdir $(DESTDIR)$(DOCDIR) || true; fi

# The Debian package, eedraws_$(VERSION)_ARCH.deb at the top, built by
# dpkg-buildpackage from debian/ (its build runs "make check") in a copy of
# the tree under build-deb/, so that the package's "make clean" leaves
# this tree's builds alone; ../shared is linked beside the copy for the
# tests that read it.  lintian must then find no error and no warning.
# Installs the build dependencies and the packaging tools as "deps" does.
DEB_TOOLS = dpkg-dev debhelper lintian
DEB_ARCH  = $(shell dpkg --print-architecture 2>/dev/null)
DEB_DIR   = build-deb
DEB_FILE  = eedraws_$(VERSION)_$(DEB_ARCH).deb
deb:
	@if ! command -v dpkg-buildpackage >/dev/null 2>&1 || \
	    ! command -v dh_installsysusers >/dev/null 2>&1 || \
	    ! command -v lintian >/dev/null 2>&1 || \
	    ! dpkg-checkbuilddeps >/dev/null 2>&1; then \
		$(call apt_install,the package's build dependencies,$(DEBS) $(DEB_TOOLS)); \
	fi
	rm -rf $(DEB_DIR) && mkdir -p $(DEB_DIR)/eedraws-$(VERSION)
	tar -cf - --anchored --exclude=./.git --exclude=./build --exclude='./build-*' \
	    --exclude=./eedraws --exclude='./*.deb' . | tar -xf - -C $(DEB_DIR)/eedraws-$(VERSION)
	if [ -d ../shared ]; then ln -s "$$(cd ../shared && pwd)" $(DEB_DIR)/shared; fi
	cd $(DEB_DIR)/eedraws-$(VERSION) && dpkg-buildpackage -us -uc -b -jauto
	lintian --fail-on error,warning --no-tag-display-limit $(DEB_DIR)/eedraws_$(VERSION)_$(DEB_ARCH).changes
	cp $(DEB_DIR)/$(DEB_FILE) $(DEB_FILE)
	@echo "built $(DEB_FILE)"

clean:
	rm -rf build build-* eedraws

.PHONY: all deps run check lint install uninstall deb clean eedraws
