// Stub of Seastar for corolint's model name check (tests/CMakeLists.txt,
// models/seastar; test-corpus/models/seastar-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, base
// classes that declare modelled members, member names and signatures of
// scylladb/seastar (https://github.com/scylladb/seastar) at commit
// 525fcc86ecd275b1c89a1c3f359693704c953a98 (seastar-25.05.0-1175-g525fcc86e,
// SEASTAR_API_LEVEL 9), include/seastar/core/queue.hh.
#pragma once
#pragma clang system_header

#include "future.hh"

#include <cstddef>
#include <exception>

namespace seastar {

template <typename T> class queue {
public:
  explicit queue(std::size_t size);

  bool push(T &&a);
  T pop() noexcept;
  T &front() noexcept;
  template <typename Func> bool consume(Func &&func);
  bool empty() const noexcept;
  bool full() const noexcept;
  future<> not_empty() noexcept;
  future<> not_full() noexcept;
  future<T> pop_eventually() noexcept;
  future<> push_eventually(T &&data) noexcept;
  std::size_t size() const noexcept;
  std::size_t max_size() const noexcept;
  void set_max_size(std::size_t max) noexcept;
  void abort(std::exception_ptr ex) noexcept;
  bool has_blocked_consumer() const noexcept;
};

} // namespace seastar
