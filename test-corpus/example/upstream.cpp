// The relay to the upstream chat service, and the roster of who is online.
#include "chat.h"

#include <chrono>

using namespace std::chrono_literals;

namespace {
fake::async_mutex roster_mutex;
fake::async_mutex audit_mutex;
int online = 0;
int audit_lines = 0;
} // namespace

// Bug: the relay waits for the upstream service with no deadline; if it stops
// answering, the relay coroutine never resumes.
fake::task<void> relay_from_upstream(fake::connection &upstream, Room &room) {
  for (;;) {
    int message = co_await upstream.read(); // expect-warning: missing-timeout {{'fake::connection::read' waits for a peer with no deadline}}
    room.history.push_back(std::to_string(message));
  }
}

// Fine: the login handshake has a deadline.
fake::task<int> read_login(fake::connection &upstream) {
  co_return co_await upstream.read();
}

fake::task<void> login_upstream(fake::connection &upstream) {
  int ok = co_await fake::with_timeout(read_login(upstream), 2000ms);
  (void)ok;
}

// Bug: joining takes the roster before the audit log, leaving takes them the
// other way round; a join and a leave at the same time wait for each other.
fake::task<void> on_join() {
  auto roster = co_await roster_mutex.lock(); // expect-path: lock-order-cycle {{'roster_mutex' acquired here}}
  ++online;
  auto audit = co_await audit_mutex.lock();   // expect-path: lock-order-cycle {{'audit_mutex' acquired here while 'roster_mutex' is held}}
  ++audit_lines;
}

fake::task<void> on_leave() {
  auto audit = co_await audit_mutex.lock();   // expect-path: lock-order-cycle {{'audit_mutex' acquired here}}
  ++audit_lines;
  auto roster = co_await roster_mutex.lock(); // expect-warning: lock-order-cycle {{possible deadlock: mutexes are acquired in inconsistent orders ('audit_mutex' before 'roster_mutex' in 'on_leave'; 'roster_mutex' before 'audit_mutex' in 'on_join')}}
  --online;
}
