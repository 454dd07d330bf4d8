// Stub of Seastar for corolint's model name check (tests/CMakeLists.txt,
// models/seastar; test-corpus/models/seastar-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, base
// classes that declare modelled members, member names and signatures of
// scylladb/seastar (https://github.com/scylladb/seastar) at commit
// 525fcc86ecd275b1c89a1c3f359693704c953a98 (seastar-25.05.0-1175-g525fcc86e,
// SEASTAR_API_LEVEL 9), include/seastar/core/shared_mutex.hh.
#pragma once
#pragma clang system_header

#include "future.hh"

namespace seastar {

class shared_mutex {
public:
  shared_mutex() = default;
  shared_mutex(shared_mutex &&) = default;

  future<> lock_shared() noexcept;
  bool try_lock_shared() noexcept;
  void unlock_shared() noexcept;
  future<> lock() noexcept;
  bool try_lock() noexcept;
  void unlock() noexcept;
};

} // namespace seastar
