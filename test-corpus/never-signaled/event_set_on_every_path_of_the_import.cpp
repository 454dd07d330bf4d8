// The twin of event_set_only_when_the_import_parses.cpp: on a bad header
// the parser records the failure and sets the event too, so the flusher
// wakes up and sees it. A setter that returns early without recording
// anything (the importer already ran) is its normal way to do nothing.
#include <fake/coro.h>
#include <string>
#include <vector>

class importer {
public:
  fake::task<void> parse(std::string header, std::vector<int> values) {
    co_await fake::yield_now();
    if (done_)
      co_return;
    done_ = true;
    if (header != "id,amount") {
      failed_ = true;
      parsed_.set();
      co_return;
    }
    rows_ = std::move(values);
    parsed_.set();
  }

  fake::task<int> flush() {
    co_await parsed_;
    if (failed_)
      co_return 0;
    co_return static_cast<int>(rows_.size());
  }

private:
  fake::event parsed_;
  bool failed_ = false;
  bool done_ = false;
  std::vector<int> rows_;
};

int run(importer &i) {
  fake::sync_wait(i.parse("id;amount", {1, 2}));
  return fake::sync_wait(i.flush());
}
// expect-no-findings
