#!/usr/bin/env bash
# Runs local ClickHouse servers on loopback for Quarry's tests and its cluster mode.
#
#   scripts/clickhouse.sh start [SHARDS]   start SHARDS servers (default 1), print their endpoints
#   scripts/clickhouse.sh stop             stop every server started under the home folder
#   scripts/clickhouse.sh status           say which servers run, print the running endpoints
#
# Environment:
#   QUARRY_CLICKHOUSE_HOME    folder for configs, data and logs (default /tmp/quarry-clickhouse)
#   QUARRY_CLICKHOUSE_PORT    first port (default 18120); shard N uses PORT + 10*(N-1) for HTTP,
#                             the next port for the native protocol, the one after for interserver
#   QUARRY_CLICKHOUSE_WAIT    seconds to wait for a server to answer (default 60)
#   QUARRY_CLICKHOUSE_SERVER  the clickhouse-server binary (default: found on PATH or in /usr/sbin)
#
# Endpoints go to stdout, one a line; everything else goes to stderr.
set -euo pipefail

HOME_DIR="${QUARRY_CLICKHOUSE_HOME:-/tmp/quarry-clickhouse}"
BASE_PORT="${QUARRY_CLICKHOUSE_PORT:-18120}"
WAIT_SECONDS="${QUARRY_CLICKHOUSE_WAIT:-60}"
NOT_INSTALLED=3

say() { echo "clickhouse.sh: $*" >&2; }
die() {
  say "$*"
  exit 1
}

# The server binary, or nothing when it is not installed.
find_server() {
  if [[ -n "${QUARRY_CLICKHOUSE_SERVER:-}" ]]; then
    echo "$QUARRY_CLICKHOUSE_SERVER"
  elif command -v clickhouse-server >/dev/null 2>&1; then
    command -v clickhouse-server
  elif [[ -x /usr/sbin/clickhouse-server ]]; then
    echo /usr/sbin/clickhouse-server
  fi
}

http_port() { echo $((BASE_PORT + 10 * ($1 - 1))); }
tcp_port() { echo $((BASE_PORT + 10 * ($1 - 1) + 1)); }
interserver_port() { echo $((BASE_PORT + 10 * ($1 - 1) + 2)); }
shard_dir() { echo "$HOME_DIR/shard-$1"; }
endpoint() { echo "http://127.0.0.1:$(http_port "$1")"; }

# The pid of shard $1 when its server is alive. Where /proc exists, the process must also be
# the one started with this shard's config: a recycled pid or an exited child is not.
running_pid() {
  local dir pid
  dir="$(shard_dir "$1")"
  [[ -f "$dir/server.pid" ]] || return 1
  pid="$(<"$dir/server.pid")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  if [[ -d /proc/self ]]; then
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$dir/config.xml" || return 1
  fi
  echo "$pid"
}

# The shard numbers that have a folder under the home folder, in order.
known_shards() {
  local dir
  for dir in "$HOME_DIR"/shard-*; do
    [[ -d "$dir" ]] && echo "${dir##*/shard-}"
  done | sort -n
}

# Sends `SELECT 1` to port $1 over HTTP with whatever client exists; prints the answer.
select_one() {
  local url="http://127.0.0.1:$1/?query=SELECT%201"
  if command -v curl >/dev/null 2>&1; then
    curl -fsS --max-time 2 "$url" 2>/dev/null
  elif command -v wget >/dev/null 2>&1; then
    wget -q -T 2 -O - "$url" 2>/dev/null
  else
    select_one_over_dev_tcp "$1"
  fi
}

# The same request written by hand, for machines with neither curl nor wget.
select_one_over_dev_tcp() {
  local reply
  reply="$(
    exec 2>/dev/null 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    printf 'GET /?query=SELECT%%201 HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
    timeout 2 cat <&3
  )" || return 1
  [[ "$reply" == "HTTP/1."?" 200"* ]] || return 1
  printf '%s\n' "${reply##*$'\r\n\r\n'}"
}

# True when something already listens on port $1.
port_taken() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# The <remote_servers> entry `quarry`, one shard per server.
remote_servers_xml() {
  local count="$1" n
  echo "  <remote_servers>"
  echo "    <quarry>"
  for ((n = 1; n <= count; n++)); do
    echo "      <shard><replica><host>127.0.0.1</host><port>$(tcp_port "$n")</port></replica>"
    echo "      </shard>"
  done
  echo "    </quarry>"
  echo "  </remote_servers>"
}

write_config() {
  local n="$1" count="$2" dir
  dir="$(shard_dir "$n")"
  cat >"$dir/config.xml" <<EOF
<?xml version="1.0"?>
<yandex>
  <logger>
    <level>warning</level>
    <log>$dir/log/server.log</log>
    <errorlog>$dir/log/error.log</errorlog>
    <size>10M</size>
    <count>2</count>
  </logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>$(http_port "$n")</http_port>
  <tcp_port>$(tcp_port "$n")</tcp_port>
  <interserver_http_port>$(interserver_port "$n")</interserver_http_port>
  <interserver_http_host>127.0.0.1</interserver_http_host>
  <path>$dir/data/</path>
  <tmp_path>$dir/tmp/</tmp_path>
  <user_files_path>$dir/user_files/</user_files_path>
  <users_config>$dir/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <max_concurrent_queries>50</max_concurrent_queries>
  <mark_cache_size>268435456</mark_cache_size>
  <uncompressed_cache_size>268435456</uncompressed_cache_size>
$(remote_servers_xml "$count")
</yandex>
EOF
}

