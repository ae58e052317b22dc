#!/usr/bin/env bash
# Signs a demo person in as the mobile app does (authorization code with PKCE through the sign-in form) and prints
# the access token. Demo profile only: every demo login has the password Demo@2026 (docs/configuration.md).
# Usage: ops/bin/demo-sign-in.sh nanming.civil-servant      (address from JGSW_URL, default http://localhost:8080)
set -euo pipefail

login="${1:?usage: $0 LOGIN (for example nanming.civil-servant)}"
base="${JGSW_URL:-http://localhost:8080}"
redirect="http://127.0.0.1:8765/callback"
jar="$(mktemp)"
trap 'rm -f "$jar"' EXIT

verifier="$(head -c32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
challenge="$(printf %s "$verifier" | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '=\n')"
authorize="$base/oauth2/authorize?response_type=code&client_id=mobile-app&scope=openid&redirect_uri=$redirect"
authorize="$authorize&code_challenge=$challenge&code_challenge_method=S256&state=tour"

curl -sS -o /dev/null -c "$jar" -b "$jar" -H 'Accept: text/html' "$authorize"
csrf="$(curl -sS -c "$jar" -b "$jar" -H 'Accept: text/html' "$base/login" \
  | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//')"
back="$(printf 'password=Demo%%402026&_csrf=%s' "$csrf" \
  | curl -sS -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" -H 'Accept: text/html' \
      --data-urlencode "username=$login" --data @- "$base/login")"
case "$back" in
  *"/login?error"* | "") echo "sign-in refused for $login" >&2; exit 1 ;;
esac
callback="$(curl -sS -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" -H 'Accept: text/html' "$back")"
code="$(printf %s "$callback" | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')"
[ -n "$code" ] || { echo "no code in $callback" >&2; exit 1; }
curl -sS "$base/oauth2/token" -d grant_type=authorization_code -d client_id=mobile-app \
  -d "redirect_uri=$redirect" -d "code_verifier=$verifier" --data-urlencode "code=$code" \
  | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
