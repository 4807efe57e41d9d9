#!/usr/bin/env bash
# Custody ledger speed: signed appends per second with fsync (one by one, and in groups), and the time
# to verify a 100,000-entry ledger (every signature on all cores, hash chain, custody rules). Also
# measures the disk's own synchronous-write rate (dd oflag=dsync), the ceiling for one-by-one appends.
# With the jar built, also the command line (fresh JVM each run): verify (java -jar, and the ./forensics launcher),
# checkpoint, prove, verify-proof. The mixed ledger is verified with and without libsodium (libsodium23).
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

# shellcheck source=bench/bench-classpath.sh
. bench/bench-classpath.sh
bench_classpath "$WORK" bench/custody/CustodyBench.java

echo "$(java -version 2>&1 | head -1), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
dd if=/dev/zero of="$WORK/dsync.bin" bs=300 count=1000 oflag=dsync 2>&1 | tail -1 \
  | awk '{printf "disk: 1000 synchronous 300-byte writes (dd oflag=dsync) in %s s = %.0f writes/s\n", $(NF-3), 1000/$(NF-3)}'
rm -f "$WORK/dsync.bin"
java -cp "$RUN_CP" CustodyBench append "$WORK" "$N"
java -cp "$RUN_CP" CustodyBench threads "$WORK" "$N" 8
java -cp "$RUN_CP" CustodyBench group "$WORK" "$N" 10
java -cp "$RUN_CP" CustodyBench group "$WORK" "$((N * 10))" 100
LEDGER="$WORK/ledger-$ENTRIES.jsonl"
if [[ ! -s "$LEDGER" || ! -f "$WORK/bench.key" ]]; then
  java -cp "$RUN_CP" CustodyBench make "$LEDGER" "$ENTRIES"
fi
java -cp "$RUN_CP" CustodyBench verify "$LEDGER" "$RUNS"
java -cp "$RUN_CP" CustodyBench ed25519 5000 | tail -2

# The command line, a fresh JVM each time (what a user waits for): verify, and a checkpoint and proofs
# of the same ledger. Needs the jar: mvn -pl forensics-cli -am -DskipTests package (or ./forensics once).
JAR="${JAR:-forensics-cli/target/forensics.jar}"
if [[ -f "$JAR" ]]; then
  for r in $(seq 1 "$RUNS"); do
    /usr/bin/time -f "cli verify run $r: %e s wall, %U s user + %S s sys CPU, load $(cut -d' ' -f1 /proc/loadavg)" \
      java -jar "$JAR" custody verify "$LEDGER" >/dev/null
  done
  # what a user runs: the launcher (class-data archive, serial collector); it rebuilds the jar if sources changed
  ./forensics --version >/dev/null 2>&1
  for r in $(seq 1 "$RUNS"); do
    /usr/bin/time -f "launcher verify run $r: %e s wall, %U s user + %S s sys CPU, load $(cut -d' ' -f1 /proc/loadavg)" \
      ./forensics custody verify "$LEDGER" >/dev/null
  done
  # a ledger as a case has it: transfers carry two signatures (1.5 signatures per entry in all)
  MIXED="$WORK/ledger-mixed-$ENTRIES.jsonl"
  [[ -s "$MIXED" ]] || java -cp "$RUN_CP" CustodyBench mixed "$MIXED" "$ENTRIES"
  # alternately with and without libsodium's Ed25519 (the verifier uses it when the machine has it)
  for r in $(seq 1 "$RUNS"); do
    /usr/bin/time -f "launcher verify, mixed ledger, run $r: %e s wall, %U s user + %S s sys CPU" \
      ./forensics custody verify "$MIXED" >/dev/null
    FORENSICS_JAVA_OPTS="-Dforensics.native.ed25519=false" \
      /usr/bin/time -f "launcher verify, mixed ledger, Bouncy Castle only, run $r: %e s wall, %U s user + %S s sys CPU" \
      ./forensics custody verify "$MIXED" >/dev/null
  done
  rm -f "$WORK"/bench.checkpoint "$WORK"/bench.tlog-proof "$WORK"/bench-old.checkpoint "$WORK"/bench.tlog-consistency
  head -n $((ENTRIES / 2)) "$LEDGER" > "$WORK/ledger-half.jsonl"
  /usr/bin/time -f "cli checkpoint: %e s wall, %U s user + %S s sys CPU" \
    java -jar "$JAR" custody checkpoint "$LEDGER" --key "$WORK/bench.key" -o "$WORK/bench.checkpoint" >/dev/null
  java -jar "$JAR" custody checkpoint "$WORK/ledger-half.jsonl" --key "$WORK/bench.key" -o "$WORK/bench-old.checkpoint" >/dev/null
  /usr/bin/time -f "cli prove --entry: %e s wall, %U s user + %S s sys CPU" \
    java -jar "$JAR" custody prove "$LEDGER" --entry $((ENTRIES / 3)) --checkpoint "$WORK/bench.checkpoint" -o "$WORK/bench.tlog-proof" >/dev/null
  /usr/bin/time -f "cli prove --since: %e s wall, %U s user + %S s sys CPU" \
    java -jar "$JAR" custody prove "$LEDGER" --since "$WORK/bench-old.checkpoint" --checkpoint "$WORK/bench.checkpoint" -o "$WORK/bench.tlog-consistency" >/dev/null
  /usr/bin/time -f "cli verify-proof: %e s wall, %U s user + %S s sys CPU" \
    java -jar "$JAR" custody verify-proof "$WORK/bench.tlog-proof" --key "$WORK/bench.pub" >/dev/null
  hashes() { sed '/^$/q' "$1" | grep -c '^[A-Za-z0-9+/]\{43\}=$'; } # proof lines, before the checkpoint
  echo "inclusion proof: $(hashes "$WORK/bench.tlog-proof") hashes, $(wc -c < "$WORK/bench.tlog-proof") bytes;" \
    "consistency proof: $(hashes "$WORK/bench.tlog-consistency") hashes, $(wc -c < "$WORK/bench.tlog-consistency") bytes"
fi
