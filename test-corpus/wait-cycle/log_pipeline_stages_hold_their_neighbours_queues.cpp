// A log-scrubbing pipeline: main owns three queues, and each stage object
// keeps references to the queue it reads and the queue it writes, handed to
// its constructor; one stage class serves twice, between different queues.
// Every stage waits on its input and then writes its output, which is the
// next stage's input; main feeds the first queue and drains the last. No
// stage waits for what it writes itself, so nothing hangs, although the one
// class's wait and write reach the middle queue through its two
// constructions. The pair edge_config_push_* shows a cycle through a
// reference field that one object binds.
// expect-no-findings
#include <boost/asio.hpp>
#include <boost/asio/experimental/channel.hpp>
#include <cstdio>
#include <string>

namespace asio = boost::asio;
using boost::system::error_code;
using LineChannel = asio::experimental::channel<void(error_code, std::string)>;

class LineQueue {
public:
  explicit LineQueue(asio::any_io_executor ex) : lines_(ex, 8) {}
  LineChannel &lines() { return lines_; }

private:
  LineChannel lines_;
};

class ScrubStage {
public:
  ScrubStage(LineQueue &in, LineQueue &out, char mask) : in_(in), out_(out), mask_(mask) {}

  asio::awaitable<void> run(int count) {
    for (int i = 0; i < count; ++i) {
      std::string line = co_await in_.lines().async_receive(asio::use_awaitable);
      for (char &c : line)
        if (c >= '0' && c <= '9')
          c = mask_;
      co_await out_.lines().async_send(error_code{}, line, asio::use_awaitable);
    }
  }

private:
  LineQueue &in_;
  LineQueue &out_;
  char mask_;
};

int main() {
  asio::io_context io;
  LineQueue raw(io.get_executor()), masked(io.get_executor()), clean(io.get_executor());
  ScrubStage digits(raw, masked, '#'), again(masked, clean, '*');
  asio::co_spawn(io, digits.run(2), asio::detached);
  asio::co_spawn(io, again.run(2), asio::detached);
  asio::co_spawn(io, [&]() -> asio::awaitable<void> {
    for (const char *line : {"user 4411 logged in", "card 5500 declined"})
      co_await raw.lines().async_send(error_code{}, line, asio::use_awaitable);
  }, asio::detached);
  asio::co_spawn(io, [&]() -> asio::awaitable<void> {
    for (int i = 0; i < 2; ++i) {
      std::string line = co_await clean.lines().async_receive(asio::use_awaitable);
      std::printf("%s\n", line.c_str());
    }
  }, asio::detached);
  io.run();
}
