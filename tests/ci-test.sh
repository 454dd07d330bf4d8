#!/usr/bin/env bash
# CI and code-review features: SARIF, suppressions, baselines, diff mode.
# Usage: ci-test.sh COROLINT SOURCE_DIR [STD_PCH]
set -u
corolint=$(realpath "$1")
src=$(realpath "$2")
# The compile flags every project here uses, as JSON array elements: the
# corpus include folder and, when given (tests/CMakeLists.txt does), the
# standard library precompiled, which spares each run its parse.
corpus_flags="\"-I$src/test-corpus/include\""
[ -n "${3:-}" ] && corpus_flags="$corpus_flags, \"-include-pch\", \"$3\""
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
pass() { echo "ok: $1"; }
failed() { echo "FAIL: $1"; failures=$((failures + 1)); }
check() { # check NAME EXPECTED_STATUS ACTUAL_STATUS
  if [ "$2" = "$3" ]; then pass "$1"; else failed "$1: expected exit $2, got $3"; fi
}
equal() { # equal NAME EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then pass "$1"; else failed "$1: expected '$2', got '$3'"; fi
}
contains() { # contains NAME FILE TEXT
  if grep -qF -- "$3" "$2"; then pass "$1"; else
    failed "$1: '$3' not in output:"; cat "$2"; fi
}
# Every SARIF file written here is kept, and validated at the end.
mkdir -p "$work/keep"
keep() { # keep FILE: returns the status of the command before it
  local status=$?
  cp "$1" "$work/keep/$(ls "$work/keep" | wc -l)-$(basename "$1")"
  return $status
}
matches() { # matches NAME FILE REGEX
  if grep -qE -- "$3" "$2"; then pass "$1"; else
    failed "$1: no line matches '$3':"; cat "$2"; fi
}
lacks() { # lacks NAME FILE TEXT
  if [ ! -s "$2" ]; then failed "$1: no output"; elif grep -qF -- "$3" "$2"; then
    failed "$1: '$3' in output"; else pass "$1"; fi
}

# A project whose compile database lists each .cpp of its folder.
proj=$work/proj
mkdir -p "$proj/build"
db() {
  (cd "$proj" && for f in *.cpp; do
    printf '{"directory": "%s", "file": "%s", "arguments": ["clang++", "-std=c++20", %s, "-c", "%s"]}\n' \
      "$proj" "$f" "$corpus_flags" "$f"
  done) | jq -s . > "$proj/build/compile_commands.json"
}
lint() { (cd "$proj" && "$corolint" -p build --quiet "$@"); }
cp "$src/test-corpus/lock-across-suspend/lock_guard_across_co_await.cpp" "$proj/bad.cpp"
# Code points before the finding's column: Clang counts bytes, SARIF does not.
cat > "$proj/utf8.cpp" <<'CPP'
#include <fake/coro.h>
#include <mutex>
std::mutex m2;
fake::event e2;
fake::task<void> grüß() {
  std::lock_guard<std::mutex> lk(m2);
  /* ünïcödé */ co_await e2;
}
CPP
db

## SARIF
lint --format=sarif -o "$work/a.sarif"
keep "$work/a.sarif"
check "sarif: findings exit 1" 1 $?
equal "sarif: version" "2.1.0" "$(jq -r .version "$work/a.sarif")"
equal "sarif: one run" 1 "$(jq '.runs | length' "$work/a.sarif")"
equal "sarif: every registry rule described" \
  "$("$corolint" --list-checks | grep -c '^    ')" \
  "$(jq '[.runs[0].tool.driver.rules[] | select(.id != "unused-suppression")] | length' "$work/a.sarif")"
equal "sarif: rule metadata complete" 0 "$(jq '[.runs[0].tool.driver.rules[]
  | select(.name == .id or (.shortDescription.text | length) == 0
      or (.fullDescription.text | length) == 0 or (.help.markdown | length) == 0
      or (.helpUri | test("/docs/rules/") | not)
      or .properties.precision == null or (.properties.tags | length) == 0
      or .properties["problem.severity"] == null)] | length' "$work/a.sarif")"
