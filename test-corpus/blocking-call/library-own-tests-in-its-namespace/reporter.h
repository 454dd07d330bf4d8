// The test framework's published interface (its namespace is doctest's,
// which rules/models/doctest.json names as library code): what this header
// declares is the framework's, wherever it is defined.
// expect-no-findings
namespace fake {
class loop;
}

namespace doctest {
void flush_report();
void flush_report_later(fake::loop &loop);
} // namespace doctest
