// An audit log for a small TCP service opens and appends to its file on an
// io_context of its own, which a thread the log starts runs, and to which
// nothing but these jobs is ever handed: a work queue, as a thread pool is.
// A slow disk delays only the queued audit lines, never the service's
// sockets. The twin, audit_log_posted_to_the_service_io_context.cpp, posts
// the same jobs to the io_context that runs the service.
// expect-no-findings
#include <boost/asio.hpp>
#include <fstream>
#include <functional>
#include <string>
#include <thread>

namespace asio = boost::asio;
using asio::ip::tcp;

class audit_log {
public:
  audit_log()
      : guard_(asio::make_work_guard(jobs_)),
        writer_([this] { jobs_.run(); }) {}

  ~audit_log() {
    guard_.reset();
    writer_.join();
  }

  void open(const std::string &path) {
    asio::post(jobs_, std::bind(&audit_log::open_file, this, path));
  }

  void record(const std::string &line) {
    asio::post(jobs_, [this, line] {
      std::ofstream out(path_, std::ios::app);
      out << line << '\n';
    });
  }

private:
  void open_file(const std::string &path) {
    path_ = path;
    file_.open(path, std::ios::app);
  }

  asio::io_context jobs_;
  asio::executor_work_guard<asio::io_context::executor_type> guard_;
  std::thread writer_;
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
  audit_log log;
  log.open("audit.log");
  accept_clients(acceptor, log);
  service.run();
}
