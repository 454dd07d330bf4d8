// Stub of folly for corolint's model name check (tests/CMakeLists.txt,
// models/folly; test-corpus/models/folly-api.cpp). Written here, not copied:
// declarations only, with the namespaces, class templates, base classes that
// declare modelled members, member names and signatures of facebook/folly
// (https://github.com/facebook/folly) at commit
// ff98381ea68687a95c6185326db933aa6124d4c5,
// folly/futures/Promise.h.
#pragma once
#pragma clang system_header

#include "../Try.h"
#include "Future.h"

#include <type_traits>

namespace folly {

template <class T> class Promise {
public:
  static Promise<T> makeEmpty() noexcept;
  Promise();
  ~Promise();
  Promise(Promise const &) = delete;
  Promise &operator=(Promise const &) = delete;
  Promise(Promise<T> &&other) noexcept;
  Promise &operator=(Promise<T> &&other) noexcept;

  SemiFuture<T> getSemiFuture();
  Future<T> getFuture();

  void setException(exception_wrapper ew);
  template <class B = T>
  typename std::enable_if<std::is_same<Unit, B>::value, void>::type setValue();
  template <class M> void setValue(M &&value);
  void setTry(Try<T> &&t);
  template <class F> void setWith(F &&func) { (void)func; }
  bool valid() const noexcept;
  bool isFulfilled() const noexcept;
};

} // namespace folly
