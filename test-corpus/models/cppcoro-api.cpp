// Uses every function and type named in rules/models/cppcoro.json. cppcoro is
// not packaged in Debian, so this file includes the stub headers of
// test-corpus/include/stubs/cppcoro, written from the real headers at the
// commit the model's checkedAgainst names; a model name that stops matching
// them fails the model name check. The coroutines only do non-blocking work;
// the blocking calls are in a plain function that no loop runs. cppcoro has
// no timeout combinator (a cancellation_token bounds an operation, which the
// schema cannot see), so the socket operations are unbounded here.

#include <stubs/cppcoro/cppcoro/async_auto_reset_event.hpp>
#include <stubs/cppcoro/cppcoro/async_latch.hpp>
#include <stubs/cppcoro/cppcoro/async_manual_reset_event.hpp>
#include <stubs/cppcoro/cppcoro/async_mutex.hpp>
#include <stubs/cppcoro/cppcoro/io_service.hpp>
#include <stubs/cppcoro/cppcoro/net/socket.hpp>
#include <stubs/cppcoro/cppcoro/shared_task.hpp>
#include <stubs/cppcoro/cppcoro/single_consumer_async_auto_reset_event.hpp>
#include <stubs/cppcoro/cppcoro/single_consumer_event.hpp>
#include <stubs/cppcoro/cppcoro/static_thread_pool.hpp>
#include <stubs/cppcoro/cppcoro/sync_wait.hpp>
#include <stubs/cppcoro/cppcoro/task.hpp>

#include <chrono>
#include <cstddef>
#include <thread>

using namespace std::chrono_literals;

namespace cppcoro_api {

int events = 0;
char storage[64];

// External socket operations, and the close that aborts them.
cppcoro::task<std::size_t> talk(cppcoro::io_service &io,
                                cppcoro::net::socket &listener) {
  cppcoro::net::socket sock = cppcoro::net::socket::create_tcpv4(io);
  cppcoro::net::ipv4_endpoint local(cppcoro::net::ipv4_address::loopback(),
                                    8080);
  co_await sock.connect(local);
  cppcoro::net::socket peer = cppcoro::net::socket::create_tcpv4(io);
  co_await listener.accept(peer);
  std::size_t n = co_await sock.recv(storage, sizeof storage);
  n += co_await sock.recv_from(storage, sizeof storage);
  n += co_await sock.send(storage, n);
  sock.close();
  co_return n;
}

// Giving the loop a turn, and a delay.
cppcoro::task<> pause(cppcoro::io_service &io) {
  co_await io.schedule();
  co_await io.schedule_after(10ms);
}

// Moving to a pool thread, where blocking stalls no loop.
cppcoro::task<> checksum_on_pool(cppcoro::static_thread_pool &pool) {
  co_await pool.schedule();
  std::this_thread::sleep_for(10ms);
}

// Events, waited on and set.
cppcoro::task<> wait_for_events(cppcoro::single_consumer_event &single,
                                cppcoro::single_consumer_async_auto_reset_event &auto_single,
                                cppcoro::async_manual_reset_event &manual,
                                cppcoro::async_auto_reset_event &automatic,
                                cppcoro::async_latch &latch) {
  co_await single;
  co_await auto_single;
  co_await manual;
  co_await automatic;
  co_await latch;
  ++events;
}

void signal_events(cppcoro::single_consumer_event &single,
                   cppcoro::single_consumer_async_auto_reset_event &auto_single,
                   cppcoro::async_manual_reset_event &manual,
                   cppcoro::async_auto_reset_event &automatic,
                   cppcoro::async_latch &latch) {
  single.set();
  auto_single.set();
  manual.set();
  automatic.set();
  latch.count_down();
}

// The async mutex: its scoped lock held to the end of a block, a lock and an
// unlock by hand, and a try.
void keep(const cppcoro::async_mutex_lock &) { ++events; }

cppcoro::task<> count(cppcoro::async_mutex &mutex) {
  {
    cppcoro::async_mutex_lock lock = co_await mutex.scoped_lock_async();
    keep(lock);
  }
  co_await mutex.lock_async();
  ++events;
  mutex.unlock();
  if (mutex.try_lock()) {
    ++events;
    mutex.unlock();
  }
}

// Tasks awaited.
cppcoro::shared_task<int> answer() { co_return 42; }

cppcoro::task<int> both(cppcoro::io_service &io, cppcoro::net::socket &listener) {
  cppcoro::shared_task<int> shared = answer();
  int total = co_await shared;
  total += static_cast<int>(co_await talk(io, listener));
  co_await pause(io);
  co_return total;
}

// The loop run, and a coroutine waited for, where no loop runs.
void synchronous(cppcoro::io_service &io, cppcoro::net::socket &listener) {
  events += cppcoro::sync_wait(both(io, listener));
  io.process_one_event();
  io.process_events();
  io.stop();
}

} // namespace cppcoro_api

int main() {
  cppcoro::io_service io;
  cppcoro::net::socket listener = cppcoro::net::socket::create_tcpv4(io);
  cppcoro_api::synchronous(io, listener);
}
