// Benchmark input: Asio timers, posted work, a thread pool and a channel.
#include <boost/asio.hpp>
#include <boost/asio/experimental/channel.hpp>
#include <fstream>
#include <functional>
#include <string>

namespace asio = boost::asio;
using Channel = asio::experimental::channel<void(boost::system::error_code, std::string)>;

class Reporter {
public:
  Reporter(asio::io_context &ctx, asio::thread_pool &pool)
      : ctx_(ctx), pool_(pool), timer_(ctx), channel_(ctx, 16) {}

  void start() { schedule(); }

  asio::awaitable<void> consume() {
    for (;;) {
      std::string line = co_await channel_.async_receive(asio::use_awaitable);
      asio::post(pool_, [line] {
        std::ofstream out("report.log", std::ios::app);
        out << line << '\n';
      });
    }
  }

  void produce(std::string line) {
    channel_.async_send(boost::system::error_code{}, std::move(line),
                        [](boost::system::error_code) {});
  }

private:
  void schedule() {
    timer_.expires_after(std::chrono::seconds(1));
    timer_.async_wait([this](boost::system::error_code ec) {
      if (ec)
        return;
      produce("tick " + std::to_string(++ticks_));
      schedule();
    });
  }

  asio::io_context &ctx_;
  asio::thread_pool &pool_;
  asio::steady_timer timer_;
  Channel channel_;
  int ticks_ = 0;
};

int main() {
  asio::io_context ctx;
  asio::thread_pool pool(2);
  Reporter r(ctx, pool);
  r.start();
  asio::co_spawn(ctx, r.consume(), asio::detached);
  ctx.run();
  pool.join();
}
