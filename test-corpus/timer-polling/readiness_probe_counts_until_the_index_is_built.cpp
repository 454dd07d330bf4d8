// The twin of readiness_probe_counts_until_an_empty_index_reports_itself.cpp:
// a repeating timer counts its probes and asks the indexer whether the index
// is built, and the indexer prints that an empty index starts empty, but it
// marks that index built too. The probe ends on its next tick.
// expect-no-findings
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
      std::printf("no documents: the index starts empty\n");
      built_ = true;
      return;
    }
    for (const std::string &d : docs_)
      terms_ += d.size();
    built_ = true;
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
    probe_ = loop_.add_periodic_timer(50ms, [this] { probe(); });
  }

private:
  void probe() {
    ++probes_;
    if (!index_->is_built())
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
