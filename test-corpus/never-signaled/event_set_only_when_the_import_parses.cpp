// An importer parses a payload and sets `parsed_` when the rows are ready;
// the flusher awaits `parsed_` and then looks at `failed_`. But on a bad
// header the parser records the failure and returns without setting the
// event, so the flusher, which was written to handle that failure, is never
// woken to see it. The twin, event_set_on_every_path_of_the_import.cpp,
// sets the event on the failure path too.
#include <fake/coro.h>
#include <string>
#include <vector>

class importer {
public:
  fake::task<void> parse(std::string header, std::vector<int> values) {
    co_await fake::yield_now();
    if (header != "id,amount") {
      failed_ = true;
      co_return;
    }
    rows_ = std::move(values);
    parsed_.set();
  }

  fake::task<int> flush() {
    co_await parsed_; // expect-warning: never-signaled {{'importer::parsed_' (event) is set only by 'importer::parse', which can end without setting it, recording 'importer::failed_' instead}}
    if (failed_)
      co_return 0;
    co_return static_cast<int>(rows_.size());
  }

private:
  fake::event parsed_;
  bool failed_ = false;
  std::vector<int> rows_;
};

int run(importer &i) {
  fake::sync_wait(i.parse("id;amount", {1, 2}));
  return fake::sync_wait(i.flush());
}
