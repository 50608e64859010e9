#!/usr/bin/env bash
# End-to-end checks of the ./roast launcher: JDK discovery, exit statuses,
# where output goes. Each run is under a time limit that ends in SIGKILL.
set -uo pipefail
cd "$(dirname "$0")/.."
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run NAME EXPECTED_STATUS STDOUT_PATTERN STDERR_PATTERN -- COMMAND...
run() {
  local name=$1 want=$2 out_re=$3 err_re=$4
  shift 5
  timeout -s KILL 120 "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  local ok=1
  [ "$got" = "$want" ] || ok=0
  if [ -n "$out_re" ]; then grep -Eq -- "$out_re" "$tmp/out" || ok=0; else [ ! -s "$tmp/out" ] || ok=0; fi
  if [ -n "$err_re" ]; then grep -Eq -- "$err_re" "$tmp/err" || ok=0; fi
  grep -q $'^\tat ' "$tmp/err" && ok=0   # never a Java stack trace
  if [ $ok = 1 ]; then
    passed=$((passed + 1)); echo "ok   $name"
  else
    failed=$((failed + 1)); echo "FAIL $name (status $got, wanted $want)"
    sed 's/^/  stdout: /' "$tmp/out" | head -20; sed 's/^/  stderr: /' "$tmp/err" | head -20
  fi
}

# CPython 3.12, the oracle (spec, top): $ROAST_PYTHON, python3.12 on PATH or pyenv's; may be absent.
python=${ROAST_PYTHON:-}
if [ -z "$python" ]; then
  for c in "$(command -v python3.12 2>/dev/null)" "$HOME"/.pyenv/versions/3.12*/bin/python3; do
    if [ -x "$c" ] && [ "$("$c" -c 'import sys; print(sys.version_info[:2] == (3, 12))' 2>/dev/null)" = True ]; then
      python=$c; break
    fi
  done
fi

# same_as_python NAME STATUS STDOUT STDERR -- FILE [ARGS...]
# `./roast vm FILE ARGS...` must exit with STATUS and print exactly STDOUT and STDERR: what CPython 3.12
# gives for `python3.12 FILE ARGS...`. When CPython is here, it is held to the same expectation, so the
# expected text cannot drift from the oracle.
same_as_python() {
  local name=$1 want=$2 want_out=$3 want_err=$4
  shift 5
  local who cmd
  for who in roast python; do
    if [ $who = roast ]; then cmd=(./roast vm "$@"); else [ -n "$python" ] || continue; cmd=("$python" "$@"); fi
    timeout -s KILL 120 "${cmd[@]}" >"$tmp/out" 2>"$tmp/err"
    local got=$?
    if [ "$got" = "$want" ] && cmp -s <(printf '%s' "$want_out") "$tmp/out" && cmp -s <(printf '%s' "$want_err") "$tmp/err"; then
      passed=$((passed + 1)); echo "ok   $name ($who)"
    else
      failed=$((failed + 1)); echo "FAIL $name ($who: status $got, wanted $want)"
      sed 's/^/  stdout: /' "$tmp/out" | head -20; sed 's/^/  stderr: /' "$tmp/err" | head -20
    fi
  done
}

printf 'x: int = "a"\n' >"$tmp/type_error.roast"
printf 'if True\n    pass\n' >"$tmp/syntax_error.roast"
printf '\xff\xfe\n' >"$tmp/not_utf8.roast"
printf 'def f(a: int) -> int:\n    return a // 0\nprint(f(1))\n' >"$tmp/zero_div.roast"

