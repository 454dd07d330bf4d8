// Stub of folly for corolint's model name check (tests/CMakeLists.txt,
// models/folly; test-corpus/models/folly-api.cpp). Written here, not copied:
// declarations only, with the namespaces, class templates, base classes that
// declare modelled members, member names and signatures of facebook/folly
// (https://github.com/facebook/folly) at commit
// ff98381ea68687a95c6185326db933aa6124d4c5,
// folly/Unit.h, folly/ExceptionWrapper.h (exception_wrapper) and
// folly/Try.h (one file here).
#pragma once
#pragma clang system_header

#include <exception>
#include <type_traits>
#include <utility>

namespace folly {

struct Unit {
  constexpr bool operator==(const Unit &) const { return true; }
};
constexpr Unit unit{};

template <typename T> struct lift_unit {
  using type = T;
};
template <> struct lift_unit<void> {
  using type = Unit;
};
template <typename T> using lift_unit_t = typename lift_unit<T>::type;

template <typename T> struct tag_t {};
template <typename T> inline constexpr tag_t<T> tag{};

class exception_wrapper {
public:
  exception_wrapper() noexcept {}
  explicit exception_wrapper(std::exception_ptr ptr) noexcept;
  template <typename Ex> exception_wrapper(Ex &&ex);
  explicit operator bool() const noexcept;
};

template <class T> class Try {
public:
  using element_type = T;
  Try() noexcept;
  explicit Try(const T &v);
  explicit Try(T &&v);
  explicit Try(exception_wrapper e) noexcept;
  Try(Try<T> &&t) noexcept;
  Try &operator=(Try<T> &&t) noexcept;
  ~Try();

  T &value() &;
  T &&value() &&;
  const T &value() const &;
  bool hasValue() const noexcept;
  bool hasException() const noexcept;
  exception_wrapper &exception() &;
};

template <> class Try<void> {
public:
  Try() noexcept;
  explicit Try(exception_wrapper e) noexcept;
  void value() const;
  bool hasValue() const noexcept;
  bool hasException() const noexcept;
};

} // namespace folly
