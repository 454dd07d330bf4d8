// Stub of cppcoro for corolint's model name check (tests/CMakeLists.txt,
// models/cppcoro; test-corpus/models/cppcoro-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, member
// names and signatures of andreasbuhr/cppcoro (https://github.com/andreasbuhr/cppcoro,
// the maintained fork of lewissbaker/cppcoro) at commit
// b8e41b99a927eaabcfd073ae4c7b966c5859f866, include/cppcoro/net/socket.hpp (the Linux branch), and the operation
// types of net/socket_{connect,accept,disconnect,send,recv,recv_from,send_to}_operation.hpp,
// here in this one file (only their await members).
#ifndef CPPCORO_NET_SOCKET_HPP_INCLUDED
#define CPPCORO_NET_SOCKET_HPP_INCLUDED
#pragma clang system_header

#include "../cancellation_token.hpp"
#include "../coroutine.hpp"
#include "ip_endpoint.hpp"

#include <cstddef>
#include <cstdint>

namespace cppcoro {

class io_service;

namespace net {

class socket;

// What each socket operation returns: an awaitable.
struct socket_io_operation_base {
  bool await_ready() const noexcept;
  bool await_suspend(coroutine_handle<> awaitingCoroutine);
};
struct socket_connect_operation : socket_io_operation_base {
  void await_resume();
};
struct socket_connect_operation_cancellable : socket_io_operation_base {
  void await_resume();
};
struct socket_accept_operation : socket_io_operation_base {
  void await_resume();
};
struct socket_accept_operation_cancellable : socket_io_operation_base {
  void await_resume();
};
struct socket_disconnect_operation : socket_io_operation_base {
  void await_resume();
};
struct socket_disconnect_operation_cancellable : socket_io_operation_base {
  void await_resume();
};
struct socket_send_operation : socket_io_operation_base {
  std::size_t await_resume();
};
struct socket_send_operation_cancellable : socket_io_operation_base {
  std::size_t await_resume();
};
struct socket_recv_operation : socket_io_operation_base {
  std::size_t await_resume();
};
struct socket_recv_operation_cancellable : socket_io_operation_base {
  std::size_t await_resume();
};
struct socket_recv_from_operation : socket_io_operation_base {
  std::size_t await_resume();
};
struct socket_recv_from_operation_cancellable : socket_io_operation_base {
  std::size_t await_resume();
};
struct socket_send_to_operation : socket_io_operation_base {
  std::size_t await_resume();
};
struct socket_send_to_operation_cancellable : socket_io_operation_base {
  std::size_t await_resume();
};

class socket {
public:
  static socket create_tcpv4(io_service &ioSvc);
  static socket create_tcpv6(io_service &ioSvc);
  static socket create_udpv4(io_service &ioSvc);
  static socket create_udpv6(io_service &ioSvc);

  socket(socket &&other) noexcept;
  socket &operator=(socket &&other) noexcept;
  socket(const socket &other) noexcept;
  socket &operator=(const socket &other) noexcept;
  ~socket();

  int close();

  const ip_endpoint &local_endpoint() const noexcept;
  const ip_endpoint &remote_endpoint() const noexcept;

  void bind(const ip_endpoint &localEndPoint);
  void listen();
  void listen(std::uint32_t backlog);

  [[nodiscard]] socket_connect_operation
  connect(const ip_endpoint &remoteEndPoint) noexcept;
  [[nodiscard]] socket_connect_operation_cancellable
  connect(const ip_endpoint &remoteEndPoint, cancellation_token ct) noexcept;

  [[nodiscard]] socket_accept_operation accept(socket &acceptingSocket) noexcept;
  [[nodiscard]] socket_accept_operation_cancellable
  accept(socket &acceptingSocket, cancellation_token ct) noexcept;

  [[nodiscard]] socket_disconnect_operation disconnect() noexcept;
  [[nodiscard]] socket_disconnect_operation_cancellable
  disconnect(cancellation_token ct) noexcept;

  [[nodiscard]] socket_send_operation send(const void *buffer,
                                           std::size_t size) noexcept;
  [[nodiscard]] socket_send_operation_cancellable
  send(const void *buffer, std::size_t size, cancellation_token ct) noexcept;

  [[nodiscard]] socket_recv_operation recv(void *buffer,
                                           std::size_t size) noexcept;
  [[nodiscard]] socket_recv_operation_cancellable
  recv(void *buffer, std::size_t size, cancellation_token ct) noexcept;

  [[nodiscard]] socket_recv_from_operation recv_from(void *buffer,
                                                     std::size_t size) noexcept;
  [[nodiscard]] socket_recv_from_operation_cancellable
  recv_from(void *buffer, std::size_t size, cancellation_token ct) noexcept;

  [[nodiscard]] socket_send_to_operation
  send_to(const ip_endpoint &destination, const void *buffer,
          std::size_t size) noexcept;
  [[nodiscard]] socket_send_to_operation_cancellable
  send_to(const ip_endpoint &destination, const void *buffer, std::size_t size,
          cancellation_token ct) noexcept;

  void close_send();
  void close_recv();

private:
  int m_handle;
};

} // namespace net
} // namespace cppcoro

#endif
