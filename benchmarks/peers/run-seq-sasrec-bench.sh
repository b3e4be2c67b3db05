#!/usr/bin/env bash
# SASRec training speed on ml-100k, Recompose against the PyTorch peer, interleaved in one sitting
# (peer, engine, peer, engine; 1 and 2 threads). Prints the peer's JSON lines and the engine's
# per-epoch JSON lines (SasRecSpeedBench: the trainer's step, no validation), then one trainer
# run (TrainJob through MovieLensBenchmark) for validation NDCG@10 after 3 epochs.
# Usage: benchmarks/peers/run-seq-sasrec-bench.sh [EPOCHS]   (needs ../shared/data/ml-100k)
# Needs: JDK 25 (JAVA_HOME), Debian's python3-torch + libopenblas0-pthread (/usr/bin/python3).
set -euo pipefail
cd "$(dirname "$0")/../.."
epochs="${1:-10}"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
SHARED="${RECOMPOSE_SHARED_DATA:-../shared/data}"
work="$(mktemp -d)"
# the peer's input: one line per user, items in time order (ties in file order), as the store orders them
python3 - "$SHARED/ml-100k/u.data" "$work/ml100k.txt" <<'EOF'
import sys
from collections import defaultdict
seq = defaultdict(list)
for i, line in enumerate(open(sys.argv[1])):
    u, it, r, ts = line.split("\t")
    seq[int(u)].append((int(ts), i, int(it)))
with open(sys.argv[2], "w") as f:
    for u in sorted(seq):
        f.write(str(u) + " " + " ".join(str(it) for _, _, it in sorted(seq[u])) + "\n")
EOF
./mvnw -q -B -pl models -am test-compile -DskipTests
./mvnw -q -B -pl models dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
CP="models/target/test-classes:models/target/classes:tensor/target/classes:data/target/classes:$(tr ':' '\n' < "$work/cp.txt" | grep -v recompose- | paste -sd:)"
echo "# $(date -u +%FT%TZ) nproc=$(nproc) cpu=\"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)\" load=\"$(cut -d' ' -f1-3 /proc/loadavg)\""
for round in 1 2; do
  for t in 1 2; do
    OMP_NUM_THREADS=$t OPENBLAS_NUM_THREADS=$t /usr/bin/python3 ../shared/peers/torch_sasrec.py \
      --data "$work/ml100k.txt" --epochs "$epochs" --threads "$t" --eval-users 1 | grep -v '"peer"' | sed "s/^/peer t=$t round=$round /"
    "$JAVA" -XX:+UseParallelGC --add-modules jdk.incubator.vector -Drecompose.shared.data="$SHARED" -cp "$CP" \
      dev.recompose.models.train.SasRecSpeedBench "$work/ml100k-store" "$t" "$epochs" 2>/dev/null | sed "s/^/recompose t=$t round=$round /"
  done
done
echo "# accuracy after 3 epochs (full ranking, history masked)"
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /usr/bin/python3 ../shared/peers/torch_sasrec.py \
  --data "$work/ml100k.txt" --epochs 3 --threads 1 | tail -1
./mvnw -q -B -pl models -am test -Dtest=MovieLensBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Drecompose.bench=true -Dbench.out="$work/seqbench" -Dbench.models=sasrec \
  '-Dbench.set.sasrec=max_len=50;dropout=0.5;epochs=3;threads=1' 2>&1 | grep -E '^sasrec'
rm -rf "$work"
