// Stub of Seastar for corolint's model name check (tests/CMakeLists.txt,
// models/seastar; test-corpus/models/seastar-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, base
// classes that declare modelled members, member names and signatures of
// scylladb/seastar (https://github.com/scylladb/seastar) at commit
// 525fcc86ecd275b1c89a1c3f359693704c953a98 (seastar-25.05.0-1175-g525fcc86e,
// SEASTAR_API_LEVEL 9), include/seastar/core/shared_future.hh (the clock option and abort
// sources left out).
#pragma once
#pragma clang system_header

#include "future.hh"

#include <chrono>
#include <exception>

namespace seastar {

template <typename... T> class shared_future {
public:
  using future_type = future<T...>;
  using time_point = std::chrono::steady_clock::time_point;

  shared_future() = default;
  shared_future(const shared_future &) noexcept = default;
  shared_future &operator=(const shared_future &) noexcept = default;
  shared_future(shared_future &&) noexcept = default;
  shared_future &operator=(shared_future &&) noexcept = default;
  shared_future(future_type f);
  ~shared_future();

  future_type get_future(time_point timeout = time_point::max()) const noexcept;
  bool available() const noexcept;
  bool failed() const noexcept;
  bool valid() const noexcept;
};

template <typename... T> class shared_promise {
public:
  using future_type = future<T...>;
  using time_point = std::chrono::steady_clock::time_point;

  shared_promise(const shared_promise &) = delete;
  shared_promise(shared_promise &&) = default;
  shared_promise &operator=(shared_promise &&) = default;
  shared_promise();
  ~shared_promise();

  future_type get_shared_future(time_point timeout = time_point::max()) const noexcept;
  template <typename... A> void set_value(A &&...a) noexcept;
  void set_exception(std::exception_ptr ex) noexcept;
  template <typename Exception> void set_exception(Exception &&e) noexcept;
  bool available() const noexcept;
  bool failed() const noexcept;
};

} // namespace seastar
