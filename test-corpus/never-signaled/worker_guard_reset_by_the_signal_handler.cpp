// A daemon keeps its io_context busy with a work guard while a worker thread
// runs it, and joins the worker on the way out. The guard is a local of
// main, reset by the SIGTERM handler that captured it: once the handler has
// run, run() returns when the last job is done, and the join with it.
// expect-no-findings
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <csignal>
#include <thread>

int main() {
  boost::asio::io_context io;
  auto busy = boost::asio::make_work_guard(io);
  boost::asio::signal_set signals(io, SIGTERM);
  signals.async_wait(
      [&busy](const boost::system::error_code &, int) { busy.reset(); });
  std::thread worker([&io] { io.run(); });
  worker.join();
}
