#!/usr/bin/env bash
# Installs what is needed (scripts/setup.sh), then runs every check the project has:
# formatting, clippy with warnings as errors, and every test of the workspace (unit,
# integration, doc tests, corpus tests). Corpus tests read $RESOLUTE_CORPUS, else
# ../shared/corpus beside the checkout, and skip (passing) when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
if ! command -v cargo >/dev/null 2>&1 && [ -f "$HOME/.cargo/env" ]; then
    # shellcheck disable=SC1091
    . "$HOME/.cargo/env"
fi

corpus="${RESOLUTE_CORPUS:-../shared/corpus}"
if [ -d "$corpus/texts" ]; then
    echo "test: corpus found at $corpus"
else
    echo "test: corpus not found at $corpus; corpus tests will skip"
fi

step() { printf '\n== %s\n' "$*"; }
step "cargo fmt --all --check"
cargo fmt --all --check
step "cargo clippy --workspace --all-targets -- -D warnings"
cargo clippy --workspace --all-targets -- -D warnings
# --no-fail-fast: one failing test binary should not hide the results of the others.
step "cargo test --workspace --no-fail-fast"
cargo test --workspace --no-fail-fast
