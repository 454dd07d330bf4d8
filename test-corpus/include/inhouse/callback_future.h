// inhouse/callback_future.h - a promise and a future over one shared core,
// in the style of folly's: awaiting the future hands the core a callback
// that resumes the awaiting coroutine, and the promise's fulfil() calls the
// kept callback. No coroutine handle is kept anywhere but in that callback.
// No model describes it.
#ifndef INHOUSE_CALLBACK_FUTURE_H
#define INHOUSE_CALLBACK_FUTURE_H

#include <fake/coroutine.h>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>

namespace inhouse {

template <class T> struct core {
  std::mutex mutex;
  std::optional<T> result;
  std::function<void(T)> callback;

  void set_callback(std::function<void(T)> next) {
    std::unique_lock<std::mutex> hold(mutex);
    if (result) {
      T ready = *result;
      hold.unlock();
      next(ready);
      return;
    }
    callback = std::move(next);
  }

  void set_result(T value) {
    std::function<void(T)> next;
    {
      std::lock_guard<std::mutex> hold(mutex);
      result = value;
      next = std::move(callback);
    }
    if (next)
      next(value);
  }
};

template <class T> class semi_future {
public:
  explicit semi_future(std::shared_ptr<core<T>> shared)
      : core_(std::move(shared)) {}

  struct awaiter {
    std::shared_ptr<core<T>> shared;
    T value{};
    bool await_ready() noexcept { return false; }
    void await_suspend(std::coroutine_handle<> h) {
      shared->set_callback([this, h](T v) {
        value = v;
        h.resume();
      });
    }
    T await_resume() { return value; }
  };

  awaiter operator co_await() { return awaiter{core_}; }

private:
  std::shared_ptr<core<T>> core_;
};

template <class T> class contract_promise {
public:
  contract_promise() : core_(std::make_shared<core<T>>()) {}
  semi_future<T> get_semi_future() { return semi_future<T>(core_); }
  void fulfil(T value) { core_->set_result(value); }

private:
  std::shared_ptr<core<T>> core_;
};

} // namespace inhouse

#endif
