// Stub of libcoro for corolint's model name check (tests/CMakeLists.txt,
// models/libcoro; test-corpus/models/libcoro-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, member
// names, access and signatures of jbaldwin/libcoro (https://github.com/jbaldwin/libcoro)
// at commit 277467ffdee1d7f04e93c6b4c72689c6c743f567 (v0.16.0-4-g277467f),
// include/coro/expected.hpp (without <expected>, libcoro falls back to
// tl::expected; a minimal one here).
#pragma once
#pragma clang system_header

#include <utility>

namespace tl {
template <typename E> class unexpected {
public:
  explicit unexpected(E e) : m_value(std::move(e)) {}
  const E &value() const & { return m_value; }

private:
  E m_value;
};

template <typename T, typename E> class expected {
public:
  expected();
  expected(T value);
  expected(unexpected<E> error);
  bool has_value() const noexcept;
  explicit operator bool() const noexcept { return has_value(); }
  T &value() &;
  T &operator*() &;
  const E &error() const &;
};

template <typename E> class expected<void, E> {
public:
  expected();
  expected(unexpected<E> error);
  bool has_value() const noexcept;
  explicit operator bool() const noexcept { return has_value(); }
  const E &error() const &;
};
} // namespace tl

namespace coro {
template <typename T, typename E> using expected = tl::expected<T, E>;
template <typename E> using unexpected = tl::unexpected<E>;
} // namespace coro
