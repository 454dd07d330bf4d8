// On real Asio: two awaitable coroutines take std::mutexes in opposite orders
// between their awaits (no lock is held across a co_await, so
// lock-across-suspend has nothing to say); on a multi-threaded io_context
// they can run at once and deadlock.
#include <boost/asio.hpp>
#include <mutex>

namespace asio = boost::asio;

std::mutex users_mutex;
std::mutex rooms_mutex;
int members = 0;

asio::awaitable<void> join_room() {
  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
  std::lock_guard<std::mutex> u(users_mutex); // expect-path: lock-order-cycle {{'users_mutex' acquired here}}
  std::lock_guard<std::mutex> r(rooms_mutex); // expect-path: lock-order-cycle {{'rooms_mutex' acquired here while 'users_mutex' is held}}
  ++members;
}

asio::awaitable<void> close_room() {
  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
  std::lock_guard<std::mutex> r(rooms_mutex); // expect-path: lock-order-cycle {{'rooms_mutex' acquired here}}
  std::lock_guard<std::mutex> u(users_mutex); // expect-warning: lock-order-cycle {{('rooms_mutex' before 'users_mutex' in 'close_room'; 'users_mutex' before 'rooms_mutex' in 'join_room')}}
  members = 0;
}
