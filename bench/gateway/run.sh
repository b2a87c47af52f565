#!/usr/bin/env bash
# Gateway mode's costs (issue 15) on a dedicated copy of the built server (bench/server/run.sh makes it) whose
# gateway forwards to GatewayBench's instant upstream:
#   latency  time to the first byte through the gateway and straight at the upstream, open loop, p50/p99
#   hold     streams held open at once, the server's RSS and threads with them
#   burst    concurrent sessions on one budget until each is refused
# Environment (all optional):
#   BENCH_WLP, BENCH_PORT, BENCH_HTTPS_PORT  as in bench/server/run.sh (defaults /tmp/wlp-bench-gateway, 9480, 9843)
#   UPSTREAM_PORT   the instant upstream's port             (default 9488)
#   RATE            calls per second, half through the gateway (default 1000)
#   SECONDS_RUN     measured seconds of the latency run      (default 20)
#   HOLD            streams held open                        (default 1000)
#   BURST           concurrent sessions of the burst         (default 64)
#   MODES           which modes to run                       (default "latency hold burst")
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export BENCH_WLP="${BENCH_WLP:-/tmp/wlp-bench-gateway}"
port="${BENCH_PORT:-9480}"
upstream_port="${UPSTREAM_PORT:-9488}"
url="http://127.0.0.1:$port"
bench=(java -Xmx1g "$here/GatewayBench.java")

"${bench[@]}" upstream "$upstream_port" &
upstream_pid=$!
cleanup() {
    kill "$upstream_pid" 2>/dev/null || true
    "$BENCH_WLP/bin/server" stop governor >/dev/null 2>&1 || true
}
trap cleanup EXIT

# the server copy, started with its gateway pointed at the instant upstream, left running (KEEP=1), no ledger modes
GOVERNOR_GATEWAY_ANTHROPIC_URL="http://127.0.0.1:$upstream_port" KEEP=1 MODES=" " "$repo/bench/server/run.sh"
# the copy's server.env comes from the built server, whose gateway may point at a test's upstream: point it here
env_file="$BENCH_WLP/usr/servers/governor/server.env"
if [[ -f "$env_file" ]] && grep -q '^GOVERNOR_GATEWAY_' "$env_file"; then
    sed -i '/^GOVERNOR_GATEWAY_/d' "$env_file"
    "$BENCH_WLP/bin/server" stop governor >/dev/null
    GOVERNOR_GATEWAY_ANTHROPIC_URL="http://127.0.0.1:$upstream_port" TOKEN_GOV_HTTP_PORT="$port" \
        TOKEN_GOV_HTTPS_PORT="${BENCH_HTTPS_PORT:-9843}" "$BENCH_WLP/bin/server" start governor >/dev/null
    for _ in $(seq 1 180); do
        curl -fs -o /dev/null "$url/api/config" && break
        sleep 1
    done
fi
key="$(tr -d '[:space:]' <"$BENCH_WLP/usr/servers/governor/admin.key")"
server_pid="$(cat "$BENCH_WLP/usr/servers/.pid/governor.pid")"

eval "$("${bench[@]}" setup "$url" "$key" 100000000000)"
for mode in ${MODES:-latency hold burst}; do
    echo "== $mode (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    case "$mode" in
    latency) "${bench[@]}" latency "$url" "$KEY" "http://127.0.0.1:$upstream_port" "${RATE:-1000}" "${SECONDS_RUN:-20}" ;;
    hold) "${bench[@]}" hold "$url" "$KEY" "${HOLD:-1000}" "$server_pid" ;;
    burst) "${bench[@]}" burst "$url" "$key" "${BURST:-64}" 100000 15 ;;
    *) echo "unknown mode $mode" >&2; exit 64 ;;
    esac
done
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
