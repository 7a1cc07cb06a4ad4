#!/usr/bin/env bash
# oidc-provider-mock (PyPI, Authlib + Flask under uvicorn): an OpenID Connect provider.
#   issuer http://127.0.0.1:$OIDC_PORT (9400): /.well-known/openid-configuration,
#   /oauth2/authorize, /oauth2/token, /userinfo, /jwks (RS256), /oauth2/clients, /oauth2/end_session.
#   Any client_id/secret is accepted. Users: alice (group bmc-admins), bob (bmc-viewers).
#   Headless login: POST the authorize URL with form field sub=alice -> 302 to
#   redirect_uri?code=...&state=...
# Known gap: it does not check the PKCE code_verifier.
set -euo pipefail
# shellcheck source=SCRIPTDIR/common.sh
. "$(dirname "$0")/common.sh"
NAME=${NAME:-oidc}
PORT=${OIDC_PORT:-9400}
[ -x "$TB_VENV/bin/oidc-provider-mock" ] || tb_die "no oidc-provider-mock in $TB_VENV: run Scripts/setup"
tb_port_in_use "$PORT" && tb_die "tcp 127.0.0.1:$PORT is already in use"
tb_start "$NAME" "$TB_VENV/bin/oidc-provider-mock" -H 127.0.0.1 -p "$PORT" \
  --user-claims '{"sub":"alice","email":"alice@example.test","name":"Alice Admin","groups":["bmc-admins"]}' \
  --user-claims '{"sub":"bob","email":"bob@example.test","name":"Bob Viewer","groups":["bmc-viewers"]}'
tb_wait_tcp "$PORT" 30 "$NAME"
tb_log "$NAME: http://127.0.0.1:$PORT"
