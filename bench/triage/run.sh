#!/usr/bin/env bash
# Speed benchmark of issue 5 (triage): a tree of mixed files made of copies of the labelled corpus
# (forensics-core/src/test/resources/triage/corpus), and the files/s of
#   - `file --mime-type -b` run as ONE process over the whole list (`file -f LIST`), the reference;
#   - `forensics triage` over the same tree, once the command exists (the slot below).
# The issue's targets: detection alone >= 2x the files/s of `file`; full triage >= the files/s of `file`.
# Usage: bench/triage/run.sh [--files N] [--runs N]        (defaults: 20000 files, 3 runs)
# Needs: file, awk; java and mvn for the Tika reference point and the forensics slot (./forensics builds its
# jar on first use). Data goes to bench/work/ (git-ignored); the page
# cache is warmed first so that the tools are measured on CPU, not on the disk.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
corpus="$root/forensics-core/src/test/resources/triage/corpus"
files=20000
runs=3
while [ $# -gt 0 ]; do
  case "$1" in
    --files) files="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v file >/dev/null || { echo "bench: file is needed (Debian package file)" >&2; exit 2; }
[ -f "$corpus/labels.csv" ] || { echo "bench: no corpus at $corpus (run bench/triage/make-corpus.sh)" >&2; exit 2; }

work="$root/bench/work"
tree="$work/triage-tree-$files"
list="$work/triage-tree-$files.list"
if [ ! -f "$list" ]; then
  echo "bench: making $tree (copies of the corpus files, cycled, 100 per folder)" >&2
  rm -rf "$tree"
  mkdir -p "$tree"
  mapfile -t names < <(cd "$corpus" && ls | grep -vx labels.csv | LC_ALL=C sort)
  n=${#names[@]}
  for ((i = 0; i < files; i++)); do
    d="$tree/d$(printf '%03d' $((i / 100)))"
    [ $((i % 100)) -eq 0 ] && mkdir -p "$d"
    src="${names[$((i % n))]}"
    cp "$corpus/$src" "$d/f$(printf '%05d' "$i")-$src"
  done
  find "$tree" -type f | LC_ALL=C sort > "$list.tmp"
  mv "$list.tmp" "$list"
fi
count=$(wc -l < "$list")
bytes=$(du -sb "$tree" | cut -f1)
find "$tree" -type f -exec cat {} + > /dev/null   # warm the page cache

# median wall time of $runs runs, in seconds (the machine may be shared: the median resists a slow run);
# all the times go to stderr
best() {
  local t0 t1 ts=()
  for _ in $(seq "$runs"); do
    t0=$(date +%s.%N)
    "$@" > /dev/null || { echo "bench: failed: $*" >&2; return 1; }
    t1=$(date +%s.%N)
    ts+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')")
  done
  echo "   runs: ${ts[*]}" >&2
  printf '%s\n' "${ts[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
rate() { awk -v n="$1" -v t="$2" 'BEGIN { printf "%.0f", n / t }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo "machine: $(nproc) cores, $(file --version | head -1), $(java -version 2>&1 | head -1 || echo 'no java')"
echo "data: $count files ($bytes bytes), copies of the $(($(wc -l < "$corpus/labels.csv") - 1)) corpus files;" \
  "median of $runs runs; page cache warm"
echo

t_file=$(best file --mime-type -b -f "$list") || exit 1
echo "1. file --mime-type -b -f LIST (one process): $t_file s = $(rate "$count" "$t_file") files/s"

# Reference point (no target): tika-core's default detection on one thread, as the issue's peer
if command -v mvn > /dev/null && command -v javac > /dev/null; then
  jwork="$work/triage-tika-bench"
  mkdir -p "$jwork"
  (cd "$root" && mvn -B -q -pl forensics-core dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$jwork/classpath.txt" > "$jwork/mvn.log" 2>&1) || { cat "$jwork/mvn.log" >&2; exit 1; }
  javac -nowarn -d "$jwork/classes" -cp "$(cat "$jwork/classpath.txt")" "$here/TikaDetectBench.java"
  for mode in bytes name; do
    read -r t_tika r_tika _ < <(java -cp "$jwork/classes:$(cat "$jwork/classpath.txt")" TikaDetectBench \
      "$list" "$mode" "$runs" 2>/dev/null)
    echo "   Tika default detect ($mode, one thread, in-process, after a warm-up run): $t_tika s = $r_tika files/s"
  done
fi

# ===== SLOT FOR forensics triage =====
# Runs as soon as the command exists (`./forensics help triage` succeeds; `triage --help` is not a test:
# picocli answers it with the root help when there is no such subcommand). Set TRIAGE_ARGS / DETECT_ARGS to the command's options
# for full triage and for detection alone; the tree is the last argument. TRIAGE_ARGS defaults to nothing
# (plain `forensics triage TREE`), DETECT_ARGS to --types-only.
if "$root/forensics" help triage > /dev/null 2>&1; then
  export FORENSICS_JAVA_OPTS="${FORENSICS_JAVA_OPTS:--Xmx256m}"
  DETECT_ARGS="${DETECT_ARGS---types-only}"
  # rounds of file, full triage and detection alone one after another, so that the three meet the same
  # machine (a shared VM's speed drifts within minutes): medians of the times and of the per-round ratios
  once() { local t0 t1; t0=$(date +%s.%N); "$@" > /dev/null || { echo "bench: failed: $*" >&2; return 1; }
    t1=$(date +%s.%N); awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }'; }
  median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
  tf=() tt=() td=() rt=() rd=()
  for _ in $(seq "$runs"); do
    a=$(once file --mime-type -b -f "$list") || exit 1
    # shellcheck disable=SC2086
    b=$(once "$root/forensics" triage ${TRIAGE_ARGS:-} "$tree") || exit 1
    # shellcheck disable=SC2086
    c=$(once "$root/forensics" triage $DETECT_ARGS "$tree") || exit 1
    echo "   round: file $a s, triage $b s, $DETECT_ARGS $c s" >&2
    tf+=("$a") tt+=("$b") td+=("$c")
    rt+=("$(ratio "$a" "$b")") rd+=("$(ratio "$a" "$c")")
  done
  t_triage=$(median "${tt[@]}")
  t_detect=$(median "${td[@]}")
  echo "2. forensics triage ${TRIAGE_ARGS:-}(full): $t_triage s = $(rate "$count" "$t_triage") files/s;" \
    "ratio to file = $(median "${rt[@]}")x, median of $runs alternating rounds (target >= 1)"
  echo "3. forensics triage $DETECT_ARGS (detection alone): $t_detect s = $(rate "$count" "$t_detect") files/s;" \
    "ratio to file = $(median "${rd[@]}")x, median of $runs alternating rounds (target >= 2)"
else
  echo "2./3. forensics triage: not available yet (./forensics help triage fails); only file was measured"
fi
