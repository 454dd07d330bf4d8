// Stub of folly for corolint's model name check (tests/CMakeLists.txt,
// models/folly; test-corpus/models/folly-api.cpp). Written here, not copied:
// declarations only, with the namespaces, class templates, base classes that
// declare modelled members, member names and signatures of facebook/folly
// (https://github.com/facebook/folly) at commit
// ff98381ea68687a95c6185326db933aa6124d4c5,
// folly/futures/Future.h (Timekeeper, SemiFuture, Future, futures::sleep;
// the callable results computed with std::invoke_result_t, FutureBase's
// members and most overloads left out).
#pragma once
#pragma clang system_header

#include "../Executor.h"
#include "../Try.h"
#include "detail/Types.h"

#include <cstdint>
#include <exception>
#include <type_traits>
#include <utility>

namespace folly {

template <class T> class Future;
template <class T> class SemiFuture;
template <class T> class Promise;

namespace futures::detail {

// A callable's result, lifted (void is Unit) and unwrapped (a Future<R> is R).
template <class T> struct unwrap_future {
  using type = lift_unit_t<T>;
};
template <class T> struct unwrap_future<Future<T>> {
  using type = T;
};
template <class T> struct unwrap_future<SemiFuture<T>> {
  using type = T;
};
template <class T, class F>
using valueCallableResult_t =
    typename unwrap_future<std::invoke_result_t<F, T &&>>::type;
template <class T, class F>
using tryCallableResult_t =
    typename unwrap_future<std::invoke_result_t<F, Try<T> &&>>::type;
template <class T, class F>
using valueExecutorCallableResult_t = typename unwrap_future<
    std::invoke_result_t<F, Executor::KeepAlive<>, T &&>>::type;
template <class T, class F>
using tryExecutorCallableResult_t = typename unwrap_future<
    std::invoke_result_t<F, Executor::KeepAlive<>, Try<T> &&>>::type;

// What the stub's continuation members return: they run nothing.
struct StubResult {
  template <class R> operator R() const;
};

template <class T> class FutureBase {
public:
  using value_type = T;
  bool valid() const noexcept;
  bool isReady() const;
  bool hasValue() const;
  bool hasException() const;
  T &value() &;
  T &&value() &&;
  Try<T> &result() &;
  void cancel();
};

} // namespace futures::detail

class Timekeeper {
public:
  virtual ~Timekeeper() = default;
  virtual SemiFuture<Unit> after(HighResDuration dur) = 0;
};

template <class T> class SemiFuture : private futures::detail::FutureBase<T> {
  using Base = futures::detail::FutureBase<T>;

public:
  using typename Base::value_type;

  ~SemiFuture();
  static SemiFuture<T> makeEmpty();
  SemiFuture(SemiFuture<T> const &) = delete;
  SemiFuture(SemiFuture<T> &&) noexcept;
  /* implicit */ SemiFuture(Future<T> &&) noexcept;
  SemiFuture &operator=(SemiFuture const &) = delete;
  SemiFuture &operator=(SemiFuture &&) noexcept;

  using Base::hasException;
  using Base::hasValue;
  using Base::isReady;
  using Base::valid;
  using Base::value;

  T get() &&;
  T get(HighResDuration dur) &&;
  Try<T> getTry() &&;
  Try<T> getTry(HighResDuration dur) &&;
  SemiFuture<T> &wait() &;
  SemiFuture<T> &&wait() &&;
  bool wait(HighResDuration dur) &&;

  Future<T> via(Executor::KeepAlive<> executor) &&;

  template <typename F>
  SemiFuture<futures::detail::tryCallableResult_t<T, F>> defer(F &&func) && {
    (void)func;
    return futures::detail::StubResult{};
  }
  template <typename F>
  SemiFuture<futures::detail::tryExecutorCallableResult_t<T, F>> deferExTry(F &&func) && {
    (void)func;
    return futures::detail::StubResult{};
  }
  template <typename F>
  SemiFuture<futures::detail::valueCallableResult_t<T, F>> deferValue(F &&func) && {
    (void)func;
    return futures::detail::StubResult{};
  }
  template <typename F>
  SemiFuture<futures::detail::valueExecutorCallableResult_t<T, F>> deferExValue(F &&func) && {
    (void)func;
    return futures::detail::StubResult{};
  }
  template <class ExceptionType, class F>
  SemiFuture<T> deferError(tag_t<ExceptionType>, F &&func) && {
    (void)func;
    return futures::detail::StubResult{};
  }
  template <class F> SemiFuture<T> deferError(F &&func) && {
    (void)func;
    return futures::detail::StubResult{};
  }
  template <class F> SemiFuture<T> deferEnsure(F &&func) && {
    (void)func;
    return futures::detail::StubResult{};
  }
  SemiFuture<Unit> unit() &&;

  SemiFuture<T> within(HighResDuration dur, Timekeeper *tk = nullptr) &&;
  template <class E>
  SemiFuture<T> within(HighResDuration dur, E e, Timekeeper *tk = nullptr) &&;
  SemiFuture<T> delayed(HighResDuration dur, Timekeeper *tk = nullptr) &&;
  Future<T> toUnsafeFuture() &&;
};

template <class T> class Future : private futures::detail::FutureBase<T> {
  using Base = futures::detail::FutureBase<T>;

public:
  using typename Base::value_type;

  Future(Future<T> const &) = delete;
  Future(Future<T> &&) noexcept;
  ~Future();
  static Future<T> makeEmpty();
  Future &operator=(Future const &) = delete;
  Future &operator=(Future &&) noexcept;

  using Base::hasException;
  using Base::hasValue;
  using Base::isReady;
  using Base::valid;
  using Base::value;

  Future<T> via(Executor::KeepAlive<> executor) &&;
  Future<T> via(Executor::KeepAlive<> executor) &;

  template <typename F>
  Future<futures::detail::tryCallableResult_t<T, F>> then(F &&func) && {
    (void)func;
    return futures::detail::StubResult{};
  }
  template <typename F>
  Future<futures::detail::tryCallableResult_t<T, F>> thenTry(F &&func) && {
    (void)func;
    return futures::detail::StubResult{};
  }
  template <typename F>
  Future<futures::detail::tryCallableResult_t<T, F>> thenTryInline(F &&func) && {
    (void)func;
    return futures::detail::StubResult{};
  }
  template <typename F>
  Future<futures::detail::tryExecutorCallableResult_t<T, F>> thenExTry(F &&func) && {
    (void)func;
    return futures::detail::StubResult{};
  }
  template <typename F>
  Future<futures::detail::tryExecutorCallableResult_t<T, F>> thenExTryInline(F &&func) && {
    (void)func;
    return futures::detail::StubResult{};
  }
  template <typename F>
  Future<futures::detail::valueCallableResult_t<T, F>> thenValue(F &&func) && {
    (void)func;
    return futures::detail::StubResult{};
  }
  template <typename F>
  Future<futures::detail::valueCallableResult_t<T, F>> thenValueInline(F &&func) && {
    (void)func;
    return futures::detail::StubResult{};
  }
  template <typename F>
  Future<futures::detail::valueExecutorCallableResult_t<T, F>> thenExValue(F &&func) && {
    (void)func;
    return futures::detail::StubResult{};
  }
  template <typename F>
  Future<futures::detail::valueExecutorCallableResult_t<T, F>> thenExValueInline(F &&func) && {
    (void)func;
    return futures::detail::StubResult{};
  }
  template <class ExceptionType, class F>
  Future<T> thenError(tag_t<ExceptionType>, F &&func) && {
    (void)func;
    return futures::detail::StubResult{};
  }
  template <class ExceptionType, class F>
  Future<T> thenErrorInline(tag_t<ExceptionType>, F &&func) && {
    (void)func;
    return futures::detail::StubResult{};
  }
  template <class F> Future<T> thenError(F &&func) && {
    (void)func;
    return futures::detail::StubResult{};
  }
  template <class F> Future<T> thenErrorInline(F &&func) && {
    (void)func;
    return futures::detail::StubResult{};
  }
  Future<Unit> then() &&;
  Future<Unit> unit() &&;
  template <class F> Future<T> ensure(F &&func) && {
    (void)func;
    return futures::detail::StubResult{};
  }
  template <class F> Future<T> ensureInline(F &&func) && {
    (void)func;
    return futures::detail::StubResult{};
  }

  template <class F>
  Future<T> onTimeout(HighResDuration, F &&func, Timekeeper * = nullptr) && {
    (void)func;
    return futures::detail::StubResult{};
  }
  Future<T> within(HighResDuration dur, Timekeeper *tk = nullptr) &&;
  template <class E>
  Future<T> within(HighResDuration dur, E exception, Timekeeper *tk = nullptr) &&;
  Future<T> delayed(HighResDuration, Timekeeper * = nullptr) &&;

  T get() &&;
  T get(HighResDuration dur) &&;
  Try<T> getTry() &&;
  Try<T> getTry(HighResDuration dur) &&;
  Future<T> &wait() &;
  Future<T> &&wait() &&;
  Future<T> &wait(HighResDuration dur) &;
  Future<T> &&wait(HighResDuration dur) &&;

  SemiFuture<T> semi() &&;
};

template <class T> Future<std::decay_t<T>> makeFuture(T &&t);
Future<Unit> makeFuture();
template <class T> SemiFuture<std::decay_t<T>> makeSemiFuture(T &&t);
SemiFuture<Unit> makeSemiFuture();

namespace futures {
SemiFuture<Unit> sleep(HighResDuration, Timekeeper * = nullptr);
} // namespace futures

} // namespace folly