# Users: `default` (no password, for setup) and `quarry_reader` (readonly=1), loopback only.
write_users() {
  local dir
  dir="$(shard_dir "$1")"
  cat >"$dir/users.xml" <<'EOF'
<?xml version="1.0"?>
<yandex>
  <profiles>
    <default>
      <output_format_json_quote_denormals>1</output_format_json_quote_denormals>
    </default>
    <readonly>
      <readonly>1</readonly>
      <output_format_json_quote_denormals>1</output_format_json_quote_denormals>
    </readonly>
  </profiles>
  <users>
    <default>
      <password></password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </default>
    <quarry_reader>
      <password></password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>readonly</profile>
      <quota>default</quota>
    </quarry_reader>
  </users>
  <quotas>
    <default>
      <interval>
        <duration>3600</duration>
        <queries>0</queries>
        <errors>0</errors>
        <result_rows>0</result_rows>
        <read_rows>0</read_rows>
        <execution_time>0</execution_time>
      </interval>
    </default>
  </quotas>
</yandex>
EOF
}

# Starts shard $1 of $2 in the background and records its pid.
launch() {
  local n="$1" count="$2" server="$3" dir port
  dir="$(shard_dir "$n")"
  for port in $(http_port "$n") $(tcp_port "$n") $(interserver_port "$n"); do
    port_taken "$port" && die "port $port on 127.0.0.1 is taken; set QUARRY_CLICKHOUSE_PORT"
  done

  mkdir -p "$dir"/{data,tmp,user_files,log}
  write_config "$n" "$count"
  write_users "$n"

  (cd "$dir" && TZ=UTC exec "$server" --config-file="$dir/config.xml" \
    >"$dir/log/stdout.log" 2>&1 </dev/null) &
  echo "$!" >"$dir/server.pid"
}

# Waits until shard $1 answers `SELECT 1`, or fails with the tail of its error log.
await() {
  local n="$1" dir deadline
  dir="$(shard_dir "$n")"
  deadline=$((SECONDS + WAIT_SECONDS))
  until [[ "$(select_one "$(http_port "$n")" || true)" == 1 ]]; do
    if ! running_pid "$n" >/dev/null; then
      tail -n 20 "$dir/log/error.log" "$dir/log/stdout.log" >&2 2>/dev/null || true
      die "shard $n exited while starting (logs in $dir/log)"
    fi
    ((SECONDS < deadline)) || die "shard $n did not answer within ${WAIT_SECONDS}s"
    sleep 0.2
  done
}

start() {
  local count="${1:-1}" server n
  [[ "$count" =~ ^[1-9][0-9]*$ ]] || die "the shard count must be a positive number, not '$count'"
  server="$(find_server)"
  if [[ -z "$server" || ! -x "$server" ]]; then
    say "clickhouse-server is not installed; install it with:"
    say "  apt-get update && apt-get install -y clickhouse-server clickhouse-client"
    exit "$NOT_INSTALLED"
  fi
  check_same_count "$count"

  mkdir -p "$HOME_DIR"
  echo "$count" >"$HOME_DIR/shards"
  for ((n = 1; n <= count; n++)); do
    running_pid "$n" >/dev/null || launch "$n" "$count" "$server"
  done
  for ((n = 1; n <= count; n++)); do
    await "$n"
    endpoint "$n"
  done
}

# Refuses to start a different number of shards beside servers that already run.
check_same_count() {
  local n
  for n in $(known_shards); do
    if running_pid "$n" >/dev/null && [[ "$(cat "$HOME_DIR/shards" 2>/dev/null)" != "$1" ]]; then
      die "servers already run under $HOME_DIR with another shard count; stop them first"
    fi
  done
}

# Stops the servers whose pids are given: TERM, then KILL for any still running after 30 s.
halt() {
  local pid tries=0
  kill -TERM "$@" 2>/dev/null || true
  for pid in "$@"; do
    while kill -0 "$pid" 2>/dev/null; do
      if ((tries++ == 150)); then
        say "pid $pid ignored TERM; killing it"
        kill -KILL "$pid" 2>/dev/null || true
      fi
      sleep 0.2
    done
  done
}

stop() {
  local n pid pids=() shards=()
  for n in $(known_shards); do
    if pid="$(running_pid "$n")"; then
      pids+=("$pid")
      shards+=("$n")
    fi
  done
  ((${#pids[@]} > 0)) || return 0

  halt "${pids[@]}"
  for n in "${shards[@]}"; do
    rm -f "$(shard_dir "$n")/server.pid"
    say "stopped shard $n"
  done
}

status() {
  local n pid all=0 any=0
  for n in $(known_shards); do
    any=1
    if pid="$(running_pid "$n")"; then
      say "shard $n running (pid $pid)"
      endpoint "$n"
    else
      say "shard $n stopped"
      all=1
    fi
  done
  ((any)) || die "no server has been started under $HOME_DIR"
  return "$all"
}

case "${1:-}" in
  start) start "${2:-1}" ;;
  stop) stop ;;
  status) status ;;
  *)
    say "usage: $0 start [SHARDS] | stop | status"
    exit 2
    ;;
esac
