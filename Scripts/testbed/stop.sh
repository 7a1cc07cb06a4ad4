#!/usr/bin/env bash
# Stops test-bed processes through the pid files in $TETHER_LAB_STATE (never by process name).
#   stop.sh            everything that has a pid file there
#   stop.sh NAME...    only those (e.g. stop.sh sushy oidc)
# For NAME it also stops NAME-qemu (the VM that ipmi_sim started in vm mode: QEMU outlives a
# killed ipmi_sim) and NAME-serial (the serial_echo.py of a standalone ipmi_sim).
set -euo pipefail
# shellcheck source=SCRIPTDIR/common.sh
. "$(dirname "$0")/common.sh"
if [ $# -eq 0 ]; then
  shopt -s nullglob
  names=()
  for f in "$TB_STATE"/*.pid; do
    n=$(basename "$f" .pid)
    # a child goes down with its parent, after it (so ipmi_sim cannot react to its VM dying)
    case $n in
      *-qemu) [ -f "$TB_STATE/${n%-qemu}.pid" ] && continue ;;
      *-serial) [ -f "$TB_STATE/${n%-serial}.pid" ] && continue ;;
    esac
    names+=("$n")
  done
  set -- "${names[@]}"
fi
for n in "$@"; do
  tb_stop "$n"
  for child in "$n-qemu" "$n-serial"; do
    if [ -f "$TB_STATE/$child.pid" ]; then tb_stop "$child"; fi
  done
done
exit 0
