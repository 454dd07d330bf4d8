// inhouse/tally.h - a countdown latch that keeps its own count, not an event:
// the awaiter is ready once the count is zero and otherwise keeps the
// waiting coroutine in a list, which count_down() resumes when the count
// reaches zero. Constructed with a count of zero, it is done from the start.
// No model describes it.
#ifndef INHOUSE_TALLY_H
#define INHOUSE_TALLY_H

#include <cstddef>
#include <fake/coroutine.h>
#include <vector>

namespace inhouse {

class tally {
public:
  explicit tally(std::size_t count) : remaining_(count) {}

  bool done() const { return remaining_ == 0; }

  void count_down() {
    if (remaining_ == 0 || --remaining_ != 0)
      return;
    std::vector<std::coroutine_handle<>> ready;
    ready.swap(waiters_);
    for (std::coroutine_handle<> h : ready)
      h.resume();
  }

  struct awaiter {
    tally &t;
    bool await_ready() const noexcept { return t.done(); }
    void await_suspend(std::coroutine_handle<> h) { t.waiters_.push_back(h); }
    void await_resume() noexcept {}
  };

  awaiter operator co_await() { return awaiter{*this}; }

private:
  std::size_t remaining_;
  std::vector<std::coroutine_handle<>> waiters_;
};

} // namespace inhouse

#endif
