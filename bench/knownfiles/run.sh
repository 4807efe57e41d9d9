#!/usr/bin/env bash
# Measures loading a 1,000,000-line sha256sum list into a KnownFileSet: load time, retained heap after
# System.gc() (MemoryMXBean), and peak heap, under -Xmx100m (the budget), keeping and dropping names.
#
#   bench/knownfiles/run.sh            # N=1000000
#   N=5000000 XMX=400m bench/knownfiles/run.sh
#   CLASSES=/other/classes bench/knownfiles/run.sh   # skip "mvn compile" and use these classes
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${N:-1000000}"
XMX="${XMX:-100m}"
WORK="${TMPDIR:-/tmp}/knownfiles-bench"
mkdir -p "$WORK"

# shellcheck source=bench/bench-classpath.sh
. bench/bench-classpath.sh
bench_classpath "$WORK" bench/knownfiles/KnownSetLoadBench.java

LIST="$WORK/sha256sums-$N.txt"
if [[ ! -s "$LIST" ]]; then
  java -cp "$RUN_CP" KnownSetLoadBench generate "$LIST" "$N"
fi
echo "input: $LIST ($(wc -l <"$LIST") lines, $(du -m "$LIST" | cut -f1) MB), java -Xmx$XMX, $(java -version 2>&1 | head -1)"
for names in keep drop; do
  java -Xmx"$XMX" -Xms16m -cp "$RUN_CP" KnownSetLoadBench load "$LIST" "$names" "$N"
done
