#!/usr/bin/env bash
# Installs what is needed (scripts/setup.sh), then runs every check the project has:
# formatting, the UI's typecheck and build, clippy with warnings as errors, and every test of
# the workspace (unit, integration, doc tests, corpus tests, and the end-to-end tests that
# drive the real app window under Xvfb). Corpus tests read $RESOLUTE_CORPUS, else
# ../shared/corpus beside the checkout, and skip (passing) when it is absent. The end-to-end
# tests must not skip here: this script provides everything they need and fails if they did.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
if ! command -v cargo >/dev/null 2>&1 && [ -f "$HOME/.cargo/env" ]; then
    # shellcheck disable=SC1091
    . "$HOME/.cargo/env"
fi
# tauri-driver is installed into ~/.cargo/bin, which a fresh shell may not have on PATH.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

corpus="${RESOLUTE_CORPUS:-../shared/corpus}"
if [ -d "$corpus/texts" ]; then
    echo "test: corpus found at $corpus"
else
    echo "test: corpus not found at $corpus; corpus tests will skip"
fi

step() { printf '\n== %s\n' "$*"; }
step "cargo fmt --all --check"
cargo fmt --all --check
# The UI is embedded in the app binary at compile time: build it before the binary.
step "npm --prefix ui run build (tsc --noEmit typecheck, then vite build -> ui/dist)"
npm --prefix ui run build
step "npm --prefix ui test (the editor's pure modules, node --test)"
npm --prefix ui test
# One package selection for the build and the tests, so the tests rebuild nothing. Not
# --all-targets: two rustc processes expanding tauri::generate_context! at once can embed a
# truncated UI bundle (see ../shared/TAURI-LINUX.md); tests/e2e checks the UI script ran.
step "cargo build --workspace --bins --tests"
cargo build --workspace --bins --tests
step "cargo clippy --workspace --all-targets -- -D warnings"
cargo clippy --workspace --all-targets -- -D warnings

artefacts="${CARGO_TARGET_DIR:-target}/artefacts/e2e"
rm -f "$artefacts/ran.txt" "$artefacts/skipped.txt"
# --no-fail-fast: one failing test binary should not hide the results of the others. The
# end-to-end tests open one window at a time by themselves (tests/e2e/src/app.rs), so the
# other crates' tests keep their threads. 1280x1024: the window is 1280x800.
step "xvfb-run cargo test --workspace --no-fail-fast"
xvfb-run -a -s "-screen 0 1280x1024x24" cargo test --workspace --no-fail-fast

# The .deb as a user installs it: built, inspected, installed, started, removed.
step "scripts/test-package.sh"
./scripts/test-package.sh

step "end-to-end tests really drove the app"
if [ -s "$artefacts/skipped.txt" ]; then
    echo "test: FAILED: end-to-end tests skipped instead of driving the app:" >&2
    cat "$artefacts/skipped.txt" >&2
    exit 1
fi
if [ ! -s "$artefacts/ran.txt" ]; then
    echo "test: FAILED: no end-to-end test started the app ($artefacts/ran.txt is missing)" >&2
    exit 1
fi
echo "test: $(sort -u "$artefacts/ran.txt" | wc -l) end-to-end tests drove the app; screenshots in $artefacts"
