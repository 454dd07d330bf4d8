// A search node announces itself once its index is built. A repeating timer
// runs a member that counts its probes and then asks the indexer, through
// the indexer's own accessor, whether the index is built. The indexer runs
// once, and when it is given no documents it prints that the index starts
// empty and returns without marking it built: the probe counts for ever and
// the node never announces itself. The twin,
// readiness_probe_counts_until_the_index_is_built.cpp, marks an empty index
// built too.
#include <chrono>
#include <cstdio>
#include <fake/coro.h>
#include <string>
#include <vector>

using namespace std::chrono_literals;

class indexer {
public:
  explicit indexer(std::vector<std::string> docs) : docs_(std::move(docs)) {}

  void build() {
    if (docs_.empty()) {
      std::printf("no documents: the index starts empty\n"); // expect-path: timer-polling {{'indexer::build' records 'stdout' here, on a path that skips the set}}
      return;
    }
    for (const std::string &d : docs_)
      terms_ += d.size();
    built_ = true; // expect-path: timer-polling {{'indexer::built_' is set here}}
  }

  bool is_built() const { return built_; }

private:
  std::vector<std::string> docs_;
  std::size_t terms_ = 0;
  bool built_ = false;
};

class search_node {
public:
  search_node(fake::loop &loop, indexer &index) : loop_(loop), index_(&index) {}

  void start() {
    index_->build();
    probe_ = loop_.add_periodic_timer(50ms, [this] { probe(); }); // expect-path: timer-polling {{handed to the loop here}}
  }

private:
  void probe() {
    ++probes_;
    if (!index_->is_built()) // expect-warning: timer-polling {{'search_node::probe' timer callback polls 'indexer::built_': on every tick while it is unset it only returns; 'indexer::built_' is set only by 'indexer::build', which can end without setting it, recording 'stdout' instead: on that path this never ends}}
      return;
    loop_.cancel_timer(probe_);
    std::printf("announced after %d probes\n", probes_);
  }

  fake::loop &loop_;
  indexer *index_;
  unsigned long probe_ = 0;
  int probes_ = 0;
};

int main() {
  fake::loop loop;
  indexer index({});
  search_node node(loop, index);
  node.start();
  loop.run();
}
