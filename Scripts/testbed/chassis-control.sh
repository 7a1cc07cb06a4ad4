#!/usr/bin/env bash
# chassis_control program for ipmi_sim in standalone mode: the power state lives in a file.
# ipmi_sim runs it as
#   chassis-control.sh STATEFILE get power      -> prints "power:0" or "power:1"
#   chassis-control.sh STATEFILE set power 1    (also: reset, boot, identify, shutdown)
#   chassis-control.sh STATEFILE check          -> non-zero: nothing to check
set -euo pipefail
STATE=${1:?state file}
OP=${2:?operation}
shift 2
[ -f "$STATE" ] || echo 0 > "$STATE"
case $OP in
  get)
    for p in "$@"; do
      case $p in
        power) echo "power:$(cat "$STATE")" ;;
        boot) echo "boot:default" ;;
        *) echo "Invalid parameter: $p"; exit 1 ;;
      esac
    done
    ;;
  set)
    while [ $# -gt 0 ]; do
      p=$1
      v=${2:-}
      shift
      [ $# -gt 0 ] && shift
      case $p in
        power) echo "$v" > "$STATE" ;;
        shutdown) echo 0 > "$STATE" ;;
        reset | boot) ;;
        identify) [ $# -gt 0 ] && shift ;; # identify takes interval + force
        *) echo "Invalid parameter: $p"; exit 1 ;;
      esac
    done
    ;;
  check) exit 1 ;;
  *) echo "Unknown operation: $OP"; exit 1 ;;
esac
