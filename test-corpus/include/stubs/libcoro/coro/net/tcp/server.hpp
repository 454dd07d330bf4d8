// Stub of libcoro for corolint's model name check (tests/CMakeLists.txt,
// models/libcoro; test-corpus/models/libcoro-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, member
// names, access and signatures of jbaldwin/libcoro (https://github.com/jbaldwin/libcoro)
// at commit 277467ffdee1d7f04e93c6b4c72689c6c743f567 (v0.16.0-4-g277467f),
// include/coro/net/tcp/server.hpp.
#pragma once
#pragma clang system_header

#include "../../expected.hpp"
#include "../../poll.hpp"
#include "../../scheduler.hpp"
#include "../../task.hpp"
#include "../socket.hpp"
#include "../socket_address.hpp"
#include "client.hpp"

#include <chrono>
#include <cstdint>
#include <memory>

namespace coro::net::tcp {

class server {
public:
  struct options {
    std::int32_t backlog{128};
  };

  explicit server(std::unique_ptr<coro::scheduler> &scheduler,
                  const net::socket_address &endpoint, options opts = options{.backlog = 128});
  server(const server &) = delete;
  server(server &&other);
  auto operator=(const server &) -> server & = delete;
  auto operator=(server &&other) -> server &;
  ~server() = default;

  auto accept(std::chrono::milliseconds timeout = std::chrono::milliseconds{0})
      -> coro::task<expected<coro::net::tcp::client, io_status>>;
  [[nodiscard]] auto accept_socket() -> net::socket & { return m_accept_socket; }
  auto shutdown() -> bool;

private:
  // Private since v0.16: accept polls for itself.
  auto poll(std::chrono::milliseconds timeout = std::chrono::milliseconds{0})
      -> coro::task<coro::poll_status>;

  net::socket m_accept_socket;
};

} // namespace coro::net::tcp
