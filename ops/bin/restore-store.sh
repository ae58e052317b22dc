#!/usr/bin/env bash
# Restores a backup of the embedded store into a fresh data directory (ADR 0024), with the key-encryption key the
# backup was taken under; then start the platform on that directory with the same key:
#   JGSW_DATA_DIR=DATA_DIR JGSW_KEY_ENCRYPTION_KEY_FILE=KEY_FILE java -jar ops/target/jgsw-platform.jar
# Usage: ops/bin/restore-store.sh BACKUP DATA_DIR KEY_FILE
# Uses the platform's jar (JGSW_PLATFORM_JAR, default ops/target/jgsw-platform.jar; built by ./mvnw package when
# missing). Exits 1 with the reason, and nothing under the store file's name, if the key is not the backup's or the
# backup was altered or cut off.
set -euo pipefail
if [ $# -ne 3 ]; then
  echo "usage: $0 BACKUP DATA_DIR KEY_FILE" >&2
  exit 2
fi
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="${JGSW_PLATFORM_JAR:-$root/ops/target/jgsw-platform.jar}"
if [ ! -f "$jar" ]; then
  (cd "$root" && ./mvnw -q -B -pl ops -am package -DskipTests)
fi
exec java -Xmx256m -cp "$jar" -Dloader.main=cn.gov.jgsw.ops.backup.RestoreStoreBackup \
  org.springframework.boot.loader.launch.PropertiesLauncher "$@"
