// A ledger's handlers run on an io_context that four threads run, which
// also serves the ledger's clients (its acceptor is made on it): a
// handler that syncs the journal to disk holds one of the four while it
// waits, and the others go on; all of them stall only when every thread is
// in such a call. The message says so, not that every other task on the
// loop stalls. The twin, asio_fsync_in_a_handler_of_a_one_thread_loop.cpp,
// runs the same io_context on main's thread alone.
#include <boost/asio.hpp>
#include <thread>
#include <unistd.h>
#include <vector>

namespace asio = boost::asio;

struct ledger {
  int journal_fd = -1;
};

void commit(ledger &l) {
  ::fsync(l.journal_fd); // expect-path: blocking-call {{'fsync' blocks here}} expect-warning: blocking-call {{call to 'fsync' blocks one of the threads that run 'io' (waits for the disk)}}
}

int main() {
  asio::io_context io;
  ledger l;
  asio::ip::tcp::acceptor clients(io, {asio::ip::tcp::v4(), 0});
  asio::post(io, [&l] { commit(l); });
  std::vector<std::thread> workers;
  for (int i = 0; i < 4; ++i)
    workers.emplace_back([&io] { io.run(); }); // expect-path: blocking-call {{'io' is run here, on threads started in a loop}}
  for (auto &t : workers)
    t.join();
}
