#!/usr/bin/env bash
# Command-line behaviour: exit codes, bad input, extract/link equivalence,
# determinism. Usage: cli-test.sh COROLINT SOURCE_DIR [STD_PCH]
set -u
corolint=$1
src=$2
# The compile flags every project here uses, as JSON array elements: the
# corpus include folder and, when given (tests/CMakeLists.txt does), the
# standard library precompiled, which spares each run its parse.
corpus_flags="\"-I$src/test-corpus/include\""
[ -n "${3:-}" ] && corpus_flags="$corpus_flags, \"-include-pch\", \"$3\""
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
check() { # check NAME EXPECTED_STATUS ACTUAL_STATUS
  if [ "$2" != "$3" ]; then
    echo "FAIL: $1: expected exit $2, got $3"
    failures=$((failures + 1))
  else
    echo "ok: $1"
  fi
}
contains() { # contains NAME FILE TEXT
  if grep -qF -- "$3" "$2"; then echo "ok: $1"; else
    echo "FAIL: $1: '$3' not in output:"; cat "$2"; failures=$((failures + 1)); fi
}

# A small project: one unit with a finding, one clean, compile database by hand.
proj=$work/proj
mkdir -p "$proj/build"
cp "$src/test-corpus/lock-across-suspend/lock_guard_across_co_await.cpp" "$proj/bad.cpp"
cp "$src/test-corpus/lock-across-suspend/lock_in_closed_scope.cpp" "$proj/good.cpp"
db() { # db FILE...
  local first=1
  echo "["
  for f in "$@"; do
    [ $first = 1 ] || echo ","
    first=0
    printf '{"directory": "%s", "file": "%s", "arguments": ["clang++", "-std=c++20", %s, "-c", "%s"]}\n' \
      "$proj" "$f" "$corpus_flags" "$f"
  done
  echo "]"
}
db bad.cpp good.cpp > "$proj/build/compile_commands.json"

"$corolint" -p "$proj/build" > "$work/out.txt" 2> "$work/err.txt"
check "findings exit 1" 1 $?
contains "clang-style warning" "$work/out.txt" "bad.cpp:"
contains "rule id in brackets" "$work/out.txt" "[lock-across-suspend]"
contains "note line" "$work/out.txt" ": note: "
contains "summary on stderr" "$work/err.txt" "findings"

"$corolint" -p "$proj/build" "$proj/good.cpp" > /dev/null 2>&1
check "clean file exits 0" 0 $?

"$corolint" -p "$proj/build" --fail-on=error > /dev/null 2>&1
check "--fail-on=error ignores warnings" 0 $?
"$corolint" -p "$proj/build" --fail-on=never > /dev/null 2>&1
check "--fail-on=never" 0 $?
"$corolint" -p "$proj/build" --checks='-*' > /dev/null 2>&1
check "--checks=-* runs nothing" 0 $?
"$corolint" -p "$proj/build" --fail-on=sometimes > /dev/null 2> "$work/err.txt"
check "bad --fail-on is a usage error" 2 $?
contains "bad --fail-on message" "$work/err.txt" "--fail-on must be"

"$corolint" --list-checks > "$work/out.txt"
contains "--list-checks" "$work/out.txt" "lock-across-suspend"
"$corolint" --version > "$work/out.txt"
contains "--version" "$work/out.txt" "corolint version"

# Bad input.
"$corolint" -p "$work/nowhere" > /dev/null 2> "$work/err.txt"
check "missing compile database" 2 $?
contains "names the database" "$work/err.txt" "nowhere/compile_commands.json"
mkdir -p "$work/broken"
echo '[{"directory": ' > "$work/broken/compile_commands.json"
"$corolint" -p "$work/broken" > /dev/null 2> "$work/err.txt"
check "malformed compile database" 2 $?
contains "malformed database named" "$work/err.txt" "broken/compile_commands.json"
# Found by the compile database fuzzer: a number too large for a double
# threw past the JSON check.
printf '[{"directory": "/", "file": "a.cpp", "command": "cc", "x": 1e999999}]' > "$work/broken/compile_commands.json"
"$corolint" -p "$work/broken" > /dev/null 2> "$work/err.txt"
check "a number overflowing a double is a malformed database" 2 $?
contains "the overflow is named" "$work/err.txt" "not valid JSON"
"$corolint" -p "$proj/build" "$proj/other.cpp" > /dev/null 2> "$work/err.txt"
check "file not in the database" 2 $?
contains "names the file" "$work/err.txt" "other.cpp: not in the compile database"