equal "sarif: ruleIndex points at ruleId" 0 "$(jq '.runs[0] as $r | [$r.results[]
  | select($r.tool.driver.rules[.ruleIndex].id != .ruleId)] | length' "$work/a.sarif")"
equal "sarif: relative URI under %SRCROOT%" "bad.cpp %SRCROOT%" \
  "$(jq -r '.runs[0].results[] | select(.message.text | contains("lk")) | .locations[0].physicalLocation.artifactLocation
     | "\(.uri) \(.uriBaseId)"' "$work/a.sarif" | sort | head -1)"
lacks "sarif: no absolute path by default" "$work/a.sarif" "$proj"
lacks "sarif: no originalUriBaseIds by default" "$work/a.sarif" "originalUriBaseIds"
equal "sarif: column in code points (Clang says byte 21)" "17 25" \
  "$(jq -r '.runs[0].results[] | .locations[0].physicalLocation | select(.artifactLocation.uri == "utf8.cpp")
     | .region | "\(.startColumn) \(.endColumn)"' "$work/a.sarif")"
equal "sarif: path as one threadFlow" "2" \
  "$(jq '.runs[0].results[] | select(.locations[0].physicalLocation.artifactLocation.uri == "bad.cpp")
     | .codeFlows[0].threadFlows[0].locations | length' "$work/a.sarif")"
equal "sarif: related locations linked from the message" "true" \
  "$(jq '[.runs[0].results[] | . as $r | .relatedLocations[] | .id as $id
     | $r.message.text | contains("](\($id))")] | all' "$work/a.sarif")"
equal "sarif: fingerprint without primaryLocationLineHash" "corolint/v1" \
  "$(jq -r '[.runs[0].results[].partialFingerprints | keys[]] | unique | join(",")' "$work/a.sarif")"
equal "sarif: run successful" "true" "$(jq '.runs[0].invocations[0].executionSuccessful' "$work/a.sarif")"
lint --format=sarif --source-root=. -o "$work/root.sarif"
keep "$work/root.sarif"
equal "sarif: --source-root names the root" "file://$proj/" \
  "$(jq -r '.runs[0].originalUriBaseIds["%SRCROOT%"].uri' "$work/root.sarif")"

# Byte-identical between runs and between -j1 and -j2.
lint --format=sarif -j1 -o "$work/j1.sarif"
keep "$work/j1.sarif"
lint --format=sarif -j2 -o "$work/j2.sarif"
keep "$work/j2.sarif"
if cmp -s "$work/j1.sarif" "$work/j2.sarif" && cmp -s "$work/a.sarif" "$work/j2.sarif"; then
  pass "sarif: -j1, -j2 and another run are byte-identical"; else
  failed "sarif: output differs between runs"; fi

# A unit that does not parse: a notification, and the run is not successful.
echo 'int broken( {' > "$proj/broken.cpp"
db
lint --format=sarif -o "$work/broken.sarif" 2>/dev/null
keep "$work/broken.sarif"
check "sarif: unparsable unit exits 3" 3 $?
equal "sarif: run not successful" "false" "$(jq '.runs[0].invocations[0].executionSuccessful' "$work/broken.sarif")"
equal "sarif: notification names the unit" "broken.cpp" \
  "$(jq -r '.runs[0].invocations[0].toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation.uri' "$work/broken.sarif")"
rm "$proj/broken.cpp"
db

