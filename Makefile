# jixiao - performance-evaluation scoring engine.
#
#   make                    build libjixiao.a and ./build/jixiao
#   make check              unit tests (Check), golden CLI tests, bad-input corpus
#   make check VARIANT=san  the same under AddressSanitizer + UBSan
#   make valgrind           the unit tests and the CLI tests under valgrind
#   make demo               score the bundled example and print the table
#   make robust SUITE=DIR   run `jixiao validate` on every YAML file of DIR, and
#                           compare the subset reader with libyaml on each
#   make stages             the stage timer bench/audit.sh uses (bench/stages.c)
#   make install PREFIX=/usr/local DESTDIR=
#   make deps               install the Debian packages the build needs
#   V=1                     show the full commands

VARIANT ?= release
PREFIX ?= /usr/local
DESTDIR ?=

CC ?= cc
PKG_CONFIG ?= pkg-config
PKGS := yaml-0.1 libutf8proc yajl gsl xlsxwriter sqlite3 libzip expat
TEST_PKGS := check

BUILD := build
OUT := $(BUILD)/$(VARIANT)

WARN := -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wwrite-strings -Wvla
ifeq ($(VARIANT),release)
  OPT := -O2 -g
else ifeq ($(VARIANT),debug)
  OPT := -O0 -g3
else ifeq ($(VARIANT),san)
  SAN := -fsanitize=address,undefined -fno-sanitize-recover=all
  OPT := -O1 -g -fno-omit-frame-pointer $(SAN)
else
  $(error VARIANT must be release, debug or san, not '$(VARIANT)')
endif

# Package flags are recursive (=) so they are read after `deps` has run.
PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS))
PKG_LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS))
TEST_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(TEST_PKGS))
TEST_LIBS = $(shell $(PKG_CONFIG) --libs $(TEST_PKGS))

CPPFLAGS += -Iinclude -Isrc -D_XOPEN_SOURCE=700
CFLAGS += $(WARN) $(OPT) -MMD -MP
LDFLAGS += $(SAN)
# libcsv ships no pkg-config file.
LIBS_PRIVATE := -lcsv -lm -pthread
LDLIBS += $(LIBS_PRIVATE)
VERSION := $(shell sed -n 's/^\#define JX_VERSION "\(.*\)"/\1/p' include/jixiao/common.h)

ifeq ($(V),1)
  Q :=
else
  Q := @
endif

