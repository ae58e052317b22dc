#!/usr/bin/env bash
# Audit ledger benchmark: the platform on its embedded default, four threads appending events while the ledger
# includes them; prints the append rate, the inclusion rate and the window between. Default 60 s of load.
# Usage: ops/bench/ledger.sh [--seconds N]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -pl ops -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test
exec java -Xmx1g -cp "ops/target/test-classes:ops/target/classes:$(cat ops/target/bench-classpath.txt)" \
  -Dlogback.configurationFile=ops/bench/logback-bench.xml cn.gov.jgsw.ops.ledger.LedgerBenchmark "$@"
