#!/usr/bin/env bash
# Checks of bench/compare: its statistics (Python unit tests), and end to end on a tiny bench folder that
# a wrong output is reported as a failure (exit 1, never a time) and a right one gives the table and chart.
set -uo pipefail
cd "$(dirname "$0")/.."
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

check() {  # check NAME CONDITION...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok   $name"; else failed=$((failed + 1)); echo "FAIL $name"; fi
}

unit_tests() { timeout -s KILL 60 python3 -m unittest discover -s bench/lib -p 'test_*.py' -q 2>"$tmp/unit" || { sed 's/^/  /' "$tmp/unit"; false; }; }
check "statistics unit tests" unit_tests

mkdir -p "$tmp/bench/programs" "$tmp/bench/expected"
printf 'print("hello, world")\n' >"$tmp/bench/programs/hello.roast"
printf 'print(6 * 7)\n' >"$tmp/bench/programs/answer.roast"
printf 'hello, world\n' >"$tmp/bench/expected/hello.out"

printf '41\n' >"$tmp/bench/expected/answer.out"   # deliberately wrong
ROAST_BENCH="$tmp/bench" timeout -s KILL 300 bench/compare --runs=1 --warmup=0 --out="$tmp/wrong" >"$tmp/out" 2>"$tmp/err"
status=$?
check "wrong output: exit 1" [ "$status" = 1 ]
check "wrong output: named in the report" grep -q 'answer\*\* under roast-interp: wrong output' "$tmp"/wrong/runs/*.md
check "wrong output: no time in its cell" grep -q '^| answer | \*\*FAILED\*\*' "$tmp"/wrong/runs/*.md
check "wrong output: said on stderr" grep -q 'failure(s): answer under roast-interp' "$tmp/err"
check "only full runs make latest" [ ! -e "$tmp/wrong/latest.md" ]

printf '42\n' >"$tmp/bench/expected/answer.out"
ROAST_BENCH="$tmp/bench" timeout -s KILL 300 bench/compare --roast-only --runs=2 --warmup=0 --out="$tmp/right" >"$tmp/out" 2>"$tmp/err"
status=$?
check "right output: exit 0" [ "$status" = 0 ]
check "right output: a time and a ratio-free row" grep -Eq '^\| answer \| [0-9.]+ \([0-9.]+–[0-9.]+\) \|' "$tmp"/right/runs/*.md
check "right output: chart" grep -q '<svg' "$tmp"/right/runs/*.svg
check "right output: raw numbers" timeout -s KILL 30 python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); assert len(d["cells"]["answer"]["roast-interp"]["times"]) == 2' "$tmp"/right/runs/*.json
check "no process left behind" bash -c "! pgrep -f '[r]oast.jar vm .*$tmp' >/dev/null"

if [ "$failed" != 0 ]; then sed 's/^/  stderr: /' "$tmp/err" | tail -20; fi
echo "bench: $passed passed, $failed failed"
[ "$failed" = 0 ]
