// The twin of async_mutexes_locked_by_hand_in_opposite_orders.cpp: restock
// unlocks the in-house stock mutex before it locks the orders mutex, so it
// never holds one while waiting for the other. No cycle.
// expect-no-findings
#include <inhouse/mutex.h>
#include <inhouse/task.h>

inhouse::async_mutex orders;
inhouse::async_mutex stock;

inhouse::task<int> reserve() {
  co_await orders.lock();
  co_await stock.lock();
  stock.unlock();
  orders.unlock();
  co_return 1;
}

inhouse::task<int> restock() {
  co_await stock.lock();
  stock.unlock();
  co_await orders.lock();
  orders.unlock();
  co_return 2;
}