run "version"            0 '^roast [0-9]'     ''                      -- ./roast --version
run "help"               0 'usage: roast'     ''                      -- ./roast --help
run "check hello"        0 ''                 ''                      -- ./roast check examples/hello.roast
run "vm hello"           0 '^hello, world$'   ''                      -- ./roast vm examples/hello.roast
run "vm fib"             0 '^2178309$'        ''                      -- ./roast vm ../shared/bench/programs/fib.roast
run "vm traceback"       1 ''                 '^ZeroDivisionError: integer division or modulo by zero$' -- ./roast vm "$tmp/zero_div.roast"
run "vm type error"      2 ''                 'error\[E0308\]'       -- ./roast vm "$tmp/type_error.roast"
run "vm bad tier"        2 ''                 'needs one of interp, baseline' -- ./roast vm --max-tier=optimizing examples/hello.roast
run "trace fib"          0 '^2178309$'        'fib \(.*fib.roast:2\): interp -> baseline; [0-9]+ calls' -- ./roast vm --trace-tiers ../shared/bench/programs/fib.roast
run "trace loop_sum osr"  0 '^28665$'          'main \(.*loop_sum.roast:3\): osr interp -> baseline at loop line 6' -- ./roast vm --trace-tiers ../shared/bench/programs/loop_sum.roast
command -v objdump >/dev/null && run "dis machine"        0 'entry at [0-9a-f]+: osr, loop header at pc 6 \(line 6\)' '' -- ./roast dis --machine ../shared/bench/programs/loop_sum.roast
# sys.argv is FILE as given, then every later word (--debug too: after FILE it is the program's).
printf 'import sys\nprint(sys.argv)\n' >"$tmp/argv.roast"
same_as_python "sys.argv"     0 "['$tmp/argv.roast', 'a', 'b c', '--debug']"$'\n' '' -- "$tmp/argv.roast" a "b c" --debug
run "sys.argv after options"  0 "^\['$tmp/argv.roast', 'x'\]$" '' -- ./roast vm --debug --max-depth=50 "$tmp/argv.roast" x
run "sys.argv relative FILE"  0 "^\['\./argv.roast'\]$" ''      -- bash -c 'cd "$1" && "$2" vm ./argv.roast' _ "$tmp" "$PWD/roast"
# sys.exit: from nested calls, with what was printed before it flushed; no traceback.
printf 'import sys\n\n\ndef down(n: int) -> None:\n    print("at", n)\n    if n == 0:\n        sys.exit(3)\n    down(n - 1)\n\n\ndown(2)\nprint("not reached")\n' >"$tmp/exit3.roast"
same_as_python "sys.exit(3)"  3 $'at 2\nat 1\nat 0\n' '' -- "$tmp/exit3.roast"
printf 'import sys\nprint("before")\nsys.exit("bye")\n' >"$tmp/exit_bye.roast"
same_as_python "sys.exit(str)" 1 $'before\n' $'bye\n' -- "$tmp/exit_bye.roast"
printf 'import sys\nprint("before")\nsys.exit()\nprint("after")\n' >"$tmp/exit_none.roast"
same_as_python "sys.exit()"   0 $'before\n' '' -- "$tmp/exit_none.roast"
printf 'import sys\nsys.exit(256 + 7)\n' >"$tmp/exit_263.roast"
same_as_python "sys.exit(263)" 7 '' '' -- "$tmp/exit_263.roast"
[ -n "$python" ] || echo "note: CPython 3.12 not found: the sys checks compared roast with their expected text only"
# --stats=OUT.json: valid JSON however the program ends, none if it does not compile, and an
# unwritable OUT is refused before the program runs.
# stats_ok NAME OUT CONDITION: OUT is valid JSON (Python's json module) and CONDITION holds of it, `s`.
stats_ok() {
  if python3 -c 'import json, sys; s = json.load(open(sys.argv[1])); assert eval(sys.argv[2]), s' "$2" "$3" 2>"$tmp/py"; then
    passed=$((passed + 1)); echo "ok   $1"
  else
    failed=$((failed + 1)); echo "FAIL $1"; sed 's/^/  /' "$tmp/py" | tail -5
  fi
}
run "vm --stats hello"   0 '^hello, world$'   ''                      -- ./roast vm --stats="$tmp/hello.json" examples/hello.roast
stats_ok "stats of hello" "$tmp/hello.json" \
  's["format"] == "roast-stats-1" and s["exit_status"] == 0 and 0 < s["first_output_ms"] <= s["wall_ms"] and s["compile"]["bytecode"]["count"] == 1'
