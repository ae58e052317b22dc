#!/usr/bin/env bash
# Store values: how long writing and reading the documents of a store file take as Java's object serialization (H2's
# default) and as BSON (the platform's form, ADR 0023), on one thread's CPU clock, best of 10 rounds. The documents
# are a real store's: keep one with `ops/bench/mobile-api.sh --data-directory D`, then run this on D.
# Usage: ops/bench/store-values.sh --data-directory D
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -pl ops -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test
exec java -Xmx1g -cp "ops/target/test-classes:ops/target/classes:$(cat ops/target/bench-classpath.txt)" \
  -Dlogback.configurationFile=ops/bench/logback-bench.xml cn.gov.jgsw.ops.storage.StoreValuesBenchmark "$@"
