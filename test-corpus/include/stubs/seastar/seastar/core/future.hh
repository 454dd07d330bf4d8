// Stub of Seastar for corolint's model name check (tests/CMakeLists.txt,
// models/seastar; test-corpus/models/seastar-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, base
// classes that declare modelled members, member names and signatures of
// scylladb/seastar (https://github.com/scylladb/seastar) at commit
// 525fcc86ecd275b1c89a1c3f359693704c953a98 (seastar-25.05.0-1175-g525fcc86e,
// SEASTAR_API_LEVEL 9), include/seastar/core/future.hh (promise's internal bases folded into it;
// continuations' result types simplified).
#pragma once
#pragma clang system_header

#include <exception>
#include <source_location>
#include <tuple>
#include <type_traits>
#include <utility>

namespace seastar {

template <class T = void> class promise;
template <class T = void> class future;

template <typename T> struct futurize {
  using type = future<T>;
};
template <> struct futurize<void> {
  using type = future<>;
};
template <typename T> struct futurize<future<T>> {
  using type = future<T>;
};
template <typename T> using futurize_t = typename futurize<T>::type;

namespace internal {

template <typename T> struct future_stored_type {
  using type = T;
};
template <> struct future_stored_type<void> {
  struct monostate {};
  using type = monostate;
};
template <typename T> using future_stored_type_t = typename future_stored_type<T>::type;

template <typename Func, typename T> struct future_result {
  using future_type = futurize_t<std::invoke_result_t<Func, T>>;
};
template <typename Func> struct future_result<Func, void> {
  using future_type = futurize_t<std::invoke_result_t<Func>>;
};

class future_base {
protected:
  future_base() noexcept;
  ~future_base() noexcept;
};

} // namespace internal

template <typename T>
class [[nodiscard]] future : private internal::future_base {
public:
  using value_type = internal::future_stored_type_t<T>;
  using promise_type = promise<T>;

  future(future &&x) noexcept;
  future(const future &) = delete;
  future &operator=(future &&x) noexcept;
  void operator=(const future &) = delete;
  ~future();

  // Waits, in a seastar::thread, for the value.
  value_type &&get();
  std::exception_ptr get_exception() noexcept;
  void wait() noexcept;
  bool available() const noexcept;
  bool failed() const noexcept;

  template <typename Func,
            typename Result = typename internal::future_result<Func, T>::future_type>
  Result then(Func &&func, std::source_location sl = std::source_location::current()) noexcept {
    (void)func;
    (void)sl;
    return stub_result<Result>();
  }
  template <typename Func, typename Result = futurize_t<decltype(std::apply(
                               std::declval<Func>(), std::declval<T>()))>>
  Result then_unpack(Func &&func,
                     std::source_location sl = std::source_location::current()) noexcept {
    (void)func;
    (void)sl;
    return stub_result<Result>();
  }
  template <typename Func, typename FuncResult = std::invoke_result_t<Func, future>>
  futurize_t<FuncResult>
  then_wrapped(Func &&func, std::source_location sl = std::source_location::current()) & noexcept {
    (void)func;
    (void)sl;
    return stub_result<futurize_t<FuncResult>>();
  }
  template <typename Func, typename FuncResult = std::invoke_result_t<Func, future &&>>
  futurize_t<FuncResult>
  then_wrapped(Func &&func, std::source_location sl = std::source_location::current()) && noexcept {
    (void)func;
    (void)sl;
    return stub_result<futurize_t<FuncResult>>();
  }
  template <typename Func>
  future<T> finally(Func &&func, std::source_location sl = std::source_location::current()) noexcept {
    (void)func;
    (void)sl;
    return stub_result<future<T>>();
  }
  future<> discard_result(std::source_location sl = std::source_location::current()) noexcept;
  template <typename Func>
  future<T> handle_exception(Func &&func,
                             std::source_location sl = std::source_location::current()) noexcept {
    (void)func;
    (void)sl;
    return stub_result<future<T>>();
  }
  template <typename Func>
  future<T> handle_exception_type(Func &&func,
                                  std::source_location sl = std::source_location::current()) noexcept {
    (void)func;
    (void)sl;
    return stub_result<future<T>>();
  }
  void ignore_ready_future() noexcept;

private:
  // The stub's stand-in for scheduling the continuation: it runs nothing.
  template <typename Result> static Result stub_result() noexcept;
  template <typename U> friend class promise;
};

template <typename T> class promise {
  using accepted_type = internal::future_stored_type_t<T>;

public:
  promise() noexcept;
  promise(promise &&x) noexcept;
  promise(const promise &) = delete;
  promise &operator=(promise &&x) noexcept;
  void operator=(const promise &) = delete;
  ~promise();

  void set_to_current_exception() noexcept;
  future<T> get_future() noexcept;
  void set_value() noexcept requires std::is_void_v<T>;
  template <typename... A> void set_value(A &&...a) noexcept;
  template <typename... A> void emplace_value(A &&...a) noexcept;
  void set_exception(std::exception_ptr &&ex) noexcept;
  void set_exception(const std::exception_ptr &ex) noexcept;
  template <typename Exception>
  requires(!std::same_as<std::remove_reference_t<Exception>, std::exception_ptr>)
  void set_exception(Exception &&e) noexcept;
};

template <typename T, typename... A> future<T> make_ready_future(A &&...value) noexcept;
template <typename T = void> future<T> make_exception_future(std::exception_ptr &&value) noexcept;

} // namespace seastar
