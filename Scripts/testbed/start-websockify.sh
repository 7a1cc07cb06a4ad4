#!/usr/bin/env bash
# websockify (Debian 0.10.0): WebSocket 127.0.0.1:LISTEN_PORT -> TCP 127.0.0.1:TARGET_PORT.
# It also serves static files from WEBROOT on the same port, so with the default (Debian's
# noVNC) http://127.0.0.1:6080/vnc_lite.html?host=127.0.0.1&port=6080 is a browser VNC client.
# Any path upgrades (/websockify by convention); subprotocol "binary" or none.
#   start-websockify.sh [NAME] [LISTEN_PORT] [TARGET_PORT] [WEBROOT]
#   defaults: websockify  ${WEBSOCKIFY_PORT:-6080}  ${WEBSOCKIFY_TARGET:-5901}  /usr/share/novnc
#   serial console in xterm.js:
#     start-websockify.sh ws-serial 6081 9701 /var/cache/tether-lab/xterm  -> /term.html
set -euo pipefail
# shellcheck source=SCRIPTDIR/common.sh
. "$(dirname "$0")/common.sh"
tb_need websockify
NAME=${1:-websockify}
LISTEN=${2:-${WEBSOCKIFY_PORT:-6080}}
TARGET=${3:-${WEBSOCKIFY_TARGET:-5901}}
WEB=${4:-/usr/share/novnc}
tb_port_in_use "$LISTEN" && tb_die "tcp 127.0.0.1:$LISTEN is already in use"
tb_start "$NAME" websockify --web "$WEB" "127.0.0.1:$LISTEN" "127.0.0.1:$TARGET"
tb_wait_tcp "$LISTEN" 10 "$NAME"
