#!/usr/bin/env bash
# A throw-away PostgreSQL cluster (Debian's server, newest installed major): initdb + start.
#   127.0.0.1:$PG_PORT (55432), superuser postgres, trust auth, unix socket in $TETHER_LAB_STATE/pg
#   psql -h 127.0.0.1 -p 55432 -U postgres
# As root the server runs as the `postgres` user (initdb refuses root), which is why the state
# dir must stay traversable for it. stop.sh postgres stops it (SIGINT = fast shutdown).
set -euo pipefail
# shellcheck source=SCRIPTDIR/common.sh
. "$(dirname "$0")/common.sh"
PORT=${PG_PORT:-55432}
BIN=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2> /dev/null | sort -V | tail -n 1)
[ -n "$BIN" ] || tb_die "no PostgreSQL server: run Scripts/setup"
tb_running postgres && tb_die "postgres is already running; stop.sh postgres first"
tb_port_in_use "$PORT" && tb_die "tcp 127.0.0.1:$PORT is already in use"
D="$TB_STATE/pg"
rm -rf "$D"
mkdir -p "$D"
RUN=()
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$D"
  RUN=(runuser -u postgres --)
fi
"${RUN[@]}" "$BIN/initdb" -D "$D/data" -U postgres -A trust -E UTF8 --no-sync > "$D/initdb.log" 2>&1 ||
  tb_die "initdb failed (log $D/initdb.log)"
"${RUN[@]}" "$BIN/pg_ctl" -D "$D/data" -l "$D/server.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $D -c fsync=off -c synchronous_commit=off" start > /dev/null ||
  tb_die "postgres did not start (log $D/server.log)"
tb_record postgres "$(head -n 1 "$D/data/postmaster.pid")"
tb_log "postgres pid $(tb_pid postgres) on 127.0.0.1:$PORT"
