// Stub of folly for corolint's model name check (tests/CMakeLists.txt,
// models/folly; test-corpus/models/folly-api.cpp). Written here, not copied:
// declarations only, with the namespaces, class templates, base classes that
// declare modelled members, member names and signatures of facebook/folly
// (https://github.com/facebook/folly) at commit
// ff98381ea68687a95c6185326db933aa6124d4c5,
// folly/futures/SharedPromise.h.
#pragma once
#pragma clang system_header

#include "../Try.h"
#include "Future.h"

#include <cstddef>
#include <type_traits>

namespace folly {

template <class T> class SharedPromise {
public:
  SharedPromise() = default;
  SemiFuture<T> getSemiFuture() const;
  Future<T> getFuture() const;
  std::size_t size() const;

  void setException(exception_wrapper ew);
  template <class B = T>
  typename std::enable_if<std::is_same<Unit, B>::value, void>::type setValue();
  template <class M> void setValue(M &&value);
  void setTry(Try<T> &&t);
  template <class F> void setWith(F &&func) { (void)func; }
  bool isFulfilled() const;
};

} // namespace folly
