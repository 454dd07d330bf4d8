// inhouse/future.h - a promise and a future sharing one state through a
// shared_ptr, in the style of async_simple's and folly's: awaiting the
// future keeps the coroutine's handle in the state, then(f) keeps f there,
// and the promise's set_value() fulfils the state, calling the kept
// continuation and resuming the kept coroutine; get() blocks the thread
// until then. No model describes it.
#ifndef INHOUSE_FUTURE_H
#define INHOUSE_FUTURE_H

#include <condition_variable>
#include <fake/coroutine.h>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>

namespace inhouse {

template <class T> struct shared_state {
  std::mutex mutex;
  std::condition_variable fulfilled;
  bool ready = false;
  T value{};
  std::coroutine_handle<> waiter;
  std::function<void(T)> continuation;

  void fulfil(T v) {
    std::coroutine_handle<> resumed;
    std::function<void(T)> next;
    {
      std::lock_guard<std::mutex> hold(mutex);
      value = v;
      ready = true;
      resumed = std::exchange(waiter, {});
      next = std::move(continuation);
    }
    fulfilled.notify_all();
    if (next)
      next(v);
    if (resumed)
      resumed.resume();
  }
};

template <class T> class future {
public:
  explicit future(std::shared_ptr<shared_state<T>> state)
      : state_(std::move(state)) {}

  struct awaiter {
    shared_state<T> &state;
    bool await_ready() {
      std::lock_guard<std::mutex> hold(state.mutex);
      return state.ready;
    }
    bool await_suspend(std::coroutine_handle<> h) {
      std::lock_guard<std::mutex> hold(state.mutex);
      if (state.ready)
        return false;
      state.waiter = h;
      return true;
    }
    T await_resume() { return state.value; }
  };

  awaiter operator co_await() { return awaiter{*state_}; }

  T get() {
    std::unique_lock<std::mutex> hold(state_->mutex);
    state_->fulfilled.wait(hold, [this] { return state_->ready; });
    return state_->value;
  }

  void then(std::function<void(T)> next) {
    std::lock_guard<std::mutex> hold(state_->mutex);
    state_->continuation = std::move(next);
  }

private:
  std::shared_ptr<shared_state<T>> state_;
};

template <class T> class promise {
public:
  promise() : state_(std::make_shared<shared_state<T>>()) {}
  future<T> get_future() { return future<T>(state_); }
  void set_value(T v) { state_->fulfil(v); }

private:
  std::shared_ptr<shared_state<T>> state_;
};

} // namespace inhouse

#endif
