#!/usr/bin/env bash
# Side-by-side benchmark of `forensics image verify` against ewfverify (libewf), in one run on one
# machine. Prints the ratios quoted in docs/performance.md:
#   1. a 1 GiB E01 (half compressible, half random), MD5+SHA-1 (the hashes the E01 stores):
#      forensics image verify vs ewfverify -d sha1 (throughput ratio, target >= 1)
#   2. the same media as one raw file, md5+sha1+sha256: forensics image verify vs forensics hash of
#      the plain file (target >= 0.9)
#   3. the same media as a split raw set (.001, .002, ... of 256 MiB), md5+sha1+sha256: forensics image
#      verify vs forensics hash of the plain file (target >= 0.9)
# Every forensics run is limited to a 256 MiB heap (-Xmx256m) to show memory stays bounded.
# Usage: bench/image/run.sh [--size-mib N] [--runs N]     (defaults: 1024 MiB, 3 runs)
# Needs: ewfacquire and ewfverify (Debian package ewf-tools), python3, java, mvn. Data goes to
# bench/work/image/ (git-ignored); the page cache is warmed first so the tools are measured on CPU.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
size_mib=1024
runs=3
while [ $# -gt 0 ]; do
  case "$1" in
    --size-mib) size_mib="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for t in ewfacquire ewfverify python3 java split; do
  command -v "$t" >/dev/null || { echo "bench: $t is needed" >&2; exit 2; }
done
work="$root/bench/work/image-$size_mib"
mkdir -p "$work"
"$root/forensics" --version >/dev/null   # builds the jar if needed
export FORENSICS_JAVA_OPTS="-Xmx256m"
fx() { "$root/forensics" "$@"; }

raw="$work/disk.raw"
if [ ! -f "$raw" ]; then
  echo "bench: making $raw" >&2
  # 4 MiB blocks in turn: random, text, random, zeros -> half compressible, half random
  python3 - "$raw" "$size_mib" <<'PY'
import random, sys
path, mib = sys.argv[1], int(sys.argv[2])
r = random.Random(1024)
words = [("w%d" % i).encode() for i in range(5000)]
blk = 4 * 1024 * 1024
with open(path, "wb") as f:
    for i in range(mib // 4):
        k = i % 4
        if k in (0, 2):
            f.write(r.randbytes(blk))
        elif k == 1:
            b = bytearray()
            while len(b) < blk:
                b += b" ".join(r.choice(words) for _ in range(100)) + b"\n"
            f.write(bytes(b[:blk]))
        else:
            f.write(bytes(blk))
PY
fi
if [ ! -f "$work/disk.E01" ]; then
  echo "bench: acquiring $work/disk.E01 with ewfacquire" >&2
  ewfacquire -u -q -t "$work/disk" -f encase6 -c deflate:fast -d sha1 -S 4GiB "$raw" >/dev/null
fi
if [ ! -f "$work/split.001" ]; then
  split -b 256M -d -a 3 --numeric-suffixes=1 "$raw" "$work/split."
fi
cat "$raw" "$work"/disk.E* "$work"/split.* > /dev/null

best() { # best (minimum) wall time of $runs runs, in seconds
  local b="" t0 t1 t
  for _ in $(seq "$runs"); do
    t0=$(date +%s.%N)
    "$@" > /dev/null
    t1=$(date +%s.%N)
    t=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
    if [ -z "$b" ] || awk -v t="$t" -v b="$b" 'BEGIN { exit !(t < b) }'; then b=$t; fi
  done
  echo "$b"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
mbs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", a / b }'; }
mb=$(awk -v b="$(stat -c %s "$raw")" 'BEGIN { printf "%.3f", b / 1000000 }')

# both tools must agree before they are timed
want_md5=$(md5sum < "$raw" | cut -d' ' -f1)
ewfverify -q -d sha1 "$work/disk.E01" | grep -q "ewfverify: SUCCESS" || { echo "bench: ewfverify failed" >&2; exit 1; }
fx image verify --expect "md5:$want_md5" "$work/disk.E01" >/dev/null || { echo "bench: forensics failed" >&2; exit 1; }

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(ewfverify -V 2>&1 | head -1)"
echo "data: ${size_mib} MiB media, half compressible, half random; best of $runs runs; page cache warm"
echo

t_ev=$(best ewfverify -q -d sha1 "$work/disk.E01")
t_fx=$(best fx image verify "$work/disk.E01")
echo "1. E01 verify md5+sha1: ewfverify $(mbs "$mb" "$t_ev") MB/s, forensics $(mbs "$mb" "$t_fx") MB/s"
echo "   ratio forensics/ewfverify = $(ratio "$t_ev" "$t_fx")x  (target >= 1)"

t_h=$(best fx hash -q -c md5,sha1,sha256 "$raw")
t_r=$(best fx image verify -c md5,sha1,sha256 --expect "md5:$want_md5" "$raw")
t_s=$(best fx image verify -c md5,sha1,sha256 --expect "md5:$want_md5" "$work/split.001")
echo "2. raw verify md5+sha1+sha256: plain-file hash $(mbs "$mb" "$t_h") MB/s, image verify $(mbs "$mb" "$t_r") MB/s"
echo "   ratio raw verify/plain hash = $(ratio "$t_h" "$t_r")x  (target >= 0.9)"
echo "3. split raw verify md5+sha1+sha256: image verify $(mbs "$mb" "$t_s") MB/s"
echo "   ratio split verify/plain hash = $(ratio "$t_h" "$t_s")x  (target >= 0.9)"
