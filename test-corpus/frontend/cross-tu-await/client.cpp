#include "protocol.h"

fake::task<void> client() {
  int frame = co_await read_frame(); // expect-edge: client awaits read_frame
  (void)frame;
}

void on_connect() { connected.set(); } // expect-edge: on_connect signals connected
// expect-no-findings