## Inline suppressions
sup=$work/sup
mkdir -p "$sup/build"
cat > "$sup/s.cpp" <<'CPP'
#include <fake/coro.h>
#include <mutex>
std::mutex m;
fake::event e;
fake::task<void> named() {
  std::lock_guard<std::mutex> lk(m);
  co_await e; // NOLINT(corolint-lock-across-suspend): lk guards a counter only
}
fake::task<void> bare() {
  std::lock_guard<std::mutex> lk(m);
  co_await e; // NOLINT
}
fake::task<void> next_line() {
  std::lock_guard<std::mutex> lk(m);
  // NOLINTNEXTLINE(bugprone-*, corolint-lock-*) reviewed in #12
  co_await e;
}
// NOLINTBEGIN(corolint-lock-across-suspend)
fake::task<void> block() {
  std::lock_guard<std::mutex> lk(m);
  co_await e;
}
// NOLINTEND(corolint-lock-across-suspend)
fake::task<void> clean() {
  co_await e; // NOLINT(corolint-lock-across-suspend) stale
}
int typo = 0; // NOLINT(corolint-lock-acros-suspend)
#define EXPECT_OK(...) ((void)(__VA_ARGS__))
fake::task<void> in_macro_argument() {
  std::lock_guard<std::mutex> lk(m);
  EXPECT_OK(
      co_await e); // NOLINT(corolint-lock-across-suspend) where it is spelled
}
CPP
printf '[{"directory": "%s", "file": "s.cpp", "arguments": ["clang++", "-std=c++20", %s, "-c", "s.cpp"]}]\n' \
  "$sup" "$corpus_flags" > "$sup/build/compile_commands.json"
(cd "$sup" && "$corolint" -p build) > "$work/out.txt" 2> "$work/err.txt"
check "suppressions: the unsuppressed finding still fails" 1 $?
equal "suppressions: only the bare NOLINT's finding is reported" "s.cpp:11:3" \
  "$(grep -o 's.cpp:[0-9]*:[0-9]*: warning' "$work/out.txt" | sed 's/: warning//' | tr '\n' ' ' | sed 's/ $//')"
contains "suppressions: stale one reported" "$work/out.txt" \
  "s.cpp:25:18: note: NOLINT(corolint-lock-across-suspend) suppresses no finding; remove it [unused-suppression]"
contains "suppressions: unknown rule reported" "$work/out.txt" \
  "s.cpp:27:18: note: NOLINT(corolint-lock-acros-suspend) names no corolint rule [unused-suppression]"
contains "suppressions: counted in the summary" "$work/err.txt" "(4 suppressed or in the baseline)"
(cd "$sup" && "$corolint" -p build --checks='*,-unused-suppression' --fail-on=note) > "$work/out.txt" 2>/dev/null
lacks "suppressions: --checks turns the notes off" "$work/out.txt" "unused-suppression"
(cd "$sup" && "$corolint" -p build --checks='wait-cycle' --fail-on=note) > "$work/out.txt" 2>/dev/null
check "suppressions: disabled rule's comments are not stale" 0 $?
(cd "$sup" && "$corolint" -p build --format=sarif --quiet) > "$work/s.sarif"
keep "$work/s.sarif"
equal "suppressions: SARIF keeps them with justifications" \
  "inSource:lk guards a counter only|inSource:reviewed in #12|inSource:|inSource:where it is spelled" \
  "$(jq -r '[.runs[0].results[] | select(.suppressions) | .suppressions[0]
     | "\(.kind):\(.justification // "")"] | join("|")' "$work/s.sarif")"
(cd "$sup" && "$corolint" -p build --format=sarif --sarif-suppressed=omit --quiet) > "$work/s2.sarif"
keep "$work/s2.sarif"
equal "suppressions: --sarif-suppressed=omit" "0 3" \
  "$(jq '[.runs[0].results[] | select(.suppressions)] | length' "$work/s2.sarif") $(jq '.runs[0].results | length' "$work/s2.sarif")"
(cd "$sup" && "$corolint" -p build --format=json --quiet) > "$work/s.json"
equal "suppressions: JSON leaves them out" "11 25 27" \
  "$(jq -r '[.findings[].location.line] | map(tostring) | join(" ")' "$work/s.json")"
