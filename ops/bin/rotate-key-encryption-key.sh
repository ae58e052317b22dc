#!/usr/bin/env bash
# Replaces the key-encryption key of a running platform (ADR 0024): makes a new key next to the one in use, has the
# platform wrap its data key under the new key, then puts the new key in the old one's place and keeps the old key
# as KEY_FILE.retired-<time>. Keep the retired key as long as any backup taken under it: that backup needs it.
# Usage: ops/bin/rotate-key-encryption-key.sh KEY_FILE   (the file the platform was started with)
# Operator credentials from JGSW_OPERATOR_USERNAME / JGSW_OPERATOR_PASSWORD (demo: ops / ops-demo-2026);
# platform address from JGSW_URL (default http://localhost:8080). Run it as the platform's user, on its machine.
# Several nodes on one MongoDB: give every node the new key file before it next starts.
set -euo pipefail
if [ $# -ne 1 ]; then
  echo "usage: $0 KEY_FILE" >&2
  exit 2
fi
key="$(realpath "$1")"
next="$key.next"
umask 077
head -c 32 /dev/urandom | base64 > "$next"
if ! curl -sS --fail-with-body -u "${JGSW_OPERATOR_USERNAME:-ops}:${JGSW_OPERATOR_PASSWORD:-ops-demo-2026}" \
  -H 'Content-Type: application/json' -d "{\"newKeyFile\":\"$next\"}" \
  "${JGSW_URL:-http://localhost:8080}/actuator/keyencryptionkey"; then
  rm -f "$next"
  echo "the key-encryption key was not replaced; $key is still the one in use" >&2
  exit 1
fi
echo
retired="$key.retired-$(date -u +%Y%m%dT%H%M%SZ)"
mv "$key" "$retired"
mv "$next" "$key"
echo "$key holds the new key; the old one is $retired: keep it with the backups taken under it, destroy it after"
