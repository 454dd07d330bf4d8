// Stub of concurrencpp for corolint's model name check (tests/CMakeLists.txt,
// models/concurrencpp; test-corpus/models/concurrencpp-api.cpp). Written here,
// not copied: declarations only, with the namespaces, class templates, member
// names and signatures of David-Haim/concurrencpp
// (https://github.com/David-Haim/concurrencpp) at commit
// 7a88f5401e15e1b64acae70077e40df1a5a9f6bf (v0.1.7):
// include/concurrencpp/executors/executor.h, derivable_executor.h,
// thread_pool_executor.h, results/result.h, results/lazy_result.h,
// results/resume_on.h, threads/async_lock.h, threads/async_condition_variable.h
// and timers/timer_queue.h. The bodies do nothing.
#pragma once
#pragma clang system_header

#include <chrono>
#include <coroutine>
#include <mutex>
#include <memory>
#include <string_view>
#include <type_traits>
#include <utility>

namespace concurrencpp {

template <class type> class result {
public:
  result() noexcept = default;
  void wait() const {}
  type get() { return type(); }
  struct awaiter {
    bool await_ready() const noexcept { return true; }
    void await_suspend(std::coroutine_handle<>) const noexcept {}
    type await_resume() { return type(); }
  };
  awaiter operator co_await() { return {}; }
};

template <> class result<void> {
public:
  result() noexcept = default;
  void wait() const {}
  void get() {}
  struct awaiter {
    bool await_ready() const noexcept { return true; }
    void await_suspend(std::coroutine_handle<>) const noexcept {}
    void await_resume() {}
  };
  awaiter operator co_await() { return {}; }
};

template <class type> class lazy_result;

namespace details {
template <class type> struct lazy_promise_base {
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() {}
  lazy_result<type> get_return_object() noexcept { return {}; }
};
template <class type> struct lazy_promise : lazy_promise_base<type> {
  template <class value_type> void return_value(value_type &&) {}
};
template <> struct lazy_promise<void> : lazy_promise_base<void> {
  void return_void() {}
};
} // namespace details

template <class type> class lazy_result {
public:
  using promise_type = details::lazy_promise<type>;
  lazy_result() noexcept = default;
  struct awaiter {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) const noexcept {}
    type await_resume() { return type(); }
  };
  awaiter operator co_await() { return {}; }
  result<type> run() { return {}; }
};

class executor {
public:
  executor(std::string_view) {}
  virtual ~executor() noexcept = default;

  template <class callable_type, class... argument_types>
  void post(callable_type &&callable, argument_types &&...arguments) {}

  template <class callable_type, class... argument_types>
  auto submit(callable_type &&callable, argument_types &&...arguments) {
    return result<std::invoke_result_t<callable_type, argument_types...>>();
  }
};

template <class concrete_executor_type>
struct derivable_executor : public executor {
  derivable_executor(std::string_view name) : executor(name) {}

  template <class callable_type, class... argument_types>
  void post(callable_type &&callable, argument_types &&...arguments) {}

  template <class callable_type, class... argument_types>
  auto submit(callable_type &&callable, argument_types &&...arguments) {
    return result<std::invoke_result_t<callable_type, argument_types...>>();
  }
};

namespace details {
template <class executor_type> class resume_on_awaitable {
public:
  resume_on_awaitable(executor_type &executor) noexcept : m_executor(executor) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  void await_resume() const {}

private:
  executor_type &m_executor;
};
} // namespace details

template <class executor_type>
auto resume_on(std::shared_ptr<executor_type> executor) {
  return details::resume_on_awaitable<executor_type>(*executor);
}

template <class executor_type> auto resume_on(executor_type &executor) noexcept {
  return details::resume_on_awaitable<executor_type>(executor);
}

class thread_pool_executor final
    : public derivable_executor<thread_pool_executor> {
public:
  thread_pool_executor() : derivable_executor("thread_pool_executor") {}
};

class scoped_async_lock;

class async_lock {
public:
  lazy_result<scoped_async_lock> lock(std::shared_ptr<executor> resume_executor);
  lazy_result<bool> try_lock();
  void unlock() {}
};

class scoped_async_lock {
public:
  scoped_async_lock() noexcept = default;
  scoped_async_lock(scoped_async_lock &&rhs) noexcept {}
  scoped_async_lock(async_lock &lock, std::defer_lock_t) noexcept {}
  ~scoped_async_lock() noexcept {}
  lazy_result<void> lock(std::shared_ptr<executor> resume_executor);
  lazy_result<bool> try_lock();
  void unlock() {}
  bool owns_lock() const noexcept { return false; }
};

inline lazy_result<scoped_async_lock>
async_lock::lock(std::shared_ptr<executor>) {
  return {};
}
inline lazy_result<bool> async_lock::try_lock() { return {}; }
inline lazy_result<void> scoped_async_lock::lock(std::shared_ptr<executor>) {
  return {};
}
inline lazy_result<bool> scoped_async_lock::try_lock() { return {}; }

class async_condition_variable {
public:
  async_condition_variable() noexcept = default;
  lazy_result<void> await(std::shared_ptr<executor> resume_executor,
                          scoped_async_lock &lock) {
    return {};
  }
  template <class predicate_type>
  lazy_result<void> await(std::shared_ptr<executor> resume_executor,
                          scoped_async_lock &lock, predicate_type pred) {
    return {};
  }
  void notify_one() {}
  void notify_all() {}
};

class timer_queue {
public:
  lazy_result<void> make_delay_object(std::chrono::milliseconds due_time,
                                      std::shared_ptr<executor> executor) {
    return {};
  }
};

} // namespace concurrencpp
