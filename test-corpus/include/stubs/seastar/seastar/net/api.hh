// Stub of Seastar for corolint's model name check (tests/CMakeLists.txt,
// models/seastar; test-corpus/models/seastar-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, base
// classes that declare modelled members, member names and signatures of
// scylladb/seastar (https://github.com/scylladb/seastar) at commit
// 525fcc86ecd275b1c89a1c3f359693704c953a98 (seastar-25.05.0-1175-g525fcc86e,
// SEASTAR_API_LEVEL 9), include/seastar/net/api.hh (the streams' element types and the
// implementation pointers left out).
#pragma once
#pragma clang system_header

#include "../core/future.hh"
#include "socket_defs.hh"

#include <cstddef>
#include <memory>

namespace seastar {

namespace net {
class connected_socket_impl;
class socket_impl;
class server_socket_impl;
} // namespace net

template <typename CharType> class input_stream;
template <typename CharType> class output_stream;

class connected_socket {
  std::unique_ptr<net::connected_socket_impl> _csi;

public:
  connected_socket() noexcept;
  ~connected_socket();
  connected_socket(connected_socket &&cs) noexcept;
  connected_socket &operator=(connected_socket &&cs) noexcept;

  input_stream<char> input();
  output_stream<char> output(std::size_t buffer_size = 8192);
  void set_nodelay(bool nodelay);
  void shutdown_output();
  void shutdown_input();
  future<> wait_input_shutdown();
};

class socket {
  std::unique_ptr<net::socket_impl> _si;

public:
  socket() noexcept = default;
  ~socket();
  socket(socket &&) noexcept;
  socket &operator=(socket &&) noexcept;

  future<connected_socket> connect(socket_address sa, socket_address local = {},
                                   transport proto = transport::TCP);
  void set_reuseaddr(bool reuseaddr);
  void shutdown();
};

struct accept_result {
  connected_socket connection;
  socket_address remote_address;
};

class server_socket {
  std::unique_ptr<net::server_socket_impl> _ssi;

public:
  server_socket() noexcept;
  server_socket(server_socket &&ss) noexcept;
  server_socket &operator=(server_socket &&cs) noexcept;
  ~server_socket();

  future<accept_result> accept();
  void abort_accept();
  socket_address local_address() const noexcept;
};

struct listen_options {
  bool reuse_address = false;
};

} // namespace seastar
