#!/usr/bin/env bash
# Takes a consistent backup of the running platform's embedded store, encrypted under its key-encryption key, without
# stopping it (ADR 0024). The platform writes the file itself, on its own machine, readable by its user only; the file
# appears under its name once whole.
# Usage: ops/bin/backup-store.sh OUT   (OUT: a new file; a relative path is taken from the current directory)
# Operator and address as in ops/bin/operator.sh. Restore with ops/bin/restore-store.sh and the key-encryption key
# the backup names; without that key the backup is worth nothing.
set -euo pipefail
source "$(dirname "$0")/operator.sh"
if [ $# -ne 1 ]; then
  echo "usage: $0 OUT" >&2
  exit 2
fi
file="$(json_path "$1")"
operator_curl /actuator/backup --max-time 3600 -H 'Content-Type: application/json' -d "{\"file\":$file}" || {
  echo "no backup taken into $1" >&2
  exit 1
}
echo
