// An upload endpoint parses requests with a small C-style parser that calls
// back through a table of function pointers, filled once in a static
// initializer, as http_parser and llhttp do. The body callback appends each
// chunk to the upload's file by opening it with an ofstream: the parser runs
// in the socket's read handler, so every chunk opens a file on the loop that
// serves all connections. The twin,
// request_parser_callbacks_buffer_the_upload.cpp, buffers the chunks in
// memory and hands the file write to a worker pool.
#include <boost/asio.hpp>
#include <cstddef>
#include <fstream>
#include <memory>
#include <string>

namespace asio = boost::asio;
using asio::ip::tcp;

struct mini_parser;
using data_cb = int (*)(mini_parser *, const char *, std::size_t);
using notify_cb = int (*)(mini_parser *);

struct mini_parser_settings {
  notify_cb on_message_begin;
  data_cb on_body;
  notify_cb on_message_complete;
};

struct mini_parser {
  void *data = nullptr;
  bool in_message = false;
};

std::size_t mini_parser_execute(mini_parser *p, const mini_parser_settings *s,
                                const char *buf, std::size_t len) {
  if (!p->in_message) {
    p->in_message = true;
    if (s->on_message_begin && s->on_message_begin(p) != 0)
      return 0;
  }
  if (len > 0 && s->on_body(p, buf, len) != 0)
    return 0;
  if (len == 0) {
    p->in_message = false;
    return s->on_message_complete(p) == 0 ? 0 : 0;
  }
  return len;
}

class upload_session : public std::enable_shared_from_this<upload_session> {
public:
  explicit upload_session(tcp::socket sock) : sock_(std::move(sock)) {
    parser_.data = this;
  }

  void start() { read_more(); }

private:
  static int on_begin(mini_parser *p) {
    static_cast<upload_session *>(p->data)->received_ = 0;
    return 0;
  }
  static int on_chunk(mini_parser *p, const char *at, std::size_t n) {
    auto *self = static_cast<upload_session *>(p->data);
    std::ofstream out("upload.bin", std::ios::app); // expect-warning: blocking-call {{opens a file}}
    out.write(at, static_cast<std::streamsize>(n));
    self->received_ += n;
    return 0;
  }
  static int on_complete(mini_parser *p) {
    static_cast<upload_session *>(p->data)->done_ = true;
    return 0;
  }

  void feed(const char *buf, std::size_t n) {
    static const mini_parser_settings settings{on_begin, on_chunk,
                                               &on_complete};
    mini_parser_execute(&parser_, &settings, buf, n);
  }

  void read_more() {
    auto self = shared_from_this();
    sock_.async_read_some(
        asio::buffer(buf_), [this, self](boost::system::error_code ec,
                                         std::size_t n) {
          if (ec)
            return;
          feed(buf_, n);
          if (!done_)
            read_more();
        });
  }

  tcp::socket sock_;
  mini_parser parser_;
  char buf_[4096];
  std::size_t received_ = 0;
  bool done_ = false;
};

int main() {
  asio::io_context io;
  tcp::acceptor acceptor(io, {tcp::v4(), 8080});
  acceptor.async_accept([&](boost::system::error_code ec, tcp::socket s) {
    if (!ec)
      std::make_shared<upload_session>(std::move(s))->start();
  });
  io.run();
}
