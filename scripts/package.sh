#!/usr/bin/env bash
# Builds the release app and the command line and bundles both as a .deb and an .rpm with the
# Tauri CLI (a UI dev dependency, on the same 2.x minor line as the tauri crate and
# @tauri-apps/api). Installs what is needed first (scripts/setup.sh, which also installs rpm,
# the tool the .rpm bundler calls). The packages install /usr/bin/resolute-app (the desktop
# app, with its desktop entry and icons) and /usr/bin/resolute (the command line).
# Output: target/package/release/bundle/deb/*.deb and …/bundle/rpm/*.rpm. The packaged
# binaries are built without debug information and stripped, in a target folder of their
# own (target/package), so that the development and benchmark builds are not rebuilt.
# AppImage, NSIS and WiX download tools at bundle time: not built here (docs/platforms.md).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
if ! command -v cargo >/dev/null 2>&1 && [ -f "$HOME/.cargo/env" ]; then
    # shellcheck disable=SC1091
    . "$HOME/.cargo/env"
fi
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}/package"
export CARGO_PROFILE_RELEASE_DEBUG=false CARGO_PROFILE_RELEASE_STRIP=true
target_dir="$CARGO_TARGET_DIR"
triple="$(rustc -vV | sed -n 's/^host: //p')"
npm --prefix ui run build
cargo build --release -p resolute
# The Tauri bundler takes extra binaries named with the target triple and installs them
# beside the app without it.
mkdir -p src-tauri/binaries
cp "$target_dir/release/resolute" "src-tauri/binaries/resolute-$triple"
(cd src-tauri && ../ui/node_modules/.bin/tauri build --bundles deb,rpm --config tauri.package.json)
ls -l "$target_dir"/release/bundle/deb/*.deb "$target_dir"/release/bundle/rpm/*.rpm
