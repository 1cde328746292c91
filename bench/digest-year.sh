#!/usr/bin/env bash
# Measures `threads digest` on a year of three busy groups: the cocolian
# corpus days of each group repeated, in turn, over every day of 2020
# (1,098 day files, about 28 MB), the date in each file's name and front
# matter changed to its new day. Questions come back word for word every
# few weeks, as a group's weekly questions do. Prints wall time, CPU time
# and peak RSS of each run, and the median wall time.
#
# Usage: bench/digest-year.sh [RUNS]   (RUNS defaults to 3)
# Env:   CORPUS  the cocolian corpus folder (default ../shared/corpus/cocolian)
#        BIN     a threads binary to measure instead of building this tree's
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-3}
corpus=${CORPUS:-../shared/corpus/cocolian}
out=bench/out
year=$out/year
if [ ! -d "$corpus/proddev" ]; then
  echo "bench: corpus $corpus not found (set CORPUS)" >&2
  exit 1
fi
if [ ! -x /usr/bin/time ]; then
  echo "bench: /usr/bin/time not found (apt-get install -y time)" >&2
  exit 1
fi
bin=${BIN:-}
if [ -z "$bin" ]; then
  mkdir -p "$out"
  go build -o "$out/threads" ./cmd/threads
  bin=$out/threads
fi

rm -rf "$year"
for group in proddev devarch prodarch; do
  mkdir -p "$year/$group"
  mapfile -t files < <(ls "$corpus/$group" | sort)
  k=0
  day=2020-01-01
  while [ "$day" != 2021-01-01 ]; do
    src=$corpus/$group/${files[$((k % ${#files[@]}))]}
    # The first two dates (title and date lines of the front matter) become the new day.
    sed -E "0,/[0-9]{4}-[0-9]{2}-[0-9]{2}/s//$day/; 0,/date: *[0-9]{4}-[0-9]{2}-[0-9]{2}/s/[0-9]{4}-[0-9]{2}-[0-9]{2}/$day/" \
      "$src" > "$year/$group/$day-chat.markdown"
    k=$((k + 1))
    day=$(date -u -d "$day + 1 day" +%F)
  done
done
echo "bench: $(find "$year" -name '*.markdown' | wc -l) day files, $(du -sh "$year" | cut -f1)"

walls=()
for r in $(seq "$runs"); do
  log=$out/digest-year.time
  /usr/bin/time -f '%e %U %M' "$bin" digest -q --format json -o "$out/digest-year.json" "$year" 2> "$log"
  read -r wall user rss < <(tail -1 "$log")
  echo "run $r: wall $wall s, CPU $user s, peak RSS $((rss / 1024)) MiB"
  walls+=("$wall")
done
printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print "median wall " a[int((NR+1)/2)] " s"}'
