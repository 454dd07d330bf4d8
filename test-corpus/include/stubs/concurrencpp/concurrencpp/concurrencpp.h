// Stub of concurrencpp for corolint's model name check (tests/CMakeLists.txt,
// models/concurrencpp; test-corpus/models/concurrencpp-api.cpp). Written here,
// not copied: declarations only, with the namespaces, class templates, member
// names and signatures of David-Haim/concurrencpp
// (https://github.com/David-Haim/concurrencpp) at commit
// 7a88f5401e15e1b64acae70077e40df1a5a9f6bf (v0.1.7):
// include/concurrencpp/executors/executor.h, derivable_executor.h,
// thread_pool_executor.h, results/result.h and results/resume_on.h. The bodies do nothing.
#pragma once
#pragma clang system_header

#include <coroutine>
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

} // namespace concurrencpp
