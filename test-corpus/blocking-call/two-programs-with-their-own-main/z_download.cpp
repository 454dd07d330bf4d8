// The coroutine sleeps before its first co_await, on the thread of this
// program's main, which sync-waits it: no loop stalls. (With a_server.cpp's
// main taken for this one, nothing would start the coroutine and it would be
// taken for loop code.)
#include <fake/coro.h>
#include <thread>

fake::task<void> download_ranges() {
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  co_await fake::yield_now();
}

int main() { fake::sync_wait(download_ranges()); }
// expect-no-findings
