// Stub of libcoro for corolint's model name check (tests/CMakeLists.txt,
// models/libcoro; test-corpus/models/libcoro-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, member
// names, access and signatures of jbaldwin/libcoro (https://github.com/jbaldwin/libcoro)
// at commit 277467ffdee1d7f04e93c6b4c72689c6c743f567 (v0.16.0-4-g277467f),
// include/coro/queue.hpp.
#pragma once
#pragma clang system_header

#include "expected.hpp"
#include "task.hpp"

#include <cstddef>
#include <memory>

namespace coro {

enum class queue_produce_result { produced, stopped };
enum class queue_consume_result { stopped };

template <typename element_type> class queue {
public:
  queue() {}
  ~queue();
  queue(const queue &) = delete;
  queue(queue &&other) = delete;

  auto empty() const -> bool { return size() == 0; }
  auto size() const -> std::size_t;
  auto push(const element_type &element) -> coro::task<queue_produce_result>;
  auto push(element_type &&element) -> coro::task<queue_produce_result>;
  template <typename... args_type>
  auto emplace(args_type &&...args) -> coro::task<queue_produce_result>;
  [[nodiscard]] auto pop() -> coro::task<expected<element_type, queue_consume_result>>;
  [[nodiscard]] auto try_pop() -> expected<element_type, queue_consume_result>;
  auto shutdown() -> coro::task<void>;
  template <typename executor_type>
  auto shutdown_drain(std::unique_ptr<executor_type> &e) -> coro::task<void>;
  [[nodiscard]] auto is_shutdown() const -> bool;
};

} // namespace coro
