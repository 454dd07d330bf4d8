// Stub of async_simple for corolint's model name check (tests/CMakeLists.txt,
// models/async-simple; test-corpus/models/async-simple-api.cpp). Written here,
// not copied: declarations only, with the namespaces, class templates, member
// names, access and signatures of alibaba/async_simple
// (https://github.com/alibaba/async_simple) at commit
// d8abc4fe71a6481e2b354e01029687a5df68417c (1.4-28-gd8abc4f),
// async_simple/Future.h.
#pragma once
#pragma clang system_header

#include "Executor.h"
#include "Try.h"

#include <exception>
#include <type_traits>
#include <utility>

namespace async_simple {

template <typename T> class Promise;
template <typename T> class FutureState;

template <typename T> class Future {
public:
  using value_type = T;

  Future(FutureState<std::conditional_t<std::is_void_v<T>, Unit, T>> *fs);
  Future(Try<std::conditional_t<std::is_void_v<T>, Unit, T>> &&t);
  Future(const Future &) = delete;
  Future &operator=(const Future &) = delete;
  Future(Future &&other);
  Future &operator=(Future &&other);
  ~Future();

  bool valid() const;
  bool hasResult() const;
  std::add_lvalue_reference_t<T> value() &;
  std::add_rvalue_reference_t<T> value() &&;
  T get() &&;
  void wait();
  Future<T> via(Executor *executor) &&;

  // The continuations: each returns the Future of what the callable returns.
  template <typename F>
  Future<std::invoke_result_t<F, Try<T> &&>> thenTry(F &&f) && {
    return pending<std::invoke_result_t<F, Try<T> &&>>(f);
  }
  template <typename F> Future<std::invoke_result_t<F, T>> thenValue(F &&f) && {
    return pending<std::invoke_result_t<F, T>>(f);
  }
  template <typename F>
  Future<std::invoke_result_t<F, Try<T> &&>> then(F &&f) && {
    return pending<std::invoke_result_t<F, Try<T> &&>>(f);
  }

  void setExecutor(Executor *ex);
  Executor *getExecutor();
  template <typename F> void setContinuation(F &&func);
  bool currentThreadInExecutor() const;

private:
  // The stub's stand-in for the real thenImpl.
  template <typename R, typename F> static Future<R> pending(F &) {
    return Future<R>(static_cast<FutureState<std::conditional_t<std::is_void_v<R>, Unit, R>> *>(nullptr));
  }
};

template <typename T> Future<std::decay_t<T>> makeReadyFuture(T &&v);
Future<void> makeReadyFuture();

} // namespace async_simple
