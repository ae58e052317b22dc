#!/usr/bin/env bash
# Exports the evidence bundle (证据包) of a bureau's events in a period from a running platform, as an operator.
# Usage: ops/bin/export-evidence.sh BUREAU FROM TO OUT.zip   (times ISO-8601 UTC, e.g. 2026-11-01T00:00:00Z)
# Operator and address as in ops/bin/operator.sh. Check the bundle with the offline verifier:
#   java -jar verifier/target/jgsw-evidence-verifier.jar OUT.zip
set -euo pipefail
source "$(dirname "$0")/operator.sh"
if [ $# -ne 4 ]; then
  echo "usage: $0 BUREAU FROM TO OUT.zip" >&2
  exit 2
fi
operator_curl "/actuator/evidence/$1?from=$2&to=$3" -o "$4"
echo "wrote $4"
