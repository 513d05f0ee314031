#!/usr/bin/env bash
# Regenerates the app's icons in src-tauri/icons from the master drawing
# assets/icon/resolute.svg with the Tauri CLI (installed by scripts/setup.sh as a UI dev
# dependency): the sizes Linux desktops use (32 to 512 px, 1024 px), icon.icns for macOS and
# icon.ico for Windows. Run it after changing the drawing, then commit the PNGs.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
tauri=ui/node_modules/.bin/tauri
"$tauri" icon assets/icon/resolute.svg -o "$tmp/all" >/dev/null
"$tauri" icon assets/icon/resolute.svg -o "$tmp/big" -p 1024 >/dev/null
for f in 32x32.png 64x64.png 128x128.png 128x128@2x.png icon.png icon.icns icon.ico; do
    cp "$tmp/all/$f" src-tauri/icons/
done
cp "$tmp/big/1024x1024.png" src-tauri/icons/
echo "icons: written to src-tauri/icons"
