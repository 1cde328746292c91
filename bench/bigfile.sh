#!/usr/bin/env bash
# Measures threads on one big multi-day file: generates a synthetic MemoTrace
# TXT export (bench/bigfile) of SIZE MB over DAYS days, runs
# `threads extract --format json` on it under GNU time, and prints the file
# size, wall time and peak RSS. Since a file in a streaming format is
# threaded one day at a time, peak RSS should follow the largest day, not
# the file: compare a 20 MB and a 200 MB file with the same day size.
#
# Usage: bench/bigfile.sh [SIZE_MB [DAYS]]   (defaults 200 and SIZE_MB*50,
#                                            about 20 KB, 200 messages, a day)
# Env:   NOSTREAM=1  also run with THREADS_NOSTREAM=1 (parse and thread the
#                    file whole, as before days were split; slow and large)
#        KEEP=1      keep the generated file and output in bench/out
set -euo pipefail
cd "$(dirname "$0")/.."

size=${1:-200}
days=${2:-$((size * 50))}
out=bench/out
mkdir -p "$out"
if [ ! -x /usr/bin/time ]; then
  echo "bench: /usr/bin/time not found (apt-get install -y time)" >&2
  exit 1
fi

go build -o "$out/threads" ./cmd/threads
big=$out/big-${size}mb-${days}d.txt
go run ./bench/bigfile -size "$size" -days "$days" > "$big"
bytes=$(stat -c %s "$big")

measure() { # label, then env assignments for the run
  local label=$1; shift
  local log=$out/bigfile-$label.time
  env "$@" /usr/bin/time -v "$out/threads" extract --format json -o "$out/big-$label.json" "$big" 2> "$log"
  local wall rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
  printf '%-8s file %s bytes (%d MiB, %d days)  wall %s  peak RSS %d MiB  output %d MiB\n' \
    "$label" "$bytes" $((bytes >> 20)) "$days" "$wall" $((rss / 1024)) $(($(stat -c %s "$out/big-$label.json") >> 20))
}

measure stream THREADS_NOSTREAM=0
if [ "${NOSTREAM:-0}" = 1 ]; then
  measure whole THREADS_NOSTREAM=1
fi
if [ "${KEEP:-0}" != 1 ]; then
  rm -f "$big" "$out"/big-*.json
fi
