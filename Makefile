# Two commands on a fresh Debian 12 machine:
#   make render   install what is missing, build, render the newest release into dist/<version>/
#   make test     install what is missing, build, run the whole test suite (ctest)
#   make ci       make test, then 60 s of fuzzing (what CI runs; `make sanitize` joins it once it passes whole)
BUILD ?= build
JOBS ?= $(shell nproc)
TTSGEN = $(BUILD)/ttsgen

.PHONY: all deps build render test sanitize fuzz ci golden docs bench package clean

all: build

deps:
	scripts/install-deps.sh

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD) -j $(JOBS)

render: build
	$(TTSGEN) render

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# The unit tests under ASan/UBSan (a second build tree, build-asan/), and the libFuzzer target over
# the template readers for FUZZ_SECONDS (build-fuzz/). CI runs the fuzz stage after `make test` (make ci);
# the sanitizer stage is not in CI yet: its first full run found a use-after-free in a test (fixed), and
# it has not yet run to the end on the whole suite.
FUZZ_SECONDS ?= 60
sanitize: deps
	scripts/sanitize.sh

fuzz: build
	scripts/fuzz.sh $(TTSGEN) $(FUZZ_SECONDS)

# What CI runs (.ci/run): the whole test suite, then the fuzz stage.
ci: test fuzz

# Regenerate tests/golden/ and tests/golden-diff/ after an intended change of the templates; review the diff.
golden: build
	scripts/update-golden.sh $(TTSGEN)

# Regenerate docs/stacks/ (ttsgen docs) and docs/UPGRADING-3.x.md (ttsgen diff --minor); review the diff.
docs: build
	scripts/update-docs.sh $(TTSGEN)

# Times `ttsgen validate --all-versions` against cfn-lint on the same templates (not a test).
bench: build
	scripts/bench.sh $(TTSGEN)

# The Debian package: $(BUILD)/ttsgen_<version>_amd64.deb (docs/packaging.md).
package: build
	cmake --build $(BUILD) --target package

clean:
	rm -rf $(BUILD) build-asan build-fuzz dist
