// Stub of Seastar for corolint's model name check (tests/CMakeLists.txt,
// models/seastar; test-corpus/models/seastar-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, base
// classes that declare modelled members, member names and signatures of
// scylladb/seastar (https://github.com/scylladb/seastar) at commit
// 525fcc86ecd275b1c89a1c3f359693704c953a98 (seastar-25.05.0-1175-g525fcc86e,
// SEASTAR_API_LEVEL 9), include/seastar/core/thread.hh (async without thread_attributes only).
#pragma once
#pragma clang system_header

#include "future.hh"

#include <type_traits>

namespace seastar {

// Runs func in a new seastar::thread, on the reactor.
template <typename Func, typename... Args>
inline futurize_t<std::invoke_result_t<Func, Args...>> async(Func &&func, Args &&...args) noexcept {
  (void)func;
  ((void)args, ...);
  return make_exception_future<std::invoke_result_t<Func, Args...>>(std::exception_ptr());
}

} // namespace seastar
