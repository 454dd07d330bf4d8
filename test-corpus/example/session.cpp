// One coroutine per connected client.
#include "chat.h"

#include <chrono>
#include <utility>

using namespace std::chrono_literals;

Session::Session(Room &room, int id) : room_(room), id_(id) {}

void Session::deliver(std::string line) {
  inbox_.push_back(std::move(line));
  readable_.set();
}

void Session::close() {
  closed_ = true;
  readable_.set();
}

fake::task<std::string> Session::read_line() {
  while (inbox_.empty() && !closed_) {
    readable_.reset();
    co_await readable_;
  }
  if (inbox_.empty())
    co_return std::string();
  std::string line = std::move(inbox_.front());
  inbox_.pop_front();
  co_return line;
}

fake::task<void> Session::run() {
  for (;;) {
    std::string line = co_await read_line();
    if (line.empty())
      break;
    // Bug: the room lock is still held while the session throttles itself.
    // Any other session resumed on this thread that posts a line blocks on
    // room_.mtx forever.
    std::lock_guard<std::mutex> lk(room_.mtx); // expect-path: lock-across-suspend {{acquired here}}
    room_.history.push_back(std::to_string(id_) + ": " + line);
    room_.message_posted.set();
    co_await fake::sleep_for(5ms); // expect-warning: lock-across-suspend {{held across co_await}}
  }
}
