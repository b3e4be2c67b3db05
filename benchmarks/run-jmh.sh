#!/usr/bin/env bash
# JMH benchmarks of the tensor engine (sgemm shapes, MLP step, SASRec step; 1 and 2 threads).
# Usage: benchmarks/run-jmh.sh [JMH args, e.g. 'sasrecStep' -p threads=1 -f 1 -wi 2 -i 3]
# Builds tensor with the jmh profile (JMH is not part of the default build), then runs
# org.openjdk.jmh.Main; results also go to target/jmh-result.json.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
./mvnw -q -B -pl tensor -Pjmh test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/jmh-classpath.txt
mkdir -p target
CP="tensor/target/test-classes:tensor/target/classes:$(cat tensor/target/jmh-classpath.txt)"
exec "$JAVA" --add-modules jdk.incubator.vector -cp "$CP" org.openjdk.jmh.Main \
  -rf json -rff target/jmh-result.json "$@"
