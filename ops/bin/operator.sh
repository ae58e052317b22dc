# Sourced by the operator's commands in this folder: calls the running platform's actuator as the operator.
# Credentials from JGSW_OPERATOR_USERNAME / JGSW_OPERATOR_PASSWORD (demo: ops / ops-demo-2026), handed to curl on its
# standard input, never on its command line (which every user of the machine may read); address from JGSW_URL
# (default http://localhost:8080).

# operator_curl PATH [curl options...]
operator_curl() {
  local path="$1"
  shift
  local user="${JGSW_OPERATOR_USERNAME:-ops}:${JGSW_OPERATOR_PASSWORD:-ops-demo-2026}"
  user="${user//\\/\\\\}"
  user="${user//\"/\\\"}"
  printf 'user = "%s"\n' "$user" | curl -sS --fail-with-body -K - "$@" "${JGSW_URL:-http://localhost:8080}$path"
}

# json_path PATH: the absolute path as a JSON string, refusing characters it would have to escape.
json_path() {
  local path
  path="$(realpath -m "$1")"
  case "$path" in
    *[\"\\]* | *[[:cntrl:]]*) echo "the path $path holds a quote, a backslash or a control character" >&2; return 2 ;;
  esac
  printf '"%s"' "$path"
}
