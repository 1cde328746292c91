#!/usr/bin/env bash
# Measures threads against the naive gse program side by side: one day
# (the reference day), then the whole cocolian corpus once and three times.
# Prints median wall times, the ratios the performance issue sets (single
# day at most 1/25 of naive, archive at most 1/2), CPU times and peak RSS.
#
# Usage: bench/run.sh [RUNS]      (from anywhere; RUNS defaults to 10)
# Env:   CORPUS  the cocolian corpus folder (default ../shared/corpus/cocolian)
#
# The two programs run alternately, one run each per round, so that load
# from other processes hits both alike. Wall and CPU times come from
# hyperfine when it is installed (apt-get install -y hyperfine), else from
# date and GNU time; peak RSS always comes from GNU time (/usr/bin/time,
# Debian package time). Installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-10}
corpus=${CORPUS:-../shared/corpus/cocolian}
ref=$corpus/proddev/2018-05-04-chat.markdown
out=bench/out
mkdir -p "$out"

if [ ! -f "$ref" ]; then
  echo "bench: reference day $ref not found (set CORPUS)" >&2
  exit 1
fi
if [ ! -x /usr/bin/time ]; then
  echo "bench: /usr/bin/time not found (apt-get install -y time)" >&2
  exit 1
fi
hyperfine=$(command -v hyperfine || true)

go build -o "$out/naive" ./bench/naive
go build -o "$out/threads" ./cmd/threads
naive=$out/naive
threads=$out/threads

mapfile -t files < <(find "$corpus" -type f -name '*.markdown' | LC_ALL=C sort)
files3=("${files[@]}" "${files[@]}" "${files[@]}")
bytes1=$(cat "${files[@]}" | wc -c)

# median prints the median of the numbers on stdin.
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# once FILE CMD... runs CMD once and appends "wall cpu" in seconds to FILE.
once() {
  local file=$1
  shift
  if [ -n "$hyperfine" ]; then
    "$hyperfine" -N --style none --runs 1 --export-csv "$out/once.csv" -- "$(printf '%q ' "$@")" >/dev/null 2>&1
    awk -F, 'NR==2 {print $2, $5+$6}' "$out/once.csv" >>"$file"
  else
    local t0 t1
    t0=$(date +%s%N)
    /usr/bin/time -f '%U %S' -o "$out/time.txt" "$@" >/dev/null 2>&1
    t1=$(date +%s%N)
    awk -v ns=$((t1 - t0)) '{print ns/1e9, $1+$2}' "$out/time.txt" >>"$file"
  fi
}

# rss CMD... prints the median peak RSS of CMD over three runs, in MiB.
rss() {
  for _ in 1 2 3; do
    /usr/bin/time -f '%M' -o "$out/rss.txt" "$@" >/dev/null 2>&1
    tail -1 "$out/rss.txt"
  done | median | awk '{printf "%.1f", $1/1024}'
}

# compare NAME RUNS TARGET ARGS... times naive and threads on ARGS, one run
# of each per round after a warm-up round, and prints a line of results.
compare() {
  local name=$1 n=$2 target=$3
  shift 3
  local a=$out/naive.times b=$out/threads.times
  "$naive" "$@" >/dev/null 2>&1 && "$threads" extract --format json "$@" >/dev/null 2>&1 # warm-up
  : >"$a"
  : >"$b"
  for i in $(seq "$n"); do
    if ((i % 2)); then
      once "$a" "$naive" "$@"
      once "$b" "$threads" extract --format json "$@"
    else
      once "$b" "$threads" extract --format json "$@"
      once "$a" "$naive" "$@"
    fi
  done
  local tn tt cn ct rn rt
  tn=$(cut -d' ' -f1 "$a" | median)
  tt=$(cut -d' ' -f1 "$b" | median)
  cn=$(cut -d' ' -f2 "$a" | median)
  ct=$(cut -d' ' -f2 "$b" | median)
  rn=$(rss "$naive" "$@")
  rt=$(rss "$threads" extract --format json "$@")
  awk -v name="$name" -v tn="$tn" -v tt="$tt" -v cn="$cn" -v ct="$ct" -v rn="$rn" -v rt="$rt" -v target="$target" 'BEGIN {
    printf "%-11s naive %7.3f s (cpu %6.3f s) %6.1f MiB | threads %7.3f s (cpu %6.3f s) %5.1f MiB | wall ratio %.3f = 1/%.1f (target <= %s)\n",
      name, tn, cn, rn, tt, ct, rt, tt/tn, tn/tt, target }'
}

echo "threads benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')), $(free -h | awk '/^Mem:/ {print $2}') RAM, $(go version | cut -d' ' -f3), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "timer: ${hyperfine:-date + GNU time}, median of $runs alternating runs after a warm-up; peak RSS: GNU time, median of 3"
echo "corpus: ${#files[@]} files, $bytes1 bytes; reference day $(wc -c <"$ref") bytes"
echo
compare "single day" "$runs" "1/25 = 0.040" "$ref"
compare "archive 1x" "$runs" "0.5" "${files[@]}"
compare "archive 3x" "$runs" "0.5" "${files3[@]}"
