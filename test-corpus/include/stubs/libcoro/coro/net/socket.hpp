// Stub of libcoro for corolint's model name check (tests/CMakeLists.txt,
// models/libcoro; test-corpus/models/libcoro-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, member
// names, access and signatures of jbaldwin/libcoro (https://github.com/jbaldwin/libcoro)
// at commit 277467ffdee1d7f04e93c6b4c72689c6c743f567 (v0.16.0-4-g277467f),
// include/coro/net/socket.hpp.
#pragma once
#pragma clang system_header

#include "../poll.hpp"

namespace coro::net {

class socket {
public:
  enum class type_t { udp, tcp };
  enum class blocking_t { yes, no };

  socket() = default;
  explicit socket(int fd) : m_fd(fd) {}
  socket(const socket &other);
  socket(socket &&other) noexcept;
  auto operator=(const socket &other) noexcept -> socket &;
  auto operator=(socket &&other) noexcept -> socket &;
  ~socket() { close(); }

  [[nodiscard]] auto is_ok() const -> bool { return m_fd != -1; }
  auto blocking(blocking_t block) -> bool;
  auto shutdown(poll_op how = poll_op::read_write) -> bool;
  auto close() -> void;
  auto native_handle() const -> int { return m_fd; }

private:
  int m_fd{-1};
};

} // namespace coro::net
