#!/usr/bin/env bash
# sushy-tools' sushy-emulator (PyPI) with its fake driver (no libvirt): a Redfish service.
#   http(s)://127.0.0.1:$SUSHY_PORT/redfish/v1                                  (8000)
#   SUSHY_TLS=1      https with a self-signed certificate for IP 127.0.0.1:
#                    $TETHER_LAB_STATE/NAME/cert.pem (curl --cacert it, or -k)
#   SUSHY_USER / SUSHY_PASS or SUSHY_PASS_FILE   HTTP Basic credentials (admin/password); every
#                    path except /redfish/v1 needs them (there is no SessionService)
#   SUSHY_SYSTEMS    space-separated NAME=UUID[=On|Off] fake systems; default
#                    "node-1=27946b59-9e44-4fa7-8e91-f3527a1ef094 node-2=38947555-7742-4e2c-a1e1-9e4a0a1a0002"
#   SUSHY_POWER      initial PowerState of systems that do not give one             (Off)
#   SUSHY_INSTANT=1  (default) power changes apply at once; the fake driver's stock behaviour
#                    (SUSHY_INSTANT=0) applies them after a random 1-11 s
#   NAME             pid/log names and config dir $TETHER_LAB_STATE/NAME           (sushy)
# GET /redfish/v1/Systems lists members by UUID; /Systems/NAME redirects (307) to the UUID.
# ComputerSystem.Reset takes On, ForceOff, GracefulShutdown, GracefulRestart, ForceRestart,
# Nmi, ForceOn (204); an unknown ResetType gets 501.
set -euo pipefail
# shellcheck source=SCRIPTDIR/common.sh
. "$(dirname "$0")/common.sh"
NAME=${NAME:-sushy}
PORT=${SUSHY_PORT:-8000}
USER_=${SUSHY_USER:-admin}
if [ -n "${SUSHY_PASS_FILE:-}" ]; then
  PASS_=$(cat "$SUSHY_PASS_FILE")
else
  PASS_=${SUSHY_PASS:-password}
fi
SYSTEMS=${SUSHY_SYSTEMS:-node-1=27946b59-9e44-4fa7-8e91-f3527a1ef094 node-2=38947555-7742-4e2c-a1e1-9e4a0a1a0002}
PY="$TB_VENV/bin/python"
[ -x "$PY" ] || tb_die "no venv at $TB_VENV: run Scripts/setup"
tb_running "$NAME" && tb_die "$NAME is already running; stop.sh $NAME first"
tb_port_in_use "$PORT" && tb_die "tcp 127.0.0.1:$PORT is already in use"
D="$TB_STATE/$NAME"
rm -rf "$D"
mkdir -p "$D/state"
chmod 700 "$D"

# htpasswd with a bcrypt hash (the only kind sushy accepts); the password goes in on stdin
printf '%s' "$PASS_" | "$PY" -c '
import bcrypt, sys
print(sys.argv[1] + ":" + bcrypt.hashpw(sys.stdin.buffer.read(), bcrypt.gensalt()).decode())' \
  "$USER_" > "$D/htpasswd"

SYSTEMS="$SYSTEMS" POWER="${SUSHY_POWER:-Off}" "$PY" - "$D" "$PORT" > "$D/sushy.conf" << 'PYEOF'
import os, sys
state, port = sys.argv[1], int(sys.argv[2])
systems = []
for i, item in enumerate(os.environ["SYSTEMS"].split()):
    parts = item.split("=")
    if len(parts) not in (2, 3):
        sys.exit(f"bad SUSHY_SYSTEMS entry {item!r}: want NAME=UUID[=On|Off]")
    power = parts[2] if len(parts) == 3 else os.environ["POWER"]
    systems.append({"uuid": parts[1], "name": parts[0], "power_state": power,
                    "external_notifier": False,
                    "nics": [{"mac": "00:5c:52:31:%02x:%02x" % (i // 256, i % 256),
                              "ip": "127.0.1.%d" % (i % 250 + 1)}]})
print("SUSHY_EMULATOR_LISTEN_IP = '127.0.0.1'")
print(f"SUSHY_EMULATOR_LISTEN_PORT = {port}")
print("SUSHY_EMULATOR_FAKE_DRIVER = True")
print(f"SUSHY_EMULATOR_STATE_DIR = {state + '/state'!r}")
print(f"SUSHY_EMULATOR_AUTH_FILE = {state + '/htpasswd'!r}")
print(f"SUSHY_EMULATOR_FAKE_SYSTEMS = {systems!r}")
PYEOF

ARGS=(--config "$D/sushy.conf")
SCHEME=http
if [ "${SUSHY_TLS:-0}" = 1 ]; then
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$D/key.pem" -out "$D/cert.pem" -days 30 \
    -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 > /dev/null 2>&1 ||
    tb_die "openssl could not make the certificate"
  chmod 644 "$D/cert.pem"
  ARGS+=(--ssl-certificate "$D/cert.pem" --ssl-key "$D/key.pem")
  SCHEME=https
fi
if [ "${SUSHY_INSTANT:-1}" = 1 ]; then
  # the fake driver draws its delay from random.randint: make that 0
  tb_start "$NAME" "$PY" -c '
import sys
import sushy_tools.emulator.resources.systems.fakedriver as fd
fd.random = type("NoDelay", (), {"randint": staticmethod(lambda a, b: 0)})
from sushy_tools.emulator.main import main
sys.exit(main())' "${ARGS[@]}"
else
  tb_start "$NAME" "$TB_VENV/bin/sushy-emulator" "${ARGS[@]}"
fi
sushy_answers() { curl -sfk -o /dev/null "$SCHEME://127.0.0.1:$PORT/redfish/v1/"; }
tb_wait "$NAME: $SCHEME://127.0.0.1:$PORT/redfish/v1/" 30 "$NAME" sushy_answers
tb_log "$NAME: $SCHEME://127.0.0.1:$PORT/redfish/v1 (basic auth $USER_)"
