// The twin of request_parser_callbacks_open_the_upload_file.cpp: the same
// parser and callback table, but the body callback buffers each chunk in
// memory and the completion callback hands the whole upload to a worker
// pool, which writes the file off the loop.
// expect-no-findings
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
  upload_session(tcp::socket sock, asio::thread_pool &disk)
      : sock_(std::move(sock)), disk_(disk) {
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
    self->body_.append(at, n);
    self->received_ += n;
    return 0;
  }
  static int on_complete(mini_parser *p) {
    auto *self = static_cast<upload_session *>(p->data);
    self->done_ = true;
    asio::post(self->disk_, [body = std::move(self->body_)] {
      std::ofstream out("upload.bin", std::ios::app);
      out.write(body.data(), static_cast<std::streamsize>(body.size()));
    });
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
  asio::thread_pool &disk_;
  mini_parser parser_;
  std::string body_;
  char buf_[4096];
  std::size_t received_ = 0;
  bool done_ = false;
};

int main() {
  asio::io_context io;
  asio::thread_pool disk(1);
  tcp::acceptor acceptor(io, {tcp::v4(), 8080});
  acceptor.async_accept([&](boost::system::error_code ec, tcp::socket s) {
    if (!ec)
      std::make_shared<upload_session>(std::move(s), disk)->start();
  });
  io.run();
  disk.join();
}
