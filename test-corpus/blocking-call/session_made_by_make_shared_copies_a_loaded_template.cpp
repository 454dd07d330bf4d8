// expect-no-findings
// A small page server: the page template is read from disk once, before
// the loop runs, and each accepted connection gets a session made with
// std::make_shared whose constructor copies the loaded text. Nothing the
// accept handler runs on the loop thread touches the disk. The twin,
// session_made_by_make_shared_reads_its_template.cpp, reads the file in
// the session's constructor, on the loop.
#include <boost/asio.hpp>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

namespace asio = boost::asio;
using asio::ip::tcp;

class page_session : public std::enable_shared_from_this<page_session> {
public:
  page_session(tcp::socket socket, const std::string &page)
      : socket_(std::move(socket)), page_(page) {}

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
  page_server(asio::io_context &io, unsigned short port, std::string page)
      : acceptor_(io, tcp::endpoint(tcp::v4(), port)), page_(std::move(page)) {}

  void accept() {
    acceptor_.async_accept([this](boost::system::error_code ec, tcp::socket socket) {
      if (!ec)
        std::make_shared<page_session>(std::move(socket), page_)->start();
      accept();
    });
  }

private:
  tcp::acceptor acceptor_;
  std::string page_;
};

static std::string load_template(const std::string &path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

int main() {
  asio::io_context io;
  page_server server(io, 8080, load_template("templates/page.html"));
  server.accept();
  io.run();
}
