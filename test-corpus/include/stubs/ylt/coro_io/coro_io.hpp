// Stub of yalantinglibs' coro_io, written from the declarations in
// include/cinatra/ylt/coro_io/coro_io.hpp of qicosmos/cinatra at commit
// 6da4c573579c6ddee5702553a5951af934258f32 (which vendors yalantinglibs), and
// checked against include/ylt/coro_io/coro_io.hpp of alibaba/yalantinglibs
// at 393e27e8, which spells the same names. The socket operations are
// function templates over the socket and buffer types that return a lazy
// task of an error code (and a size); post runs func on an executor, by
// default the global block executor; period_timer is a steady timer whose
// async_await completes when it expires; socket_wrapper_t holds a socket
// or TLS stream and closes it. Only the names and the argument
// positions matter to the model check.
#pragma clang system_header

#include <cstddef>
#include <string>
#include <system_error>
#include <utility>

namespace coro_io {
struct block_executor {};
inline block_executor *get_global_block_executor() { return nullptr; }

template <class T> struct lazy_result {};
using io_result = lazy_result<std::pair<std::error_code, std::size_t>>;

template <class Func, class Executor>
lazy_result<void> post(Func func, Executor executor) {
  return {};
}
template <class Func>
lazy_result<void> post(Func func,
                       block_executor *e = get_global_block_executor()) {
  return {};
}

template <class Acceptor, class Socket>
lazy_result<std::error_code> async_accept(Acceptor &acceptor, Socket &socket);
template <class Socket, class Buffer>
io_result async_read_some(Socket &socket, Buffer &&buffer);
template <class Socket, class Buffer>
io_result async_read(Socket &socket, Buffer &&buffer);
template <class Socket, class Buffer>
io_result async_read(Socket &socket, Buffer &buffer, std::size_t size_to_read);
template <class Socket, class Buffer>
io_result async_read_until(Socket &socket, Buffer &buffer, const char *delim);
template <class Socket, class Buffer>
io_result async_write(Socket &socket, Buffer &&buffer);
template <class Socket, class Buffer>
io_result async_write_some(Socket &socket, Buffer &&buffer);
template <class Executor, class Socket>
lazy_result<std::error_code> async_connect(Executor *executor, Socket &socket,
                                           const std::string &host,
                                           const std::string &port);
template <class Stream, class Type>
lazy_result<std::error_code> async_handshake(Stream &stream, Type type);

class period_timer {
public:
  template <class Duration> void expires_after(Duration d);
  lazy_result<bool> async_await();
  void cancel();
};

template <class Duration> lazy_result<void> sleep_for(Duration d);

// include/ylt/coro_io/socket_wrapper.hpp at yalantinglibs 393e27e8.
struct socket_wrapper_t {
  template <typename T> auto visit(T &&op) noexcept { return op(0); }
  void close() noexcept;
};
} // namespace coro_io