# A unit that does not compile, and one that does not exist: both reported,
# the good unit still analyzed, exit 3.
echo 'int broken( {' > "$proj/broken.cpp"
db bad.cpp broken.cpp missing.cpp > "$proj/build/compile_commands.json"
"$corolint" -p "$proj/build" > "$work/out.txt" 2> "$work/err.txt"
check "unparsable units exit 3" 3 $?
contains "broken unit named" "$work/err.txt" "broken.cpp: translation unit could not be parsed"
contains "missing unit named" "$work/err.txt" "missing.cpp: translation unit could not be parsed"
contains "good unit still analyzed" "$work/out.txt" "[lock-across-suspend]"
"$corolint" -p "$proj/build" --format=json > "$work/out.json" 2>/dev/null
contains "json lists unanalyzed units" "$work/out.json" '"unanalyzed"'
# extract records the units it could not analyze, and link reports them
# exactly as the one-shot run does.
"$corolint" extract -p "$proj/build" -o "$work/broken-facts" > /dev/null 2>&1
check "extract with unparsable units exits 3" 3 $?
"$corolint" link "$work/broken-facts" --format=json > "$work/linked.json" 2> "$work/err.txt"
check "link reports the unparsable units" 3 $?
contains "link names the broken unit" "$work/err.txt" "broken.cpp: translation unit could not be parsed"
if cmp -s "$work/out.json" "$work/linked.json"; then echo "ok: link output with unanalyzed units identical"; else
  echo "FAIL: link differs from the one-shot run"; diff "$work/out.json" "$work/linked.json" | head; failures=$((failures + 1)); fi

# Assembly units in the database (a context switch in .S) are left out, not
# parsed as C and reported as unanalyzable.
printf '.globl swap_context\nswap_context:\n  ret\n' > "$proj/switch.S"
db bad.cpp switch.S > "$proj/build/compile_commands.json"
"$corolint" -p "$proj/build" > /dev/null 2>&1
check "assembly units are left out" 1 $?
db switch.S > "$proj/build/compile_commands.json"
"$corolint" -p "$proj/build" > /dev/null 2> "$work/err.txt"
check "a database of assembly only is bad input" 2 $?
contains "no C or C++ entries" "$work/err.txt" "has no C or C++ entries"
db bad.cpp good.cpp > "$proj/build/compile_commands.json"

# -o never overwrites what the run reads.
cp "$proj/bad.cpp" "$work/bad.before"
"$corolint" -p "$proj/build" -o "$proj/bad.cpp" > /dev/null 2> "$work/err.txt"
check "-o naming a source is bad input" 2 $?
contains "-o says what it names" "$work/err.txt" "is the source of a translation unit"
if cmp -s "$proj/bad.cpp" "$work/bad.before"; then echo "ok: the source is untouched"; else
  echo "FAIL: -o overwrote a source"; failures=$((failures + 1)); fi
"$corolint" -p "$proj/build" -o "$proj/build/compile_commands.json" > /dev/null 2> "$work/err.txt"
check "-o naming the compile database is bad input" 2 $?
contains "-o names the database" "$work/err.txt" "is the compile database"

# A library copied into third_party/ is not the project's: a finding in its
# function, which the project hands to the loop, moves to the project's line,
# unless --header-filter asks for its headers.
vend=$work/vendored
mkdir -p "$vend/build"
cp -r "$src/test-corpus/blocking-call/library-function-handed-to-the-loop/." "$vend/"
cp "$src/test-corpus/.corolint.yaml" "$vend/" # The fake library's models.
printf '[{"directory": "%s", "file": "watcher.cpp", "arguments": ["clang++", "-std=c++20", %s, "-c", "watcher.cpp"]}]\n' \
  "$vend" "$corpus_flags" > "$vend/build/compile_commands.json"
(cd "$vend" && "$corolint" -p build > "$work/out.txt" 2>/dev/null)
check "finding in a copied library" 1 $?
contains "moved to the project's line" "$work/out.txt" "watcher.cpp:10:"
contains "says where it was" "$work/out.txt" "in 'tinyconf::reload', which this reaches"
(cd "$vend" && "$corolint" -p build --header-filter='.*' > "$work/out.txt" 2>/dev/null)
contains "--header-filter shows it in the header" "$work/out.txt" "third_party/tinyconf/tinyconf.h:11:"

