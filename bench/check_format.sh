#!/usr/bin/env bash
# Side-by-side benchmark: `datalint check --select format` against per-line JSON parsing with orjson
# (Python) and jansson (C) on the same generated chat dataset. See bench/README.md.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: bench/check_format.sh [SIZE]

Benchmarks `datalint check --select format` (1 job pinned to one core, and 2 jobs) against
per-line parsing with orjson and jansson (each pinned to one core) on bench/data/chat-SIZE.jsonl,
generating the file first if it is missing. Contenders run interleaved for several rounds; the
report gives the median wall time, MB/s (10^6 bytes/s), peak RSS and speed relative to orjson,
then a memory check (datalint --jobs 1 on a quarter of the file and on the whole file).
The report goes to stdout and bench/out/check_format.md.

Arguments:
  SIZE                 dataset size, 1MB..1GB (default: $BENCH_SIZE or 370MB)

Environment:
  BENCH_SIZE           dataset size when no argument is given (default: 370MB)
  BENCH_ROUNDS         rounds of the interleaved contenders (default: 3)
  BENCH_SEED           generator seed used when the file must be generated (default: 42)
  DATALINT_BIN         use this datalint binary and skip `swift build`
                       (any command that takes `check --jobs N --select format FILE` will do)
  PYTHON               Python interpreter with orjson installed (default: python3)
  SWIFT_BUILD_FLAGS    extra flags for `swift build`, e.g. "-j 1" on a busy machine

Examples:
  bench/check_format.sh                      # the standard 370 MB run
  BENCH_ROUNDS=5 bench/check_format.sh 100MB
  DATALINT_BIN=/path/to/datalint bench/check_format.sh 20MB
EOF
}

die() { echo "check_format.sh: $*" >&2; exit 1; }
note() { echo "==> $*" >&2; }

case "${1:-}" in
    -h|--help) usage; exit 0 ;;
    -*) usage >&2; exit 2 ;;
