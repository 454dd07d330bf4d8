// Two coroutines lock the same two in-house async mutexes by hand, in
// opposite orders, and unlock them by hand. The mutex is known as one only
// from how code uses it: lock() is awaited with no argument, and the same
// code unlock()s the same mutex later.
#include <inhouse/mutex.h>
#include <inhouse/task.h>

inhouse::async_mutex orders;
inhouse::async_mutex stock;

inhouse::task<int> reserve() {
  co_await orders.lock(); // expect-path: lock-order-cycle {{'orders' acquired here}}
  co_await stock.lock(); // expect-warning: lock-order-cycle {{possible deadlock: mutexes are acquired in inconsistent orders ('orders' before 'stock' in 'reserve'; 'stock' before 'orders' in 'restock')}}
  stock.unlock();
  orders.unlock();
  co_return 1;
}

inhouse::task<int> restock() {
  co_await stock.lock(); // expect-path: lock-order-cycle {{'stock' acquired here}}
  co_await orders.lock(); // expect-path: lock-order-cycle {{'orders' acquired here while 'stock' is held}}
  orders.unlock();
  stock.unlock();
  co_return 2;
}