# Output is written whole or not at all, and never renamed over a device.
echo old > "$work/old.sarif"
(ulimit -f 1; "$corolint" -p "$proj/build" --format=sarif -o "$work/old.sarif" > /dev/null 2> "$work/err.txt")
check "a write past the file-size limit is bad output" 2 $?
contains "the limit is named" "$work/err.txt" "old.sarif: cannot write: File too large"
if [ "$(cat "$work/old.sarif")" = old ]; then echo "ok: the old file is kept"; else
  echo "FAIL: a failed write replaced the old file"; failures=$((failures + 1)); fi
if ls "$work"/old.sarif.tmp-* > /dev/null 2>&1; then
  echo "FAIL: a temporary file was left"; failures=$((failures + 1)); else echo "ok: no temporary file left"; fi
if [ -c /dev/full ]; then
  "$corolint" -p "$proj/build" -o /dev/full > /dev/null 2> "$work/err.txt"
  check "-o a full device" 2 $?
  contains "the device is named" "$work/err.txt" "/dev/full: cannot write: No space left on device"
  if [ -c /dev/full ]; then echo "ok: the device is still a device"; else
    echo "FAIL: -o replaced /dev/full with a file"; failures=$((failures + 1)); fi
  "$corolint" -p "$proj/build" > /dev/full 2> "$work/err.txt"
  check "standard output that cannot be written" 2 $?
  contains "standard output is named" "$work/err.txt" "standard output: cannot write"
fi
mkdir -p "$work/a%b"
"$corolint" -p "$proj/build" -o "$work/a%b/out.txt" > /dev/null 2>&1
check "-o a path with a % in it" 1 $?
echo old > "$work/real.txt"
ln -s real.txt "$work/link.txt"
"$corolint" -p "$proj/build" -o "$work/link.txt" > /dev/null 2>&1
if [ -L "$work/link.txt" ] && grep -q "lock-across-suspend" "$work/real.txt"; then
  echo "ok: -o a symbolic link writes its file and keeps the link"; else
  echo "FAIL: -o replaced a symbolic link"; failures=$((failures + 1)); fi
(cd "$work" && "$corolint" -p "$proj/build" --write-baseline=- > baseline-stdout.json 2>/dev/null)
contains "--write-baseline=- writes standard output" "$work/baseline-stdout.json" '"corolint-baseline"'
mkfifo "$work/fifo"
cat "$work/fifo" > "$work/from-fifo.txt" &
"$corolint" -p "$proj/build" -o "$work/fifo" > /dev/null 2>&1
check "-o a fifo writes through it" 1 $?
wait
contains "the report came through the fifo" "$work/from-fifo.txt" "[lock-across-suspend]"
if [ -p "$work/fifo" ]; then echo "ok: the fifo is still a fifo"; else
  echo "FAIL: -o replaced a fifo"; failures=$((failures + 1)); fi

"$corolint" -p "$proj/build" -j100000 > /dev/null 2> "$work/err.txt"
check "-j far above the cores still runs" 1 $?
contains "-j is capped with a warning" "$work/err.txt" "is more than 4 per hardware thread"

# extract + link report exactly what the one-shot run reports.
"$corolint" -p "$proj/build" --format=json > "$work/oneshot.json" 2>/dev/null
"$corolint" extract -p "$proj/build" -o "$work/facts" > /dev/null 2>&1
check "extract" 0 $?
"$corolint" link "$work/facts" --format=json > "$work/linked.json" 2>/dev/null
check "link finds the same" 1 $?
if cmp -s "$work/oneshot.json" "$work/linked.json"; then echo "ok: link output identical"; else
  echo "FAIL: link output differs"; diff "$work/oneshot.json" "$work/linked.json" | head; failures=$((failures + 1)); fi

# Bad facts files.
f=$(ls "$work/facts"/bad.cpp.*.facts.json)
sed -E 's/"version":[0-9]+/"version":999/' "$f" > "$work/v999.facts.json"
"$corolint" link "$work/v999.facts.json" > /dev/null 2> "$work/err.txt"
check "facts of another version" 2 $?
contains "version message" "$work/err.txt" "v999.facts.json: facts version 999"
head -c 100 "$f" > "$work/cut.facts.json"
"$corolint" link "$work/cut.facts.json" > /dev/null 2> "$work/err.txt"
check "truncated facts" 2 $?
contains "truncated message" "$work/err.txt" "cut.facts.json: not a facts file"

# Graph output.
"$corolint" -p "$proj/build" --graph=dot -o "$work/g.dot" 2>/dev/null
check "graph dot" 0 $?
contains "dot digraph" "$work/g.dot" "digraph corolint"
"$corolint" -p "$proj/build" --graph=json -o "$work/g.json" 2>/dev/null
contains "graph json" "$work/g.json" '"format": "corolint-graph"'

