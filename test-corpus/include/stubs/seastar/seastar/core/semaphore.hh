// Stub of Seastar for corolint's model name check (tests/CMakeLists.txt,
// models/seastar; test-corpus/models/seastar-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, base
// classes that declare modelled members, member names and signatures of
// scylladb/seastar (https://github.com/scylladb/seastar) at commit
// 525fcc86ecd275b1c89a1c3f359693704c953a98 (seastar-25.05.0-1175-g525fcc86e,
// SEASTAR_API_LEVEL 9), include/seastar/core/semaphore.hh (the abort_source overloads left out).
#pragma once
#pragma clang system_header

#include "future.hh"
#include "timer.hh"

#include <cstddef>
#include <exception>
#include <sys/types.h>
#include <type_traits>

namespace seastar {

class broken_semaphore : public std::exception {
public:
  const char *what() const noexcept override;
};

struct semaphore_default_exception_factory {
  static broken_semaphore broken() noexcept;
};

template <typename ExceptionFactory, typename Clock = typename timer<>::clock>
class basic_semaphore : private ExceptionFactory {
public:
  using duration = typename timer<Clock>::duration;
  using clock = typename timer<Clock>::clock;
  using time_point = typename timer<Clock>::time_point;
  using exception_factory = ExceptionFactory;

  static constexpr std::size_t max_counter() noexcept;
  basic_semaphore(std::size_t count) noexcept(
      std::is_nothrow_default_constructible_v<exception_factory>);
  basic_semaphore(basic_semaphore &&other) noexcept;
  ~basic_semaphore();

  future<> wait(std::size_t nr = 1) noexcept;
  future<> wait(time_point timeout, std::size_t nr = 1) noexcept;
  future<> wait(duration timeout, std::size_t nr = 1) noexcept;
  void signal(std::size_t nr = 1) noexcept;
  void consume(std::size_t nr = 1) noexcept;
  bool try_wait(std::size_t nr = 1) noexcept;
  std::size_t current() const noexcept;
  ssize_t available_units() const noexcept;
  std::size_t waiters() const noexcept;
  void broken() noexcept;
  template <typename Exception> void broken(const Exception &ex) noexcept;
  void broken(std::exception_ptr ex) noexcept;
};

template <typename ExceptionFactory = semaphore_default_exception_factory,
          typename Clock = typename timer<>::clock>
class semaphore_units {
  basic_semaphore<ExceptionFactory, Clock> *_sem;
  std::size_t _n;

public:
  semaphore_units() noexcept : _sem(nullptr), _n(0) {}
  semaphore_units(basic_semaphore<ExceptionFactory, Clock> &sem, std::size_t n) noexcept
      : _sem(&sem), _n(n) {}
  semaphore_units(semaphore_units &&o) noexcept;
  semaphore_units &operator=(semaphore_units &&o) noexcept;
  semaphore_units(const semaphore_units &) = delete;
  ~semaphore_units() noexcept { return_all(); }

  std::size_t return_units(std::size_t units);
  void return_all() noexcept;
  // Detaches the units: they are not given back.
  std::size_t release() noexcept;
  semaphore_units split(std::size_t units);
  void adopt(semaphore_units &&other) noexcept;
  std::size_t count() const noexcept { return _n; }
  explicit operator bool() const noexcept { return _n != 0; }
};

template <typename ExceptionFactory, typename Clock = typename timer<>::clock>
future<semaphore_units<ExceptionFactory, Clock>>
get_units(basic_semaphore<ExceptionFactory, Clock> &sem, std::size_t units) noexcept;

template <typename ExceptionFactory, typename Clock = typename timer<>::clock>
future<semaphore_units<ExceptionFactory, Clock>>
get_units(basic_semaphore<ExceptionFactory, Clock> &sem, std::size_t units,
          typename basic_semaphore<ExceptionFactory, Clock>::time_point timeout) noexcept;

template <typename ExceptionFactory, typename Clock = typename timer<>::clock>
semaphore_units<ExceptionFactory, Clock>
try_get_units(basic_semaphore<ExceptionFactory, Clock> &sem, std::size_t units) noexcept;

template <typename ExceptionFactory, typename Func, typename Clock = typename timer<>::clock>
inline futurize_t<std::invoke_result_t<Func>>
with_semaphore(basic_semaphore<ExceptionFactory, Clock> &sem, std::size_t units,
               Func &&func) noexcept {
  (void)sem;
  (void)units;
  return func();
}

using semaphore = basic_semaphore<semaphore_default_exception_factory>;

} // namespace seastar
