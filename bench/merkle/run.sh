#!/usr/bin/env bash
# Plain timing of dev.forensics.merkle and dev.forensics.checkpoint over N leaves (default 100,000):
# tree build, roots, inclusion/consistency proof generation and verification, proof sizes, checkpoint
# signing and verification. Figures quoted in docs/performance.md ("Merkle tree, proofs and checkpoints").
#
#   bench/merkle/run.sh                 # N=100000, 5 rounds
#   N=1000000 ROUNDS=3 bench/merkle/run.sh
#   CLASSES=/other/classes bench/merkle/run.sh   # skip "mvn compile" and use these classes
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${N:-100000}"
ROUNDS="${ROUNDS:-5}"
WORK="${TMPDIR:-/tmp}/merkle-bench"
mkdir -p "$WORK"

quietly() { # run a command, showing its output only when it fails
  local out
  if ! out=$("$@" 2>&1); then
    echo "$out" >&2
    exit 1
  fi
}
if [[ -z "${CLASSES:-}" ]]; then
  quietly mvn -B -q -pl forensics-core -DskipTests compile
  CLASSES=forensics-core/target/classes
fi
quietly mvn -B -q -pl forensics-core dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="$WORK/classpath.txt"
CP="$CLASSES:$(cat "$WORK/classpath.txt")"
javac -nowarn -d "$WORK/bench-classes" -cp "$CP" bench/merkle/MerkleBench.java
java -Xmx256m -cp "$WORK/bench-classes:$CP" MerkleBench "$N" "$ROUNDS"
