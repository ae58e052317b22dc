#!/usr/bin/env bash
# Replaces the key-encryption key of a running platform (ADR 0024): makes a new key next to the one in use, has the
# platform wrap its data key under the new key, then puts the new key in the old one's place and keeps the old key
# as KEY_FILE.retired-<time>. Keep the retired key as long as any backup taken under it: that backup needs it.
# Usage: ops/bin/rotate-key-encryption-key.sh KEY_FILE   (the file the platform was started with)
# Operator and address as in ops/bin/operator.sh. Run it as the platform's user, on its machine. Several nodes on one
# MongoDB: give every node the new key file before it next starts. A key file the platform cannot have written
# (a mounted secret): docs/keys-and-backups.md.
set -euo pipefail
source "$(dirname "$0")/operator.sh"
if [ $# -ne 1 ]; then
  echo "usage: $0 KEY_FILE" >&2
  exit 2
fi
key="$(realpath "$1")"
next="$key.next"

# The id the platform gives a key: kek- and 16 hex digits of HMAC-SHA256("jgsw key-encryption key id") under it.
key_id() {
  local hex
  hex="$(base64 -d < "$1" | od -An -v -tx1 | tr -d ' \n')"
  printf '%s' 'jgsw key-encryption key id' | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$hex" \
    | awk '{print "kek-" substr($NF, 1, 16)}'
}

in_use() {
  operator_curl /actuator/keyencryptionkey | sed -n 's/.*"keyEncryptionKey":"\([^"]*\)".*/\1/p'
}

put_in_place() {
  local retired
  retired="$key.retired-$(date -u +%Y%m%dT%H%M%SZ)"
  cp -p "$key" "$retired"
  mv -f "$next" "$key"
  echo "$key holds the new key; the old one is $retired: keep it with the backups taken under it, destroy it after"
}

if [ -e "$next" ]; then
  echo "$next exists: an earlier replacement did not finish. Compare its key with the one in use" >&2
  echo "(GET /actuator/keyencryptionkey) and move or delete it by hand." >&2
  exit 1
fi
(umask 077 && set -o noclobber && head -c 32 /dev/urandom | base64 > "$next")
if operator_curl /actuator/keyencryptionkey -H 'Content-Type: application/json' \
  -d "{\"newKeyFile\":$(json_path "$next")}"; then
  echo
  put_in_place
  exit 0
fi
echo
# The answer was an error or was lost: what the platform holds now decides, not the answer.
now="$(in_use || true)"
if [ "$now" = "$(key_id "$next")" ]; then
  echo "the platform wraps its data key under the new key ($now) although its answer was lost" >&2
  put_in_place
elif [ "$now" = "$(key_id "$key")" ]; then
  rm -f "$next"
  echo "the key-encryption key was not replaced; $key ($now) is still the one in use" >&2
  exit 1
else
  echo "cannot tell which key the platform uses now (it answers '$now'); $key and $next are both kept:" >&2
  echo "ask GET /actuator/keyencryptionkey when it answers, and keep the file whose key it names" >&2
  exit 1
fi
