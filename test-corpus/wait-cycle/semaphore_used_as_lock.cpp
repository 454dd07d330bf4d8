// expect-no-findings
//
// A semaphore used as a lock: each coroutine takes a unit and gives it back
// after its work. Every release follows a wait on the same semaphore, which
// for an event would be a coroutine waiting for what only it signals later;
// for a semaphore the release only returns the unit the wait took.
#include <fake/coro.h>
#include <chrono>

fake::semaphore upload_slots{4};

fake::task<void> upload(int part) {
  co_await upload_slots.acquire();
  co_await fake::sleep_for(std::chrono::milliseconds(part));
  upload_slots.release();
}

fake::task<void> checksum() {
  co_await upload_slots.acquire();
  upload_slots.release();
}
