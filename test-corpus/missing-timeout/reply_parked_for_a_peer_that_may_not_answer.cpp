// An RPC client parks one promise per request in its map of pending
// replies and awaits the future. Only `on_reply`, which the reader thread
// calls with each reply the server sends, takes a promise out and fulfils
// it: a server that never answers this request leaves the caller waiting
// for ever. The twin, reply_parked_until_the_request_timer_fails_it.cpp,
// fails the pending promise from a per-request timer.
#include <boost/asio.hpp>
#include <map>
#include <stdexcept>
#include <stubs/async_simple/async_simple/Promise.h>
#include <stubs/async_simple/async_simple/coro/FutureAwaiter.h>
#include <stubs/async_simple/async_simple/coro/Lazy.h>
#include <sys/socket.h>

class rpc_client {
public:
  explicit rpc_client(boost::asio::io_context &io) : io_(io) {}

  async_simple::coro::Lazy<int> call(int id) {
    async_simple::Promise<int> reply;
    auto answer = reply.getFuture();
    pending_.emplace(id, std::move(reply));
    co_return co_await std::move(answer); // expect-warning: missing-timeout {{the future of 'reply' is awaited with no deadline, while 'reply' is parked in 'rpc_client::pending_' until other code takes it out and fulfils it, which runs when a peer answers ('rpc_client::read_replies')}}
  }

  void read_replies() {
    for (;;) {
      char reply[2];
      if (::recv(fd_, reply, sizeof reply, 0) != 2)
        return;
      on_reply(reply[0], reply[1]);
    }
  }

private:
  void on_reply(int id, int value) {
    auto it = pending_.find(id);
    if (it == pending_.end())
      return;
    it->second.setValue(std::move(value));
    pending_.erase(it);
  }

  boost::asio::io_context &io_;
  int fd_ = -1;
  std::map<int, async_simple::Promise<int>> pending_;
};

async_simple::coro::Lazy<int> ask(rpc_client &c) { co_return co_await c.call(7); }
