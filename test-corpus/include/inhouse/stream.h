// inhouse/stream.h - a connection over Asio's callback API, awaited
// through awaiters of its own, as code written before Asio's coroutine
// support wraps a socket: read_some()'s awaiter starts async_read_some
// with a completion handler that resumes the waiter. `job` is the in-house
// fire-and-forget coroutine. No model describes this library: that
// read_some() waits for a peer, and that close() cancels it, is inferred
// from its code.
#ifndef INHOUSE_STREAM_H
#define INHOUSE_STREAM_H

#include <boost/asio.hpp>
#include <coroutine>
#include <cstddef>
#include <utility>

namespace inhouse {

struct job {
  struct promise_type {
    job get_return_object() noexcept { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept {}
  };
};

class stream {
public:
  explicit stream(boost::asio::ip::tcp::socket socket)
      : socket_(std::move(socket)) {}

  struct read_op {
    boost::asio::ip::tcp::socket &socket;
    boost::asio::mutable_buffer buffer;
    std::size_t got = 0;

    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> waiter) {
      socket.async_read_some(
          buffer, [this, waiter](boost::system::error_code, std::size_t n) {
            got = n;
            waiter.resume();
          });
    }
    std::size_t await_resume() const noexcept { return got; }
  };

  read_op read_some(boost::asio::mutable_buffer buffer) {
    return {socket_, buffer};
  }

  void close() {
    boost::system::error_code ignored;
    socket_.close(ignored);
  }

  boost::asio::any_io_executor executor() { return socket_.get_executor(); }

private:
  boost::asio::ip::tcp::socket socket_;
};

} // namespace inhouse

#endif
