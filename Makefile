# Thin wrapper over CMake + CTest. `make run` and `make check` work on a fresh
# Debian 12 machine: they install missing packages first (see deps below).
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

# Debian packages the build and the tests need: LLVM/Clang 16 for the tool
# (and as the compiler: clang++-16 with lld-16 builds LibTooling code about
# 1.7x faster than g++), its sanitizer runtimes for the ASan build of the
# reference model, git for the tests that `git apply` the tool's diffs,
# python3-yaml for the test that compares the CLI's and clang-tidy's fixes,
# GNU parallel for the test that runs shards (testdata/driver/shards.test),
# and chromium and nodejs for the browser test of the --html report
# (tool/tests/html-report, which uses no npm package: it runs offline).
PACKAGES := cmake ninja-build g++ make python3 python3-yaml libgtest-dev git \
	parallel clang-16 libclang-16-dev llvm-16-dev clang-tidy-16 clang-tools-16 \
	lld-16 clang-format-16 libclang-rt-16-dev chromium nodejs

CC_FOR_BUILD ?= clang-16
CXX_FOR_BUILD ?= clang++-16

.PHONY: all deps configure build run check clean

all: build

deps:
	@./scripts/install-deps.sh $(PACKAGES)

configure: deps
	@if [ ! -f $(BUILD)/CMakeCache.txt ]; then \
		generator=$$(command -v ninja >/dev/null 2>&1 && echo Ninja || echo "Unix Makefiles"); \
		cmake -S . -B $(BUILD) -G "$$generator" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
			-DCMAKE_C_COMPILER=$(CC_FOR_BUILD) -DCMAKE_CXX_COMPILER=$(CXX_FOR_BUILD); \
	fi

build: configure
	cmake --build $(BUILD) -j $(JOBS)

# The tool over the bundled kernel-style sample tree: the diff on stdout,
# the diagnostics and the summary on stderr.
run: build
	$(BUILD)/tool/pgtable-migrate -p $(BUILD)/testdata/sample-db \
		--root testdata/sample-tree testdata/sample-tree

check: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD)
