// Stub of async_simple for corolint's model name check (tests/CMakeLists.txt,
// models/async-simple; test-corpus/models/async-simple-api.cpp). Written here,
// not copied: declarations only, with the namespaces, class templates, member
// names, access and signatures of alibaba/async_simple
// (https://github.com/alibaba/async_simple) at commit
// d8abc4fe71a6481e2b354e01029687a5df68417c (1.4-28-gd8abc4f),
// async_simple/Promise.h.
#pragma once
#pragma clang system_header

#include "Future.h"
#include "Try.h"

#include <exception>
#include <type_traits>

namespace async_simple {

template <typename T> class Promise {
public:
  using value_type = std::conditional_t<std::is_void_v<T>, Unit, T>;

  Promise();
  ~Promise();
  Promise(const Promise &other);
  Promise &operator=(const Promise &other);
  Promise(Promise<T> &&other);
  Promise &operator=(Promise<T> &&other);

  Future<T> getFuture();
  bool valid() const;
  Promise &checkout();
  Promise &forceSched();

  void setException(std::exception_ptr error);
  void setValue(value_type &&v) requires(!std::is_void_v<T>);
  void setValue(Try<value_type> &&t);
  void setValue() requires(std::is_void_v<T>);
};

} // namespace async_simple
