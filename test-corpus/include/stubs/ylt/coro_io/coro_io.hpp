// Stub of yalantinglibs' coro_io::post, written from the declaration in
// include/cinatra/ylt/coro_io/coro_io.hpp of qicosmos/cinatra at commit
// 6da4c573579c6ddee5702553a5951af934258f32 (which vendors yalantinglibs): a
// function template that runs func on an executor, by default the global
// block executor, and returns a lazy task of its result. Only the name and
// the argument positions matter to the model check.
#pragma clang system_header

namespace coro_io {
struct block_executor {};
inline block_executor *get_global_block_executor() { return nullptr; }

template <class T> struct lazy_result {};

template <class Func, class Executor>
lazy_result<void> post(Func func, Executor executor) {
  return {};
}
template <class Func>
lazy_result<void> post(Func func,
                       block_executor *e = get_global_block_executor()) {
  return {};
}
} // namespace coro_io
