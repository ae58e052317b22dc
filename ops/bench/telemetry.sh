#!/usr/bin/env bash
# Position ingestion benchmark: the platform on its embedded default, three bureaus' gateways sending batches of 500
# positions over HTTP with real tokens, fences on every position; the same documents inserted raw beside it; heap after
# a full GC every 30 s. Default 2 minutes of measurement; the heap goal is for --minutes 10.
# Usage: ops/bench/telemetry.sh [--minutes N]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -pl ops -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test
exec java -Xmx1g -cp "ops/target/test-classes:ops/target/classes:$(cat ops/target/bench-classpath.txt)" \
  -Dlogback.configurationFile=ops/bench/logback-bench.xml cn.gov.jgsw.ops.vehicles.TelemetryBenchmark "$@"
