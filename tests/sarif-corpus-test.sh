#!/usr/bin/env bash
# Checks the SARIF that the corpus harness wrote for one group of corpus cases
# (every case's findings, as `corolint --format=sarif` reports them) with
# ../shared/sarif/validate-sarif: Microsoft's SARIF Multitool with GitHub's
# ingestion rules, plus the official schema. Warnings fail too.
# Usage: sarif-corpus-test.sh SARIF_FILE [VALIDATOR]
# Exit 77 (ctest: skipped) when the validator is missing or cannot run, for
# instance without npm or network on its first use; with
# COROLINT_REQUIRE_SARIF_VALIDATION=1 (set by .ci/run) that is a failure.
set -u
sarif=$1
validate=${2:-$(dirname "$0")/../../shared/sarif/validate-sarif}
skip=77
[ "${COROLINT_REQUIRE_SARIF_VALIDATION:-0}" = 1 ] && skip=1
if [ ! -x "$validate" ]; then
  echo "SKIPPED: $validate not found: cannot validate SARIF"
  exit $skip
fi
if [ ! -s "$sarif" ]; then
  echo "FAIL: $sarif: the corpus harness wrote no SARIF"
  exit 1
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
"$validate" "$sarif" > "$log" 2>&1
status=$?
cat "$log"
if [ $status = 2 ]; then
  echo "SKIPPED: validate-sarif could not run (no npm or network for its first use?)"
  exit $skip
fi
results=$(jq '.runs[0].results | length' "$sarif")
if [ $status != 0 ] || grep -q ': warning ' "$log" || ! grep -q ': valid$' "$log"; then
  echo "FAIL: validate-sarif: $sarif ($results results) is not clean"
  exit 1
fi
echo "ok: $sarif: $results results, valid"
