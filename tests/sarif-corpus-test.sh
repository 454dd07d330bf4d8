#!/usr/bin/env bash
# Writes the SARIF of every corpus case (the cases tests/CMakeLists.txt runs:
# a .cpp file, or a folder of them linked as one program) and checks every
# file with ../shared/sarif/validate-sarif: Microsoft's SARIF Multitool with
# GitHub's ingestion rules, plus the official schema. Warnings fail too.
# Usage: sarif-corpus-test.sh COROLINT SOURCE_DIR [VALIDATOR]
# Exit 77 (ctest: skipped) when the validator is missing or cannot run, for
# instance without npm or network on its first use; with
# COROLINT_REQUIRE_SARIF_VALIDATION=1 (set by .ci/run) that is a failure.
set -u
corolint=$(realpath "$1")
src=$(realpath "$2")
validate=${3:-$src/../shared/sarif/validate-sarif}
skip=77
[ "${COROLINT_REQUIRE_SARIF_VALIDATION:-0}" = 1 ] && skip=1
if [ ! -x "$validate" ]; then
  echo "SKIPPED: $validate not found: cannot validate SARIF"
  exit $skip
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

# The compile database of one case: its units with the corpus flags, and
# each file's own "// corolint-flags:" as the harness adds them.
write_db() { # write_db DIR UNIT...
  local dir=$1
  shift
  for unit in "$@"; do
    flags=$(sed -n 's|.*corolint-flags:||p' "$unit" | tr '\n' ' ')
    # Handed over as one string: jq would take flags such as -isystem for
    # its own options.
    jq -n --arg dir "$(dirname "$unit")" --arg file "$unit" \
      --arg inc "-I$src/test-corpus/include" --arg flags "$flags" \
      '($flags | split(" ") | map(select(length > 0))) as $extra |
      {directory: $dir, file: $file,
       arguments: (["clang++", "-std=c++20", $inc] + $extra + [$file])}'
  done | jq -s . > "$dir/compile_commands.json"
}

cases=()
for group in "$src"/test-corpus/*/; do
  name=$(basename "$group")
  case $name in include | models) continue ;; example) cases+=("${group%/}"); continue ;; esac
  for c in "$group"*; do
    if [ -d "$c" ] || [[ $c == *.cpp ]]; then cases+=("$c"); fi
  done
done

sarif_of() { # sarif_of CASE: writes OUT/case.sarif, or OUT/failed
  local c=$1 rel out units status
  rel=${c#"$src/test-corpus/"}
  out=$work/sarif/${rel//\//__}
  mkdir -p "$out"
  if [ -d "$c" ]; then units=("$c"/*.cpp); else units=("$c"); fi
  write_db "$out" "${units[@]}"
  "$corolint" -p "$out" --format=sarif --source-root="$src" --fail-on=never \
    --quiet -j1 -o "$out/case.sarif" 2> "$out/stderr"
  status=$?
  if [ $status != 0 ]; then
    { echo "FAIL: $rel: corolint exited $status"; cat "$out/stderr"; } > "$out/failed"
    rm -f "$out/case.sarif"
  fi
}

# First one case, to find out early whether the validator can run at all.
[ ${#cases[@]} -gt 0 ] || { echo "FAIL: no corpus case found"; exit 1; }
sarif_of "${cases[0]}"
if [ -f "$work/sarif/"*"/case.sarif" ]; then
  "$validate" "$work/sarif/"*/case.sarif > "$work/probe.log" 2>&1
  if [ $? = 2 ]; then
    cat "$work/probe.log"
    echo "SKIPPED: validate-sarif could not run (no npm or network for its first use?)"
    exit $skip
  fi
fi
# The other cases, one per core.
start=$SECONDS
jobs=$(nproc)
for c in "${cases[@]:1}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n; done
  sarif_of "$c" &
done
wait
echo "wrote the SARIF of ${#cases[@]} corpus cases in $((SECONDS - start)) s"
for f in "$work"/sarif/*/failed; do
  [ -f "$f" ] || continue
  cat "$f"
  failures=$((failures + 1))
done
files=("$work"/sarif/*/case.sarif)
[ -f "${files[0]}" ] || files=()

# Validate in as many parallel batches as there are cores: the Multitool
# takes seconds per file, most of it starting up.
start=$SECONDS
for ((i = 0; i < jobs; i++)); do
  batch=()
  for ((j = i; j < ${#files[@]}; j += jobs)); do batch+=("${files[j]}"); done
  [ ${#batch[@]} -gt 0 ] || continue
  "$validate" "${batch[@]}" > "$work/validate.$i.log" 2>&1 &
done
status=0
for pid in $(jobs -p); do
  wait "$pid"
  s=$?
  [ $s -gt $status ] && status=$s
done
cat "$work"/validate.*.log | sed "s|$work/sarif/||"
echo "validated ${#files[@]} files in $((SECONDS - start)) s"
if [ $status = 2 ]; then
  echo "SKIPPED: validate-sarif could not run (no npm or network for its first use?)"
  exit $skip
fi
if [ $status != 0 ]; then
  echo "FAIL: validate-sarif found invalid SARIF"
  failures=$((failures + 1))
fi
warnings=$(cat "$work"/validate.*.log | grep -c ': warning ')
if [ "$warnings" != 0 ]; then
  echo "FAIL: validate-sarif warned $warnings times"
  failures=$((failures + 1))
fi
valid=$(cat "$work"/validate.*.log | grep -c ': valid$')
echo "$valid of ${#files[@]} files valid"
[ "$valid" = ${#files[@]} ] || failures=$((failures + 1))
echo "$failures failures"
[ $failures = 0 ]
