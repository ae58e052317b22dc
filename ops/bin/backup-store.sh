#!/usr/bin/env bash
# Takes a consistent backup of the running platform's embedded store, encrypted under its key-encryption key, without
# stopping it (ADR 0024). The platform writes the file itself, on its own machine, readable by its user only.
# Usage: ops/bin/backup-store.sh OUT   (OUT: a new file; a relative path is taken from the current directory)
# Operator credentials from JGSW_OPERATOR_USERNAME / JGSW_OPERATOR_PASSWORD (demo: ops / ops-demo-2026);
# platform address from JGSW_URL (default http://localhost:8080). Restore with ops/bin/restore-store.sh and the
# key-encryption key the backup names; without that key the backup is worth nothing.
set -euo pipefail
if [ $# -ne 1 ]; then
  echo "usage: $0 OUT" >&2
  exit 2
fi
out="$(realpath -m "$1")"
curl -sS --fail-with-body --max-time 3600 -u "${JGSW_OPERATOR_USERNAME:-ops}:${JGSW_OPERATOR_PASSWORD:-ops-demo-2026}" \
  -H 'Content-Type: application/json' -d "{\"file\":\"$out\"}" \
  "${JGSW_URL:-http://localhost:8080}/actuator/backup" || {
  echo "no backup taken (the platform's log says why)" >&2
  exit 1
}
echo
