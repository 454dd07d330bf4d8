// Stub of Seastar for corolint's model name check (tests/CMakeLists.txt,
// models/seastar; test-corpus/models/seastar-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, base
// classes that declare modelled members, member names and signatures of
// scylladb/seastar (https://github.com/scylladb/seastar) at commit
// 525fcc86ecd275b1c89a1c3f359693704c953a98 (seastar-25.05.0-1175-g525fcc86e,
// SEASTAR_API_LEVEL 9), include/seastar/core/rwlock.hh (the abort_source overloads and
// holders left out).
#pragma once
#pragma clang system_header

#include "future.hh"
#include "semaphore.hh"
#include "timer.hh"

namespace seastar {

template <typename Clock> class basic_rwlock;

template <typename Clock = typename timer<>::clock> class rwlock_for_read {
public:
  future<> lock();
  void unlock();
  friend class basic_rwlock<Clock>;
};

template <typename Clock = typename timer<>::clock> class rwlock_for_write {
public:
  future<> lock();
  void unlock();
  friend class basic_rwlock<Clock>;
};

template <typename Clock = typename timer<>::clock>
class basic_rwlock : private rwlock_for_read<Clock>, rwlock_for_write<Clock> {
  using semaphore_type = basic_semaphore<semaphore_default_exception_factory, Clock>;

public:
  basic_rwlock();
  rwlock_for_read<Clock> &for_read() { return *this; }
  rwlock_for_write<Clock> &for_write() { return *this; }

  future<> read_lock(typename semaphore_type::time_point timeout =
                         semaphore_type::time_point::max());
  void read_unlock();
  future<> write_lock(typename semaphore_type::time_point timeout =
                          semaphore_type::time_point::max());
  void write_unlock();
  bool try_read_lock();
  bool try_write_lock();
  bool locked() const;
};

using rwlock = basic_rwlock<>;

} // namespace seastar
