#!/usr/bin/env bash
# CI and code-review features: SARIF, suppressions, baselines, diff mode.
# Usage: ci-test.sh COROLINT SOURCE_DIR
set -u
corolint=$(realpath "$1")
src=$(realpath "$2")
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
lacks() { # lacks NAME FILE TEXT
  if [ ! -s "$2" ]; then failed "$1: no output"; elif grep -qF -- "$3" "$2"; then
    failed "$1: '$3' in output"; else pass "$1"; fi
}

# A project whose compile database lists each .cpp of its folder.
proj=$work/proj
mkdir -p "$proj/build"
db() {
  (cd "$proj" && for f in *.cpp; do
    printf '{"directory": "%s", "file": "%s", "arguments": ["clang++", "-std=c++20", "-I%s/test-corpus/include", "-c", "%s"]}\n' \
      "$proj" "$f" "$src" "$f"
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
equal "sarif: --source-root names the root" "file://$proj/" \
  "$(jq -r '.runs[0].originalUriBaseIds["%SRCROOT%"].uri' "$work/root.sarif")"

# Byte-identical between runs and between -j1 and -j2.
lint --format=sarif -j1 -o "$work/j1.sarif"
lint --format=sarif -j2 -o "$work/j2.sarif"
if cmp -s "$work/j1.sarif" "$work/j2.sarif" && cmp -s "$work/a.sarif" "$work/j2.sarif"; then
  pass "sarif: -j1, -j2 and another run are byte-identical"; else
  failed "sarif: output differs between runs"; fi

# A unit that does not parse: a notification, and the run is not successful.
echo 'int broken( {' > "$proj/broken.cpp"
db
lint --format=sarif -o "$work/broken.sarif" 2>/dev/null
check "sarif: unparsable unit exits 3" 3 $?
equal "sarif: run not successful" "false" "$(jq '.runs[0].invocations[0].executionSuccessful' "$work/broken.sarif")"
equal "sarif: notification names the unit" "broken.cpp" \
  "$(jq -r '.runs[0].invocations[0].toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation.uri' "$work/broken.sarif")"
rm "$proj/broken.cpp"
db

echo "$failures failures"
[ $failures = 0 ]
