#!/usr/bin/env bash
# A QEMU (TCG) machine with a VNC server, optionally QEMU's own VNC-over-WebSocket, and its
# serial port as a TCP server. Boots the lab test VM from Scripts/setup when it is there;
# otherwise SeaBIOS mirrored to serial (sgabios) prints "Boot failed" and retries every 60 s.
#   QEMU_VNC_PORT       VNC (RFB 3.8) on 127.0.0.1                 (5901, display = port - 5900)
#   QEMU_WS_PORT        VNC over WebSocket on 127.0.0.1, 0 = off   (5701)
#   QEMU_SERIAL_PORT    ttyS0 as a TCP server, one client at a time (9701); all output is also
#                       logged to $TETHER_LAB_STATE/NAME.serial.log
#   QEMU_VNC_PASSWORD or QEMU_VNC_PASSWORD_FILE
#                       VNC auth (type 2, DES; first 8 characters) instead of none (type 1),
#                       set through the HMP monitor ($TETHER_LAB_STATE/NAME.mon)
#   QEMU_HOSTNAME       guest hostname / prompt "HOST# "         (NAME)
#   NAME                pid/log/monitor file names                 (qemu-vnc)
set -euo pipefail
# shellcheck source=SCRIPTDIR/common.sh
. "$(dirname "$0")/common.sh"
tb_need qemu-system-x86_64
tb_need socat
NAME=${NAME:-qemu-vnc}
VNC_PORT=${QEMU_VNC_PORT:-5901}
WS_PORT=${QEMU_WS_PORT:-5701}
SERIAL_PORT=${QEMU_SERIAL_PORT:-9701}
ACCEL=${QEMU_ACCEL:-tcg} # KVM guests misbehave on this machine kind (see README)
PASSWORD=${QEMU_VNC_PASSWORD:-}
if [ -n "${QEMU_VNC_PASSWORD_FILE:-}" ]; then
  PASSWORD=$(cat "$QEMU_VNC_PASSWORD_FILE")
fi
MON="$TB_STATE/$NAME.mon"

tb_running "$NAME" && tb_die "$NAME is already running; stop.sh $NAME first"
[ "$VNC_PORT" -gt 5900 ] || tb_die "QEMU_VNC_PORT must be above 5900"
for p in "$VNC_PORT" "$SERIAL_PORT"; do
  tb_port_in_use "$p" && tb_die "tcp 127.0.0.1:$p is already in use"
done
VNC="127.0.0.1:$((VNC_PORT - 5900))"
[ "$WS_PORT" != 0 ] && VNC="$VNC,websocket=127.0.0.1:$WS_PORT"
[ -n "$PASSWORD" ] && VNC="$VNC,password=on"
if [ -s "$TB_VM/vmlinuz" ] && [ -s "$TB_VM/initrd.cpio.gz" ]; then
  BOOT=(-kernel "$TB_VM/vmlinuz" -initrd "$TB_VM/initrd.cpio.gz"
    -append "console=tty0 console=ttyS0,115200 quiet tether.hostname=${QEMU_HOSTNAME:-$NAME}")
else
  BOOT=(-device sga)
fi
rm -f "$MON" "$TB_STATE/$NAME.serial.log" "$TB_STATE/$NAME.start"
echo qemu-system > "$TB_STATE/$NAME.comm"
# -daemonize returns once QEMU is set up; -pidfile then holds the real QEMU pid
qemu-system-x86_64 -name "$NAME" -machine pc,accel="$ACCEL" -m 256 -nic none -display none \
  -vnc "$VNC" "${BOOT[@]}" \
  -chardev socket,id=ser0,host=127.0.0.1,"port=$SERIAL_PORT,server=on,wait=off,logfile=$TB_STATE/$NAME.serial.log" \
  -serial chardev:ser0 \
  -monitor unix:"$MON",server=on,wait=off \
  -pidfile "$TB_STATE/$NAME.pid" -daemonize 2> "$TB_STATE/$NAME.log" ||
  tb_die "$NAME: QEMU failed: $(cat "$TB_STATE/$NAME.log")"
tb_wait_tcp "$VNC_PORT" 10 "$NAME"
if [ -n "$PASSWORD" ]; then
  reply=$(printf 'change vnc password %s\n' "${PASSWORD:0:8}" | socat -t 1 - UNIX-CONNECT:"$MON" 2>&1) || true
  if [[ $reply != *"(qemu)"* ]] || grep -qiE 'error|could not|failed' <<< "$reply"; then
    tb_die "$NAME: setting the VNC password through the monitor failed"
  fi
fi
tb_log "$NAME pid $(tb_pid "$NAME"): vnc 127.0.0.1:$VNC_PORT$([ -n "$PASSWORD" ] && echo ' (password)')," \
  "ws $WS_PORT, serial 127.0.0.1:$SERIAL_PORT, monitor $MON"
