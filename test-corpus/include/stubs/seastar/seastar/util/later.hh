// Stub of Seastar for corolint's model name check (tests/CMakeLists.txt,
// models/seastar; test-corpus/models/seastar-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, base
// classes that declare modelled members, member names and signatures of
// scylladb/seastar (https://github.com/scylladb/seastar) at commit
// 525fcc86ecd275b1c89a1c3f359693704c953a98 (seastar-25.05.0-1175-g525fcc86e,
// SEASTAR_API_LEVEL 9), include/seastar/util/later.hh.
#pragma once
#pragma clang system_header

#include "../core/future.hh"

namespace seastar {

// Gives the reactor a turn.
future<> yield() noexcept;
// Gives the reactor a turn when preemption is due.
inline future<> maybe_yield() noexcept { return yield(); }
future<> check_for_io_immediately() noexcept;

} // namespace seastar
