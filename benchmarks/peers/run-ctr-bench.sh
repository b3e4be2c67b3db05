#!/usr/bin/env bash
# Training throughput of DeepFM and NRMS in Recompose and in the PyTorch peers, one sitting,
# interleaved: per round and model, Recompose (1 and 2 threads) then the peer under
# OMP_NUM_THREADS=OPENBLAS_NUM_THREADS=1 and =2 (each prints its set_num_threads 1 and 2 rows).
# Usage: benchmarks/peers/run-ctr-bench.sh [rounds] [deepfm_steps] [nrms_steps] [warm-up steps] [models]
# (warm-up steps are run untimed on both sides; the JVM compiles its kernels during the first ones)
# Ends with a summary: per round and model, Recompose's best row over the peer's best row, and the
# median of those ratios (this VM's speed drifts by +-10% over minutes on both sides, so one
# round's ratio is not the figure).
# Needs: JDK 25 (JAVA_HOME), Debian's python3-torch with libopenblas0-pthread (/usr/bin/python3).
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-2}"; fm_steps="${2:-20}"; nrms_steps="${3:-3}"; warmup="${4:-3}"; models="${5:-deepfm nrms}"
./mvnw -q -B -pl models -am install -DskipTests
log=$(mktemp)
trap 'rm -f "$log"' EXIT
{
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
} | tee "$log"
/usr/bin/python3 - "$log" <<'PY'
import re, statistics, sys
ratios, model, best = {}, None, {}
def close():
    if model and "engine" in best and "peer" in best:
        ratios.setdefault(model, []).append(best["engine"] / best["peer"])
for line in open(sys.argv[1]):
    m = re.match(r"## round (\d+) (\S+)", line)
    if m:
        close(); model, best = m.group(2), {}
        continue
    m = re.match(r"SPEED (torch-)?\S+ threads=\d+: ([0-9.]+) samples/s", line)
    if m and model:
        side = "peer" if m.group(1) else "engine"
        best[side] = max(best.get(side, 0.0), float(m.group(2)))
close()
for name, rs in ratios.items():
    print(f"# summary {name}: best-row ratio per round " + " ".join(f"{r:.2f}x" for r in rs)
          + f"; median {statistics.median(rs):.2f}x over {len(rs)} rounds")
PY
