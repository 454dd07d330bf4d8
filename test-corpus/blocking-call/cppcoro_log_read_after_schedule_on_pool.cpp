// A request handler on cppcoro's io_service moves itself to a
// static_thread_pool before it reads the audit log from disk: the read runs
// on a pool thread, off the loop. Its twin reads the log first, on the io
// thread that resumed it, and only then moves.
#include <fstream>
#include <string>
#include <stubs/cppcoro/cppcoro/io_service.hpp>
#include <stubs/cppcoro/cppcoro/static_thread_pool.hpp>
#include <stubs/cppcoro/cppcoro/task.hpp>

cppcoro::task<std::string> last_audit_line(cppcoro::io_service &io,
                                           cppcoro::static_thread_pool &pool) {
  co_await io.schedule();
  co_await pool.schedule();
  std::ifstream log("audit.log");
  std::string line, last;
  while (std::getline(log, line))
    last = line;
  co_return last;
}

cppcoro::task<std::string> last_audit_line_then_move(
    cppcoro::io_service &io, cppcoro::static_thread_pool &pool) {
  co_await io.schedule();
  std::ifstream log("audit.log"); // expect-warning: blocking-call {{call to 'std::basic_ifstream::basic_ifstream' blocks the event loop (opens a file)}}
  std::string line, last;
  while (std::getline(log, line)) // expect-warning: blocking-call {{call to 'std::getline' blocks the event loop (reads a line from a stream)}}
    last = line;
  co_await pool.schedule();
  co_return last;
}