equal "JSON findings carry the SARIF fingerprint" \
  "$(jq -r '[.runs[0].results[] | select(.suppressions | not) | .partialFingerprints["corolint/v1"]] | join(" ")' "$work/s.sarif")" \
  "$(jq -r '[.findings[].fingerprint] | join(" ")' "$work/s.json")"

## Baselines
base=$work/base
mkdir -p "$base/build"
cp "$src/test-corpus/lock-across-suspend/lock_guard_across_co_await.cpp" "$base/old.cpp"
printf '[{"directory": "%s", "file": "old.cpp", "arguments": ["clang++", "-std=c++20", %s, "-c", "old.cpp"]}]\n' \
  "$base" "$corpus_flags" > "$base/build/compile_commands.json"
blint() { (cd "$base" && "$corolint" -p build --quiet "$@"); }
blint --write-baseline=baseline.json > /dev/null
check "baseline: writing it still reports" 1 $?
equal "baseline: one fingerprint, file relative" "1 old.cpp" \
  "$(jq -r '"\(.findings | length) \(.findings[0].file)"' "$base/baseline.json")"
# Lines inserted above the finding and white space changed on its line.
{ printf '// a new header comment\n// and another\n\nint unrelated = 1;\n'; \
  sed 's/co_await ready;/co_await   ready;/' "$src/test-corpus/lock-across-suspend/lock_guard_across_co_await.cpp"; } > "$base/old.cpp"
blint --baseline=baseline.json > "$work/out.txt"
check "baseline: survives inserted lines" 0 $?
equal "baseline: nothing printed" "" "$(cat "$work/out.txt")"
blint --baseline=baseline.json --format=sarif > "$work/b.sarif"
keep "$work/b.sarif"
equal "baseline: SARIF marks it unchanged" "unchanged 16" \
  "$(jq -r '.runs[0].results[] | "\(.baselineState) \(.locations[0].physicalLocation.region.startLine)"' "$work/b.sarif")"
cat >> "$base/old.cpp" <<'CPP'
fake::task<void> bump_again() {
  std::lock_guard<std::mutex> lk(mtx);
  co_await ready;
}
CPP
blint --baseline=baseline.json > "$work/out.txt"
check "baseline: a new finding fails" 1 $?
equal "baseline: only the new one reported" "1" "$(grep -c ': warning: ' "$work/out.txt")"
contains "baseline: the new one" "$work/out.txt" "old.cpp:21:3: warning"
blint --baseline=baseline.json --format=sarif > "$work/b.sarif"
keep "$work/b.sarif"
equal "baseline: SARIF new and unchanged" "unchanged new" \
  "$(jq -r '[.runs[0].results[].baselineState] | join(" ")' "$work/b.sarif")"
# The old finding fixed: its entry is absent.
cat > "$base/old.cpp" <<'CPP'
#include <fake/coro.h>
CPP
blint --baseline=baseline.json --format=sarif > "$work/b.sarif"
keep "$work/b.sarif"
check "baseline: fixed finding passes" 0 $?
equal "baseline: SARIF absent result" "absent lock-across-suspend" \
  "$(jq -r '.runs[0].results[] | "\(.baselineState) \(.ruleId)"' "$work/b.sarif")"
echo '{"format": "corolint-baseline", "version": 9, "findings": []}' > "$base/v9.json"
blint --baseline=v9.json > /dev/null 2> "$work/err.txt"
check "baseline: other version is bad input" 2 $?
contains "baseline: version named" "$work/err.txt" "v9.json: baseline version 9"
blint --write-baseline="$work/no/such/dir/b.json" > /dev/null 2> "$work/err.txt"
check "baseline: unwritable file is bad input" 2 $?
contains "baseline: unwritable file named" "$work/err.txt" "no/such/dir/b.json: cannot write"
echo '[1, 2' > "$base/cut.json"
blint --baseline=cut.json > /dev/null 2> "$work/err.txt"
check "baseline: malformed is bad input" 2 $?
contains "baseline: malformed named" "$work/err.txt" "cut.json: not a corolint baseline"

