// Stub of Seastar for corolint's model name check (tests/CMakeLists.txt,
// models/seastar; test-corpus/models/seastar-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, base
// classes that declare modelled members, member names and signatures of
// scylladb/seastar (https://github.com/scylladb/seastar) at commit
// 525fcc86ecd275b1c89a1c3f359693704c953a98 (seastar-25.05.0-1175-g525fcc86e,
// SEASTAR_API_LEVEL 9), include/seastar/core/when_any.hh (futures only, no functions).
#pragma once
#pragma clang system_header

#include "future.hh"

#include <cstddef>
#include <tuple>
#include <iterator>
#include <type_traits>
#include <vector>

namespace seastar {

template <class Sequence> struct when_any_result {
  std::size_t index;
  Sequence futures;
};

template <class FutureIterator>
auto when_any(FutureIterator begin, FutureIterator end) noexcept
    -> future<when_any_result<std::vector<typename std::iterator_traits<FutureIterator>::value_type>>>;

template <class... FutOrFuncs>
auto when_any(FutOrFuncs &&...fut_or_funcs) noexcept
    -> future<when_any_result<std::tuple<std::remove_reference_t<FutOrFuncs>...>>>;

} // namespace seastar
