// The future is moved to a keeper that outlives the callback, and the future
// in 'main' is destroyed off the loop: neither blocks the loop.
// expect-no-findings
#include <fake/coro.h>
#include <future>
#include <utility>
#include <vector>

int crunch() { return 42; }

std::vector<std::future<int>> pending;

void on_request(fake::loop &loop) {
  loop.post([] {
    std::future<int> result = std::async(std::launch::async, crunch);
    pending.push_back(std::move(result));
  });
}

int main() {
  std::future<int> result = std::async(std::launch::async, crunch);
}
