// A deployer reads a manifest and sets `ready_` once the targets are known;
// the rollout awaits `ready_`. On a malformed line the reader reports the
// line on stderr and returns: the failure is told to whoever reads the
// logs, never to the rollout, which waits for ever. The twin,
// event_set_when_the_manifest_is_malformed_too.cpp, sets the event on that
// path too and lets the rollout find no targets.
#include <cstdio>
#include <fake/coro.h>
#include <string>
#include <vector>

class deployer {
public:
  fake::task<void> read_manifest(std::vector<std::string> lines) {
    co_await fake::yield_now();
    for (const std::string &line : lines) {
      if (line.find(':') == std::string::npos) {
        std::fprintf(stderr, "manifest: bad line '%s'\n", line.c_str());
        co_return;
      }
      targets_.push_back(line);
    }
    ready_.set();
  }

  fake::task<int> roll_out() {
    co_await ready_; // expect-warning: never-signaled {{'deployer::ready_' (event) is set only by 'deployer::read_manifest', which can end without setting it, recording 'stderr' instead}}
    co_return static_cast<int>(targets_.size());
  }

private:
  fake::event ready_;
  std::vector<std::string> targets_;
};

int run(deployer &d) {
  fake::sync_wait(d.read_manifest({"web:3", "cache"}));
  return fake::sync_wait(d.roll_out());
}