## Diff mode, on a git history made here
repo=$work/repo
mkdir -p "$repo/build"
cp "$src/test-corpus/lock-across-suspend/lock_guard_across_co_await.cpp" "$repo/a.cpp"
cat > "$repo/b.cpp" <<'CPP'
#include <fake/coro.h>
#include <mutex>
std::mutex bm;
fake::event be;
fake::task<void> quiet() {
  co_await be;
}
CPP
(cd "$repo" && for f in a.cpp b.cpp; do
  printf '{"directory": "%s", "file": "%s", "arguments": ["clang++", "-std=c++20", %s, "-c", "%s"]}\n' "$repo" "$f" "$corpus_flags" "$f"
done) | jq -s . > "$repo/build/compile_commands.json"
git() { command git -C "$repo" -c user.name=t -c user.email=t@example.com -c commit.gpgsign=false "$@"; }
git init -q && git add a.cpp b.cpp && git commit -qm base
# The change: a new finding in b.cpp, and the lock line of a.cpp's old
# finding edited (a path step, not its primary line).
cat > "$repo/b.cpp" <<'CPP'
#include <fake/coro.h>
#include <mutex>
std::mutex bm;
fake::event be;
fake::task<void> quiet() {
  std::lock_guard<std::mutex> g(bm);
  co_await be;
}
CPP
git commit -qam "lock in quiet"
dlint() { (cd "$repo" && "$corolint" -p build --quiet "$@"); }
dlint --diff=HEAD~1 > "$work/out.txt"
check "diff: new finding fails" 1 $?
equal "diff: only the changed file's finding" "b.cpp:7:3" \
  "$(grep -o '[ab].cpp:[0-9]*:[0-9]*: warning' "$work/out.txt" | sed 's/: warning//' | tr '\n' ' ' | sed 's/ $//')"
dlint --diff=HEAD > /dev/null
check "diff: nothing changed since HEAD" 0 $?
sed -i 's/std::lock_guard<std::mutex> lk(mtx);/std::lock_guard<std::mutex> lk{mtx};/' "$repo/a.cpp"
dlint --diff=HEAD > "$work/out.txt"
check "diff: a changed path step reports its finding" 1 $?
contains "diff: through the lock line" "$work/out.txt" "a.cpp:12:3: warning"
git diff HEAD~1 | dlint --diff=- --format=sarif > "$work/d.sarif"
keep "$work/d.sarif"
equal "diff: unified diff on stdin" "a.cpp b.cpp" \
  "$(jq -r '[.runs[0].results[].locations[0].physicalLocation.artifactLocation.uri] | join(" ")' "$work/d.sarif")"
dlint --diff=no-such-ref > /dev/null 2> "$work/err.txt"
check "diff: bad ref is bad input" 2 $?
contains "diff: git's complaint shown" "$work/err.txt" "--diff: git diff"
dlint --diff=--output="$work/written-by-git" > /dev/null 2> "$work/err.txt"
check "diff: a ref that is an option is bad input" 2 $?
contains "diff: says it is no revision" "$work/err.txt" "is not a git revision"
if [ -e "$work/written-by-git" ]; then failed "diff: git was handed an option and wrote a file"; else
  pass "diff: git was handed no option"; fi

## Configuration commands and header filters
conf=$work/conf
mkdir -p "$conf/build"
cat > "$conf/h.h" <<'CPP'
#include <fake/coro.h>
#include <mutex>
inline std::mutex hm;
inline fake::event he;
inline fake::task<void> in_header() {
  std::lock_guard<std::mutex> lk(hm);
  co_await he;
}
CPP
printf '#include "h.h"\nfake::task<void> use() { co_await in_header(); }\n' > "$conf/m.cpp"
printf '[{"directory": "%s", "file": "m.cpp", "arguments": ["clang++", "-std=c++20", %s, "-c", "m.cpp"]}]\n' \
  "$conf" "$corpus_flags" > "$conf/build/compile_commands.json"
