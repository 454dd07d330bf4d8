// The twin of asio_fsync_in_a_handler_of_a_pool_of_loop_threads.cpp: the
// io_context runs on main's thread alone, so while the handler syncs the
// journal to disk every other handler waits.
#include <boost/asio.hpp>
#include <unistd.h>

namespace asio = boost::asio;

struct ledger {
  int journal_fd = -1;
};

void commit(ledger &l) {
  ::fsync(l.journal_fd); // expect-path: blocking-call {{'fsync' blocks here}} expect-warning: blocking-call {{call to 'fsync' blocks the event loop (waits for the disk)}}
}

int main() {
  asio::io_context io;
  ledger l;
  asio::ip::tcp::acceptor clients(io, {asio::ip::tcp::v4(), 0});
  asio::post(io, [&l] { commit(l); });
  io.run();
}
