# The two commands of the README: `make run` and `make test`. Both install
# the Debian packages that are missing (scripts/install-deps.sh), configure
# and build with CMake; everything else lives in CMakeLists.txt.
BUILD ?= build
BUILD_ASAN ?= build-asan
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: run test deps build build-asan test-asan install fixtures fuzz valgrind tsan clean

run: build
	@mkdir -p out
	./$(BUILD)/arsred extract --pretty --summary -o out fixtures/krokom-ks-2020.pdf
	@echo "wrote out/krokom-ks-2020.json"

test: build build-asan
	ctest --test-dir $(BUILD) --output-on-failure
	ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
	    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    ctest --test-dir $(BUILD_ASAN) --output-on-failure

deps:
	@sh scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

build-asan: deps
	@cmake -S . -B $(BUILD_ASAN) -DCMAKE_BUILD_TYPE=Debug -DARSRED_SANITIZE=ON >/dev/null
	@cmake --build $(BUILD_ASAN) -j $(JOBS)

install: build
	cmake --install $(BUILD)

# arsred extract under valgrind over every fixture PDF (slow, not a ctest)
valgrind: build
	sh tests/valgrind.sh $(CURDIR)/$(BUILD)/arsred $(CURDIR)

# the pages-read-ahead thread under ThreadSanitizer (clang, build-tsan)
tsan: deps
	sh tests/tsan.sh $(CURDIR)

# libFuzzer targets of fuzz/, built with clang in build-fuzz, each run for
# FUZZ_SECONDS (scripts/fuzz.sh; a crash fails and keeps its input).
FUZZ_SECONDS ?= 60
fuzz: deps
	sh scripts/fuzz.sh $(FUZZ_SECONDS)

# Rebuilds the fixture PDFs from fixtures/src (needs chromium, LibreOffice,
# pdflatex, qpdf: see fixtures/README.md). The PDFs are committed.
fixtures:
	bash scripts/build-fixtures.sh

clean:
	rm -rf $(BUILD) $(BUILD_ASAN) build-tsan build-fuzz out
