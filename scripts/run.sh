#!/usr/bin/env bash
# Installs what is needed (scripts/setup.sh), builds Resolute and runs it.
# With no arguments: prints the parsed outline of the bundled sample draft.
# With arguments: passes them to the `resolute` command line, e.g.
#   ./scripts/run.sh parse --json assets/sample/draft.md
set -euo pipefail
cd "$(dirname "$0")/.."
# setup.sh may install Rust into ~/.cargo; make it visible to this shell as well.
./scripts/setup.sh
if ! command -v cargo >/dev/null 2>&1 && [ -f "$HOME/.cargo/env" ]; then
    # shellcheck disable=SC1091
    . "$HOME/.cargo/env"
fi
if [ "$#" -eq 0 ]; then
    set -- parse assets/sample/draft.md
fi
cargo build -p resolute
exec ./target/debug/resolute "$@"
