// expect-no-findings
//
// The bounded buffer: the producer takes a free slot and releases an item,
// the consumer takes an item and releases a slot. Each semaphore is released
// only after a take of the other, which for events would be a cycle; with
// 'free_slots' starting at 4 it is correct code. The analysis does not see
// initial counts, so it never counts a semaphore's wait as stuck.
#include <fake/coro.h>

fake::semaphore free_slots{4};
fake::semaphore queued_items{0};

fake::task<void> producer() {
  co_await free_slots.acquire();
  queued_items.release();
}

fake::task<void> consumer() {
  co_await queued_items.acquire();
  free_slots.release();
}
