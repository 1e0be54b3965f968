#!/bin/sh
# bench/api/run.sh: the HTTP API against nginx, in the same run.
#
#   bench/api/run.sh BUILD_DIR [SECONDS] [WORKERS]
#
# 1. Builds (once, then reuses) a database of a million firms with
#    bench-search --build-only, and adds a staff member and a token.
# 2. Starts `zhaoshang-cli serve --workers WORKERS --quiet` on a free
#    loopback port, and nginx (a temporary configuration, as many worker
#    processes) serving one firm's JSON as a static file.
# 3. wrk (2 threads, 64 connections): GET /api/v1/firms/{random id} with
#    the token, then the static file; prints both rates and their ratio
#    (target: at least 0.5).
#    Also the least any answer costs: the same server refusing requests
#    without a token (401), which is libsoup's own work and ours before
#    any database read; the API's rate as a fraction of it says how much
#    of a request is ours.
# 4. A mixed load, 80 % reads of random firms and 20 % new contacts, with
#    wrk's latency distribution: the p99 and the errors (target: none).
#
# ZS_BENCH_API_DB and ZS_BENCH_API_FIRMS choose another database and size.
# Needs wrk and nginx (Debian packages). Nothing here runs in `meson test`.
set -eu

build=$(cd "${1:?usage: $0 BUILD_DIR [SECONDS] [WORKERS]}" && pwd)
seconds=${2:-10}
workers=${3:-2}
here=$(cd "$(dirname "$0")" && pwd)
cli=$build/ui/cli/zhaoshang-cli
db=${ZS_BENCH_API_DB:-$build/bench/search-1m.db}
work=$(mktemp -d)
serve_pid=
nginx_pid=

cleanup () {
  [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null && wait "$serve_pid" 2>/dev/null
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

for tool in wrk nginx; do
  command -v $tool >/dev/null || [ -x /usr/sbin/$tool ] || { echo "$0: needs $tool (apt-get install $tool)" >&2; exit 2; }
done
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

free_port () {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

"$build/bench/bench-search" --firms "${ZS_BENCH_API_FIRMS:-1000000}" --build-only --db "$db" >&2
export ZHAOSHANG_PLUGIN_PATH=
"$cli" --db "$db" staff list --json | grep -q '"bench-api"' ||
  "$cli" --db "$db" staff add --name bench-api --role admin >/dev/null
token=$("$cli" --db "$db" token create --staff bench-api 2>/dev/null)
firms=$(sqlite3 "$db" 'SELECT max(id) FROM firms')

api_port=$(free_port)
"$cli" --db "$db" serve --port "$api_port" --workers "$workers" --quiet 2>"$work/serve.log" &
serve_pid=$!
i=0
until curl -s -o /dev/null "http://127.0.0.1:$api_port/api/v1/openapi.json"; do
  i=$((i + 1)); [ $i -lt 100 ] || { cat "$work/serve.log" >&2; exit 1; }; sleep 0.1
done

mkdir -p "$work/www"
curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$api_port/api/v1/firms/1" >"$work/www/firm.json"
nginx_port=$(free_port)
cat >"$work/nginx.conf" <<CONF
worker_processes $workers;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp;
  uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
  default_type application/json;
  server { listen 127.0.0.1:$nginx_port; root $work/www; }
}
CONF
mkdir -p "$work/tmp"
"$nginx_bin" -c "$work/nginx.conf" -p "$work" &
nginx_pid=$!
sleep 0.5

rate () {
  sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$1"
}

export ZS_BENCH_TOKEN=$token ZS_BENCH_FIRMS=$firms
wrk -t2 -c64 -d"${seconds}s" -s "$here/random-firm.lua" "http://127.0.0.1:$api_port" >"$work/api.txt"
wrk -t2 -c64 -d"${seconds}s" "http://127.0.0.1:$nginx_port/firm.json" >"$work/nginx.txt"
wrk -t2 -c64 -d"${seconds}s" "http://127.0.0.1:$api_port/api/v1/firms/1" >"$work/floor.txt"
api=$(rate "$work/api.txt")
static=$(rate "$work/nginx.txt")
floor=$(rate "$work/floor.txt")
echo "GET /api/v1/firms/{random of $firms}, $workers workers: $api requests/s"
echo "nginx, the same JSON as a static file, $workers workers: $static requests/s"
echo "the same server answering 401 to requests without a token: $floor requests/s"
awk -v a="$api" -v n="$static" 'BEGIN { printf "ratio: %.2f x nginx (target >= 0.5)\n", a / n }'
awk -v a="$api" -v f="$floor" -v n="$static" \
  'BEGIN { printf "the 401 floor is %.2f x nginx; the API reaches %.2f of that floor\n", f / n, a / f }'
grep -E 'Non-2xx|Socket errors' "$work/api.txt" || true

wrk -t2 -c64 -d"${seconds}s" --latency -s "$here/mixed.lua" "http://127.0.0.1:$api_port" >"$work/mixed.txt"
echo "mixed, 80 % GET firm / 20 % POST contact: $(rate "$work/mixed.txt") requests/s," \
     "p99 $(sed -n 's/^ *99% *\([0-9.a-z]*\).*/\1/p' "$work/mixed.txt")," \
     "errors: $(sed -n 's/^ *Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' "$work/mixed.txt" | grep . || echo 0)" \
     "$(grep 'Socket errors' "$work/mixed.txt" || true)"