# Configuration: checks, an in-house lock type declared only in .corolint.yaml,
# and bad keys named with their line.
cfg=$work/cfg
mkdir -p "$cfg/src" "$cfg/build"
cat > "$cfg/src/spin.cpp" <<'CPP'
#include <fake/coro.h>
namespace mylib {
struct spinlock { void acquire(); void release(); };
struct spin_guard { explicit spin_guard(spinlock &l) : l(l) { l.acquire(); } ~spin_guard() { l.release(); } spinlock &l; };
}
mylib::spinlock table_lock;
fake::event ready;
fake::task<void> update() {
  mylib::spin_guard g(table_lock);
  co_await ready;
}
CPP
printf '[{"directory": "%s", "file": "spin.cpp", "arguments": ["clang++", "-std=c++20", %s, "-c", "spin.cpp"]}]\n' \
  "$cfg/src" "$corpus_flags" > "$cfg/build/compile_commands.json"
"$corolint" -p "$cfg/build" > /dev/null 2>&1
check "unknown guard type is not a lock" 0 $?
cat > "$cfg/src/.corolint.yaml" <<'YAML'
Models:
  - library: mylib
    types:
      - name: mylib::spin_guard
        role: sync-guard
YAML
"$corolint" -p "$cfg/build" > "$work/out.txt" 2>&1
check "guard type from .corolint.yaml" 1 $?
contains "in-house guard reported" "$work/out.txt" "lock 'g' on 'table_lock' is held across co_await"
printf 'Checks: "-*"\nModels:\n  - types: [{name: mylib::spin_guard, role: sync-guard}]\n' > "$cfg/src/.corolint.yaml"
"$corolint" -p "$cfg/build" > /dev/null 2>&1
check "Checks from .corolint.yaml" 0 $?
"$corolint" -p "$cfg/build" --checks='lock-*' > /dev/null 2>&1
check "--checks overrides the file" 1 $?
printf 'Checks: "*"\nCheks: "*"\n' > "$cfg/src/.corolint.yaml"
"$corolint" -p "$cfg/build" > /dev/null 2> "$work/err.txt"
check "unknown config key" 2 $?
contains "config key named with line" "$work/err.txt" ".corolint.yaml:2: unknown key 'Cheks'"
printf 'Models:\n  - types: [{name: mylib::spin_guard, role: guard}]\n' > "$cfg/src/.corolint.yaml"
"$corolint" -p "$cfg/build" > /dev/null 2> "$work/err.txt"
check "bad model in config" 2 $?
contains "bad model entry named" "$work/err.txt" "Models[0]: types[0] ('mylib::spin_guard'): 'role' must be one of"
"$corolint" -p "$cfg/build" --config="$work/none.yaml" > /dev/null 2> "$work/err.txt"
check "missing --config file" 2 $?
# A compile database cut short, or with an entry of the wrong shape, is an
# error naming the file, never a partial analysis.
mkdir -p "$work/cutdb"
printf '[{"directory": "/tmp", "file": "a.cpp", "command": "c++ a.cpp"},\n{"dir' \
  > "$work/cutdb/compile_commands.json"
"$corolint" -p "$work/cutdb" > /dev/null 2> "$work/err.txt"
check "compile database cut short" 2 $?
contains "cut database named" "$work/err.txt" "compile_commands.json: not valid JSON at byte"
printf '[{"directory": 5, "file": "a.cpp", "command": "c++ a.cpp"}]' \
  > "$work/cutdb/compile_commands.json"
