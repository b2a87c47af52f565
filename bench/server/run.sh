#!/usr/bin/env bash
# Benchmarks TokenGovernor's usage ledger on a dedicated copy of the built Liberty server with a
# fresh SQLite file: durable batch ingestion (/api/usage/batch) and reserve + report latency at a
# constant arrival rate. See bench/server/README.md.
#
# Environment (all optional):
#   BENCH_WLP       where the server copy goes               (default /tmp/wlp-bench)
#   BENCH_PORT      HTTP port of the copy                    (default 9480; HTTPS = BENCH_HTTPS_PORT, 9843)
#   INGEST_CLIENTS  concurrent batch senders                 (default 4)
#   INGEST_BATCH    events per batch                         (default 2000; up to 10,000)
#   INGEST_SECONDS  measured seconds                         (default 30, warm-up INGEST_WARMUP 5)
#   LOOP_RATE       reserve+report pairs per second          (default 1000)
#   LOOP_SECONDS    measured seconds                         (default 30, warm-up LOOP_WARMUP 10)
#   LOOP_TASKS      tasks the pairs are spread over          (default 16)
#   MODES           which modes to run                       (default "ingest loop resume")
#   RESUME_TASKS    tasks queued then resumed by one budget raise (default 1000)
#   PROFILE=1       record a JFR file of the server in $BENCH_WLP/bench.jfr (written at stop)
#   KEEP=1          leave the server running afterwards
#   BENCH_SYNCHRONOUS=NORMAL  experiment: SQLite synchronous mode of the copy (shipped: FULL)
#   BENCH_DB_KIND=postgresql  run the copy on PostgreSQL (a fresh database tokengov_bench, dropped and
#                             created with psql; BENCH_PG_HOST 127.0.0.1, BENCH_PG_PORT 5432, user postgres)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
src="$repo/governor-ear/target/liberty/wlp"
wlp="${BENCH_WLP:-/tmp/wlp-bench}"
port="${BENCH_PORT:-9480}"
https_port="${BENCH_HTTPS_PORT:-9843}"
url="http://127.0.0.1:$port"
server_dir="$wlp/usr/servers/governor"
java_bench=(java -XX:+UseParallelGC -Xmx512m "$here/LedgerBench.java")

[[ -x "$src/bin/server" ]] || { echo "no Liberty runtime in $src: build first (./mvnw -pl governor-ear -am package)" >&2; exit 1; }
case "$wlp" in /|"$repo"*) echo "refusing BENCH_WLP=$wlp" >&2; exit 1;; esac

stop() {
    if [[ "${KEEP:-0}" != 1 && -x "$wlp/bin/server" ]]; then
        "$wlp/bin/server" stop governor >/dev/null 2>&1 || true
    fi
}
trap stop EXIT

