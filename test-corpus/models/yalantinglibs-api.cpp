// Every name rules/models/yalantinglibs.json gives, used the way cinatra's
// code uses it, on the stub of test-corpus/include/stubs/ylt.
#include <stubs/ylt/coro_io/coro_io.hpp>

void write_log_file() {}

void use_post() {
  coro_io::post([] { write_log_file(); });
  coro_io::post([] { write_log_file(); }, coro_io::get_global_block_executor());
}
// expect-no-findings
