#!/usr/bin/env bash
# Side-by-side benchmark of `forensics hash` against the peer tools, in one run on one machine.
# Prints the three ratios quoted in docs/performance.md:
#   1. one large file, md5+sha1+sha256: forensics vs hashdeep (throughput ratio, target >= 4)
#   2. a tree of small files (1-64 KiB), md5+sha1+sha256: forensics vs hashdeep -r (files/s ratio, target >= 2)
#   3. sha256 alone on the large file: forensics vs openssl dgst -sha256 (target >= 0.85)
# Every forensics run is limited to a 256 MiB heap (-Xmx256m) to show memory stays bounded.
# Usage: bench/run.sh [--size-mib N] [--files N] [--runs N]     (defaults: 2048 MiB, 20000 files, 3 rounds)
# Each round runs the peer, then forensics; the ratios are given best/best and as the median of the rounds.
# Needs: hashdeep, openssl, java, mvn. Data goes to bench/work/ (git-ignored); the page cache is warmed
# first so that both tools are measured on CPU, not on the disk.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
size_mib=2048
files=20000
runs=3
while [ $# -gt 0 ]; do
  case "$1" in
    --size-mib) size_mib="$2"; shift 2 ;;
    --files) files="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for t in hashdeep openssl java; do
  command -v "$t" >/dev/null || { echo "bench: $t is needed" >&2; exit 2; }
done
work="$here/work"
mkdir -p "$work"
"$root/forensics" --version >/dev/null   # builds the jar if needed
export FORENSICS_JAVA_OPTS="-Xmx256m"
# (forensics is run as "$root/forensics": GNU time cannot run a shell function)

big="$work/big-${size_mib}m.bin"
if [ ! -f "$big" ]; then
  echo "bench: making $big" >&2
  openssl rand -out "$big" $((size_mib * 1024 * 1024)) 2>/dev/null || head -c $((size_mib * 1024 * 1024)) /dev/urandom > "$big"
fi
tree="$work/tree-$files"
if [ ! -d "$tree" ]; then
  echo "bench: making $tree" >&2
  python3 - "$tree" "$files" <<'PY'
import os, random, sys
root, n = sys.argv[1], int(sys.argv[2])
r = random.Random(20000)
for i in range(n):
    d = os.path.join(root, "d%03d" % (i % 200))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "f%05d.bin" % i), "wb") as f:
        f.write(r.randbytes(r.randint(1024, 65536)))
PY
fi
cat "$big" > /dev/null
find "$tree" -type f -exec cat {} + > /dev/null

cpu_file="$(mktemp)"
trap 'rm -f "$cpu_file"' EXIT
# wall time of one run of a command, in seconds; its CPU time (user + system, all threads) goes to
# $cpu_file when GNU time is there ("-" otherwise)
walltime() {
  local t0 t1
  t0=$(date +%s.%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%U %S" -o "$cpu_file" "$@" > /dev/null
  else
    "$@" > /dev/null
    echo "- -" > "$cpu_file"
  fi
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }'
}
cpu() { awk '{ if ($1 == "-") print "-"; else printf "%.2f", $1 + $2 }' "$cpu_file"; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# Runs the peer ($1, a string) and forensics ($2) alternately, $runs rounds, so that both see the same
# machine (a shared VM's speed drifts by 10-30% within minutes). Prints: best peer time, best forensics
# time, median of the per-round ratios peer/forensics, median CPU seconds of the peer and of forensics.
alternate() {
  local tp tf rs=() cp=() cf=() bp="" bf=""
  for _ in $(seq "$runs"); do
    # shellcheck disable=SC2086
    tp=$(walltime $1)
    cp+=("$(cpu)")
    # shellcheck disable=SC2086
    tf=$(walltime $2)
    cf+=("$(cpu)")
    if [ -z "$bp" ] || awk -v t="$tp" -v b="$bp" 'BEGIN { exit !(t < b) }'; then bp=$tp; fi
    if [ -z "$bf" ] || awk -v t="$tf" -v b="$bf" 'BEGIN { exit !(t < b) }'; then bf=$tf; fi
    rs+=("$(awk -v a="$tp" -v b="$tf" 'BEGIN { printf "%.3f", a / b }')")
  done
  echo "$bp $bf $(printf '%s\n' "${rs[@]}" | median) $(printf '%s\n' "${cp[@]}" | median)" \
    "$(printf '%s\n' "${cf[@]}" | median)"
}
# the CPU time ratio (peer / forensics) is the work each does, apart from how well it uses the cores and
# from the VM's scheduling latency (which moves hashdeep's tree time more than ours)
cpuline() {
  local r="-"
  if [ "$2" != "-" ] && [ "$3" != "-" ]; then r="$(ratio "$2" "$3")x"; fi
  echo "   CPU time (user + system, median of rounds): $1 $2 s, forensics $3 s; ratio $r"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
mbs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", a / b }'; }

bytes=$(stat -c %s "$big")
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.3f", b / 1000000 }')
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(hashdeep -V), $(openssl version | cut -d' ' -f1-2)"
echo "data: ${size_mib} MiB random file; tree of $files files of 1-64 KiB; $runs rounds, peer and forensics alternately; page cache warm"
echo

read -r t_hd t_fx r c_hd c_fx < <(alternate "hashdeep -c md5,sha1,sha256 $big" "$root/forensics hash -q -c md5,sha1,sha256 $big")
echo "1. large file md5+sha1+sha256: hashdeep $(mbs "$mb" "$t_hd") MB/s, forensics $(mbs "$mb" "$t_fx") MB/s (best runs)"
echo "   ratio forensics/hashdeep = $(ratio "$t_hd" "$t_fx")x best/best, ${r}x median of rounds  (target >= 4)"
cpuline hashdeep "$c_hd" "$c_fx"
read -r t_hd t_fx r c_hd c_fx < <(alternate "hashdeep -r -c md5,sha1,sha256 $tree" "$root/forensics hash -q -c md5,sha1,sha256 $tree")
echo "2. tree md5+sha1+sha256: hashdeep $(mbs "$files" "$t_hd") files/s, forensics $(mbs "$files" "$t_fx") files/s (best runs)"
echo "   ratio forensics/hashdeep = $(ratio "$t_hd" "$t_fx")x best/best, ${r}x median of rounds  (target >= 2)"
cpuline hashdeep "$c_hd" "$c_fx"
read -r t_os t_fx r c_os c_fx < <(alternate "openssl dgst -sha256 $big" "$root/forensics hash -q -c sha256 $big")
echo "3. large file sha256: openssl $(mbs "$mb" "$t_os") MB/s, forensics $(mbs "$mb" "$t_fx") MB/s (best runs)"
echo "   ratio forensics/openssl = $(ratio "$t_os" "$t_fx")x best/best, ${r}x median of rounds  (target >= 0.85)"
cpuline openssl "$c_os" "$c_fx"
