#!/usr/bin/env bash
# Runs the tensor-engine benchmarks and their peers in one sitting, interleaved, printing one JSON
# line per figure. Usage:  benchmarks/peers/run-tensor-bench.sh [sgemm|mlp|sasrec|all]
# Needs: JDK 25 (JAVA_HOME), python3 with numpy, Debian's python3-torch + libopenblas0-pthread (/usr/bin/python3).
set -euo pipefail
cd "$(dirname "$0")/../.."
what="${1:-all}"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
./mvnw -q -B -pl tensor test-compile
CP=tensor/target/classes:tensor/target/test-classes
echo "# $(date -u +%FT%TZ) nproc=$(nproc) cpu=\"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)\" load=\"$(cut -d' ' -f1-3 /proc/loadavg)\""
for t in 1 2; do
  if [[ "$what" == sgemm || "$what" == all ]]; then
    "$JAVA" --add-modules jdk.incubator.vector --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -cp "$CP" dev.recompose.tensor.bench.EngineBench sgemm "$t" 2>/dev/null
    OMP_NUM_THREADS=$t OPENBLAS_NUM_THREADS=$t python3 benchmarks/peers/numpy_sgemm.py
  fi
  if [[ "$what" == mlp || "$what" == all ]]; then
    "$JAVA" --add-modules jdk.incubator.vector --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -cp "$CP" dev.recompose.tensor.bench.EngineBench mlp "$t" 2>/dev/null
    OMP_NUM_THREADS=$t OPENBLAS_NUM_THREADS=$t /usr/bin/python3 benchmarks/peers/torch_mlp_step.py --threads "$t"
  fi
  if [[ "$what" == sasrec || "$what" == all ]]; then
    "$JAVA" --add-modules jdk.incubator.vector --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -cp "$CP" dev.recompose.tensor.bench.EngineBench sasrec "$t" 2>/dev/null
    OMP_NUM_THREADS=$t OPENBLAS_NUM_THREADS=$t /usr/bin/python3 benchmarks/peers/torch_sasrec_step.py --threads "$t"
  fi
done
