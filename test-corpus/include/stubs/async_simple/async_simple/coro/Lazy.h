// Stub of async_simple for corolint's model name check (tests/CMakeLists.txt,
// models/async-simple; test-corpus/models/async-simple-api.cpp). Written here,
// not copied: declarations only, with the namespaces, class templates, member
// names, access and signatures of alibaba/async_simple
// (https://github.com/alibaba/async_simple) at commit
// d8abc4fe71a6481e2b354e01029687a5df68417c (1.4-28-gd8abc4f),
// async_simple/coro/Lazy.h (no await_transform, no lazy locals).
#pragma once
#pragma clang system_header

#include "../Executor.h"
#include "../Try.h"

#include <coroutine>
#include <exception>
#include <utility>

namespace async_simple {
namespace coro {

template <typename T> class Lazy;
template <typename T> class RescheduleLazy;

struct Yield {};

namespace detail {

class LazyPromiseBase {
public:
  struct FinalAwaiter {
    bool await_ready() const noexcept { return false; }
    template <typename PromiseType>
    std::coroutine_handle<> await_suspend(std::coroutine_handle<PromiseType> h) noexcept;
    void await_resume() noexcept {}
  };

  LazyPromiseBase() noexcept : _executor(nullptr) {}
  std::suspend_always initial_suspend() noexcept { return {}; }
  FinalAwaiter final_suspend() noexcept { return {}; }

  std::coroutine_handle<> _continuation;
  Executor *_executor;
};

template <typename T> class LazyPromise : public LazyPromiseBase {
public:
  Lazy<T> get_return_object() noexcept;
  template <typename V> void return_value(V &&value);
  void unhandled_exception() noexcept;
  T &result() &;
  T &&result() &&;
  Try<T> tryResult() noexcept;
};

template <> class LazyPromise<void> : public LazyPromiseBase {
public:
  Lazy<void> get_return_object() noexcept;
  void return_void() noexcept {}
  void unhandled_exception() noexcept;
  void result();
  Try<void> tryResult() noexcept;
};

template <typename T> struct LazyAwaiterBase {
  using Handle = std::coroutine_handle<detail::LazyPromise<T>>;
  Handle _handle;

  LazyAwaiterBase(Handle coro) : _handle(coro) {}
  bool await_ready() const noexcept { return false; }
};

template <typename T, bool reschedule> class LazyBase {
public:
  using promise_type = detail::LazyPromise<T>;
  using Handle = std::coroutine_handle<promise_type>;
  using ValueType = T;

  struct AwaiterBase : public detail::LazyAwaiterBase<T> {
    AwaiterBase(Handle coro) : detail::LazyAwaiterBase<T>(coro) {}
    template <typename PromiseType>
    auto await_suspend(std::coroutine_handle<PromiseType> continuation) noexcept(!reschedule)
        -> std::coroutine_handle<>;
  };
  struct TryAwaiter : public AwaiterBase {
    TryAwaiter(Handle coro) : AwaiterBase(coro) {}
    Try<T> await_resume() noexcept { return this->_handle.promise().tryResult(); }
  };
  struct ValueAwaiter : public AwaiterBase {
    ValueAwaiter(Handle coro) : AwaiterBase(coro) {}
    decltype(auto) await_resume() { return std::move(this->_handle.promise()).result(); }
  };

  explicit LazyBase(Handle coro) noexcept : _coro(coro) {}
  LazyBase(LazyBase &&other) noexcept : _coro(std::exchange(other._coro, nullptr)) {}
  LazyBase(const LazyBase &) = delete;
  LazyBase &operator=(const LazyBase &) = delete;
  ~LazyBase();

  Executor *getExecutor();
  // Starts the coroutine; callback receives a Try<T> when it ends.
  template <typename F> void start(F &&callback) { (void)callback; }
  bool isReady() const;
  auto operator co_await() { return ValueAwaiter(std::exchange(_coro, nullptr)); }
  auto coAwaitTry() { return TryAwaiter(std::exchange(_coro, nullptr)); }

protected:
  Handle _coro;
};

} // namespace detail

template <typename T = void>
class [[nodiscard]] Lazy : public detail::LazyBase<T, /*reschedule=*/false> {
  using Base = detail::LazyBase<T, false>;

public:
  using Base::Base;

  RescheduleLazy<T> via(Executor *ex) &&;
  using Base::start;
  template <typename F> void directlyStart(F &&callback, Executor *executor) {
    this->_coro.promise()._executor = executor;
    return this->start(std::forward<F>(callback));
  }
  auto coAwait(Executor *ex);

private:
  friend class RescheduleLazy<T>;
};

template <typename T = void>
class [[nodiscard]] RescheduleLazy : public detail::LazyBase<T, /*reschedule=*/true> {
  using Base = detail::LazyBase<T, true>;

public:
  void detach();

private:
  using Base::Base;
  friend class Lazy<T>;
};

} // namespace coro
} // namespace async_simple
