# shellcheck shell=bash
# Shared helpers for Scripts/testbed/*.sh and Scripts/lab. Sourced, never run on its own.
#
#   TETHER_LAB_STATE  pid files, logs, generated configs, secrets   (default /tmp/tether-lab)
#   TETHER_VENV       Python venv made by Scripts/setup             (default /opt/tether-venv)
#   TETHER_LAB_CACHE  test VM + xterm.js bundle made by Scripts/setup (default /var/cache/tether-lab)
#
# Every process is started in its own session with its pid in $TB_STATE/NAME.pid (plus its
# start time in NAME.start, so a recycled pid is never signalled) and its output in NAME.log.
# Pid files that a program writes itself (QEMU's -pidfile) come with NAME.comm instead: the
# expected start of /proc/PID/comm.
# Processes are only ever stopped through those files.

# shellcheck disable=SC2034 # TB_DIR, TB_VENV: used by the scripts that source this file
TB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TB_STATE="${TETHER_LAB_STATE:-/tmp/tether-lab}"
# shellcheck disable=SC2034
TB_VENV="${TETHER_VENV:-/opt/tether-venv}"
TB_CACHE="${TETHER_LAB_CACHE:-/var/cache/tether-lab}"
TB_VM="$TB_CACHE/vm"
# The state dir stays world-traversable: the PostgreSQL server runs as user `postgres`.
# Secrets live in the 0700 subdirectory secrets/ and in 0600 files.
mkdir -p "$TB_STATE"
chmod 755 "$TB_STATE"

tb_log() { echo "[testbed] $*" >&2; }
tb_die() { echo "[testbed] ERROR: $*" >&2; exit 1; }
tb_need() { command -v "$1" > /dev/null || tb_die "missing $1: run Scripts/setup"; }

# tb_live PID -> the process exists and is not a zombie waiting for its parent to reap it
tb_live() {
  local state
  state=$(sed -E 's/^.*\) (.).*/\1/' "/proc/$1/stat" 2> /dev/null) || return 1
  [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}

# tb_start_time PID -> the process start time (clock ticks since boot), empty if gone
tb_start_time() { awk '{print $22}' "/proc/$1/stat" 2> /dev/null || true; }

# tb_pid NAME -> prints the recorded pid if that process is still the one recorded
tb_pid() {
  local name=$1 pid want
  pid=$(head -n 1 "$TB_STATE/$name.pid" 2> /dev/null) || return 1
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  tb_live "$pid" || return 1
  if [ -s "$TB_STATE/$name.start" ]; then
    want=$(cat "$TB_STATE/$name.start")
    [ "$(tb_start_time "$pid")" = "$want" ] || return 1
  elif [ -s "$TB_STATE/$name.comm" ]; then
    # pid files written by the program itself (QEMU): check the program name instead
    want=$(cat "$TB_STATE/$name.comm")
    [[ "$(cat "/proc/$pid/comm" 2> /dev/null)" == "$want"* ]] || return 1
  fi
  echo "$pid"
}

tb_running() { tb_pid "$1" > /dev/null; }

# tb_record NAME PID -> writes NAME.pid and NAME.start for a process started elsewhere
tb_record() {
  echo "$2" > "$TB_STATE/$1.pid"
  tb_start_time "$2" > "$TB_STATE/$1.start"
}

# tb_start NAME CMD... -> runs CMD in the background in its own session
tb_start() {
  local name=$1 pid
  shift
  if pid=$(tb_pid "$name"); then
    tb_die "$name is already running (pid $pid); stop it first"
  fi
  setsid "$@" > "$TB_STATE/$name.log" 2>&1 < /dev/null &
  pid=$!
  tb_record "$name" "$pid"
  tb_log "$name started, pid $pid, log $TB_STATE/$name.log"
}

# tb_stop NAME -> SIGTERM (SIGINT for postgres: fast shutdown), up to 5 s, then SIGKILL
tb_stop() {
  local name=$1 pid sig=TERM i
  if pid=$(tb_pid "$name"); then
    [ "$name" = postgres ] && sig=INT
    kill -s "$sig" "$pid" 2> /dev/null || true
    for ((i = 0; i < 50; i++)); do
      tb_live "$pid" || break
      sleep 0.1
    done
    if tb_live "$pid"; then
      kill -9 "$pid" 2> /dev/null || true
      for ((i = 0; i < 20; i++)); do
        tb_live "$pid" || break
        sleep 0.1
      done
    fi
    tb_log "$name (pid $pid) stopped"
  fi
  rm -f "$TB_STATE/$name.pid" "$TB_STATE/$name.start" "$TB_STATE/$name.comm"
}

# tb_age PID -> seconds (2 decimals) since the process started
tb_age() {
  local ticks
  ticks=$(tb_start_time "$1")
  [ -n "$ticks" ] || return 1
  awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" '{printf "%.2f\n", $1 - t / hz}' /proc/uptime
}

# tb_alive_or_die NAME -> fails loudly, with the tail of the log, when NAME has died
tb_alive_or_die() {
  tb_running "$1" && return 0
  [ -f "$TB_STATE/$1.log" ] && tail -n 15 "$TB_STATE/$1.log" | sed 's/^/    /' >&2
  tb_die "$1 is not running (log: $TB_STATE/$1.log)"
}

tb_tcp_open() { (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null; }
tb_udp_bound() { ss -Hlun "sport = :$1" 2> /dev/null | grep -q .; }
tb_port_in_use() { ss -Hltun "sport = :$1" 2> /dev/null | grep -q .; }

# tb_wait DESCRIPTION SECONDS NAME|- CMD... -> polls CMD every 0.1 s until it succeeds;
# fails loudly on timeout or as soon as process NAME (unless "-") dies.
tb_wait() {
  local what=$1 secs=$2 name=$3 deadline
  shift 3
  deadline=$((SECONDS + secs))
  until "$@"; do
    [ "$name" = - ] || tb_alive_or_die "$name"
    ((SECONDS < deadline)) || tb_die "timeout after ${secs} s waiting for $what"
    sleep 0.1
  done
}

tb_wait_tcp() { tb_wait "tcp 127.0.0.1:$1" "${2:-20}" "${3:--}" tb_tcp_open "$1"; }
tb_wait_udp() { tb_wait "udp 127.0.0.1:$1" "${2:-20}" "${3:--}" tb_udp_bound "$1"; }

# tb_random_password LENGTH -> [A-Za-z0-9]{LENGTH}
tb_random_password() {
  local out=""
  while [ ${#out} -lt "$1" ]; do
    out+=$(head -c 64 /dev/urandom | LC_ALL=C tr -dc 'A-Za-z0-9')
  done
  echo "${out:0:$1}"
}

# tb_secret FILE LENGTH -> (re)creates FILE (mode 0600) holding a new random password
tb_secret() {
  mkdir -p "$(dirname "$1")"
  rm -f "$1"
  # no trailing newline: the file content is the password, byte for byte
  (umask 077 && printf '%s' "$(tb_random_password "$2")" > "$1")
  chmod 600 "$1"
}

tb_need_vm() {
  if [ ! -s "$TB_VM/vmlinuz" ] || [ ! -s "$TB_VM/initrd.cpio.gz" ]; then
    tb_die "no test VM in $TB_VM: run Scripts/setup (without --no-vm)"
  fi
}