clint() { (cd "$conf" && "$corolint" -p build --quiet "$@"); }
clint > "$work/out.txt"
contains "header finding reported by default" "$work/out.txt" "h.h:7:3: warning"
clint --header-filter='nomatch' > /dev/null
check "--header-filter hides other headers" 0 $?
clint --header-filter='/h\.h$' > /dev/null
check "--header-filter shows matching headers" 1 $?
clint --exclude-header-filter='h\.h' > /dev/null
check "--exclude-header-filter" 0 $?
clint --header-filter='(' > /dev/null 2> "$work/err.txt"
check "bad --header-filter is bad input" 2 $?
contains "bad regex named" "$work/err.txt" "--header-filter: bad regex '('"
printf "Checks: '*,-never-signaled'\nExcludeHeaderFilterRegex: 'h\\\\.h'\n" > "$conf/.corolint.yaml"
clint > /dev/null
check "ExcludeHeaderFilterRegex from .corolint.yaml" 0 $?
clint --exclude-header-filter='nomatch' > /dev/null
check "the command line wins over the file" 1 $?
(cd "$conf" && "$corolint" --explain-config --checks='lock-*') > "$work/out.txt"
contains "--explain-config: command line" "$work/out.txt" "Checks: 'lock-*'  # command line (--checks)"
contains "--explain-config: file and line" "$work/out.txt" "ExcludeHeaderFilterRegex: 'h\.h'  # $conf/.corolint.yaml:2"
contains "--explain-config: default" "$work/out.txt" "HeaderFilterRegex: ''  # default"
(cd "$conf" && "$corolint" --verify-config) > "$work/out.txt"
check "--verify-config: good file" 0 $?
contains "--verify-config says ok" "$work/out.txt" ".corolint.yaml: ok"
cat > "$conf/bad.yaml" <<'YAML'
# a typo in a rule name
Checks: '*,-wait-cycel'
YAML
(cd "$conf" && "$corolint" --verify-config --config-file=bad.yaml) > /dev/null 2> "$work/err.txt"
check "--verify-config: unknown rule is an error" 2 $?
contains "--verify-config names file and line" "$work/err.txt" "bad.yaml:2: Checks: '-wait-cycel' matches no rule"
clint --config-file=bad.yaml > /dev/null 2> "$work/err.txt"
contains "an unknown rule warns in a run" "$work/err.txt" "warning: bad.yaml:2: Checks: '-wait-cycel' matches no rule"
# Found by the configuration fuzzer: a malformed flow mapping under Models
# whose nodes lie outside the text crashed the line lookup.
cp "$src/tests/fuzz/seeds/config/regression-node-outside-text.yaml" "$conf/outside.yaml"
(cd "$conf" && "$corolint" --verify-config --config=outside.yaml) > /dev/null 2> "$work/err.txt"
check "--verify-config: malformed models list is an error, not a crash" 2 $?
contains "the malformed file is named" "$work/err.txt" "outside.yaml"
# Found by the configuration fuzzer: bytes that are not UTF-8 in a model
# under Models aborted the conversion to JSON.
printf 'Models:\n  - library: "\377\376"\n    functions:\n      - {name: "f\377", blocking: sleeps}\n' > "$conf/utf8.yaml"
(cd "$conf" && "$corolint" --verify-config --config=utf8.yaml) > /dev/null 2>&1
check "--verify-config: bytes that are not UTF-8 in a model" 0 $?
printf "Checks: '*'\nHeaderFiltre: 'x'\n" > "$conf/key.yaml"
(cd "$conf" && "$corolint" --verify-config --config=key.yaml) > /dev/null 2> "$work/err.txt"
check "--verify-config: unknown key" 2 $?
contains "unknown key named with line" "$work/err.txt" "key.yaml:2: unknown key 'HeaderFiltre'"
cp "$src/test-corpus/.corolint.yaml" "$conf/models.yaml"
(cd "$conf" && "$corolint" --dump-config --config=models.yaml --checks='lock-*') > "$conf/dumped.yaml"
# llvm::yaml::Output aligns values, so these match the words, not the spaces.
matches "--dump-config: effective checks" "$conf/dumped.yaml" "^Checks: +'lock-\*'$"
matches "--dump-config: models as YAML" "$conf/dumped.yaml" "^  - library: +fake$"
(cd "$conf" && "$corolint" --verify-config --config=dumped.yaml) > /dev/null
check "--dump-config output is a valid configuration" 0 $?
(cd "$conf" && "$corolint" --explain-config --config=dumped.yaml) > "$work/out.txt"
contains "dumped file gives the same checks" "$work/out.txt" "Checks: 'lock-*'"
(cd "$conf" && "$corolint" --dump-config --config=dumped.yaml --checks='lock-*') > "$work/again.yaml"
equal "dumping the dumped file gives the same YAML" "$(tail -n +2 "$conf/dumped.yaml")" "$(tail -n +2 "$work/again.yaml")"

