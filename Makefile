# eedraws: see README.md.  "make run" and "make check" do all the set-up.
.SUFFIXES:

VERSION = 0.1.0

PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
MANPREFIX ?= $(PREFIX)/share/man
DOCDIR    ?= $(PREFIX)/share/doc/eedraws
DESTDIR   ?=

CC      ?= cc
CFLAGS  ?= -O2 -g
LDFLAGS ?=
PKG_CONFIG ?= pkg-config

# make SANITIZE=address,undefined check
SANITIZE ?=
BUILD = build$(if $(SANITIZE),-$(subst $(comma),-,$(SANITIZE)))
comma := ,

PKGS      = libcurl libxml-2.0 libpcre2-8 sqlite3 jansson inih
TEST_PKGS = check libmicrohttpd
# Debian packages that provide the above (kept in step with PKGS).
DEBS = pkg-config libcurl4-openssl-dev libxml2-dev libpcre2-dev \
       libsqlite3-dev libjansson-dev libinih-dev check libmicrohttpd-dev

WARN = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
       -Wmissing-prototypes -Wformat=2 -Wno-format-nonliteral -Wvla \
       -Wcast-align -Wpointer-arith -Wwrite-strings -Wundef
SAN  = $(if $(SANITIZE),-fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all)

# Recursively expanded on purpose: pkg-config runs only once "deps" has.
ALL_CFLAGS  = $(WARN) -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE \
              -DEEDRAWS_VERSION='"$(VERSION)"' $(SAN) \
              $(shell $(PKG_CONFIG) --cflags $(PKGS)) $(CFLAGS)
ALL_LDFLAGS = $(SAN) $(LDFLAGS)
LIBS        = $(shell $(PKG_CONFIG) --libs $(PKGS))
TEST_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(TEST_PKGS))
TEST_LIBS   = $(shell $(PKG_CONFIG) --libs $(TEST_PKGS))

SRC = $(filter-out src/main.c,$(wildcard src/*.c))
OBJ = $(SRC:src/%.c=$(BUILD)/%.o)
HDR = $(wildcard src/*.h)

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
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%.o: tests/%.c $(HDR) $(TEST_HDR) | deps $(BUILD)
	$(CC) $(ALL_CFLAGS) $(TEST_CFLAGS) -Isrc -c -o $@ $<

$(BUILD)/check_eedraws: $(OBJ) $(TEST_OBJ)
	$(CC) $(ALL_LDFLAGS) -o $@ $(OBJ) $(TEST_OBJ) $(TEST_LIBS) $(LIBS)

$(BUILD):
	mkdir -p $(BUILD)/tests

# Installs what is missing: with apt-get when root, else says how and stops.
deps:
	@if ! $(PKG_CONFIG) --version >/dev/null 2>&1 || \
	    ! $(PKG_CONFIG) --exists $(PKGS) $(TEST_PKGS); then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "installing build dependencies: $(DEBS)"; \
			apt-get update -qq && \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DEBS) >/dev/null || exit 1; \
		else \
			echo "missing build dependencies; install them with:" >&2; \
			echo "  sudo apt-get install $(DEBS)" >&2; \
			exit 1; \
		fi; \
	fi

# The main job: "eedraws update" with the built-in defaults (IRCC's feed
# into $XDG_DATA_HOME/eedraws/eedraws.db), then the latest draws.
RUNARGS = update
run: all
	./eedraws $(RUNARGS) && ./eedraws list -n 10

check: deps $(BUILD)/eedraws $(BUILD)/check_eedraws
	EEDRAWS_BIN=$(BUILD)/eedraws $(BUILD)/check_eedraws

# Measures the article extractor against the labelled corpus, if present.
corpus: deps $(BUILD)/corpus
	$(BUILD)/corpus ../shared/articles

$(BUILD)/corpus: tools/corpus.c $(OBJ) $(HDR) | deps $(BUILD)
	$(CC) $(ALL_CFLAGS) -Isrc $(ALL_LDFLAGS) -o $@ tools/corpus.c $(OBJ) $(LIBS)

.PHONY: corpus

# The suite under valgrind's memcheck, all in one process (CK_FORK=no) so
# that memcheck sees every test; then the eedraws binary itself, which the
# suite runs untraced: through the CLI suite (--trace-children, a log per
# process) and on the commands of tests/memcheck-cli.sh.  Any leak or
# memory error fails it.  The plain build only.  Installs valgrind as
# "deps" installs the rest: its header must be there when src/util.c is
# compiled (PCRE2's JIT is left off under valgrind), so an object compiled
# before then is rebuilt.
VALGRIND = valgrind -q --error-exitcode=99 --num-callers=30 --leak-check=full \
           --show-leak-kinds=definite,indirect,possible \
           --errors-for-leak-kinds=definite,indirect,possible
memcheck:
	@if [ -n "$(SANITIZE)" ]; then \
		echo "memcheck: not with SANITIZE; run it on the plain build" >&2; exit 1; \
	fi
	@if ! command -v valgrind >/dev/null 2>&1 || \
	    [ ! -f /usr/include/valgrind/valgrind.h ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "installing valgrind"; \
			apt-get update -qq && \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null || exit 1; \
			rm -f $(BUILD)/util.o; \
		else \
			echo "valgrind is missing; install it with:" >&2; \
			echo "  sudo apt-get install valgrind" >&2; \
			exit 1; \
		fi; \
	fi
	$(MAKE) deps $(BUILD)/eedraws $(BUILD)/check_eedraws
	CK_FORK=no EEDRAWS_BIN=$(BUILD)/eedraws $(VALGRIND) $(BUILD)/check_eedraws
	rm -rf $(BUILD)/memcheck && mkdir -p $(BUILD)/memcheck
	CK_RUN_SUITE=cli CK_FORK=no EEDRAWS_BIN=$(BUILD)/eedraws $(VALGRIND) \
	    --trace-children=yes --log-file=$(BUILD)/memcheck/%p.log \
	    $(BUILD)/check_eedraws || { \
		for f in $(BUILD)/memcheck/*.log; do [ ! -s "$$f" ] || cat "$$f"; done; \
		exit 1; }
	tests/memcheck-cli.sh $(BUILD)/eedraws $(VALGRIND)

.PHONY: memcheck

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(DOCDIR)
	cp -f eedraws $(DESTDIR)$(BINDIR)/eedraws
	chmod 755 $(DESTDIR)$(BINDIR)/eedraws
	cp -f eedraws.conf.example crontab.example README.md $(DESTDIR)$(DOCDIR)/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/eedraws
	rm -f $(DESTDIR)$(DOCDIR)/eedraws.conf.example \
	      $(DESTDIR)$(DOCDIR)/crontab.example $(DESTDIR)$(DOCDIR)/README.md
	-rmdir $(DESTDIR)$(DOCDIR)

clean:
	rm -rf build build-* eedraws

.PHONY: all deps run check install uninstall clean eedraws
