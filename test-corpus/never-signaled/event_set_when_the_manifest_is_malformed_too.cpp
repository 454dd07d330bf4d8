// A deployer reads a manifest and sets `ready_` once the targets are known;
// the rollout awaits `ready_`. On a malformed line the reader reports the
// line on stderr, drops what it read and sets the event anyway: the rollout
// wakes and finds no targets. Twin:
// event_skipped_when_the_manifest_is_malformed.cpp.
// expect-no-findings
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
        targets_.clear();
        break;
      }
      targets_.push_back(line);
    }
    ready_.set();
  }

  fake::task<int> roll_out() {
    co_await ready_;
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