"$corolint" -p "$work/cutdb" > /dev/null 2> "$work/err.txt"
check "compile database entry of the wrong shape" 2 $?
contains "bad entry named" "$work/err.txt" "compile_commands.json: entry 0: \"directory\" must be a string"
# A configuration that is not YAML, or that gives a key twice, is refused in
# one line; before, random bytes verified "ok" and the last duplicate won.
printf '{"Checks": "*", \x01\x02' > "$work/bytes.yaml"
"$corolint" --verify-config --config="$work/bytes.yaml" > /dev/null 2> "$work/err.txt"
check "config of random bytes" 2 $?
contains "malformed config named" "$work/err.txt" "bytes.yaml:1: malformed YAML:"
printf 'Checks: "*"\nChecks: "wait-cycle"\n' > "$work/twice.yaml"
"$corolint" --verify-config --config="$work/twice.yaml" > /dev/null 2> "$work/err.txt"
check "config key given twice" 2 $?
contains "duplicate key named" "$work/err.txt" "twice.yaml:2: 'Checks' is given twice (first on line 1)"
# --diff=- with something that is not a diff would filter out every finding.
head -c 4096 /dev/urandom | "$corolint" -p "$proj/build" --diff=- > /dev/null 2> "$work/err.txt"
check "--diff=- given random bytes" 2 $?
contains "not a diff named" "$work/err.txt" "--diff=-: standard input is not a unified diff"
# Hostile inputs: a model nested 50,000 deep, and a device with no end.
python3 -c "print('Models:\n  - ' + '[' * 50000 + ']' * 50000)" > "$work/deep.yaml"
"$corolint" -p "$cfg/build" --config="$work/deep.yaml" > /dev/null 2> "$work/err.txt"
check "deeply nested config" 2 $?
contains "nesting named with line" "$work/err.txt" "deep.yaml:2: nested more than 16 levels deep"
"$corolint" -p "$cfg/build" --config=/dev/zero > /dev/null 2> "$work/err.txt"
check "endless config" 2 $?
contains "endless config named" "$work/err.txt" "/dev/zero: larger than 1024 MiB"

# Determinism: -j1 and -j2, and two runs, byte-identical, over the
# lock-across-suspend cases on the fake library (many units, many findings).
proj=$work/many
mkdir -p "$proj/build"
cp $(grep -l 'fake/coro.h' "$src"/test-corpus/lock-across-suspend/*.cpp) "$proj/"
(cd "$proj" && db *.cpp > build/compile_commands.json)
"$corolint" -p "$proj/build" -j1 --format=json -o "$work/j1.json" 2>/dev/null
"$corolint" -p "$proj/build" -j2 --format=json -o "$work/j2.json" 2>/dev/null
"$corolint" -p "$proj/build" -j2 --format=json -o "$work/j2b.json" 2>/dev/null
units=$(ls "$proj"/*.cpp | wc -l)
found=$(jq '.findings | length' "$work/j1.json")
unparsed=$(jq '.unanalyzed | length' "$work/j1.json")
if [ "$units" -lt 20 ] || [ "$found" -lt 10 ] || [ "$unparsed" != 0 ]; then
  echo "FAIL: determinism needs many units and findings: $units units, $found findings, $unparsed not parsed"
  failures=$((failures + 1)); fi
if cmp -s "$work/j1.json" "$work/j2.json" && cmp -s "$work/j2.json" "$work/j2b.json"; then
  echo "ok: -j1, -j2 and a second run are byte-identical"; else
  echo "FAIL: output differs between runs"; failures=$((failures + 1)); fi

# Inference: an in-house loop no model names. `models` prints what corolint
# infers, with its evidence, as configuration that reads back; --no-infer
# leaves the loop unknown, so its callback's sleep is no loop code.
inf=$work/inf
mkdir -p "$inf/build"
cp "$src/test-corpus/inference/loop_callback_sleeps.cpp" "$inf/main.cpp"
proj=$inf db main.cpp > "$inf/build/compile_commands.json"
"$corolint" models -p "$inf/build" -o "$inf/inferred.yaml" 2> /dev/null
check "models exits 0" 0 $?
contains "models infers the loop's post" "$inf/inferred.yaml" "- name: 'inhouse::event_loop::post'"
contains "models gives the evidence" "$inf/inferred.yaml" "# $src/test-corpus/include/inhouse/loop.h:"
"$corolint" --verify-config --config="$inf/inferred.yaml" > /dev/null 2>&1
check "models' output is valid configuration" 0 $?
"$corolint" -p "$inf/build" > /dev/null 2>&1
check "the inferred loop's callback sleeps" 1 $?
"$corolint" -p "$inf/build" --no-infer > /dev/null 2>&1
check "--no-infer knows no loop" 0 $?

# A finding that rests on an inferred role says so in a note.
locks=$work/locks
mkdir -p "$locks/build"
cp "$src/test-corpus/inference/async_locks_taken_in_opposite_orders.cpp" "$locks/main.cpp"
cp "$src/test-corpus/inference/.corolint.yaml" "$locks/"
proj=$locks db main.cpp > "$locks/build/compile_commands.json"
"$corolint" -p "$locks/build" > "$locks/out.txt" 2> /dev/null
check "the in-house async locks' cycle is found" 1 $?
contains "the finding notes the inferred mutex" "$locks/out.txt" "note: 'inhouse::async_lock' is taken to be an async mutex from its own code"

echo "$failures failures"
[ $failures = 0 ]
