# SPDX-License-Identifier: GPL-2.0
#
# fastpath top-level Makefile.  The module itself is built by Kbuild; this
# file drives the developer workflow:
#
#   make                 build fastpath.ko against KDIR (W=1, -Werror)
#   make fpctl           build the tool
#   make nlfuzz          the netlink fuzzer the nl_fuzz selftest runs
#   make deps            apt-install whatever Debian packages are missing
#   make check           everything, in QEMU, on KERNELS (default 6.1)
#   make demo            boot the test kernel and walk through fpctl
#   make lint            checkpatch --strict, sparse (C=2), the YNL spec against
#                        the UAPI header and the generated files (ynl-gen)
#   make ynl-gen         regenerate kmod/nl_gen.[ch] and nlfuzz tables from the spec
#   make deb             fastpath-dkms and fpctl Debian packages
#   make dkms-check      install the .debs, boot Debian's stock kernel with
#                        the DKMS-built module, then purge
#   make check-harness   prove the harness fails on failing tests
#   make check-tools     the trie's user-space differential, stress, fuzz tests;
#                        the netlink fuzzer's generator, dry
#   make bench-lpm       the trie against DPDK rte_lpm/rte_lpm6
#   make bench-kernel    the trie against fib_table_lookup, stock kernel in QEMU
#   make bench-batch     fpctl -batch against ip -batch, stock kernel in QEMU
#   make bench           the data path against forwarding, flowtable, tc and
#                        BPF, stock kernel in QEMU (QUICK=1: 10 routes)

