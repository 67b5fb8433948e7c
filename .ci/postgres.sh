#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and development (issue 16): initdb in a temp folder, run as the
# unprivileged postgres user (the server refuses root), md5 auth, its socket in that folder, on a free port.
#
#   eval "$(.ci/postgres.sh start)"   starts it and prints the export lines for TEST_PG_*
#   .ci/postgres.sh stop DIR          stops it and deletes DIR (DIR is TEST_PG_DIR)
#
# The printed role is the cluster's superuser: tests create a fresh database per test class with it.
set -euo pipefail

pgbin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "postgres.sh: no PostgreSQL server found under /usr/lib/postgresql (apt-get install postgresql)" >&2
    exit 3
  fi
  echo "$bin"
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then
    su postgres -s /bin/sh -c "$1"
  else
    sh -c "$1"
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

start() {
  local bin dir port password
  bin=$(pgbin)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/chokepoint-pg.XXXXXX")
  chmod 755 "$dir"
  password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  echo "$password" > "$dir/pw"
  if [ "$(id -u)" = 0 ]; then chown postgres "$dir" "$dir/pw"; fi
  as_postgres "$bin/initdb -D '$dir/data' -A md5 -U postgres --pwfile='$dir/pw' -E UTF8 --locale=C.UTF-8" \
    > "$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 3; }
  rm -f "$dir/pw"
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    if as_postgres "$bin/pg_ctl -D '$dir/data' -o '-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off' -l '$dir/log' -w start" \
        > /dev/null 2>&1; then
      echo "export TEST_PG_URL=jdbc:postgresql://127.0.0.1:$port/postgres"
      echo "export TEST_PG_USER=postgres"
      echo "export TEST_PG_PASSWORD=$password"
      echo "export TEST_PG_DIR=$dir"
      return 0
    fi
  done
  echo "postgres.sh: the server did not start; its log:" >&2
  cat "$dir/log" >&2 || true
  exit 3
}

stop() {
  local dir=${1:-${TEST_PG_DIR:-}}
  if [ -z "$dir" ] || [ ! -d "$dir/data" ]; then
    echo "postgres.sh stop: give the cluster's folder (TEST_PG_DIR)" >&2
    exit 2
  fi
  as_postgres "$(pgbin)/pg_ctl -D '$dir/data' -m fast -w stop" > /dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
