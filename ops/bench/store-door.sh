#!/usr/bin/env bash
# The embedded store's door on its own (ADR 0024): the durable store behind the platform's Unix socket and behind a
# loopback TCP port (as before ADR 0024), alternated round by round in one JVM with the platform's driver settings.
# Prints operations/s, CPU per 1,000 operations and p50/p99 for 1 and 8 threads.
# Usage: ops/bench/store-door.sh [--rounds N] [--operations N]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -pl ops -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test
exec java -Xmx512m -cp "ops/target/test-classes:ops/target/classes:$(cat ops/target/bench-classpath.txt)" \
  -Dlogback.configurationFile=ops/bench/logback-bench.xml cn.gov.jgsw.ops.storage.StoreDoorBenchmark "$@"