LIB_SRC := $(wildcard src/*.c)
CLI_SRC := $(wildcard src/cli/*.c)
TEST_SRC := $(wildcard tests/check_*.c)
RULES := $(wildcard rules/*.yaml)
HEADERS := $(wildcard include/jixiao/*.h)

LIB_OBJ := $(LIB_SRC:%.c=$(OUT)/%.o) $(OUT)/gen/rules_data.o
CLI_OBJ := $(CLI_SRC:%.c=$(OUT)/%.o)
TEST_OBJ := $(TEST_SRC:%.c=$(OUT)/%.o)
HDR_OBJ := $(HEADERS:include/jixiao/%.h=$(OUT)/hdr/%.o)

LIB := $(OUT)/libjixiao.a
BIN := $(OUT)/jixiao
TESTS := $(OUT)/check_jixiao
GEN_CORPUS := $(OUT)/gen-corpus

.PHONY: all check unit golden bad valgrind demo robust fuzz install uninstall deps clean headers stages FORCE
all: $(BIN) $(BUILD)/jixiao

# ./build/jixiao is always the release binary, whatever VARIANT built last.
$(BUILD)/jixiao: $(BIN)
ifeq ($(VARIANT),release)
	$(Q)ln -sf release/jixiao $@
else
	$(Q)$(MAKE) --no-print-directory VARIANT=release all
endif

$(OUT)/.deps-ok:
	$(Q)mkdir -p $(@D)
	$(Q)sh scripts/deps.sh --if-missing
	$(Q)touch $@

$(OUT)/%.o: %.c | $(OUT)/.deps-ok
	@mkdir -p $(@D)
	$(if $(Q),@echo "  CC      $<")
	$(Q)$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -c -o $@ $<

$(OUT)/tests/%.o: tests/%.c | $(OUT)/.deps-ok
	@mkdir -p $(@D)
	$(if $(Q),@echo "  CC      $<")
	$(Q)$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(TEST_CFLAGS) $(CFLAGS) -c -o $@ $<

# The rule sets in rules/ are compiled in, so the binary works from anywhere.
$(OUT)/gen/rules_data.c: $(RULES) scripts/embed-rules.sh
	@mkdir -p $(@D)
	$(if $(Q),@echo "  GEN     $@")
	$(Q)sh scripts/embed-rules.sh $(RULES) > $@.tmp && mv $@.tmp $@

$(OUT)/gen/rules_data.o: $(OUT)/gen/rules_data.c | $(OUT)/.deps-ok
	$(if $(Q),@echo "  CC      $<")
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(LIB): $(LIB_OBJ)
	$(if $(Q),@echo "  AR      $@")
	$(Q)rm -f $@ && ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	$(if $(Q),@echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(PKG_LIBS) $(LDLIBS)

$(TESTS): $(TEST_OBJ) $(LIB)
	$(if $(Q),@echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $(TEST_OBJ) $(LIB) $(PKG_LIBS) $(TEST_LIBS) $(LDLIBS)

# The benchmark's corpus generator, also used by the audit tests.
$(GEN_CORPUS): bench/gen-corpus.c
	@mkdir -p $(@D)
	$(if $(Q),@echo "  CC      $<")
	$(Q)$(CC) -std=c11 $(OPT) -Wall -Wextra $(LDFLAGS) -o $@ $<

# The subset reader against libyaml on the same files (tests/ysubset_diff.c).
YSUBSET_DIFF := $(OUT)/ysubset_diff
$(YSUBSET_DIFF): tests/ysubset_diff.c $(LIB)
	$(if $(Q),@echo "  LD      $@")
	$(Q)$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(PKG_LIBS) $(LDLIBS)

# The stages of an audit alone, for bench/audit.sh (`make stages`).
STAGES := $(OUT)/stages
$(STAGES): bench/stages.c $(LIB)
	$(if $(Q),@echo "  LD      $@")
	$(Q)$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(PKG_LIBS) $(LDLIBS)

stages: $(STAGES)

# Fuzzing with libFuzzer (clang): `make fuzz FUZZ_SECONDS=60` runs each target
# (tests/fuzz/fuzz_*.c) for that long, with ASan and UBSan.
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_DIR := $(BUILD)/fuzz
FUZZ_FLAGS := -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_TARGETS := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_OBJ := $(LIB_SRC:src/%.c=$(FUZZ_DIR)/obj/%.o) $(FUZZ_DIR)/obj/rules_data.o

$(FUZZ_DIR)/obj/%.o: src/%.c | $(OUT)/.deps-ok
	@mkdir -p $(@D)
	$(if $(Q),@echo "  FUZZCC  $<")
	$(Q)$(FUZZ_CC) $(CPPFLAGS) $(PKG_CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_DIR)/obj/rules_data.o: $(OUT)/gen/rules_data.c
	@mkdir -p $(@D)
	$(Q)$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_FLAGS) -c -o $@ $<

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJ)
	$(if $(Q),@echo "  FUZZLD  $@")
	$(Q)$(FUZZ_CC) $(CPPFLAGS) $(PKG_CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $< \
		$(FUZZ_OBJ) $(PKG_LIBS) $(LDLIBS)

fuzz: $(FUZZ_TARGETS:%=$(FUZZ_DIR)/fuzz_%)
	$(Q)sh tests/fuzz/run.sh $(FUZZ_DIR) $(FUZZ_SECONDS) $(TARGETS)

# Each public header compiles on its own.
$(OUT)/hdr/%.o: include/jixiao/%.h | $(OUT)/.deps-ok
	@mkdir -p $(@D)
	$(Q)printf '#include <jixiao/%s.h>\n' $* | $(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -MF /dev/null -x c -c -o $@ -
headers: $(HDR_OBJ)

check: headers $(TESTS) $(BIN) $(GEN_CORPUS) $(YSUBSET_DIFF)
	$(Q)cd tests && CK_FORK=$(if $(filter san,$(VARIANT)),no,yes) ../$(TESTS)
	$(Q)$(YSUBSET_DIFF) $$(find examples rules tests -name '*.yaml' | sort)
	$(Q)rm -rf $(OUT)/ysubset-random && /usr/bin/python3 tests/ysubset_gen.py 1 3000 $(OUT)/ysubset-random && \
		$(YSUBSET_DIFF) $(OUT)/ysubset-random/*.yaml
	$(Q)sh tests/golden.sh $(BIN)
	$(Q)JIXIAO_YAML=libyaml sh tests/golden.sh $(BIN)
	$(Q)sh tests/bad.sh $(BIN)
	$(Q)sh tests/audit-corpus.sh $(BIN) $(GEN_CORPUS)
	$(Q)rm -rf $(OUT)/robust && sh tests/robust-corpus.sh $(OUT)/robust >/dev/null
	$(Q)sh tests/robust.sh $(BIN) $(OUT)/robust
	$(Q)$(YSUBSET_DIFF) $$(find $(OUT)/robust -name '*.yaml' | sort)
	$(Q)sh tests/interrupt.sh $(BIN) $(GEN_CORPUS)
	$(Q)sh tests/install.sh "$(MAKE) --no-print-directory VARIANT=$(VARIANT)" "$(CC)" "$(WARN) $(OPT)" "$(LDFLAGS)"

valgrind: $(TESTS) $(BIN)
	$(Q)cd tests && CK_FORK=no valgrind -q --error-exitcode=99 --leak-check=full \
		--errors-for-leak-kinds=definite,indirect ../$(TESTS)
	$(Q)JX_WRAP="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect" \
		sh tests/golden.sh $(BIN)
	$(Q)JX_WRAP="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect" \
		sh tests/bad.sh $(BIN)

demo: $(BIN)
	$(Q)$(BIN) score examples/karamay-2024/project.yaml

robust: $(BIN) $(YSUBSET_DIFF)
	$(Q)sh tests/robust.sh $(BIN) $(SUITE)
	$(Q)$(YSUBSET_DIFF) $$(find $(SUITE) -type f \( -name '*.yaml' -o -name '*.yml' \) | sort)

# jixiao.pc is written at install time, so that it names the PREFIX installed to.
$(OUT)/jixiao.pc: jixiao.pc.in include/jixiao/common.h FORCE
	@mkdir -p $(@D)
	$(Q)sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(VERSION)|g' \
		-e 's|@PKGS@|$(PKGS)|g' -e 's|@LIBS@|$(LIBS_PRIVATE)|g' jixiao.pc.in > $@.tmp
	$(Q)mv $@.tmp $@

FORCE:

install: $(BIN) $(LIB) $(OUT)/jixiao.pc
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include/jixiao \
		$(DESTDIR)$(PREFIX)/lib/pkgconfig \
		$(DESTDIR)$(PREFIX)/share/jixiao/rules $(DESTDIR)$(PREFIX)/share/doc/jixiao/docs \
		$(DESTDIR)$(PREFIX)/share/doc/jixiao/examples/c
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/jixiao
	install -m 644 $(LIB) $(DESTDIR)$(PREFIX)/lib/libjixiao.a
	install -m 644 $(OUT)/jixiao.pc $(DESTDIR)$(PREFIX)/lib/pkgconfig/jixiao.pc
	install -m 644 $(HEADERS) $(DESTDIR)$(PREFIX)/include/jixiao/
	install -m 644 $(RULES) $(DESTDIR)$(PREFIX)/share/jixiao/rules/
	# laid out as in the source tree, so that the links between them hold
	install -m 644 README.md $(DESTDIR)$(PREFIX)/share/doc/jixiao/
	install -m 644 docs/*.md docs/*.png $(DESTDIR)$(PREFIX)/share/doc/jixiao/docs/
	install -m 644 examples/c/score.c $(DESTDIR)$(PREFIX)/share/doc/jixiao/examples/c/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/jixiao $(DESTDIR)$(PREFIX)/lib/libjixiao.a \
		$(DESTDIR)$(PREFIX)/lib/pkgconfig/jixiao.pc
	rm -rf $(DESTDIR)$(PREFIX)/include/jixiao $(DESTDIR)$(PREFIX)/share/jixiao \
		$(DESTDIR)$(PREFIX)/share/doc/jixiao

deps:
	sh scripts/deps.sh

clean:
	rm -rf $(BUILD)

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_OBJ:.o=.d)
