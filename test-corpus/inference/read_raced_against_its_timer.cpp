// The twin of read_awaited_with_its_timer.cpp: the same read raced with
// first_of() against the five-second pause, which completes when the
// first of them does: a silent client is left after five seconds.
// first_of() is a race only by inference (its watchers set a manual_event
// once, and it awaits the event).
// expect-no-findings
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
  bool done = co_await inhouse::first_of(client.read(buf, sizeof buf),
                                         pause(workers, std::chrono::seconds{5}));
  co_return done;
}