## Levels per rule
printf "Levels:\n  lock-across-suspend: error\n" > "$conf/levels.yaml"
(cd "$conf" && "$corolint" -p build --config=levels.yaml --fail-on=error) > "$work/out.txt" 2>/dev/null
check "Levels: a rule raised to error fails --fail-on=error" 1 $?
contains "Levels: reported as error" "$work/out.txt" "h.h:7:3: error: "
(cd "$conf" && "$corolint" -p build --config=levels.yaml --format=sarif --quiet) > "$work/l.sarif"
keep "$work/l.sarif"
equal "Levels: SARIF result level" "error" "$(jq -r '.runs[0].results[0].level' "$work/l.sarif")"
(cd "$conf" && "$corolint" --explain-config --config=levels.yaml) > "$work/out.txt"
contains "Levels: explained" "$work/out.txt" "lock-across-suspend: error  # levels.yaml:2"
printf "Levels:\n  lock-across-suspend: fatal\n" > "$conf/levels.yaml"
(cd "$conf" && "$corolint" -p build --config=levels.yaml) > /dev/null 2> "$work/err.txt"
check "Levels: bad level is bad input" 2 $?
contains "Levels: bad level named with line" "$work/err.txt" "levels.yaml:2: Levels: 'lock-across-suspend' must be note, warning or error"
printf "Checks: '*'\nLevels:\n  lock-acros-suspend: note\n" > "$conf/levels.yaml"
(cd "$conf" && "$corolint" --verify-config --config=levels.yaml) > /dev/null 2> "$work/err.txt"
check "Levels: --verify-config rejects an unknown rule" 2 $?
contains "Levels: unknown rule named with line" "$work/err.txt" "levels.yaml:3: Levels: 'lock-acros-suspend' is not a rule"

## --extra-arg and --extra-arg-before reach the compiler
xa=$work/xa
mkdir -p "$xa/build"
cat > "$xa/x.cpp" <<'CPP'
#include <fake/coro.h>
#include <mutex>
std::mutex xm;
fake::event xe;
fake::task<void> f() {
#ifdef WITH_BUG
  std::lock_guard<std::mutex> lk(xm);
#endif
  co_await xe;
}
CPP
printf '[{"directory": "%s", "file": "x.cpp", "arguments": ["clang++", "-std=c++20", %s, "-c", "x.cpp"]}]\n' \
  "$xa" "$corpus_flags" > "$xa/build/compile_commands.json"
(cd "$xa" && "$corolint" -p build --quiet) > /dev/null
check "--extra-arg: clean without the macro" 0 $?
(cd "$xa" && "$corolint" -p build --quiet --extra-arg=-DWITH_BUG) > /dev/null
check "--extra-arg: the macro reaches the compiler" 1 $?
(cd "$xa" && "$corolint" -p build --quiet --extra-arg-before=-DWITH_BUG) > /dev/null
check "--extra-arg-before: the macro reaches the compiler" 1 $?

