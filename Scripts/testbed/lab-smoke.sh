#!/usr/bin/env bash
# Checks a running lab (Scripts/lab up) with real third-party clients, reading everything from
# servers.json: ipmitool (power status/off/on/reset, SOL to the VM shell, wrong password
# refused), vncdotool (login with the password, non-blank screen capture; wrong password
# refused), QEMU's VNC WebSocket, curl against the Redfish emulator. Prints one PASS/FAIL line
# per check and "N passed, N failed"; exit status 0 only when nothing failed.
# Usage: lab-smoke.sh [--quick]     (--quick: skip the power off/on/reset cycles)
set -uo pipefail
# shellcheck source=SCRIPTDIR/common.sh
. "$(dirname "$0")/common.sh"
QUICK=0
[ "${1:-}" = --quick ] && QUICK=1
JSON="$TB_STATE/servers.json"
[ -s "$JSON" ] || tb_die "no $JSON: run Scripts/lab up first"
PY="$TB_VENV/bin/python"
OUT="$TB_STATE/smoke"
mkdir -p "$OUT"
TMUX_SOCKET="tether-lab-smoke-$$"
trap 'tmux -L "$TMUX_SOCKET" kill-server 2> /dev/null || true' EXIT

PASS=0
FAIL=0
check() { # check DESCRIPTION CMD...
  local what=$1
  shift
  if "$@" > "$OUT/check.out" 2>&1; then
    echo "PASS: $what"
    PASS=$((PASS + 1))
  else
    echo "FAIL: $what"
    sed 's/^/    /' "$OUT/check.out" | tail -n 8
    FAIL=$((FAIL + 1))
  fi
}

# poll SECONDS CMD... -> bounded retry of a condition, 0.2 s apart
poll() {
  local deadline=$((SECONDS + $1))
  shift
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}

# field INDEX PATH -> one value from servers.json, e.g. field 0 ipmi.port
field() {
  python3 -c 'import json, sys
v = json.load(open(sys.argv[1]))[int(sys.argv[2])]
for k in sys.argv[3].split("."):
    v = v[k]
print(v)' "$JSON" "$1" "$2"
}

ipmi() { ipmitool -I lanplus -C 3 -H "$IPMI_HOST" -p "$IPMI_PORT" -U "$IPMI_USER" -f "$IPMI_PASSFILE" "$@"; }
power_is() { ipmi power status | grep -q "is $1"; }
boots() { grep -c 'LABVM: init started' "$SERIAL_LOG" 2> /dev/null || true; }
qemu_running() { tb_running "$NAME-qemu"; }
sol_linked() { ss -Htn state established "( dport = :$SERIAL_PORT )" | grep -q .; }
prompt_count() { grep -cF "$NAME# " "$SERIAL_LOG" 2> /dev/null || true; }

screen_has() { tmux -L "$TMUX_SOCKET" capture-pane -p -t "$SOL_SESSION" | grep -qF -- "$1"; }

# sol_roundtrip TEXT EXPECT -> ipmitool sol activate in tmux, type TEXT, wait for EXPECT
sol_roundtrip() {
  local s="sol-$NAME" text=$1 expect=$2
  SOL_SESSION=$s
  tmux -L "$TMUX_SOCKET" new-session -d -s "$s" -x 160 -y 40 \
    "ipmitool -I lanplus -C 3 -H $IPMI_HOST -p $IPMI_PORT -U $IPMI_USER -f $IPMI_PASSFILE sol activate; sleep 60"
  poll 15 screen_has "SOL Session operational" || { tmux -L "$TMUX_SOCKET" capture-pane -p -t "$s"; return 1; }
  # ipmi_sim drops (while ACKing) the first packet of a session whose sequence number equals
  # the last one of the previous session: send a throw-away Enter first
  tmux -L "$TMUX_SOCKET" send-keys -t "$s" Enter
  poll 5 screen_has "$NAME# " || true
  tmux -L "$TMUX_SOCKET" send-keys -t "$s" "$text" Enter
  local ok=0
  poll 15 screen_has "$expect" && ok=1
  tmux -L "$TMUX_SOCKET" capture-pane -p -t "$s" > "$OUT/$s.txt"
  # leave SOL cleanly (~. is ipmitool's escape), then drop the session
  tmux -L "$TMUX_SOCKET" send-keys -t "$s" Enter "~."
  sleep 0.5
  tmux -L "$TMUX_SOCKET" kill-session -t "$s" 2> /dev/null || true
  cat "$OUT/$s.txt"
  [ "$ok" = 1 ] && grep -qF "$NAME# " "$OUT/$s.txt"
}

png_not_blank() { # png_not_blank FILE -> more than one colour in the picture
  "$PY" -c 'import sys
from PIL import Image
im = Image.open(sys.argv[1]).convert("L")
colours = im.getcolors(1 << 16) or []
print(im.size, "colours:", len(colours))
sys.exit(0 if len(colours) > 1 else 1)' "$1"
}

vnc_capture() { # vnc_capture PASSWORDFILE OUT.png
  timeout 30 "$TB_VENV/bin/vncdo" -s "$VNC_HOST::$VNC_PORT" -p "$(cat "$1")" \
    type "echo vnc-ok" key enter pause 1 capture "$2" && png_not_blank "$2"
}

redfish() { # redfish CURL-ARGS... -> curl with the server's credentials and certificate
  printf 'user = "%s:%s"\n' "$RF_USER" "$(cat "$RF_PASSFILE")" |
    curl -sf --cacert "$RF_CERT" -K - "$@"
}
rf_power_is() { redfish "$RF_URL/redfish/v1/Systems/$RF_ID" | grep -q "\"PowerState\": \"$1\""; }
rf_reset() {
  redfish -H 'Content-Type: application/json' -d "{\"ResetType\": \"$1\"}" \
    "$RF_URL/redfish/v1/Systems/$RF_ID/Actions/ComputerSystem.Reset"
}

