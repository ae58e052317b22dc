#!/usr/bin/env bash
# Exports the evidence bundle (证据包) of a bureau's events in a period from a running platform, as an operator.
# Usage: ops/bin/export-evidence.sh BUREAU FROM TO OUT.zip   (times ISO-8601 UTC, e.g. 2026-11-01T00:00:00Z)
# Operator credentials from JGSW_OPERATOR_USERNAME / JGSW_OPERATOR_PASSWORD (demo: ops / ops-demo-2026);
# platform address from JGSW_URL (default http://localhost:8080). Check the bundle with the offline verifier:
#   java -jar verifier/target/jgsw-evidence-verifier.jar OUT.zip
set -euo pipefail
if [ $# -ne 4 ]; then
  echo "usage: $0 BUREAU FROM TO OUT.zip" >&2
  exit 2
fi
url="${JGSW_URL:-http://localhost:8080}/actuator/evidence/$1?from=$2&to=$3"
curl -fsS -u "${JGSW_OPERATOR_USERNAME:-ops}:${JGSW_OPERATOR_PASSWORD:-ops-demo-2026}" -o "$4" "$url"
echo "wrote $4"
