// inhouse/first_of.h - racing two tasks, in the style of libcoro's when_any
// and when_all. first_of(a, b) starts a watcher coroutine for each task,
// which awaits it and then, if it is the first to finish, sets a
// manual_event; first_of awaits the event, so it completes when the first
// task does (the other keeps running; its watcher touches only the shared
// flag). all_of(a, b) has its watchers count a latch down instead, and
// completes when both tasks have. No model describes either: that
// first_of is a race is inferred from its code.
#ifndef INHOUSE_FIRST_OF_H
#define INHOUSE_FIRST_OF_H

#include <atomic>
#include <inhouse/latch.h>
#include <inhouse/manual_event.h>
#include <inhouse/task.h>
#include <memory>
#include <utility>

namespace inhouse {
namespace detail {

// Starts at once and frees itself when it finishes.
struct detached {
  struct promise_type {
    detached get_return_object() noexcept { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept {}
  };
};

template <class T>
detached watch_first(task<T> t, manual_event &done,
                     std::shared_ptr<std::atomic<bool>> won) {
  co_await t;
  if (!won->exchange(true))
    done.set();
}

template <class T> detached watch_all(task<T> t, latch &done) {
  co_await t;
  done.count_down();
}

} // namespace detail

template <class A, class B> task<bool> first_of(task<A> a, task<B> b) {
  manual_event done;
  auto won = std::make_shared<std::atomic<bool>>(false);
  detail::watch_first(std::move(a), done, won);
  detail::watch_first(std::move(b), done, won);
  co_await done;
  co_return true;
}

template <class A, class B> task<bool> all_of(task<A> a, task<B> b) {
  latch done{2};
  detail::watch_all(std::move(a), done);
  detail::watch_all(std::move(b), done);
  co_await done;
  co_return true;
}

} // namespace inhouse

#endif
