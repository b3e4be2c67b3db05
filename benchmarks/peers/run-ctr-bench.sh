#!/usr/bin/env bash
# Training throughput of DeepFM and NRMS in Recompose and in the PyTorch peers, one sitting,
# interleaved: per round and model, Recompose (1 and 2 threads) then the peer under
# OMP_NUM_THREADS=OPENBLAS_NUM_THREADS=1 and =2 (each prints its set_num_threads 1 and 2 rows).
# Usage: benchmarks/peers/run-ctr-bench.sh [rounds] [deepfm_steps] [nrms_steps] [warm-up steps] [models]
# (warm-up steps are run untimed on both sides; the JVM compiles its kernels during the first ones)
# Needs: JDK 25 (JAVA_HOME), Debian's python3-torch with libopenblas0-pthread (/usr/bin/python3).
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-2}"; fm_steps="${2:-20}"; nrms_steps="${3:-3}"; warmup="${4:-3}"; models="${5:-deepfm nrms}"
./mvnw -q -B -pl models -am install -DskipTests
echo "# $(date -u +%FT%TZ) nproc=$(nproc) cpu=\"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)\" load=\"$(cut -d' ' -f1-3 /proc/loadavg)\" commit=$(git rev-parse --short HEAD) warmup=$warmup"
for r in $(seq 1 "$rounds"); do
  for model in $models; do
    echo "## round $r $model load=\"$(cut -d' ' -f1-3 /proc/loadavg)\""
    ./mvnw -q -B -pl models test -Dtest=CtrSpeedRunTest -Dsurefire.failIfNoSpecifiedTests=false \
      -Drecompose.ctr.speed=true -Drecompose.ctr.speed.models="$model" \
      -Drecompose.ctr.speed.deepfm_steps="$fm_steps" -Drecompose.ctr.speed.nrms_steps="$nrms_steps" -Drecompose.ctr.speed.warmup="$warmup" \
      "-DargLine=--add-modules jdk.incubator.vector --add-exports java.base/jdk.internal.misc=ALL-UNNAMED --enable-native-access=ALL-UNNAMED -Xmx6g -XX:MaxHeapFreeRatio=100" 2>&1 | grep "^SPEED"
    steps=$([[ $model == deepfm ]] && echo "$fm_steps" || echo "$nrms_steps")
    for t in 1 2; do
      echo "# peer OMP_NUM_THREADS=$t"
      OMP_NUM_THREADS=$t OPENBLAS_NUM_THREADS=$t /usr/bin/python3 "benchmarks/peers/${model}_peer.py" "$steps" "$warmup"
    done
  done
done
