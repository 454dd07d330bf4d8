// inhouse/sync_wait.h - runs a lazy task to its end on the calling thread's
// behalf and blocks that thread until it finishes, in the style of
// cppcoro's and libcoro's sync_wait: a detached coroutine awaits the task
// and then signals a condition variable the caller waits on. No model
// describes it.
#ifndef INHOUSE_SYNC_WAIT_H
#define INHOUSE_SYNC_WAIT_H

#include <condition_variable>
#include <fake/coroutine.h>
#include <inhouse/task.h>
#include <mutex>

namespace inhouse {
namespace detail {

struct completion {
  std::mutex mutex;
  std::condition_variable done_cv;
  bool done = false;

  void finish() {
    {
      std::lock_guard<std::mutex> hold(mutex);
      done = true;
    }
    done_cv.notify_all();
  }
  void wait() {
    std::unique_lock<std::mutex> hold(mutex);
    done_cv.wait(hold, [this] { return done; });
  }
};

struct detached {
  struct promise_type {
    detached get_return_object() noexcept { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept {}
  };
};

template <class T>
detached run_to_end(task<T> &work, T &result, completion &signal) {
  result = co_await work;
  signal.finish();
}

} // namespace detail

template <class T> T sync_wait(task<T> work) {
  detail::completion signal;
  T result{};
  detail::run_to_end(work, result, signal);
  signal.wait();
  return result;
}

} // namespace inhouse

#endif
