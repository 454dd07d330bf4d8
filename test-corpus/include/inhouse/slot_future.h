// inhouse/slot_future.h - a promise and a future in the style of
// async_simple's: the shared state keeps one continuation, built in place in
// an anonymous union when it is set; the future hands it on (then() through
// a helper, then_value() wrapped in a lambda, set_continuation() straight to
// the state); a free operator
// co_await makes the future awaitable, its awaiter handing the state a
// lambda that resumes the coroutine; get() blocks on a condition variable
// unless the value is already there. The state counts its holders. No model
// describes it.
#ifndef INHOUSE_SLOT_FUTURE_H
#define INHOUSE_SLOT_FUTURE_H

#include <condition_variable>
#include <fake/coroutine.h>
#include <functional>
#include <mutex>
#include <new>
#include <utility>

namespace inhouse {

template <class T> class slot_state {
public:
  slot_state() {}
  ~slot_state() {
    if (has_continuation_)
      continuation_.~function();
  }

  void attach() { ++refs_; }
  void release() {
    if (--refs_ == 0)
      delete this;
  }

  bool ready() const { return has_value_; }
  T value() const { return value_; }

  template <class F> void set_continuation(F &&f) {
    new (&continuation_) std::function<void(T)>(
        [fn = std::forward<F>(f)](T v) mutable { fn(v); });
    has_continuation_ = true;
    if (has_value_)
      continuation_(value_);
  }

  void set_result(T v) {
    value_ = v;
    has_value_ = true;
    if (has_continuation_)
      continuation_(value_);
  }

private:
  union {
    std::function<void(T)> continuation_;
  };
  bool has_continuation_ = false;
  bool has_value_ = false;
  T value_{};
  int refs_ = 1;
};

template <class T> class slot_future {
public:
  explicit slot_future(slot_state<T> *state) : state_(state) {
    state_->attach();
  }
  slot_future(const slot_future &other) : state_(other.state_) {
    state_->attach();
  }
  slot_future(slot_future &&other)
      : state_(std::exchange(other.state_, nullptr)) {}
  ~slot_future() {
    if (state_)
      state_->release();
  }

  template <class F> void set_continuation(F &&f) {
    state_->set_continuation(std::forward<F>(f));
  }

  template <class F> void then(F &&f) { chain(std::forward<F>(f)); }

  // Like async_simple's thenValue(): the callable is wrapped in a local
  // lambda, and the wrapper is what is chained.
  template <class F> void then_value(F &&f) {
    auto wrapper = [fn = std::forward<F>(f)](T v) mutable { fn(v); };
    chain(std::move(wrapper));
  }

  T get() {
    if (state_->ready())
      return state_->value();
    std::mutex m;
    std::condition_variable cv;
    bool done = false;
    T got{};
    state_->set_continuation([&](T v) {
      std::lock_guard<std::mutex> hold(m);
      got = v;
      done = true;
      cv.notify_one();
    });
    std::unique_lock<std::mutex> hold(m);
    cv.wait(hold, [&] { return done; });
    return got;
  }

private:
  template <class F> void chain(F &&f) {
    state_->set_continuation(std::forward<F>(f));
  }

  slot_state<T> *state_;
};

template <class T> struct slot_awaiter {
  slot_future<T> future;
  T value{};
  bool await_ready() noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) {
    future.set_continuation([this, h](T v) {
      value = v;
      h.resume();
    });
  }
  T await_resume() { return value; }
};

template <class T> slot_awaiter<T> operator co_await(slot_future<T> &&f) {
  return slot_awaiter<T>{std::move(f)};
}

template <class T> class slot_promise {
public:
  slot_promise() : state_(new slot_state<T>()) {}
  slot_future<T> get_future() { return slot_future<T>(state_); }
  void set_value(T v) { state_->set_result(v); }

private:
  slot_state<T> *state_;
};

} // namespace inhouse

#endif