"$wlp/bin/server" stop governor >/dev/null 2>&1 || true
rm -rf "$wlp"
# Copy the runtime and the server's configuration, not its state (database, key, logs, caches): the
# build's own server may be running and changing those files while we copy.
mkdir -p "$server_dir"
for entry in "$src"/* "$src"/.[!.]*; do
    [[ -e "$entry" && "$(basename "$entry")" != usr ]] && cp -r "$entry" "$wlp/"
done
for entry in "$src/usr"/*; do
    [[ -e "$entry" && "$(basename "$entry")" != servers ]] && cp -r "$entry" "$wlp/usr/"
done
for entry in "$src/usr/servers/governor"/*; do
    case "$(basename "$entry")" in
        workarea|logs|tranlog|token-governor.db*|admin.key) ;;
        *) cp -r "$entry" "$server_dir/" ;;
    esac
done
# Freeze the application: the build's loose EAR (apps/token-governor.ear.xml) points into target/
# and ~/.m2, which later builds change under a running server. Assemble a real EAR from the very
# files it names (jar is part of the JDK), so the copy keeps running what was built when it started.
freeze_loose_ear() { # loose.xml out.ear
    local stage outer inner="" war="" line src dst
    stage="$(mktemp -d)"; outer="$stage/ear"; mkdir -p "$outer"
    while IFS= read -r line; do
        if [[ "$line" =~ \<archive\ targetInArchive=\"([^\"]+)\"\> ]]; then
            inner="$stage/war${BASH_REMATCH[1]}"; mkdir -p "$inner"; war="${BASH_REMATCH[1]}"
        elif [[ "$line" =~ \</archive\> && -n "$inner" ]]; then
            mkdir -p "$(dirname "$outer$war")"
            (cd "$inner" && jar cfM "$outer$war" .)
            inner=""
        elif [[ "$line" =~ \<(dir|file)\ sourceOnDisk=\"([^\"]+)\"\ targetInArchive=\"([^\"]+)\" ]]; then
            src="${BASH_REMATCH[2]}"; dst="${inner:-$outer}${BASH_REMATCH[3]}"
            mkdir -p "$(dirname "$dst")"
            if [[ "${BASH_REMATCH[1]}" == dir ]]; then mkdir -p "$dst"; cp -r "$src/." "$dst/"; else cp "$src" "$dst"; fi
            newest="$(find "$src" -type f -printf '%T@\n' | sort -n | tail -1 | cut -d. -f1)"
            (( ${newest:-0} > ${app_built:-0} )) && app_built="$newest"
        fi
    done <"$1"
    (cd "$outer" && jar cfM "$2" .)
    rm -rf "$stage"
}
app_built="$(date -r "$server_dir/apps" +%s)"
if [[ -f "$server_dir/apps/token-governor.ear.xml" ]]; then
    freeze_loose_ear "$server_dir/apps/token-governor.ear.xml" "$server_dir/apps/token-governor.ear"
    rm -f "$server_dir/apps/token-governor.ear.xml"
fi
if [[ -n "${BENCH_SYNCHRONOUS:-}" ]]; then # experiment only: the shipped setting is FULL
    sed -i "s/synchronous=\"FULL\"/synchronous=\"$BENCH_SYNCHRONOUS\"/" "$server_dir/datasource-sqlite.xml"
    echo "== EXPERIMENT: SQLite synchronous=$BENCH_SYNCHRONOUS in this copy"
fi
if [[ "${PROFILE:-0}" == 1 ]]; then
    echo "-XX:StartFlightRecording=filename=$wlp/bench.jfr,settings=profile,dumponexit=true" \
        >>"$server_dir/jvm.options"
fi

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "== java: $(java -version 2>&1 | head -1)"
echo "== code: $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$repo" diff --quiet HEAD -- 2>/dev/null || echo ' + uncommitted changes'), application built $(date -u -d "@$app_built" '+%F %T UTC')"
echo "== load average before start: $(cut -d' ' -f1-3 /proc/loadavg)"
unset TOKEN_GOV_ADMIN_KEY
db_kind="${BENCH_DB_KIND:-sqlite}"
if [[ "$db_kind" == postgresql ]]; then
    pg_host="${BENCH_PG_HOST:-127.0.0.1}"; pg_port="${BENCH_PG_PORT:-5432}"
    psql -q -h "$pg_host" -p "$pg_port" -U postgres -d postgres -c "DROP DATABASE IF EXISTS tokengov_bench" \
        -c "CREATE DATABASE tokengov_bench"
    export TOKEN_GOV_PG_HOST="$pg_host" TOKEN_GOV_PG_PORT="$pg_port" TOKEN_GOV_PG_DATABASE=tokengov_bench
fi
echo "== database: $db_kind"
TOKEN_GOV_DB_KIND="$db_kind" TOKEN_GOV_HTTP_PORT="$port" TOKEN_GOV_HTTPS_PORT="$https_port" \
    "$wlp/bin/server" start governor --clean >/dev/null

for _ in $(seq 1 120); do
    if curl -fs "$url/health/ready" >/dev/null 2>&1; then break; fi
    sleep 1
done
curl -fs "$url/health/ready" >/dev/null || { echo "server not ready on $url" >&2; tail -50 "$server_dir/logs/messages.log" >&2; exit 1; }
key="$(tr -d '[:space:]' <"$server_dir/admin.key")"
server_pid="$(pgrep -f -- "-javaagent:$wlp/bin/tools/ws-javaagent.jar" | head -1 || true)"
echo "== server ready on $url (admin key from $server_dir/admin.key)"

setup() { # name tasks -> PROJECT=… TASKS=…
    "${java_bench[@]}" setup --url "$url" --key "$key" --name "$1" --tasks "$2"
}

status=0
results=()
for mode in ${MODES:-ingest loop resume}; do
    case "$mode" in
    ingest)
        eval "$(setup bench-ingest 8)"
        echo "== ingest (load average $(cut -d' ' -f1-3 /proc/loadavg))"
        out="$("${java_bench[@]}" ingest --url "$url" --key "$key" --project "$PROJECT" --tasks "$TASKS" \
            --clients "${INGEST_CLIENTS:-4}" --batch "${INGEST_BATCH:-2000}" --seconds "${INGEST_SECONDS:-30}" \
            --warmup "${INGEST_WARMUP:-5}" --server-pid "${server_pid:-none}")" || status=$?
        ;;
    loop)
        eval "$(setup bench-loop "${LOOP_TASKS:-16}")"
        echo "== loop (load average $(cut -d' ' -f1-3 /proc/loadavg))"
        out="$("${java_bench[@]}" loop --url "$url" --key "$key" --project "$PROJECT" --tasks "$TASKS" \
            --rate "${LOOP_RATE:-1000}" --seconds "${LOOP_SECONDS:-30}" --warmup "${LOOP_WARMUP:-10}" --server-pid "${server_pid:-none}")" || status=$?
        ;;
    resume)
        echo "== resume (load average $(cut -d' ' -f1-3 /proc/loadavg))"
        out="$("${java_bench[@]}" resume --url "$url" --key "$key" --tasks "${RESUME_TASKS:-1000}" \
            | sed 's/^RESUME /RESULT mode=resume /')" || status=$?
        ;;
    *) echo "unknown mode $mode" >&2; exit 64 ;;
    esac
    echo "$out"
    results+=("$(grep '^RESULT ' <<<"$out" || echo "RESULT mode=$mode FAILED") load=$(cut -d' ' -f1 /proc/loadavg)")
done

echo "== summary (targets: ingest >= 20000 events/s; loop p99 <= 5 ms at 1000 req/s)"
printf '%s\n' "${results[@]}"
ls -l "$server_dir/token-governor.db" | awk '{print "== database file: " $5 " bytes"}'
exit "$status"
