// The task is kept in a local and awaited later, as a shared task is: the
// producer waits for an event that the awaiting coroutine sets only after its
// await, so neither finishes.
#include <fake/coro.h>

fake::event consumer_ready;

fake::task<void> produce() {
  co_await consumer_ready; // expect-path: wait-cycle {{'produce' waits for 'consumer_ready' here}}
}

fake::task<void> consume() {
  auto result = produce();
  co_await result; // expect-error: wait-cycle {{deadlock: 'consumer_ready' is signalled only after coroutine 'produce' finishes, and coroutine 'produce' finishes only after 'consumer_ready' is signalled}}
  consumer_ready.set();
}
