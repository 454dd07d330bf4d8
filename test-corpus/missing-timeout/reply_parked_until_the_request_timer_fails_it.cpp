// The twin of reply_parked_for_a_peer_that_may_not_answer.cpp: each
// request arms a timer whose handler fails the pending promise if the
// server has not answered by then, so the caller waits at most two seconds.
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
    auto timer = std::make_shared<boost::asio::steady_timer>(
        io_, std::chrono::seconds(2));
    timer->async_wait(
        [this, id, timer](boost::system::error_code) { expire(id); });
    co_return co_await std::move(answer);
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
  void expire(int id) {
    auto it = pending_.find(id);
    if (it == pending_.end())
      return;
    it->second.setException(
        std::make_exception_ptr(std::runtime_error("timeout")));
    pending_.erase(it);
  }

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
// expect-no-findings
