// A unique_lock constructed with no mutex holds nothing.
// expect-no-findings
#include <fake/coro.h>
#include <mutex>

fake::event ready;

fake::task<void> idle() {
  std::unique_lock<std::mutex> lk;
  co_await ready;
}
