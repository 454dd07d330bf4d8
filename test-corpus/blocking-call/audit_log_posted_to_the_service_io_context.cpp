// An audit log for a small TCP service opens and appends to its file in
// jobs posted to the io_context that runs the service's sockets: a slow
// disk stalls every client. The twin of
// audit_log_posted_to_its_own_io_context.cpp, which gives the jobs an
// io_context and a thread of their own.
#include <boost/asio.hpp>
#include <fstream>
#include <functional>
#include <string>
#include <thread>

namespace asio = boost::asio;
using asio::ip::tcp;

class audit_log {
public:
  explicit audit_log(asio::io_context &service) : jobs_(service) {}

  void open(const std::string &path) {
    asio::post(jobs_, std::bind(&audit_log::open_file, this, path));
  }

  void record(const std::string &line) {
    asio::post(jobs_, [this, line] {
      std::ofstream out(path_, std::ios::app); // expect-warning: blocking-call {{blocks the event loop (opens a file)}}
      out << line << '\n';
    });
  }

private:
  void open_file(const std::string &path) {
    path_ = path;
    file_.open(path, std::ios::app); // expect-warning: blocking-call {{blocks the event loop (opens a file)}}
  }

  asio::io_context &jobs_;
  std::string path_;
  std::ofstream file_;
};

void accept_clients(tcp::acceptor &acceptor, audit_log &log) {
  acceptor.async_accept(
      [&acceptor, &log](boost::system::error_code ec, tcp::socket) {
        if (!ec)
          log.record("client accepted");
        accept_clients(acceptor, log);
      });
}

int main() {
  asio::io_context service;
  tcp::acceptor acceptor(service, tcp::endpoint(tcp::v4(), 0));
  audit_log log(service);
  log.open("audit.log");
  accept_clients(acceptor, log);
  service.run();
}
