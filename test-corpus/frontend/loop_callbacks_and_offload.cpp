// Contexts: a timer callback and posted work run on the loop, as does what
// they call; a function handed to std::thread runs on a worker. Handing a
// function to std::thread is a reference, not a call.
#include <fake/coro.h>
#include <thread>

void tick() {}
void flush_to_disk() {}
void on_posted() {}

int main() {
  fake::loop loop;
  loop.add_timer(std::chrono::milliseconds(10), [] { tick(); });
  loop.post(on_posted);
  std::thread writer(flush_to_disk);
  writer.join();
  loop.run();
}
// expect-edge: main loop-callback (lambda at loop_callbacks_and_offload.cpp:13:*)
// expect-edge: (lambda at loop_callbacks_and_offload.cpp:13:*) calls tick
// expect-edge: tick runs-on loop
// expect-edge: main loop-callback on_posted
// expect-edge: on_posted runs-on loop
// expect-edge: main offload flush_to_disk
// expect-edge: flush_to_disk runs-on worker
// expect-no-edge: flush_to_disk runs-on loop
// expect-no-edge: main calls flush_to_disk
// expect-no-edge: main runs-on *
// expect-no-findings
