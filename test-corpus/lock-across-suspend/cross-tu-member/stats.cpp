// The member coroutine locks Stats::mtx_, a field declared in stats.h.
#include "stats.h"

fake::task<void> Stats::record(int value) {
  std::lock_guard<std::mutex> lk(mtx_); // expect-path: lock-across-suspend {{acquired here}}
  total_ += value;
  co_await flushed_; // expect-warning: lock-across-suspend {{held across co_await}}
}

int Stats::total() const {
  std::lock_guard<std::mutex> lk(mtx_);
  return total_;
}
