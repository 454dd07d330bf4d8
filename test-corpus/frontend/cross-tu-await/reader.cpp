// Defines what client.cpp awaits: the edges only exist after linking.
#include "protocol.h"

fake::event connected;

fake::task<int> read_frame() {
  co_await connected; // expect-edge: read_frame waits connected
  co_return 42;
}
