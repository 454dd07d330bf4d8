// Stub of folly for corolint's model name check (tests/CMakeLists.txt,
// models/folly; test-corpus/models/folly-api.cpp). Written here, not copied:
// declarations only, with the namespaces, class templates, base classes that
// declare modelled members, member names and signatures of facebook/folly
// (https://github.com/facebook/folly) at commit
// ff98381ea68687a95c6185326db933aa6124d4c5,
// folly/coro/Promise.h.
#pragma once
#pragma clang system_header

#include "../Try.h"
#include "Coroutine.h"

#include <utility>

namespace folly::coro {

template <typename T> class Promise;
template <typename T> class Future;

template <typename T> std::pair<Promise<T>, Future<T>> makePromiseContract();

template <typename T> class Promise {
public:
  Promise() = default;
  Promise(Promise &&other) noexcept;
  Promise &operator=(Promise &&other) noexcept;
  Promise(const Promise &) = delete;
  Promise &operator=(const Promise &) = delete;
  ~Promise();

  bool valid() const noexcept;
  bool isFulfilled() const noexcept;
  template <typename... Args> void setValue(Args &&...args);
  template <typename... Args> void setException(Args &&...args);
  void setResult(Try<T> &&result);
  template <typename... Args> bool trySetValue(Args &&...args);
  template <typename... Args> bool trySetException(Args &&...args);
  bool trySetResult(Try<T> &&result);
};

template <typename T> class Future {
public:
  class WaitOperation {
  public:
    bool await_ready() noexcept;
    bool await_suspend(coroutine_handle<> h) noexcept;
    T await_resume();
  };

  Future() = default;
  Future(Future &&other) noexcept;
  Future &operator=(Future &&other) noexcept;
  Future(const Future &) = delete;
  Future &operator=(const Future &) = delete;
  ~Future();

  [[nodiscard]] WaitOperation operator co_await() && noexcept;
  bool valid() const noexcept;
  explicit operator bool() const noexcept { return valid(); }
  bool isReady() const noexcept;
};

} // namespace folly::coro
