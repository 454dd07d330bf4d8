#include "protocol.h"
#include <chrono>

fake::task<void> login(fake::connection &c) {
  co_await fake::with_timeout(next_message(c), std::chrono::milliseconds(5000));
}
