#!/usr/bin/env bash
# Fault drill: the platform in a JVM of its own on its embedded default, civil servants of four bureaus ordering cars,
# the JVM killed hard (SIGKILL) at random moments under load and restarted on the same data, 20 times by default.
# Then every order is resent with its idempotency key, counted in the event log, and the vehicle-order read model is
# compared with its full replay. Prints each kill and the verdict; exits 1 on any violation, and then keeps the data
# directory (the store and the platform's log) for inspection; a drill that held deletes it.
# Usage: ops/bench/fault-drill.sh [--kills N] [--seed S]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -pl ops -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test
exec java -Xmx512m -cp "ops/target/test-classes:ops/target/classes:$(cat ops/target/bench-classpath.txt)" \
  -Dlogback.configurationFile=ops/bench/logback-bench.xml cn.gov.jgsw.ops.drills.FaultDrill "$@"
