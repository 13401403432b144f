# Thin wrapper over CMake + CTest. `make run` and `make check` work on a fresh
# Debian 12 machine: they install missing packages first (see deps below).
BUILD ?= build
GENERATOR := $(shell command -v ninja >/dev/null 2>&1 && echo Ninja || echo "Unix Makefiles")
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

# Debian packages the build and the tests need.
PACKAGES := cmake ninja-build g++ make python3 libgtest-dev

.PHONY: all deps configure build run check clean

all: build

deps:
	@./scripts/install-deps.sh $(PACKAGES)

configure: deps
	@if [ ! -f $(BUILD)/CMakeCache.txt ]; then \
		cmake -S . -B $(BUILD) -G "$(GENERATOR)" -DCMAKE_BUILD_TYPE=RelWithDebInfo; \
	fi

build: configure
	cmake --build $(BUILD) -j $(JOBS)

run: build
	$(BUILD)/reference-impl/refimpl-demo

check: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD)
