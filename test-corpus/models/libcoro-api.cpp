// Uses every function and type named in rules/models/libcoro.json. libcoro is
// not packaged in Debian, so this file includes the stub headers of
// test-corpus/include/stubs/libcoro, written from the real headers at the
// commit the model's checkedAgainst names; a model name that stops matching
// them fails the model name check. The coroutines only do non-blocking work
// and pass a timeout to every network operation (which the model cannot see:
// see checkedAgainst); the blocking calls are in a plain function that no
// loop runs.

#include <stubs/libcoro/coro/condition_variable.hpp>
#include <stubs/libcoro/coro/event.hpp>
#include <stubs/libcoro/coro/io_scheduler.hpp>
#include <stubs/libcoro/coro/latch.hpp>
#include <stubs/libcoro/coro/mutex.hpp>
#include <stubs/libcoro/coro/net/dns/resolver.hpp>
#include <stubs/libcoro/coro/net/tcp/client.hpp>
#include <stubs/libcoro/coro/net/tcp/server.hpp>
#include <stubs/libcoro/coro/net/tls/client.hpp>
#include <stubs/libcoro/coro/net/udp/peer.hpp>
#include <stubs/libcoro/coro/queue.hpp>
#include <stubs/libcoro/coro/ring_buffer.hpp>
#include <stubs/libcoro/coro/scheduler.hpp>
#include <stubs/libcoro/coro/semaphore.hpp>
#include <stubs/libcoro/coro/shared_mutex.hpp>
#include <stubs/libcoro/coro/sync_wait.hpp>
#include <stubs/libcoro/coro/task.hpp>
#include <stubs/libcoro/coro/thread_pool.hpp>
#include <stubs/libcoro/coro/when_any.hpp>

#include <array>
#include <chrono>
#include <memory>
#include <string>

using namespace std::chrono_literals;

namespace libcoro_api {

int events = 0;

// External network operations, each given a timeout.
coro::task<> talk(std::unique_ptr<coro::scheduler> &sched) {
  std::array<char, 64> buf{};
  coro::net::tcp::client client(sched, coro::net::socket_address("127.0.0.1", 8080));
  co_await client.connect(1s);
  co_await client.read_some(buf, 1s);
  co_await client.read_exact(buf, 1s);
  co_await client.write_some(buf, 1s);
  co_await client.write_all(buf, 1s);
  coro::net::socket &sock = client.socket();
  sock.shutdown();

  coro::net::tcp::server server(sched, coro::net::socket_address("0.0.0.0", 8080));
  auto accepted = co_await server.accept(1s);
  events += accepted.has_value();

  coro::net::udp::peer peer(sched);
  co_await peer.read_from(buf, 1s);

  auto ctx = std::make_shared<coro::net::tls::context>(coro::net::tls::verify_peer_t::no);
  coro::net::tls::client tls(sched, ctx, coro::net::socket_address("127.0.0.1", 8443));
  co_await tls.connect(1s);
  co_await tls.recv(buf, 1s);
  co_await tls.send(buf, 1s);

  coro::net::dns::resolver<coro::scheduler> dns(sched, 1s);
  auto hosts = co_await dns.host_by_name(coro::net::hostname("localhost"));
  events += hosts != nullptr;
}

// Giving the loop a turn, delays, and racing a task against one.
coro::task<int> answer() { co_return 42; }

coro::task<> pause(std::unique_ptr<coro::scheduler> &sched) {
  co_await sched->yield();
  co_await sched->schedule();
  co_await sched->yield_for(1ms);
  co_await sched->yield_until(coro::clock::now() + 1ms);
  co_await sched->schedule_after(1ms);
  co_await sched->schedule_at(coro::clock::now() + 1ms);
  auto first = co_await coro::when_any(answer(), sched->schedule_after(1s));
  events += static_cast<int>(first.index());
}

coro::task<> pause_on_pool(std::unique_ptr<coro::thread_pool> &pool) {
  co_await pool->yield();
  co_await pool->schedule();
}

// The same, spelled as libcoro up to v0.15.0 spelled its scheduler.
coro::task<> pause_before_the_rename(std::shared_ptr<coro::io_scheduler> sched) {
  co_await sched->yield();
  co_await sched->schedule();
  co_await sched->yield_for(1ms);
  co_await sched->yield_until(coro::clock::now() + 1ms);
  co_await sched->schedule_after(1ms);
  co_await sched->schedule_at(coro::clock::now() + 1ms);
}

// Events and latches, waited on and signalled.
coro::task<> wait_for_events(coro::event &ev, coro::latch &latch) {
  co_await ev;
  co_await latch;
  ++events;
}

void signal_events(coro::event &ev, coro::latch &latch) {
  ev.set();
  latch.count_down();
}

// A semaphore taken and given back, tried, and shut down.
coro::task<> use_units(coro::semaphore<2> &sem) {
  co_await sem.acquire();
  ++events;
  co_await sem.release();
  if (sem.try_acquire()) {
    ++events;
    co_await sem.release();
  }
  co_await sem.shutdown();
}

// The async mutexes: a scoped lock held to the end of a block, locks and
// unlocks by hand, and tries; a condition variable waited on under the lock.
coro::task<> count(std::unique_ptr<coro::scheduler> &sched, coro::mutex &mutex,
                   coro::shared_mutex<coro::scheduler> &shared,
                   coro::condition_variable &cv) {
  {
    coro::scoped_lock lock = co_await mutex.scoped_lock();
    co_await cv.wait(lock);
    co_await cv.wait_for(sched, lock, 1ms);
    co_await cv.wait_until(sched, lock, coro::clock::now() + 1ms);
    lock.unlock();
  }
  co_await mutex.lock();
  ++events;
  mutex.unlock();
  if (mutex.try_lock())
    mutex.unlock();

  co_await shared.lock();
  ++events;
  co_await shared.unlock();
  co_await shared.lock_shared();
  ++events;
  co_await shared.unlock_shared();
  if (shared.try_lock())
    co_await shared.unlock();
  if (shared.try_lock_shared())
    co_await shared.unlock_shared();
}

coro::task<> notify(coro::condition_variable &cv) {
  co_await cv.notify_one();
  co_await cv.notify_all();
}

// Channels: produced into, consumed from, shut down.
coro::task<> produce(std::unique_ptr<coro::scheduler> &sched,
                     coro::queue<int> &queue, coro::ring_buffer<int, 4> &ring) {
  co_await queue.push(1);
  co_await queue.emplace(2);
  co_await ring.produce(3);
  co_await ring.notify_consumers();
  co_await queue.shutdown_drain(sched);
  co_await queue.shutdown();
  co_await ring.shutdown();
}

coro::task<> consume(coro::queue<int> &queue, coro::ring_buffer<int, 4> &ring) {
  auto a = co_await queue.pop();
  auto b = co_await ring.consume();
  events += a.has_value() + b.has_value();
}

// The loop run, a coroutine waited for, and shutdowns, where no loop runs.
void synchronous(std::unique_ptr<coro::scheduler> &sched,
                 std::unique_ptr<coro::thread_pool> &pool) {
  events += coro::sync_wait(answer());
  sched->process_events(10ms);
  sched->shutdown();
  pool->shutdown();
  auto old = coro::io_scheduler::make_shared({.pool = {.thread_count = 1}});
  old->process_events(10ms);
  old->shutdown();
}

} // namespace libcoro_api

int main() {
  auto sched = coro::scheduler::make_unique();
  auto pool = coro::thread_pool::make_unique();
  libcoro_api::synchronous(sched, pool);
}
