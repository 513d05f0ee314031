#!/usr/bin/env bash
# The package as a user gets it: builds the .deb (scripts/package.sh), inspects it (files,
# dependencies, desktop entry), installs it with apt-get, starts the *installed*
# /usr/bin/resolute-app on a draft under Xvfb (its window titled with the file's name), runs
# the end-to-end smoke test against it, and removes the package cleanly. Needs root (or
# passwordless sudo) to install: skipped with a message without it, except under CI=true,
# where that is a failure. Called by scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'test-package: %s\n' "$*" >&2; }
fail() { say "FAILED: $*"; exit 1; }
as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi
}
if [ "$(id -u)" -ne 0 ] && ! sudo -n true 2>/dev/null; then
    [ "${CI:-}" = "true" ] && fail "installing the package needs root or passwordless sudo"
    say "skipped: installing the package needs root or passwordless sudo"
    exit 0
fi
if dpkg-query -W -f='${Status}' resolute 2>/dev/null | grep -q "install ok installed"; then
    say "removing the resolute package a previous run left installed"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq resolute >/dev/null
fi

./scripts/package.sh
target_dir="${CARGO_TARGET_DIR:-$PWD/target}/package"
deb="$(ls -t "$target_dir"/release/bundle/deb/*.deb | head -1)"
rpm="$(ls -t "$target_dir"/release/bundle/rpm/*.rpm | head -1)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# What is inside.
dpkg-deb -c "$deb" >"$work/files"
for path in usr/bin/resolute-app usr/bin/resolute usr/share/applications/Resolute.desktop \
    usr/share/icons/hicolor/128x128/apps/resolute-app.png; do
    grep -Eq " (\./)?$path\$" "$work/files" || fail "$deb lacks /$path"
done
depends="$(dpkg-deb -f "$deb" Depends)"
for dep in libwebkit2gtk-4.1-0 libgtk-3-0; do
    case "$depends" in *"$dep"*) ;; *) fail "$deb does not depend on $dep ($depends)" ;; esac
done
dpkg-deb -x "$deb" "$work/root"
desktop="$work/root/usr/share/applications/Resolute.desktop"
desktop-file-validate "$desktop" || fail "the desktop entry does not validate"
grep -q '^Exec=resolute-app %F$' "$desktop" || fail "the desktop entry does not pass files (Exec=... %F)"
grep -q '^MimeType=.*text/markdown' "$desktop" || fail "the desktop entry does not open .md drafts"
# The newest glibc symbol the binaries need: the oldest system they run on.
glibc="$(objdump -T "$work/root/usr/bin/resolute-app" "$work/root/usr/bin/resolute" |
    grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -1)"
say "$(basename "$deb"): $(du -k "$deb" | cut -f1) KiB; $(basename "$rpm"): $(du -k "$rpm" | cut -f1) KiB; needs $glibc; Depends: $depends"

# Install, run, remove.
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$(realpath "$deb")" >/dev/null
cleanup_installed() { as_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq resolute >/dev/null || true; }
trap 'cleanup_installed; rm -rf "$work"' EXIT
[ -x /usr/bin/resolute-app ] || fail "/usr/bin/resolute-app is not installed"
/usr/bin/resolute --version >/dev/null || fail "/usr/bin/resolute does not run"
cp assets/sample/draft.md "$work/sample-draft.md"
/usr/bin/resolute check "$work/sample-draft.md" >/dev/null || true
cat >"$work/title.sh" <<'INNER'
#!/usr/bin/env bash
# Starts the installed app on the draft and waits (up to 120 s) for a window titled with it.
set -u
RESOLUTE_STATE_DIR="$1/state" /usr/bin/resolute-app "$1/sample-draft.md" &
app=$!
found=1
for _ in $(seq 240); do
    if xdotool search --name 'sample-draft.md' >/dev/null 2>&1; then found=0; break; fi
    kill -0 "$app" 2>/dev/null || break
    sleep 0.5
done
kill "$app" 2>/dev/null
wait "$app" 2>/dev/null
exit "$found"
INNER
chmod +x "$work/title.sh"
xvfb-run -a -s "-screen 0 1280x1024x24" "$work/title.sh" "$work" ||
    fail "the installed app showed no window titled with the draft's name"
say "the installed app opened $work/sample-draft.md in a window titled with its name"
RESOLUTE_APP=/usr/bin/resolute-app xvfb-run -a -s "-screen 0 1280x1024x24" \
    cargo test -p resolute-e2e --test app opens_the_sample_draft ||
    fail "the end-to-end smoke test failed against the installed app"
cleanup_installed
trap 'rm -rf "$work"' EXIT
[ ! -e /usr/bin/resolute-app ] && [ ! -e /usr/bin/resolute ] || fail "apt-get remove left the binaries behind"
say "installed, ran and removed $(basename "$deb") cleanly"
