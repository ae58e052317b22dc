#!/usr/bin/env bash
# Event store benchmark: append, aggregate load, store size and tracking catch-up, each beside the same work done with
# raw driver calls on the same server in the same run. Runs on the embedded default (H2 file, every request committed);
# pass --memory for mongo-java-server's in-memory backend. Takes a few minutes (it fills the store to 1,000,000 events).
# --designs instead prints the comparison of candidate designs behind ADR 0005.
# Usage: ops/bench/event-store.sh [--memory | --designs]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -pl ops -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test
exec java -Xmx4g -cp "ops/target/test-classes:ops/target/classes:$(cat ops/target/bench-classpath.txt)" \
  -Dlogback.configurationFile=ops/bench/logback-bench.xml cn.gov.jgsw.ops.eventstore.EventStoreBenchmark "$@"
