// inhouse/latch.h - a latch in the style of libcoro's and cppcoro's: a
// count and a manual-reset event. Awaiting the latch awaits the event,
// which is constructed set when the count starts at zero or below, and
// count_down() sets it when the count reaches zero. No model describes it.
#ifndef INHOUSE_LATCH_H
#define INHOUSE_LATCH_H

#include <atomic>
#include <cstdint>
#include <inhouse/manual_event.h>

namespace inhouse {

class latch {
public:
  explicit latch(std::int64_t count) noexcept
      : remaining_(count), done_(count <= 0) {}
  latch(const latch &) = delete;

  bool is_ready() const noexcept { return done_.is_set(); }

  void count_down(std::int64_t n = 1) noexcept {
    if (remaining_.fetch_sub(n) <= n)
      done_.set();
  }

  manual_event::awaiter operator co_await() const noexcept {
    return done_.operator co_await();
  }

private:
  std::atomic<std::int64_t> remaining_;
  manual_event done_;
};

} // namespace inhouse

#endif
