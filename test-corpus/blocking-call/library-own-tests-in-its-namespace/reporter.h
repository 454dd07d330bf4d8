// The test framework's published interface (its namespace is doctest's,
// which rules/models/doctest.json names as library code): what this header
// declares is the framework's, wherever it is defined.
// expect-no-findings
namespace doctest {
void flush_report();
} // namespace doctest