## Progress line and colour: only on a terminal
(cd "$proj" && "$corolint" -p build -j2) > "$work/out.txt" 2> "$work/err.txt"
lacks "no progress line when stderr is not a terminal" "$work/err.txt" "[1/2]"
if ! grep -q $'\033\\[' "$work/out.txt"; then pass "no colour in a pipe"; else failed "colour in a pipe"; fi
if command -v script > /dev/null; then
  (cd "$proj" && script -qec "'$corolint' -p build -j2 -o /dev/null" /dev/null) > "$work/tty.txt" 2>&1
  contains "progress line on a terminal" "$work/tty.txt" "[2/2] "
  (cd "$proj" && script -qec "'$corolint' -p build -j2 2>/dev/null" /dev/null) > "$work/tty.txt" 2>&1
  if grep -q $'\033\\[' "$work/tty.txt"; then pass "colour on a terminal"; else failed "no colour on a terminal"; fi
else
  echo "skipped: no script(1) to fake a terminal"
fi

## --help and README.md name the same options
for opt in $("$corolint" --help | grep -oE '^  (--?[a-z][a-z-]*)' | sed 's/^ *//'); do
  [ "$opt" = --help-list ] && continue
  if grep -qF -- "\`$opt" "$src/README.md"; then pass "README documents $opt"; else
    failed "README does not document $opt (--help lists it)"; fi
done

## The corpus SARIF test skips, never passes, when the validator cannot run
## (whatever the environment this test itself runs in).
printf '#!/bin/sh\nexit 2\n' > "$work/no-validator"
chmod +x "$work/no-validator"
printf '{"runs": [{"results": []}]}' > "$work/some.sarif"
env -u COROLINT_REQUIRE_SARIF_VALIDATION bash "$src/tests/sarif-corpus-test.sh" "$work/some.sarif" "$work/no-validator" > "$work/out.txt"
check "sarif corpus test skips when validate-sarif cannot run" 77 $?
contains "skip says why" "$work/out.txt" "SKIPPED: validate-sarif could not run"
env -u COROLINT_REQUIRE_SARIF_VALIDATION bash "$src/tests/sarif-corpus-test.sh" "$work/some.sarif" "$work/nowhere" > "$work/out.txt"
check "sarif corpus test skips without validate-sarif" 77 $?
COROLINT_REQUIRE_SARIF_VALIDATION=1 bash "$src/tests/sarif-corpus-test.sh" "$work/some.sarif" "$work/nowhere" > /dev/null
check "CI turns the skip into a failure" 1 $?

## Every SARIF file written above passes validate-sarif: suppressions,
## baseline states, notifications and unused-suppression notes do not occur
## in the corpus. Without the validator the test is skipped (77) unless CI
## requires it; other failures still fail it.
validate=${COROLINT_VALIDATE_SARIF:-$src/../shared/sarif/validate-sarif}
skipped=""
if [ ! -x "$validate" ]; then
  skipped="$validate not found"
else
  "$validate" "$work"/keep/*.sarif > "$work/validate.txt" 2>&1
  status=$?
  sed "s|$work/keep/||" "$work/validate.txt"
  if [ $status = 2 ]; then
    skipped="validate-sarif could not run"
  elif [ $status != 0 ] || grep -q ': warning ' "$work/validate.txt"; then
    failed "validate-sarif: the SARIF written here is not clean"
  else
    pass "validate-sarif accepts all $(ls "$work/keep" | wc -l) SARIF files written here"
  fi
fi

echo "$failures failures"
[ $failures = 0 ] || exit 1
if [ -n "$skipped" ]; then
  echo "SKIPPED: SARIF validation: $skipped"
  [ "${COROLINT_REQUIRE_SARIF_VALIDATION:-0}" = 1 ] && exit 1
  exit 77
fi
