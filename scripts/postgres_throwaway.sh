# A throwaway PostgreSQL + PostGIS cluster for the store tests; sourced by .ci/run.
#   source scripts/postgres_throwaway.sh && postgres_throwaway_start
# sets GEO_TEST_POSTGRES_URL; postgres_throwaway_stop (also on EXIT) stops it and deletes it.
# Nothing listens on TCP: the server takes a unix socket in a private folder, trust auth.
# As root (CI), the server runs as the `postgres` user that Debian's package creates,
# because initdb and postgres refuse to run as root.

_PG_DIR=""
_PG_BIN=""
_PG_RUN=()

postgres_throwaway_start() {
  local version port user
  version=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -1)
  if [ -z "$version" ]; then
    echo "error: no PostgreSQL server under /usr/lib/postgresql; apt-get install postgresql" >&2
    return 1
  fi
  _PG_BIN=/usr/lib/postgresql/$version/bin
  _PG_DIR=$(mktemp -d /tmp/geo-pg.XXXXXX)
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$_PG_DIR"
    _PG_RUN=(runuser -u postgres --)
  fi
  # The port names the socket file (.s.PGSQL.<port>); a random one keeps parallel runs apart.
  port=$(( (RANDOM % 20000) + 30000 ))
  user=geo
  "${_PG_RUN[@]}" "$_PG_BIN/initdb" -D "$_PG_DIR/data" -U "$user" -A trust -E UTF8 \
    --locale=C.UTF-8 >"$_PG_DIR/initdb.log" 2>&1 \
    || { cat "$_PG_DIR/initdb.log" >&2; return 1; }
  "${_PG_RUN[@]}" "$_PG_BIN/pg_ctl" -D "$_PG_DIR/data" -l "$_PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses='' -k $_PG_DIR -p $port -c fsync=off" start >/dev/null \
    || { cat "$_PG_DIR/server.log" >&2; return 1; }
  trap postgres_throwaway_stop EXIT
  "$_PG_BIN/createdb" -h "$_PG_DIR" -p "$port" -U "$user" geo_test
  "$_PG_BIN/psql" -q -h "$_PG_DIR" -p "$port" -U "$user" -d geo_test \
    -c "CREATE EXTENSION IF NOT EXISTS postgis" >/dev/null
  export GEO_TEST_POSTGRES_URL="postgresql://$user@/geo_test?host=$_PG_DIR&port=$port"
  echo "PostgreSQL $version with PostGIS for the tests: $GEO_TEST_POSTGRES_URL" >&2
}

postgres_throwaway_stop() {
  [ -n "$_PG_DIR" ] || return 0
  "${_PG_RUN[@]}" "$_PG_BIN/pg_ctl" -D "$_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$_PG_DIR"
  _PG_DIR=""
}