ipmi_wrong_password_refused() {
  ! ipmitool -I lanplus -C 3 -H "$IPMI_HOST" -p "$IPMI_PORT" -U "$IPMI_USER" -P wrong-password power status
}
vnc_only_password_auth() {
  python3 "$TB_DIR/rfb_probe.py" "$VNC_HOST" "$VNC_PORT" | tee /dev/stderr | grep -q 'security types: 2=VNC(DES)$'
}
vnc_wrong_password_refused() {
  printf 'wrongpw1' > "$OUT/wrong.password"
  ! vnc_capture "$OUT/wrong.password" "$OUT/$NAME-wrong.png"
}
vnc_websocket_answers() {
  local out
  out=$("$PY" "$TB_DIR/ws_rfb_probe.py" "ws://127.0.0.1:$WS_PORT/" binary) || return 1
  echo "$out"
  grep -q 'RFB 003.008' <<< "$out" && grep -q 'security types: \[2\]' <<< "$out"
}
redfish_power_cycle() { rf_reset ForceOff && rf_power_is Off && rf_reset On && rf_power_is On; }
qemu_gone() { ! qemu_running; }
vnc_closed() { ! tb_tcp_open "$VNC_PORT"; }
power_off_stops_vm() { ipmi power off && poll 15 qemu_gone && poll 5 vnc_closed && power_is off; }
booted_again() { [ "$(boots)" -gt "$BOOTS_BEFORE" ] && [ "$(prompt_count)" -gt "$PROMPTS_BEFORE" ]; }
rebooted() { [ "$(boots)" -gt "$BOOTS_BEFORE" ]; }
power_on_boots_vm() { ipmi power on && power_is on && poll 90 booted_again; }
power_reset_reboots_vm() { ipmi power reset && poll 90 rebooted; }
redfish_lists_all() {
  redfish "$RF_URL/redfish/v1/Systems" | tee /dev/stderr | grep -q "\"Members@odata.count\": $COUNT"
}
redfish_needs_auth() {
  [ "$(curl -s -o /dev/null -w '%{http_code}' --cacert "$RF_CERT" "$RF_URL/redfish/v1/Systems")" = 401 ]
}

COUNT=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' "$JSON")
echo "== lab in $TB_STATE: $COUNT server(s)"
for ((i = 0; i < COUNT; i++)); do
  NAME=$(field "$i" name)
  IPMI_HOST=$(field "$i" ipmi.host)
  IPMI_PORT=$(field "$i" ipmi.port)
  IPMI_USER=$(field "$i" ipmi.username)
  IPMI_PASSFILE=$(field "$i" ipmi.passwordFile)
  VNC_HOST=$(field "$i" vnc.host)
  VNC_PORT=$(field "$i" vnc.port)
  VNC_PASSFILE=$(field "$i" vnc.passwordFile)
  WS_PORT=$(field "$i" vnc.websocketPort)
  RF_URL=$(field "$i" redfish.url)
  RF_USER=$(field "$i" redfish.username)
  RF_PASSFILE=$(field "$i" redfish.passwordFile)
  RF_ID=$(field "$i" redfish.systemId)
  RF_CERT=$(field "$i" redfish.certificateFile)
  SERIAL_PORT=$(field "$i" serial.port)
  SERIAL_LOG=$(field "$i" serial.logFile)
  echo "== $NAME"

  check "$NAME ipmitool power status: on" power_is on
  check "$NAME ipmitool wrong password refused" ipmi_wrong_password_refused
  # shellcheck disable=SC2016 # expanded by the guest's shell
  check "$NAME SOL shows the VM shell and runs a command" sol_roundtrip 'echo sol-$((40+2))' "sol-42"
  check "$NAME VNC offers only VNC auth (type 2)" vnc_only_password_auth
  check "$NAME vncdotool with the password: non-blank capture" vnc_capture "$VNC_PASSFILE" "$OUT/$NAME-vnc.png"
  check "$NAME vncdotool with a wrong password fails" vnc_wrong_password_refused
  check "$NAME QEMU VNC WebSocket answers RFB" vnc_websocket_answers
  check "$NAME Redfish system listed and On" rf_power_is On
  check "$NAME Redfish ForceOff -> Off, On -> On" redfish_power_cycle

  if [ "$QUICK" = 0 ]; then
    check "$NAME ipmitool power off: QEMU exits, VNC port closes" power_off_stops_vm
    BOOTS_BEFORE=$(boots)
    PROMPTS_BEFORE=$(prompt_count)
    t0=$(date +%s.%N)
    check "$NAME ipmitool power on: VM boots to its prompt" power_on_boots_vm
    echo "    (power on -> prompt: $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}') s)"
    check "$NAME SOL link back after power on (ipmi_sim retries every 10 s)" poll 30 sol_linked
    # shellcheck disable=SC2016
    check "$NAME SOL works after the power cycle" sol_roundtrip 'echo again-$((6*7))' "again-42"
    BOOTS_BEFORE=$(boots)
    check "$NAME ipmitool power reset reboots the guest" power_reset_reboots_vm
    check "$NAME VNC login with the password after the power cycle" vnc_capture "$VNC_PASSFILE" "$OUT/$NAME-vnc2.png"
  fi
done

check "Redfish: /Systems lists $COUNT systems over https (pinned cert)" redfish_lists_all
check "Redfish: no credentials -> 401" redfish_needs_auth

echo "$PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
