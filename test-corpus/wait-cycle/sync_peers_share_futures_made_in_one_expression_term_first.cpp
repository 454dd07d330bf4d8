// Two replicas of a key-value store start a sync on threads of their own and
// trade what they know through promises, reading each other's answers
// through futures shared in one expression (`p.get_future().share()`). The
// primary sends its term before it waits for the secondary's high-water
// mark, which the secondary sends once it has the term. The twin,
// sync_peers_share_futures_made_in_one_expression.cpp, has the primary wait
// for the mark first: each side then waits for the other forever.
// expect-no-findings
#include <future>
#include <string>
#include <thread>
#include <vector>

struct replica {
  long term = 0;
  std::vector<std::string> log;
};

int main() {
  replica primary{7, {"a", "b", "c"}}, secondary{6, {"a"}};
  std::promise<long> term_sent, mark_sent;
  std::shared_future<long> term = term_sent.get_future().share();
  std::shared_future<long> mark = mark_sent.get_future().share();

  std::thread lead([&] {
    term_sent.set_value(primary.term);
    long from = mark.get();
    for (long i = from; i < static_cast<long>(primary.log.size()); ++i)
      secondary.log.push_back(primary.log[i]);
  });
  std::thread follow([&] {
    secondary.term = term.get();
    mark_sent.set_value(static_cast<long>(secondary.log.size()));
  });
  lead.join();
  follow.join();
}
