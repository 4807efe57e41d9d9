#!/usr/bin/env bash
# Custody ledger speed: signed appends per second with fsync (one by one, and in groups), and the time
# to verify a 100,000-entry ledger (every signature on all cores, hash chain, custody rules). Also
# measures the disk's own synchronous-write rate (dd oflag=dsync), the ceiling for one-by-one appends.
#
#   bench/custody/run.sh                 # N=2000 appends, 100,000-entry ledger, 3 verify runs
#   N=5000 ENTRIES=200000 RUNS=5 bench/custody/run.sh
#   CLASSES=/other/classes bench/custody/run.sh   # skip "mvn compile" and use these classes
# The ledgers go to bench/work/custody/ (git-ignored; on the disk being measured, not tmpfs).
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${N:-2000}"
ENTRIES="${ENTRIES:-100000}"
RUNS="${RUNS:-3}"
WORK="$(pwd)/bench/work/custody"
mkdir -p "$WORK"

quietly() { # run a command, showing its output only when it fails
  local out
  if ! out=$("$@" 2>&1); then
    echo "$out" >&2
    exit 1
  fi
}
if [[ -z "${CLASSES:-}" ]]; then
  quietly mvn -B -q -o -pl forensics-core -DskipTests compile
  CLASSES=forensics-core/target/classes
fi
quietly mvn -B -q -o -pl forensics-core dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="$WORK/classpath.txt"
CP="$CLASSES:$(cat "$WORK/classpath.txt")"
javac -nowarn -d "$WORK/bench-classes" -cp "$CP" bench/custody/CustodyBench.java
RUN_CP="$WORK/bench-classes:$CP"

echo "$(java -version 2>&1 | head -1), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
dd if=/dev/zero of="$WORK/dsync.bin" bs=300 count=1000 oflag=dsync 2>&1 | tail -1 \
  | awk '{printf "disk: 1000 synchronous 300-byte writes (dd oflag=dsync) in %s s = %.0f writes/s\n", $(NF-3), 1000/$(NF-3)}'
rm -f "$WORK/dsync.bin"
java -cp "$RUN_CP" CustodyBench append "$WORK" "$N"
java -cp "$RUN_CP" CustodyBench threads "$WORK" "$N" 8
java -cp "$RUN_CP" CustodyBench group "$WORK" "$N" 10
java -cp "$RUN_CP" CustodyBench group "$WORK" "$((N * 10))" 100
LEDGER="$WORK/ledger-$ENTRIES.jsonl"
if [[ ! -s "$LEDGER" ]]; then
  java -cp "$RUN_CP" CustodyBench make "$LEDGER" "$ENTRIES"
fi
java -cp "$RUN_CP" CustodyBench verify "$LEDGER" "$RUNS"
