// Stub of folly for corolint's model name check (tests/CMakeLists.txt,
// models/folly; test-corpus/models/folly-api.cpp). Written here, not copied:
// declarations only, with the namespaces, class templates, base classes that
// declare modelled members, member names and signatures of facebook/folly
// (https://github.com/facebook/folly) at commit
// ff98381ea68687a95c6185326db933aa6124d4c5,
// folly/coro/SharedPromise.h.
#pragma once
#pragma clang system_header

#include "../Try.h"
#include "Promise.h"

#include <cstddef>
#include <optional>

namespace folly::coro {

template <typename T> class SharedPromise {
  using TryType = Try<lift_unit_t<T>>;

public:
  SharedPromise() = default;
  SharedPromise(SharedPromise &&) noexcept;
  SharedPromise &operator=(SharedPromise &&) noexcept;
  SharedPromise(const SharedPromise &) = delete;
  SharedPromise &operator=(const SharedPromise &) = delete;

  folly::coro::Future<T> getFuture() const;
  std::size_t size() const;
  bool isFulfilled() const;
  std::optional<TryType> poll() const;
  void setException(folly::exception_wrapper &&);
  template <typename U = T> void setValue(U &&);
  void setValue();
  void setTry(TryType &&);
};

} // namespace folly::coro