KERNELS ?= 6.1
# Default kernel build dir: the running kernel's, else Debian's stock one.
KDIR ?= $(firstword $(wildcard /lib/modules/$(shell uname -r)/build) \
			$(wildcard /lib/modules/*-amd64/build))

TOP := $(CURDIR)
KSRC_61 = $(shell $(TOP)/tools/testing/qemu/kernel.sh --print-src 6.1)

# nl_gen.[ch] are generated from the YNL spec (make ynl-gen), in the
# generator's style: checked by regeneration (ynl-gen-check), not by
# checkpatch.
KMOD_GENERATED := kmod/nl_gen.c kmod/nl_gen.h
KMOD_SOURCES := $(filter-out $(KMOD_GENERATED),$(wildcard kmod/*.[ch] kmod/tests/*.[ch]))

.PHONY: all module fpctl nlfuzz deps check demo bench lint checkpatch sparse deb dkms-check \
	check-harness check-tools bench-lpm bench-kernel bench-batch ynl-sync ynl-gen ynl-gen-check docs-check layers \
	clean help

all: module

module:
	@test -n "$(KDIR)" || { echo "no kernel headers: make deps, or KDIR=..."; exit 1; }
	$(MAKE) -C $(KDIR) M=$(TOP) W=1 FASTPATH_WERROR=y modules

fpctl:
	$(MAKE) -C tools/fpctl

nlfuzz:
	$(MAKE) -C tools/testing/nlfuzz

deps:
	@tools/deps.sh

check: deps
	tools/testing/qemu/check.sh $(KERNELS)

demo: deps
	tools/demo/demo-host.sh

lint: checkpatch sparse layers ynl-sync ynl-gen-check docs-check

# Calls between the module's files go one way (from sparse's objects).
layers: sparse
	@python3 tools/testing/kmod-layers.py build/sparse

# Every reStructuredText page parses without a warning (docutils; index.rst
# holds Sphinx's toctree, which plain docutils does not know).
docs-check:
	@for f in $(filter-out Documentation/index.rst,$(wildcard Documentation/*.rst)); do \
		rst2html --halt=warning --report=warning "$$f" >/dev/null || exit 1; \
	done; echo "docs-check: clean"

# The YNL spec and uapi/linux/fastpath.h describe the same family.
ynl-sync:
	@python3 tools/testing/ynl-sync.py

# The policies and operation table (kmod/nl_gen.[ch]) from the YNL spec,
# with the kernel's YNL C generator from the newest Debian linux-source:
# ynl-gen writes them, ynl-gen-check fails if they differ from the spec's.
ynl-gen:
	@tools/testing/ynl-gen.sh

ynl-gen-check:
	@tools/testing/ynl-gen.sh --check

# compat.h is the one place allowed to test LINUX_VERSION_CODE; fp_trace.h
# is laid out the way every TRACE_EVENT() is; the UAPI header's name lists
# are X-macros (X(id, "name") per entry); netlink.c's FP_OBJ_HANDLERS() defines
# the five handlers of an object type, one FP_DOIT()/FP_DUMPIT() each.
CHECKPATCH = $(KSRC_61)/scripts/checkpatch.pl --strict --no-tree --quiet \
	--show-types --ignore FILE_PATH_CHANGES
checkpatch:
	@$(CHECKPATCH) -f $(filter-out kmod/compat.h kmod/fp_trace.h kmod/netlink.c,$(KMOD_SOURCES)) && \
	$(CHECKPATCH) --ignore COMPLEX_MACRO -f kmod/netlink.c && \
	$(CHECKPATCH) --ignore LINUX_VERSION_CODE,CONSTANT_COMPARISON \
		-f kmod/compat.h && \
	$(CHECKPATCH) --ignore PARENTHESIS_ALIGNMENT,OPEN_ENDED_LINE,TRAILING_SEMICOLON \
		-f kmod/fp_trace.h && \
	$(CHECKPATCH) --ignore COMPLEX_MACRO,MACRO_ARG_REUSE \
		-f uapi/linux/fastpath.h && echo "checkpatch: clean"

# sparse over every file, against Debian's stock headers (no test kernel
# needed); any sparse or compiler warning fails.
sparse:
	@test -n "$(KDIR)" || { echo "no kernel headers: make deps"; exit 1; }
	@rm -rf build/sparse && mkdir -p build/sparse && \
		cp -a Kbuild VERSION kmod uapi build/sparse/
	@$(MAKE) -s -C $(KDIR) M=$(TOP)/build/sparse W=1 FASTPATH_WERROR=y C=2 \
		modules > build/sparse.log 2>&1; rc=$$?; \
		if [ $$rc -ne 0 ] || grep -E 'warning|error' build/sparse.log; then \
			cat build/sparse.log; exit 1; fi; echo "sparse: clean"

deb:
	tools/packaging/build-deb.sh

dkms-check: deps
	tools/testing/dkms/dkms-check.sh

# The route trie, built in user space from the same source (kmod/trie.c);
# and the netlink fuzzer's generator, run dry on the host.
check-tools: deps
	$(MAKE) -s -C tools/trie-test check
	$(MAKE) -s -C tools/stress check
	$(MAKE) -s -C tools/fuzz check
	$(MAKE) -s -C tools/testing/nlfuzz check

bench-lpm: deps
	@$(MAKE) -s --no-print-directory -C tools/bench run

# In-kernel lookup benchmark (not part of check): Debian's stock kernel in
# QEMU; fails only if something does not build, boot or finish.
bench-kernel: deps
	@tools/bench/kbench/kbench.sh

# Bulk load: fpctl -batch (100,000 endpoints) against ip -batch (100,000
# routes), same boot of the stock kernel; fails only if something does
# not build, boot, finish or install every route.
bench-batch: deps
	@tools/bench/batch/bench-batch.sh

# Data-path benchmark (not part of check): fastpath against forwarding,
# flowtable, tc and BPF on Debian's stock kernel in QEMU; QUICK=1 for
# profiles A and B at 10 routes only.
bench: deps
	@tools/deps.sh tools/bench/dp/deps.txt
	@QUICK=$(QUICK) tools/bench/dp/dp-bench.sh

check-harness: deps
	tools/testing/qemu/selftest-harness.sh $(firstword $(KERNELS))

clean:
	@test -z "$(KDIR)" || $(MAKE) -C $(KDIR) M=$(TOP) clean
	$(MAKE) -C tools/fpctl clean
	$(MAKE) -C tools/testing/nlfuzz clean
	for d in trie-test stress fuzz bench; do $(MAKE) -C tools/$$d clean; done
	rm -rf build

help:
	@sed -n '3,/^$$/p' Makefile | sed 's/^# \{0,1\}//'
