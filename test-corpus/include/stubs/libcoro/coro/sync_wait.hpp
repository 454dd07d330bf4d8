// Stub of libcoro for corolint's model name check (tests/CMakeLists.txt,
// models/libcoro; test-corpus/models/libcoro-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, member
// names, access and signatures of jbaldwin/libcoro (https://github.com/jbaldwin/libcoro)
// at commit 277467ffdee1d7f04e93c6b4c72689c6c743f567 (v0.16.0-4-g277467f),
// include/coro/sync_wait.hpp.
#pragma once
#pragma clang system_header

#include <utility>

namespace coro {

// Blocks the calling thread until the awaitable completes.
template <typename awaitable_type>
auto sync_wait(awaitable_type &&a) -> decltype(std::forward<awaitable_type>(a)
                                                   .operator co_await()
                                                   .await_resume());

} // namespace coro
