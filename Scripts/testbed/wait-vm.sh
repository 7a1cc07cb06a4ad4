#!/usr/bin/env bash
# Waits until the VM behind an ipmi_sim started with IPMI_SIM_MODE=vm is usable:
#   QEMU running -> VNC listening -> VNC password set (if any) -> shell prompt "HOST# " on the
#   serial log -> ipmi_sim connected to the VM serial port (SOL ready; ipmi_sim retries that
#   connection only every 10 s).
# Fails loudly, naming the step, on timeout or when ipmi_sim or QEMU dies.
# Usage: wait-vm.sh NAME [BOOT_TIMEOUT_SECONDS (default 120)]
# Prints "NAME: prompt after N.NN s" (age of the QEMU process when the prompt showed up).
set -euo pipefail
# shellcheck source=SCRIPTDIR/common.sh
. "$(dirname "$0")/common.sh"
NAME=${1:?usage: wait-vm.sh NAME [TIMEOUT]}
BOOT_TIMEOUT=${2:-120}
D="$TB_STATE/$NAME"
[ -f "$D/vm.env" ] || tb_die "$NAME was not started in vm mode ($D/vm.env missing)"
# shellcheck source=/dev/null
. "$D/vm.env"

qemu_up() { tb_running "$NAME-qemu"; }
vm_alive() { tb_alive_or_die "$NAME"; qemu_up || tb_die "$NAME: QEMU exited (see $D/qemu.log)"; }
tb_wait "$NAME: QEMU to start" 20 "$NAME" qemu_up
QPID=$(tb_pid "$NAME-qemu")

tb_wait "$NAME: VNC on tcp 127.0.0.1:$VNC_PORT" 20 "$NAME" tb_tcp_open "$VNC_PORT"
if [ "$VNC_PASSWORD" = 1 ]; then
  tb_wait "$NAME: VNC password set through the monitor" 30 "$NAME" test -e "$D/vnc-password.set"
fi

prompt_seen() { vm_alive; grep -qF "$VM_HOST# " "$D/serial.log" 2> /dev/null; }
tb_wait "$NAME: shell prompt '$VM_HOST# ' on the VM serial port (log $D/serial.log)" \
  "$BOOT_TIMEOUT" "$NAME" prompt_seen
AGE=$(tb_age "$QPID")

IPMI_PID=$(tb_pid "$NAME")
sol_linked() {
  vm_alive
  ss -Htnp state established "( dport = :$SERIAL_PORT )" 2> /dev/null | grep -q "pid=$IPMI_PID,"
}
tb_wait "$NAME: ipmi_sim SOL link to tcp 127.0.0.1:$SERIAL_PORT" 30 "$NAME" sol_linked
echo "$NAME: prompt after $AGE s (QEMU pid $QPID)"
