# SPDX-License-Identifier: MIT
# nginx.sh: serve a rota publication with Debian's nginx and
# examples/nginx/rota.conf, on 127.0.0.1 only (sourced by bash, after lib.sh).
#
# nginx_start DIR WORK: a private nginx (prefix, configuration, logs and
#   temporary folders in WORK, `daemon off`, one process) serving DIR
#   through rota.conf on a free loopback port; sets NGINX_PORT and
#   NGINX_PID; returns 1, its error log on stderr, when it does not come up.
# nginx_stop: stops it (call it from the test's EXIT trap).
# ROTA_NGINX overrides /usr/sbin/nginx.

NGINX=${ROTA_NGINX:-/usr/sbin/nginx}
NGINX_PID=
NGINX_PORT=

have_nginx() { [ -x "$NGINX" ] && command -v curl >/dev/null; }

# A port free on 127.0.0.1 right now (nginx may still lose a race for it:
# nginx_start then tries another).
free_port() {
    "$PY" -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

nginx_start() {
    local root work try
    root=$(cd "$1" && pwd)
    work=$2
    mkdir -p "$work/tmp" "$work/logs"
    for try in 1 2 3 4 5; do
        NGINX_PORT=$(free_port)
        # master_process off: one process serves, as the user running the
        # test (a worker switched to "nobody" could not read the test's
        # private temporary folder).
        cat >"$work/nginx.conf" <<CONF
daemon off;
master_process off;
worker_processes 1;
pid $work/nginx.pid;
error_log $work/logs/error.log warn;
events { worker_connections 64; }
http {
    access_log $work/logs/access.log;
    client_body_temp_path $work/tmp/body;
    proxy_temp_path $work/tmp/proxy;
    fastcgi_temp_path $work/tmp/fastcgi;
    uwsgi_temp_path $work/tmp/uwsgi;
    scgi_temp_path $work/tmp/scgi;
    default_type application/octet-stream;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        server_name localhost;
        root $root;
        include $ROTA_TEST_SRCDIR/examples/nginx/rota.conf;
    }
}
CONF
        "$NGINX" -p "$work" -c "$work/nginx.conf" -e "$work/logs/error.log" \
            >"$work/logs/stdout.log" 2>&1 &
        NGINX_PID=$!
        for _ in $(seq 50); do
            if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$NGINX_PORT/feeds/"; then
                return 0
            fi
            kill -0 "$NGINX_PID" 2>/dev/null || break
            sleep 0.1
        done
        nginx_stop
        grep -q 'in use' "$work/logs/error.log" "$work/logs/stdout.log" 2>/dev/null || break
    done
    cat "$work/logs/stdout.log" "$work/logs/error.log" >&2 2>/dev/null
    return 1
}

nginx_stop() {
    if [ -n "$NGINX_PID" ]; then
        kill "$NGINX_PID" 2>/dev/null || true
        wait "$NGINX_PID" 2>/dev/null || true
        NGINX_PID=
    fi
}
