// expect-no-findings
//
// Uses every function and type named in rules/models/seastar.json. Seastar is
// not packaged in Debian, so this file includes the stub headers of
// test-corpus/include/stubs/seastar, written from the real headers at the
// commit the model's checkedAgainst names; a model name that stops matching
// them fails the model name check. The coroutines and continuations only do
// non-blocking work, and every external await is bounded by with_timeout; the
// blocking calls (a future's get and wait, for a seastar::thread) are in a
// plain function that no loop runs.

#include <stubs/seastar/seastar/core/condition-variable.hh>
#include <stubs/seastar/seastar/core/coroutine.hh>
#include <stubs/seastar/seastar/core/future.hh>
#include <stubs/seastar/seastar/core/queue.hh>
#include <stubs/seastar/seastar/core/rwlock.hh>
#include <stubs/seastar/seastar/core/seastar.hh>
#include <stubs/seastar/seastar/core/semaphore.hh>
#include <stubs/seastar/seastar/core/shared_future.hh>
#include <stubs/seastar/seastar/core/shared_mutex.hh>
#include <stubs/seastar/seastar/core/sleep.hh>
#include <stubs/seastar/seastar/core/thread.hh>
#include <stubs/seastar/seastar/core/timer.hh>
#include <stubs/seastar/seastar/core/when_any.hh>
#include <stubs/seastar/seastar/core/with_timeout.hh>
#include <stubs/seastar/seastar/net/api.hh>
#include <stubs/seastar/seastar/util/later.hh>

#include <chrono>
#include <exception>
#include <tuple>
#include <utility>

using namespace std::chrono_literals;

namespace seastar_api {

int events = 0;

seastar::future<int> answer() { co_return 42; }

std::chrono::steady_clock::time_point soon() { return std::chrono::steady_clock::now() + 1s; }

// External operations, each bounded by with_timeout; and what aborts them.
seastar::future<> talk(seastar::socket &sock, seastar::server_socket &server) {
  seastar::connected_socket a =
      co_await seastar::with_timeout(soon(), seastar::connect(seastar::socket_address(8080)));
  seastar::connected_socket b = co_await seastar::with_timeout(
      soon(), sock.connect(seastar::socket_address(8080)));
  seastar::accept_result c = co_await seastar::with_timeout(soon(), server.accept());
  a.shutdown_input();
  a.shutdown_output();
  b.shutdown_output();
  c.connection.shutdown_input();
  sock.shutdown();
  server.abort_accept();
}

// Giving the reactor a turn, delays, and racing a future against one.
seastar::future<> pause() {
  co_await seastar::yield();
  co_await seastar::maybe_yield();
  co_await seastar::sleep(1ms);
  co_await seastar::sleep_abortable(1ms);
  auto first = co_await seastar::when_any(answer(), seastar::sleep(1s));
  events += static_cast<int>(first.index);
}

// Promises, shared promises and futures: awaited, and signalled.
seastar::future<> wait_for(seastar::promise<int> &p, seastar::shared_promise<int> &sp) {
  seastar::future<int> f = p.get_future();
  events += co_await std::move(f);
  seastar::shared_future<int> shared = sp.get_shared_future();
  events += co_await shared.get_future();
}

void fulfil(seastar::promise<int> &p, seastar::promise<int> &q,
            seastar::shared_promise<int> &sp, seastar::shared_promise<int> &sq) {
  p.set_value(1);
  q.set_exception(std::exception_ptr());
  sp.set_value(1);
  sq.set_exception(std::exception_ptr());
}

// Continuations, and loop callbacks.
void continuations(seastar::timer<> &t) {
  (void)answer().then([](int v) { events += v; });
  (void)seastar::make_ready_future<std::tuple<int, int>>(std::tuple<int, int>(1, 2))
      .then_unpack([](int a, int b) { events += a + b; });
  (void)answer().then_wrapped([](seastar::future<int> f) { f.ignore_ready_future(); });
  (void)answer().finally([] { ++events; });
  (void)answer().handle_exception([](std::exception_ptr) { return seastar::make_ready_future<int>(0); });
  (void)answer().handle_exception_type([](const std::exception &) { return 0; });
  t.set_callback([] { ++events; });
  (void)seastar::async([] { ++events; });
}

// A semaphore taken and given back, by hand and by units; tried; broken.
seastar::future<> use_units(seastar::semaphore &sem) {
  co_await sem.wait();
  ++events;
  sem.signal();
  {
    seastar::semaphore_units<> units = co_await seastar::get_units(sem, 1);
    ++events;
    units.return_all();
  }
  if (sem.try_wait()) {
    ++events;
    sem.signal();
  }
  sem.broken();
}

// A condition variable and a queue, waited on and signalled.
seastar::future<> consume(seastar::condition_variable &cv, seastar::queue<int> &q) {
  co_await cv.wait();
  co_await cv.when();
  co_await q.not_empty();
  events += co_await q.pop_eventually();
}

seastar::future<> produce(seastar::condition_variable &cv, seastar::queue<int> &q) {
  cv.signal();
  cv.broadcast();
  cv.broken();
  q.push(1);
  co_await q.push_eventually(2);
  q.abort(std::exception_ptr());
}

// The async locks, locked and unlocked by hand, and tried.
seastar::future<> count(seastar::shared_mutex &mutex, seastar::rwlock &rw) {
  co_await mutex.lock();
  ++events;
  mutex.unlock();
  co_await mutex.lock_shared();
  ++events;
  mutex.unlock_shared();
  if (mutex.try_lock())
    mutex.unlock();
  if (mutex.try_lock_shared())
    mutex.unlock_shared();

  co_await rw.read_lock();
  ++events;
  rw.read_unlock();
  co_await rw.write_lock();
  ++events;
  rw.write_unlock();
  if (rw.try_read_lock())
    rw.read_unlock();
  if (rw.try_write_lock())
    rw.write_unlock();
}

// Waits on futures, as a seastar::thread would; here no loop runs.
void synchronous() {
  seastar::future<int> f = answer();
  f.wait();
  events += answer().get();
}

} // namespace seastar_api

int main() { seastar_api::synchronous(); }
