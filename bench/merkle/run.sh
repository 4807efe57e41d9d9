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

# shellcheck source=bench/bench-classpath.sh
. bench/bench-classpath.sh
bench_classpath "$WORK" bench/merkle/MerkleBench.java
java -Xmx256m -cp "$RUN_CP" MerkleBench "$N" "$ROUNDS"
