// A member coroutine locks a mutex that is a field of its class.
#include <fake/coro.h>
#include <mutex>

class Cache {
public:
  fake::task<void> refresh() {
    std::lock_guard<std::mutex> lk(mtx_); // expect-path: lock-across-suspend {{acquired here}}
    ++version_;
    co_await updated_; // expect-warning: lock-across-suspend {{held across co_await}}
  }

  void publish() { updated_.set(); }

private:
  std::mutex mtx_;
  int version_ = 0;
  fake::event updated_;
};
