// Two gossip peers are paired by keeping, in a std::optional, the future of
// the other's greeting promise. Each greets only after it has heard the
// other's greeting, so neither promise is ever fulfilled. (Its twin, where
// each greets first, is peers_greet_before_listening.cpp.)
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
    std::string hello = co_await std::move(*heard_); // expect-error: wait-cycle {{deadlock: 'gossip_peer::greeting_' is signalled only after a wait for itself}}
    greeting_.setValue(name_);
    co_return static_cast<int>(hello.size());
  }

private:
  std::string name_;
  async_simple::Promise<std::string> greeting_;
  std::optional<async_simple::Future<std::string>> heard_;
};
