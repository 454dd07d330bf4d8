// expect-no-findings
//
// One field holds the task of a stage at a time: first fetch, then parse.
// The first await of 'stage_' waits for fetch only, and parse, which waits
// for 'fetched_', is awaited after 'fetched_' is set. A field that holds
// tasks of several coroutines is not followed, rather than merged into one.
#include <fake/coro.h>

class Pipeline {
public:
  fake::task<void> run() {
    stage_ = fetch();
    co_await stage_;
    fetched_.set();
    stage_ = parse();
    co_await stage_;
  }

private:
  fake::task<void> fetch() { co_return; }
  fake::task<void> parse() { co_await fetched_; }

  fake::task<void> stage_;
  fake::event fetched_;
};
