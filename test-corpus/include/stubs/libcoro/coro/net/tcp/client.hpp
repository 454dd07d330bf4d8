// Stub of libcoro for corolint's model name check (tests/CMakeLists.txt,
// models/libcoro; test-corpus/models/libcoro-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, member
// names, access and signatures of jbaldwin/libcoro (https://github.com/jbaldwin/libcoro)
// at commit 277467ffdee1d7f04e93c6b4c72689c6c743f567 (v0.16.0-4-g277467f),
// include/coro/net/tcp/client.hpp (the buffer concepts left out).
#pragma once
#pragma clang system_header

#include "../../expected.hpp"
#include "../../poll.hpp"
#include "../../scheduler.hpp"
#include "../../task.hpp"
#include "../socket.hpp"
#include "../socket_address.hpp"

#include <chrono>
#include <cstddef>
#include <memory>
#include <span>
#include <type_traits>
#include <utility>

namespace coro::net::tcp {

class server;

class client {
public:
  explicit client(std::unique_ptr<coro::scheduler> &scheduler, net::socket_address endpoint);
  client(const client &other);
  client(client &&other) noexcept;
  auto operator=(const client &other) noexcept -> client &;
  auto operator=(client &&other) noexcept -> client &;
  ~client();

  [[nodiscard]] auto socket() -> net::socket & { return m_socket; }
  auto connect(std::chrono::milliseconds timeout = std::chrono::milliseconds{0})
      -> coro::task<net::connect_status>;

  template <typename buffer_type,
            typename element_type = std::remove_pointer_t<decltype(std::declval<buffer_type &>().data())>>
  auto read_some(buffer_type &buffer,
                 const std::chrono::milliseconds timeout = std::chrono::milliseconds{0})
      -> coro::task<std::pair<io_status, std::span<element_type>>>;
  template <typename buffer_type,
            typename element_type = std::remove_pointer_t<decltype(std::declval<buffer_type &>().data())>>
  auto read_exact(buffer_type &buffer,
                  const std::chrono::milliseconds timeout = std::chrono::milliseconds{0})
      -> coro::task<std::pair<io_status, std::span<element_type>>>;
  template <typename buffer_type,
            typename element_type = std::add_const_t<std::remove_pointer_t<decltype(std::declval<const buffer_type &>().data())>>>
  auto write_some(const buffer_type &buffer,
                  const std::chrono::milliseconds timeout = std::chrono::milliseconds{0})
      -> coro::task<std::pair<io_status, std::span<element_type>>>;
  template <typename buffer_type,
            typename element_type = std::add_const_t<std::remove_pointer_t<decltype(std::declval<const buffer_type &>().data())>>>
  auto write_all(const buffer_type &buffer,
                 const std::chrono::milliseconds timeout = std::chrono::milliseconds{0})
      -> coro::task<std::pair<io_status, std::span<element_type>>>;

private:
  // Private since v0.16: read_some and the others poll for themselves.
  auto poll(const coro::poll_op op,
            const std::chrono::milliseconds timeout = std::chrono::milliseconds{0})
      -> coro::task<poll_status>;

  net::socket m_socket;
};

} // namespace coro::net::tcp
