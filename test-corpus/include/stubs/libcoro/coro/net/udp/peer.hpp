// Stub of libcoro for corolint's model name check (tests/CMakeLists.txt,
// models/libcoro; test-corpus/models/libcoro-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, member
// names, access and signatures of jbaldwin/libcoro (https://github.com/jbaldwin/libcoro)
// at commit 277467ffdee1d7f04e93c6b4c72689c6c743f567 (v0.16.0-4-g277467f),
// include/coro/net/udp/peer.hpp (the buffer concepts left out).
#pragma once
#pragma clang system_header

#include "../../poll.hpp"
#include "../../scheduler.hpp"
#include "../../task.hpp"
#include "../socket.hpp"
#include "../socket_address.hpp"

#include <chrono>
#include <cstddef>
#include <memory>
#include <span>
#include <tuple>

namespace coro::net::udp {

class peer {
public:
  explicit peer(std::unique_ptr<coro::scheduler> &scheduler,
                net::domain_t domain = net::domain_t::ipv4);
  explicit peer(std::unique_ptr<coro::scheduler> &scheduler,
                const net::socket_address &endpoint);
  peer(const peer &) noexcept = default;
  peer(peer &&) noexcept;
  auto operator=(const peer &) noexcept -> peer &;
  auto operator=(peer &&) noexcept -> peer &;
  ~peer() = default;

  auto socket() noexcept -> net::socket & { return m_socket; }
  template <typename buffer_type>
  auto write_to(const socket_address &address, const buffer_type &buffer,
                std::chrono::milliseconds timeout = std::chrono::milliseconds{0})
      -> coro::task<io_status>;
  template <typename buffer_type>
  auto read_from(buffer_type &buffer,
                 std::chrono::milliseconds timeout = std::chrono::milliseconds{0})
      -> coro::task<std::tuple<io_status, socket_address, std::span<std::byte>>>;

private:
  // Private since v0.16: read_from and write_to poll for themselves.
  auto poll(poll_op op, std::chrono::milliseconds timeout = std::chrono::milliseconds{0})
      -> coro::task<coro::poll_status>;

  net::socket m_socket;
};

} // namespace coro::net::udp
