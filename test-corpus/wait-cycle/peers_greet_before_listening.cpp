// Two gossip peers are paired by keeping, in a std::optional, the future of
// the other's greeting promise. Each greets before it listens for the other,
// so both futures are fulfilled. Quiet.
// expect-no-findings
#include <optional>
#include <string>
#include <stubs/async_simple/async_simple/Promise.h>
#include <stubs/async_simple/async_simple/coro/FutureAwaiter.h>
#include <stubs/async_simple/async_simple/coro/Lazy.h>

class gossip_peer {
public:
  explicit gossip_peer(std::string name) : name_(std::move(name)) {}

  void pair_with(gossip_peer &other) {
    heard_.emplace(other.greeting_.getFuture());
  }

  async_simple::coro::Lazy<int> introduce() {
    greeting_.setValue(name_);
    std::string hello = co_await std::move(*heard_);
    co_return static_cast<int>(hello.size());
  }

private:
  std::string name_;
  async_simple::Promise<std::string> greeting_;
  std::optional<async_simple::Future<std::string>> heard_;
};