esac
[[ $# -le 1 ]] || { usage >&2; exit 2; }

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)
SIZE=${1:-${BENCH_SIZE:-370MB}}
ROUNDS=${BENCH_ROUNDS:-3}
SEED=${BENCH_SEED:-42}
PYTHON=${PYTHON:-python3}
OUT=$BENCH_DIR/out
DATA=$BENCH_DIR/data

[[ $SIZE =~ ^[0-9]+(\.[0-9]+)?([KMG]i?B)?$ ]] || die "invalid SIZE '$SIZE' (use e.g. 20MB, 370MB, 1GB)"
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "BENCH_ROUNDS must be a positive integer, not '$ROUNDS'"
FILE=$DATA/chat-$SIZE.jsonl
QUARTER=$DATA/chat-$SIZE.quarter.jsonl
MANIFEST=$FILE.planted.json
REPORT=$OUT/check_format.md
RUNS=$OUT/check_format.runs.tsv
mkdir -p "$OUT" "$DATA"

# ---------------------------------------------------------------------------------------------
# Tools
# ---------------------------------------------------------------------------------------------

TIME=/usr/bin/time
if [[ ! -x $TIME ]]; then
    note "GNU time is missing; installing the Debian package 'time'"
    if [[ $(id -u) -eq 0 ]]; then
        apt-get install -y time >&2 || { apt-get update >&2 && apt-get install -y time >&2; }
    elif command -v sudo >/dev/null; then
        sudo apt-get install -y time >&2
    else
        die "/usr/bin/time not found: install it with 'apt-get install time'"
    fi
fi
command -v taskset >/dev/null || die "taskset not found (Debian package util-linux)"
command -v cc >/dev/null || die "no C compiler 'cc' found"
"$PYTHON" -c 'import orjson' 2>/dev/null || die "$PYTHON cannot import orjson: pip install orjson"
CPUS=$(nproc)
[[ $CPUS -ge 2 ]] || note "only $CPUS CPU: the --jobs 2 contender cannot use two cores"

# ---------------------------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------------------------

if [[ -n ${DATALINT_BIN:-} ]]; then
    DATALINT=$DATALINT_BIN
    [[ -x $DATALINT ]] || DATALINT=$(command -v "$DATALINT_BIN") || die "DATALINT_BIN '$DATALINT_BIN' is not executable"
    note "using DATALINT_BIN=$DATALINT (no swift build)"
    DATALINT_NOTE="datalint binary: \`$DATALINT_BIN\` (DATALINT_BIN)"
else
    note "building datalint (release)"
    # shellcheck disable=SC2086 # SWIFT_BUILD_FLAGS is a list of flags
    (cd "$REPO" && swift build -c release --product datalint ${SWIFT_BUILD_FLAGS:-} >&2)
    DATALINT=$(cd "$REPO" && swift build -c release --show-bin-path)/datalint
    [[ -x $DATALINT ]] || die "swift build did not produce $DATALINT"
    DATALINT_NOTE="datalint binary: swift build -c release"
fi

note "building the jansson peer"
JANSSON=$OUT/jansson_parse
# shellcheck disable=SC2046 # pkg-config prints a list of flags
cc -O2 -Wall -o "$JANSSON" "$BENCH_DIR/peers/jansson_parse.c" \
    $(pkg-config --cflags --libs jansson 2>/dev/null || echo -ljansson) \
    || die "could not build the jansson peer (apt-get install libjansson-dev)"

# ---------------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------------

if [[ ! -f $FILE ]]; then
    note "generating $FILE (seed $SEED)"
    "$PYTHON" "$BENCH_DIR/generate.py" --size "$SIZE" --seed "$SEED" --out "$FILE"
fi
BYTES=$(stat -c %s "$FILE")
LINES=$(wc -l < "$FILE")
# A file from generate.py with a given seed is a prefix of any larger one, so the first quarter
# of the lines is itself a benchmark file of a quarter of the size.
if [[ ! -f $QUARTER || $FILE -nt $QUARTER ]]; then
    note "cutting $QUARTER (first quarter of the lines)"
    head -n $((LINES / 4)) "$FILE" > "$QUARTER.partial" && mv "$QUARTER.partial" "$QUARTER"
fi
QUARTER_BYTES=$(stat -c %s "$QUARTER")
if [[ -f $MANIFEST ]]; then
    read -r PLANTED SYNTAX_PLANTED < <("$PYTHON" - "$MANIFEST" <<'EOF'
import json, sys
planted = json.load(open(sys.argv[1]))["planted"]
print(len(planted), sum(p["code"] in ("format/invalid-json", "format/empty-line") for p in planted))
EOF
    )
else
    PLANTED="?" SYNTAX_PLANTED="?"
fi

note "warming the page cache"
cat "$FILE" "$QUARTER" > /dev/null

# ---------------------------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------------------------

CONTENDERS=(datalint-j1 datalint-j2 orjson jansson)
declare -A LABEL=(
    [datalint-j1]="datalint check --jobs 1 --select format (taskset -c 0)"
    [datalint-j2]="datalint check --jobs 2 --select format (both cores)"
    [orjson]="orjson.loads per line, Python (taskset -c 0)"
    [jansson]="jansson json_loadb per line, C (taskset -c 0)"
)
declare -A COUNTS=()
TIME_OUT=$OUT/.time
STDOUT=$OUT/.stdout
STDERR=$OUT/.stderr

# measure ID FILE: runs one contender on FILE; appends "ID FILE SECONDS RSS_KIB CPU_SECONDS" to $RUNS.
# SECONDS is wall time from a nanosecond clock; RSS and CPU (user + system) time come from GNU time.
measure() {
    local id=$1 file=$2 status=0 start end allowed=" 0 "
    local -a command
    case $id in
        datalint-j1) command=(taskset -c 0 "$DATALINT" check --jobs 1 --select format "$file"); allowed=" 0 1 " ;;
        datalint-j2) command=("$DATALINT" check --jobs 2 --select format "$file"); allowed=" 0 1 " ;;
        orjson) command=(taskset -c 0 "$PYTHON" "$BENCH_DIR/peers/orjson_parse.py" "$file") ;;
        jansson) command=(taskset -c 0 "$JANSSON" "$file") ;;
        *) die "unknown contender $id" ;;
    esac
    start=$(date +%s%N)
    if [[ $id == datalint-* ]]; then
        "$TIME" -f "%e %M %U %S" -o "$TIME_OUT" "${command[@]}" > /dev/null 2> "$STDERR" || status=$?
    else
        "$TIME" -f "%e %M %U %S" -o "$TIME_OUT" "${command[@]}" > "$STDOUT" 2> "$STDERR" || status=$?
    fi
    end=$(date +%s%N)
    if [[ $allowed != *" $status "* ]]; then
        echo "check_format.sh: '${command[*]}' failed with exit status $status; its stderr ends:" >&2
        tail -n 20 "$STDERR" >&2
        exit 1
    fi
    # GNU time writes "Command exited with non-zero status N" first when the status is not 0.
    local rss cpu
    read -r _ rss cpu < <(tail -n 1 "$TIME_OUT" | awk '{ print $1, $2, $3 + $4 }')
    [[ $rss =~ ^[0-9]+$ ]] || die "could not read peak RSS from $TIME_OUT"
    if [[ $id != datalint-* ]]; then COUNTS[$id]=$(cat "$STDOUT"); fi
    awk -v id="$id" -v f="$(basename "$file")" -v s="$start" -v e="$end" -v rss="$rss" -v cpu="$cpu" \
        'BEGIN { printf "%s\t%s\t%.3f\t%d\t%.2f\n", id, f, (e - s) / 1e9, rss, cpu }' >> "$RUNS"
    tail -n 1 "$RUNS" | awk -F'\t' '{ printf "    %-12s %8.3f s wall %8.2f s CPU %8.1f MiB\n", $1, $3, $5, $4 / 1024 }' >&2
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
: > "$RUNS"
for ((round = 0; round < ROUNDS; round++)); do
    note "round $((round + 1))/$ROUNDS on $(basename "$FILE")"
    # Rotate the order every round, so no contender always runs first (or right after another).
    for ((k = 0; k < ${#CONTENDERS[@]}; k++)); do
        measure "${CONTENDERS[(round + k) % ${#CONTENDERS[@]}]}" "$FILE"
    done
done
note "memory check: datalint --jobs 1 on the quarter file"
measure datalint-j1 "$QUARTER"
QUARTER_RSS=$(tail -n 1 "$RUNS" | cut -f4)
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------

# Statistics of one contender's runs on the full file.
FULL_NAME=$(basename "$FILE")
# median ID COLUMN: the median of a column of $RUNS (3 = wall seconds, 5 = CPU seconds).
median() {
    awk -F'\t' -v id="$1" -v f="$FULL_NAME" -v c="$2" '$1 == id && $2 == f { print $c }' "$RUNS" | sort -g |
        awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
max_rss_kib() {
    awk -F'\t' -v id="$1" -v f="$FULL_NAME" '$1 == id && $2 == f && $4 > m { m = $4 } END { print m }' "$RUNS"
}

ORJSON_SECONDS=$(median orjson 3)
COMMIT=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)
git -C "$REPO" diff --quiet HEAD 2>/dev/null || COMMIT="$COMMIT (uncommitted changes)"
CPU_MODEL=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
PY_VERSIONS=$("$PYTHON" -c 'import sys, orjson; print(f"Python {sys.version.split()[0]}, orjson {orjson.__version__}")')
JANSSON_VERSION=$(pkg-config --modversion jansson 2>/dev/null || echo "?")

{
    echo "## \`datalint check --select format\` vs per-line JSON parsers"
    echo
    # shellcheck disable=SC2016 # the backquotes are Markdown
    printf 'File: `%s`: %.1f MB, %s lines, %s planted errors (%s of them invalid JSON or empty lines).  \n' \
        "bench/data/$(basename "$FILE")" "$(awk -v b="$BYTES" 'BEGIN { print b / 1e6 }')" "$LINES" "$PLANTED" "$SYNTAX_PLANTED"
    echo "Median of $ROUNDS interleaved rounds, page cache warm. MB = 10^6 bytes; peak RSS is the largest of the rounds;"
    echo "\"vs orjson\" is orjson's median time divided by the contender's (above 1 = faster than orjson)."
    echo "CPU s is the median user + system time: on a busy machine it varies less than wall time."
    echo
    echo "| contender | seconds | MB/s | peak RSS MiB | vs orjson | CPU s |"
    echo "|---|---:|---:|---:|---:|---:|"
    for id in "${CONTENDERS[@]}"; do
        seconds=$(median "$id" 3)
        awk -v label="${LABEL[$id]}" -v s="$seconds" -v b="$BYTES" -v rss="$(max_rss_kib "$id")" -v o="$ORJSON_SECONDS" \
            -v cpu="$(median "$id" 5)" \
            'BEGIN { t = (s > 0.001) ? s : 0.001   # a stand-in can finish within the clock resolution
                     printf "| %s | %.*f | %.0f | %.1f | %.2f× | %.2f |\n", label, (s < 1) ? 3 : 2, s, b / 1e6 / t, rss / 1024, o / t, cpu }'
    done
    echo
    echo "Per-line parsers: orjson ${COUNTS[orjson]:-?}; jansson ${COUNTS[jansson]:-?} (the manifest plants $SYNTAX_PLANTED lines that must be rejected)."
    echo
    echo "### Memory does not grow with file size (datalint --jobs 1)"
    echo
    echo "| file | MB | peak RSS MiB |"
    echo "|---|---:|---:|"
    awk -v n="bench/data/$(basename "$QUARTER")" -v b="$QUARTER_BYTES" -v rss="$QUARTER_RSS" \
        'BEGIN { printf "| `%s` (first quarter) | %.1f | %.1f |\n", n, b / 1e6, rss / 1024 }'
    awk -v n="bench/data/$(basename "$FILE")" -v b="$BYTES" -v rss="$(max_rss_kib datalint-j1)" \
        'BEGIN { printf "| `%s` | %.1f | %.1f |\n", n, b / 1e6, rss / 1024 }'
    echo
    echo "Machine: $CPU_MODEL, $CPUS CPUs, $(uname -sr); load average $LOAD_BEFORE before, $LOAD_AFTER after.  "
    echo "$DATALINT_NOTE at commit $COMMIT; $PY_VERSIONS; jansson $JANSSON_VERSION; $(date -u '+%Y-%m-%d %H:%M UTC')."
} > "$REPORT"

if [[ $SYNTAX_PLANTED != "?" ]]; then
    for id in orjson jansson; do
        [[ ${COUNTS[$id]:-} == *"rejected $SYNTAX_PLANTED" ]] ||
            note "warning: $id rejected a different number of lines than the manifest plants: ${COUNTS[$id]:-?}"
    done
fi
rm -f "$TIME_OUT" "$STDOUT" "$STDERR"
note "report written to $REPORT (raw runs: $RUNS)"
cat "$REPORT"
