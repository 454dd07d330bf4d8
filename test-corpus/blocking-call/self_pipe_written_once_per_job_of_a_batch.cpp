// The loop's completion handler writes one wake-up byte into its self-pipe
// for each job of a finished batch, and the same loop reads the pipe only
// when it next gets a turn: a large batch fills the 64 KiB and the write
// blocks the loop, which is the only reader. The twin of
// control_pipe_read_after_a_readiness_probe.cpp, whose console writes one
// command.
#include <fake/coro.h>
#include <unistd.h>
#include <vector>

class completions {
public:
  explicit completions(fake::loop &loop) : loop_(loop) {
    if (::pipe(wake_) != 0)
      return;
  }

  void on_batch_done(const std::vector<int> &jobs) {
    for (int job : jobs) {
      (void)job;
      notify(); // expect-path: blocking-call {{calls 'completions::notify'}}
    }
  }

  void on_wake() {
    char byte = 0;
    (void)::read(wake_[0], &byte, 1); // expect-warning: blocking-call {{call to 'read' blocks the event loop (reads a file descriptor)}}
  }

private:
  void notify() {
    const char byte = 1;
    (void)::write(wake_[1], &byte, 1); // expect-path: blocking-call {{'write' blocks here}} expect-warning: blocking-call {{call to 'write' blocks the event loop (writes a file descriptor)}}
  }

  fake::loop &loop_;
  int wake_[2] = {-1, -1};
};

void serve(fake::loop &loop, completions &c, std::vector<int> batch) {
  loop.post([&c, batch] { c.on_batch_done(batch); });
  loop.post([&c] { c.on_wake(); });
  loop.run();
}
