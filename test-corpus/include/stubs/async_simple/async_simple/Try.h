// Stub of async_simple for corolint's model name check (tests/CMakeLists.txt,
// models/async-simple; test-corpus/models/async-simple-api.cpp). Written here,
// not copied: declarations only, with the namespaces, class templates, member
// names, access and signatures of alibaba/async_simple
// (https://github.com/alibaba/async_simple) at commit
// d8abc4fe71a6481e2b354e01029687a5df68417c (1.4-28-gd8abc4f),
// async_simple/Unit.h, Try.h and Signal.h (SignalType; one file here).
#pragma once
#pragma clang system_header

#include <cstdint>
#include <exception>
#include <utility>

namespace async_simple {

struct Unit {};

enum SignalType : std::uint64_t { None = 0, Terminate = 1, All = ~0ULL };

template <typename T> class Try {
public:
  Try() = default;
  Try(Try<T> &&other) = default;
  Try &operator=(Try<T> &&other) = default;
  template <typename... U> Try(U &&...value) requires std::is_constructible_v<T, U...>;
  Try(std::exception_ptr error);
  Try(const Try &) = delete;
  Try &operator=(const Try &) = delete;

  constexpr bool available() const noexcept;
  constexpr bool hasError() const noexcept;
  const T &value() const &;
  T &value() &;
  T &&value() &&;
  std::exception_ptr getException() const;
};

template <> class Try<void> {
public:
  Try() = default;
  Try(std::exception_ptr error);
  constexpr bool available() const noexcept;
  constexpr bool hasError() const noexcept;
  void value() const;
  std::exception_ptr getException() const;
};

} // namespace async_simple
