#!/usr/bin/env bash
# The library at the size of the whole UN record (issue 15), 1x and 10x side by side:
#   1. `cargo bench -p resolute-library --bench scale -- COPIES` writes COPIES shifted copies
#      of the shared corpus under target/tmp/scale/src, imports 1x and COPIESx libraries
#      (kept between runs) and measures in-process stats, search and precedent p50/p99;
#   2. this script then times whole processes of the release CLI on both libraries (a fresh
#      import with its peak memory, 100 searches, check, stats) and runs the app benchmark
#      (cold start, idle PSS) on each.
# Usage: ./scripts/bench-scale.sh [COPIES]   (default 10; needs the corpus, Xvfb for the app)
set -euo pipefail
cd "$(dirname "$0")/.."
copies="${1:-10}"
root=target/tmp/scale
cargo bench -p resolute-library --bench scale -- "$copies"
cargo build --release -p resolute
cli=target/release/resolute

# Peak anonymous and file-backed resident memory of a command, sampled every 20 ms.
peak() {
  "$@" >/dev/null 2>&1 &
  local pid=$! anon=0 file=0 a f
  while kill -0 "$pid" 2>/dev/null; do
    a=$(awk '/RssAnon/{print $2}' "/proc/$pid/status" 2>/dev/null || true)
    f=$(awk '/RssFile/{print $2}' "/proc/$pid/status" 2>/dev/null || true)
    [[ -n "$a" && "$a" -gt "$anon" ]] && anon=$a
    [[ -n "$f" && "$f" -gt "$file" ]] && file=$f
    sleep 0.02
  done
  wait "$pid" || true
  echo "peak anon $((anon / 1024)) MiB, file-backed $((file / 1024)) MiB"
}

# p50 and p99 wall time in ms of running each line of stdin as a `resolute search`.
percentiles() {
  sort -n | awk '{v[NR]=$1} END {p50=v[int((NR-1)*0.5)+1]; p99=v[int((NR-1)*0.99)+1]; printf "p50 %.1f ms, p99 %.1f ms (n = %d)\n", p50, p99, NR}'
}

queries=('"deeply concerned"' migrants '"sustainable development"' 'climate adaptation'
  '"of the united nations"' '"recalling its resolution"' desertification '"human rights council"'
  'women peace' '"calls upon all states"')
for n in 1 "$copies"; do
  lib="$root/lib-${n}x"
  echo "== ${n}x"
  sources=()
  for ((k = 0; k < n; k++)); do sources+=("$root/src/copy$k"); done
  fresh="$root/fresh-${n}x"
  rm -rf "$fresh"
  start=$(date +%s.%N)
  echo "import (fresh library, whole process): $(peak "$cli" library add "${sources[@]}" --library "$fresh"), $(echo "$(date +%s.%N) - $start" | bc) s"
  start=$(date +%s.%N)
  "$cli" library add "${sources[@]}" --library "$fresh" >/dev/null
  echo "second add of the same folders: $(echo "$(date +%s.%N) - $start" | bc) s"
  rm -rf "$fresh"
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    for q in "${queries[@]}"; do
      s=$(date +%s%N)
      "$cli" search "$q" --library "$lib" >/dev/null
      echo $(( ($(date +%s%N) - s) / 1000 ))
    done
  done | awk '{print $1 / 1000}' | percentiles | sed 's/^/search as a process: /'
  for cmd in "library stats --library $lib" "check assets/sample/draft.md --library $lib"; do
    for _ in 1 2 3 4 5 6 7 8 9 10; do
      s=$(date +%s%N)
      # shellcheck disable=SC2086
      "$cli" $cmd >/dev/null || true
      echo $(( ($(date +%s%N) - s) / 1000 ))
    done | awk '{print $1 / 1000}' | percentiles | sed "s|^|${cmd%% --library*} as a process: |"
  done
  echo "search as a process, memory: $(peak "$cli" search '"of the united nations"' --library "$lib")"
  if command -v xvfb-run >/dev/null; then
    xvfb-run -a -s "-screen 0 1280x1024x24" cargo run -q -p resolute-e2e --bin app-bench -- \
      --runs 3 --library "$PWD/$lib" 2>&1 | grep -E "cold start, process|idle memory" || true
  fi
done
