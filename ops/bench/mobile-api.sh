#!/usr/bin/env bash
# Mobile API benchmark: this process (the load generator) starts the platform in a JVM of its own on its embedded
# default, signs in a civil servant and an approver of each demo bureau, preloads orders and waits until their
# approvals are routed, then sends the app's persisted operations at a constant arrival rate. Prints mutations/s,
# p50/p95/p99 of mutations and screen queries, projection lag, the platform's peak heap, and baselines (raw driver
# insert, trivial GraphQL query) from the same run.
# Usage: ops/bench/mobile-api.sh [--rate R] [--seconds S] [--preload N] [--platform-heap H]
#                                [--data-directory D] [--platform-arg --name=value]...
#        (defaults 100, 60, 1000, 1g, a new temporary directory deleted at exit; the platform runs with -Xmx H on the
#        data in D, which is kept and may hold an earlier run's: with --preload 0 that measures a large store without
#        preloading it again; each --platform-arg is passed to the platform, e.g. a setting to compare)
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -pl ops -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test
exec java -Xmx512m -cp "ops/target/test-classes:ops/target/classes:$(cat ops/target/bench-classpath.txt)" \
  -Dlogback.configurationFile=ops/bench/logback-bench.xml cn.gov.jgsw.ops.api.MobileApiBenchmark "$@"
