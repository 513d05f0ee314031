#!/usr/bin/env bash
# Installs what is needed (scripts/setup.sh), builds Resolute and runs it.
# With no arguments: builds the UI and the desktop app and opens the sample draft in it.
# The sample is copied once to ~/Resolute/sample-draft.md and opened from there, so a drafter
# can edit and save it freely: assets/sample/draft.md stays as shipped (the tests copy it).
# With arguments: passes them to the `resolute` command line instead, e.g.
#   ./scripts/run.sh parse --json assets/sample/draft.md
set -euo pipefail
cd "$(dirname "$0")/.."
# setup.sh may install Rust into ~/.cargo; make it visible to this shell as well.
./scripts/setup.sh
if ! command -v cargo >/dev/null 2>&1 && [ -f "$HOME/.cargo/env" ]; then
    # shellcheck disable=SC1091
    . "$HOME/.cargo/env"
fi
if [ "$#" -gt 0 ]; then
    cargo build -p resolute
    exec ./target/debug/resolute "$@"
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "run: no display (DISPLAY and WAYLAND_DISPLAY are unset): the app needs a desktop." >&2
    echo "run: on a headless machine: xvfb-run -a ./scripts/run.sh (or ./scripts/run.sh parse FILE)" >&2
    exit 1
fi
# The UI is embedded in the app binary at compile time: build it first.
npm --prefix ui run build
cargo build -p resolute-app
draft="$HOME/Resolute/sample-draft.md"
if [ ! -f "$draft" ]; then
    mkdir -p "$(dirname "$draft")"
    cp assets/sample/draft.md "$draft"
    echo "run: copied the sample draft to $draft"
fi
exec ./target/debug/resolute-app "$draft"
