// A request handler on an in-house epoll connection means to give a client
// five seconds: it runs the read alongside a five-second pause on the
// worker pool, but with all_of(), which waits for both. A client that
// connects and goes quiet still holds the handler for ever. No model
// describes the library; corolint infers that read() waits for a peer and
// that all_of(), whose watchers count a latch down, is no race.
#include <chrono>
#include <inhouse/first_of.h>
#include <inhouse/pool.h>
#include <inhouse/socket.h>

inhouse::task<int> pause(inhouse::pool &workers,
                         std::chrono::milliseconds d) {
  co_await workers.sleep_for(d);
  co_return 0;
}

inhouse::task<bool> next_request(inhouse::connection &client,
                                 inhouse::pool &workers, char (&buf)[512]) {
  bool done = co_await inhouse::all_of(client.read(buf, sizeof buf), // expect-warning: missing-timeout {{'inhouse::connection::read' waits for a peer with no deadline}}
                                       pause(workers, std::chrono::seconds{5}));
  co_return done;
}
