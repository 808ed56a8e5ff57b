# A throwaway PostgreSQL of Debian's packages for the benchmarks: `pg_start DIR` sets PG_PORT and
# PG_BIN; `pg_createdb NAME` prints its URL; `pg_psql SQL...`; `pg_stop`. Sourced, not run.
pg_as() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_start() {
    PG_DIR=$1
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    [ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL is not installed: apt-get install -y postgresql" >&2; return 1; }
    PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    mkdir -p "$PG_DIR" && chmod 700 "$PG_DIR" && chmod o+x "$(dirname "$PG_DIR")"
    [ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
    pg_as "$PG_BIN/initdb" -D "$PG_DIR/data" -U nhachan --auth=trust -E UTF8 >/dev/null
    # Durable as a production server is (fsync on): the figures include the commits' cost.
    pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
        -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
}
pg_createdb() {
    pg_as "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U nhachan "$1"
    echo "postgres://nhachan@127.0.0.1:$PG_PORT/$1?sslmode=disable"
}
pg_psql() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U nhachan -At "$@"; }
pg_stop() { [ -z "${PG_DIR:-}" ] || pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true; }
