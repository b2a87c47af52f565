#!/usr/bin/env bash
# Times `token-gov usage daily --json` against ccusage 20.0.24 (`ccusage claude daily --json --offline`)
# on the same generated logs (~200 MB in 650 files), alternating, and checks both print the same bytes.
# token-gov runs twice per round: as users run it (its line cache warm from the previous run, the
# logs unchanged) and with --no-cache (every file parsed, as on a first run).
#
#   bench/usage-vs-ccusage.sh [ROUNDS]          (default 7)
#
# Needs: a built checkout (./mvnw -q install; it also installs ccusage into ~/.cache/token-governor),
# /usr/bin/time (GNU time: apt-get install time). BENCH_DIR (default /tmp/token-gov-bench) keeps the corpus.
set -euo pipefail

rounds="${1:-7}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench_dir="${BENCH_DIR:-/tmp/token-gov-bench}"
ccusage="${CCUSAGE_BIN:-$HOME/.cache/token-governor/ccusage-20.0.24/ccusage}"
timer=/usr/bin/time

[ -x "$timer" ] || { echo "GNU time is missing: apt-get install time" >&2; exit 1; }
[ -x "$ccusage" ] || { echo "ccusage not found at $ccusage: build the cli module (it installs ccusage) or set CCUSAGE_BIN" >&2; exit 1; }
ls "$root"/cli/target/cli-*.jar >/dev/null 2>&1 || { echo "build first: ./mvnw -q install" >&2; exit 1; }

if [ ! -d "$bench_dir/claude/projects" ]; then
  classpath="$root/cli/target/test-classes:$root/cli/target/classes:$(ls "$root"/cli/target/lib/*.jar | tr '\n' ':')"
  java -cp "$classpath" io.tokengovernor.cli.usage.ClaudeLogCorpus "$bench_dir/claude" 650 200
fi
files=$(find "$bench_dir/claude/projects" -name '*.jsonl' | wc -l)
size=$(du -sm "$bench_dir/claude/projects" | cut -f1)
find "$bench_dir/claude/projects" -name '*.jsonl' -exec cat {} + > /dev/null # warm page cache

export CLAUDE_CONFIG_DIR="$bench_dir/claude" TZ=UTC HOME="$bench_dir"
out="$bench_dir/results"
mkdir -p "$out"
: > "$out/ccusage.times"
: > "$out/token-gov.times"
: > "$out/token-gov-no-cache.times"

run() { # name, command...
  local name="$1"
  shift
  "$timer" -f "%e %M %U %S" -o "$out/$name.last" "$@" > "$out/$name.json"
  cat "$out/$name.last" >> "$out/$name.times"
}

run ccusage "$ccusage" claude daily --json --offline # warm-up (and cache fill), not counted
run token-gov "$root/token-gov" usage daily --json
: > "$out/ccusage.times"
: > "$out/token-gov.times"
for ((i = 1; i <= rounds; i++)); do
  if ((i % 2)); then
    run ccusage "$ccusage" claude daily --json --offline
    run token-gov "$root/token-gov" usage daily --json
    run token-gov-no-cache "$root/token-gov" usage daily --json --no-cache
  else
    run token-gov-no-cache "$root/token-gov" usage daily --json --no-cache
    run token-gov "$root/token-gov" usage daily --json
    run ccusage "$ccusage" claude daily --json --offline
  fi
done

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
cc_wall=$(cut -d' ' -f1 "$out/ccusage.times" | median)
tg_wall=$(cut -d' ' -f1 "$out/token-gov.times" | median)
cc_rss=$(cut -d' ' -f2 "$out/ccusage.times" | median)
tg_rss=$(cut -d' ' -f2 "$out/token-gov.times" | median)
nc_wall=$(cut -d' ' -f1 "$out/token-gov-no-cache.times" | median)
nc_rss=$(cut -d' ' -f2 "$out/token-gov-no-cache.times" | median)
cpu() { awk '{print $3 + $4}' "$1" | median; } # user + system seconds: steadier than wall time on a busy machine
cc_cpu=$(cpu "$out/ccusage.times")
tg_cpu=$(cpu "$out/token-gov.times")
nc_cpu=$(cpu "$out/token-gov-no-cache.times")

if cmp -s "$out/ccusage.json" "$out/token-gov.json" && cmp -s "$out/ccusage.json" "$out/token-gov-no-cache.json"; then
  same=identical
else
  same=DIFFERENT
fi
echo "corpus: $files files, $size MB, TZ=UTC, $(nproc) cores, $rounds rounds alternating, load average $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v cw="$cc_wall" -v tw="$tg_wall" -v cr="$cc_rss" -v tr="$tg_rss" -v nw="$nc_wall" -v nr="$nc_rss" \
    -v cc="$cc_cpu" -v tc="$tg_cpu" -v nc="$nc_cpu" -v same="$same" 'BEGIN {
  printf "%-22s median wall %6.2f s   CPU %6.2f s   peak RSS %7.1f MB\n", "ccusage", cw, cc, cr / 1024
  printf "%-22s median wall %6.2f s   CPU %6.2f s   peak RSS %7.1f MB\n", "token-gov", tw, tc, tr / 1024
  printf "%-22s median wall %6.2f s   CPU %6.2f s   peak RSS %7.1f MB\n", "token-gov --no-cache", nw, nc, nr / 1024
  printf "ratio token-gov/ccusage:            wall %.2f   CPU %.2f   peak RSS %.2f\n", tw / cw, tc / cc, tr / cr
  printf "ratio token-gov --no-cache/ccusage: wall %.2f   CPU %.2f   peak RSS %.2f\n", nw / cw, nc / cc, nr / cr
  printf "output: %s\n", same
}'

[ "$same" = identical ]
