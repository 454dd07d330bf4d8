// Stub of libcoro for corolint's model name check (tests/CMakeLists.txt,
// models/libcoro; test-corpus/models/libcoro-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, member
// names, access and signatures of jbaldwin/libcoro (https://github.com/jbaldwin/libcoro)
// at commit 277467ffdee1d7f04e93c6b4c72689c6c743f567 (v0.16.0-4-g277467f),
// include/coro/poll.hpp and fd.hpp (the Linux branch).
#pragma once
#pragma clang system_header

#include <cstdint>

namespace coro {

using fd_t = int;

enum class poll_op : std::uint64_t { read = 0x001, write = 0x004, read_write = 0x005 };

enum class poll_status { read, write, timeout, error, closed, cancelled };

} // namespace coro