run "vm --stats raises"  1 ''                 '^ZeroDivisionError'    -- ./roast vm --stats="$tmp/zero_div.json" "$tmp/zero_div.roast"
stats_ok "stats of a raise" "$tmp/zero_div.json" 's["exit_status"] == 1 and s["first_output_ms"] is None'
run "vm --stats type error" 2 ''              'error\[E0308\]'      -- ./roast vm --stats="$tmp/type_error.json" "$tmp/type_error.roast"
[ ! -e "$tmp/type_error.json" ] && { passed=$((passed + 1)); echo "ok   no stats without a compiled program"; } \
  || { failed=$((failed + 1)); echo "FAIL no stats without a compiled program: $tmp/type_error.json was written"; }
run "vm --stats unwritable" 2 ''              "^roast: cannot write stats to '$tmp/none/s.json': no such directory$" -- ./roast vm --stats="$tmp/none/s.json" examples/hello.roast
run "vm --stats no file" 2 ''                 'needs a file to write' -- ./roast vm --stats examples/hello.roast
run "check a bench"      0 ''                 ''                      -- ./roast check ../shared/bench/programs/nbody.roast
run "check many files"   2 ''                 'type_error.roast:1:10' -- ./roast check examples/hello.roast "$tmp/type_error.roast"
run "repeat needs time"  2 ''                 'only makes sense with --time' -- ./roast check --repeat=3 examples/hello.roast
run "dis --hir"          0 'call-builtin print' ''                    -- ./roast dis --hir examples/hello.roast
run "dis --mir"          0 'call-builtin print' ''                    -- ./roast dis --mir examples/hello.roast
run "dis --bytecode"     0 'call_builtin'     ''                      -- ./roast dis --bytecode examples/hello.roast
run "type error"         2 ''                 'error\[E0308\]'        -- ./roast check "$tmp/type_error.roast"
run "type error position" 2 ''                '--> .*type_error.roast:1:10' -- ./roast check "$tmp/type_error.roast"
run "syntax error"       2 ''                 'error\[E0001\]'        -- ./roast check "$tmp/syntax_error.roast"
run "missing file"       2 ''                 "cannot read .*no such file" -- ./roast check "$tmp/nope.roast"
run "not UTF-8"          2 ''                 'not valid UTF-8'       -- ./roast check "$tmp/not_utf8.roast"
run "directory"          2 ''                 'is a directory'        -- ./roast check "$tmp"
run "unknown command"    2 ''                 "unknown command 'frobnicate'" -- ./roast frobnicate
run "unknown option"     2 ''                 "unknown option '--bogus'" -- ./roast --bogus
run "check needs a file" 2 ''                 "needs a FILE"          -- ./roast check
# A changed source rebuilds the jar (and the start-up cache), saying so in one line and nothing else.
run "rebuild on change"  0 '^roast [0-9]'     'building roast'        -- bash -c 'touch frontend/src/main/java/dev/roast/frontend/Frontend.java && ./roast --version'
[ "$(cat "$tmp/err")" = "building roast…" ] && { passed=$((passed + 1)); echo "ok   rebuild message is one line"; } \
  || { failed=$((failed + 1)); echo "FAIL rebuild message is one line:"; sed 's/^/  stderr: /' "$tmp/err"; }
run "no JDK"             2 ''                 'no JDK >= 25 found'    -- env -u JAVA_HOME ROAST_JVM_DIR="$tmp/none" PATH=/nonexistent:/bin ./roast --version

echo "launcher: $passed passed, $failed failed"
[ "$failed" = 0 ]
