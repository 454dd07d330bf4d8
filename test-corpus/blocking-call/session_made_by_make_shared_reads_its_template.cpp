// A small page server: each accepted connection gets a session made with
// std::make_shared, and the session's constructor reads the page template
// from disk. The constructor runs inside make_shared, in the accept
// handler, on the loop thread that serves every other connection: each
// accept stalls them all while the file is read. The twin,
// session_made_by_make_shared_copies_a_loaded_template.cpp, reads the
// template once before the loop runs and hands each session a copy.
#include <boost/asio.hpp>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

namespace asio = boost::asio;
using asio::ip::tcp;

class page_session : public std::enable_shared_from_this<page_session> {
public:
  page_session(tcp::socket socket, const std::string &template_path)
      : socket_(std::move(socket)) {
    std::ifstream in(template_path); // expect-warning: blocking-call {{'std::basic_ifstream::basic_ifstream' blocks the event loop (opens a file)}}
    std::ostringstream text;
    text << in.rdbuf();
    page_ = text.str();
  }

  void start() {
    auto self = shared_from_this();
    asio::async_write(socket_, asio::buffer(page_),
                      [self](boost::system::error_code, std::size_t) {});
  }

private:
  tcp::socket socket_;
  std::string page_;
};

class page_server {
public:
  page_server(asio::io_context &io, unsigned short port)
      : acceptor_(io, tcp::endpoint(tcp::v4(), port)) {}

  void accept() {
    acceptor_.async_accept([this](boost::system::error_code ec, tcp::socket socket) { // expect-path: blocking-call {{is handed to the event loop here}}
      if (!ec)
        std::make_shared<page_session>(std::move(socket), "templates/page.html")->start(); // expect-path: blocking-call {{calls 'page_session::page_session'}}
      accept();
    });
  }

private:
  tcp::acceptor acceptor_;
};

int main() {
  asio::io_context io;
  page_server server(io, 8080);
  server.accept();
  io.run();
}
