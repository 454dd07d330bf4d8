#include "protocol.h"

fake::task<void> stream_updates(fake::connection &c) {
  for (;;)
    co_await next_message(c);
}
