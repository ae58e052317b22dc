#!/usr/bin/env bash
# Start-up time to ready: launches the packaged platform on its embedded default with a fresh data directory, waits
# until /actuator/health/readiness answers UP (after start-up work such as demo seeding), prints the time, stops it, and does the same again on the same data (a restart).
# Usage: ops/bench/startup.sh [port]    (builds the jar first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT="${1:-18080}"
JAR=ops/target/jgsw-platform.jar
[ -f "$JAR" ] || ./mvnw -q -B -pl ops -am package -DskipTests
DATA="$(mktemp -d)"
trap 'kill "${PID:-0}" 2>/dev/null || true; rm -rf "$DATA"' EXIT

measure() {
  local label="$1" start end
  start=$(date +%s%N)
  PORT="$PORT" JGSW_DATA_DIR="$DATA" java -jar "$JAR" > "$DATA/$label.log" 2>&1 &
  PID=$!
  until curl -fs -m 1 "http://127.0.0.1:$PORT/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$PID" 2>/dev/null || { echo "platform exited; see $DATA/$label.log"; tail -20 "$DATA/$label.log"; exit 1; }
    sleep 0.1
  done
  end=$(date +%s%N)
  echo "$label: ready after $(( (end - start) / 1000000 )) ms ($(grep -o 'Started PlatformApplication in [0-9.]* seconds' "$DATA/$label.log"))"
  kill "$PID"; wait "$PID" 2>/dev/null || true
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
measure fresh-data
measure restart
