// Two replicas of a key-value store start a sync on threads of their own and
// trade what they know through promises, reading each other's answers
// through futures shared in one expression (`p.get_future().share()`). The
// primary waits for the secondary's high-water mark before it sends its term;
// the secondary waits for that term before it sends its mark. Each waits for
// the other forever. The twin,
// sync_peers_share_futures_made_in_one_expression_term_first.cpp, sends the
// term first.
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
    long from = mark.get(); // expect-path: wait-cycle {{'(lambda at sync_peers_share_futures_made_in_one_expression.cpp:25:20)' waits for 'main::mark_sent' here}}
    term_sent.set_value(primary.term); // expect-path: wait-cycle {{only then 'main::term_sent' is signalled}}
    for (long i = from; i < static_cast<long>(primary.log.size()); ++i)
      secondary.log.push_back(primary.log[i]);
  });
  std::thread follow([&] {
    secondary.term = term.get(); // expect-error: wait-cycle {{deadlock: 'main::mark_sent' is signalled only after 'main::term_sent' is signalled, and 'main::term_sent' is signalled only after 'main::mark_sent' is signalled}}
    mark_sent.set_value(static_cast<long>(secondary.log.size())); // expect-path: wait-cycle {{only then 'main::mark_sent' is signalled}}
  });
  lead.join();
  follow.join();
}
