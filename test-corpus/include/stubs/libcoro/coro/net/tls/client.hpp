// Stub of libcoro for corolint's model name check (tests/CMakeLists.txt,
// models/libcoro; test-corpus/models/libcoro-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, member
// names, access and signatures of jbaldwin/libcoro (https://github.com/jbaldwin/libcoro)
// at commit 277467ffdee1d7f04e93c6b4c72689c6c743f567 (v0.16.0-4-g277467f),
// include/coro/net/tls/client.hpp, context.hpp, connection_status.hpp,
// recv_status.hpp and send_status.hpp (LIBCORO_FEATURE_TLS; one file here, the
// enumerator values left out).
#pragma once
#pragma clang system_header

#include "../../poll.hpp"
#include "../../scheduler.hpp"
#include "../../task.hpp"
#include "../socket.hpp"
#include "../socket_address.hpp"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <type_traits>
#include <utility>

namespace coro::net::tls {

enum class verify_peer_t : int { yes, no };

class context {
public:
  explicit context(verify_peer_t verify_peer = verify_peer_t::yes);
  ~context();
};

enum class connection_status { connected, not_connected, context_required,
                               resource_allocation_failed, set_fd_failure,
                               handshake_failed, timeout, poll_error,
                               unexpected_close, invalid_ip_address, error };
enum class recv_status : std::int64_t { ok, buffer_is_empty, timeout, cancelled, closed, error };
enum class send_status : std::int64_t { ok, buffer_is_empty, timeout, cancelled, closed, error };

class client {
public:
  explicit client(std::unique_ptr<coro::scheduler> &scheduler,
                  std::shared_ptr<context> tls_ctx, const net::socket_address &endpoint);
  client(const client &) = delete;
  client(client &&other) noexcept;
  auto operator=(client &&other) noexcept -> client &;
  ~client();

  [[nodiscard]] auto socket() -> net::socket & { return m_socket; }
  auto connect(std::chrono::milliseconds timeout = std::chrono::milliseconds{0})
      -> coro::task<connection_status>;
  template <typename buffer_type,
            typename element_type = std::remove_pointer_t<decltype(std::declval<buffer_type &>().data())>>
  auto recv(buffer_type &buffer,
            std::optional<std::chrono::milliseconds> timeout = std::nullopt)
      -> coro::task<std::pair<recv_status, std::span<element_type>>>;
  template <typename buffer_type,
            typename element_type = std::add_const_t<std::remove_pointer_t<decltype(std::declval<const buffer_type &>().data())>>>
  auto send(const buffer_type &buffer,
            std::optional<std::chrono::milliseconds> timeout = std::nullopt)
      -> coro::task<std::pair<send_status, std::span<element_type>>>;
  auto shutdown() -> coro::task<void>;

private:
  auto poll(coro::poll_op op, std::chrono::milliseconds timeout = std::chrono::milliseconds{0})
      -> coro::task<poll_status>;

  net::socket m_socket;
};

} // namespace coro::net::tls
