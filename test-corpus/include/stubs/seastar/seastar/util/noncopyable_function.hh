// Stub of Seastar for corolint's model name check (tests/CMakeLists.txt,
// models/seastar; test-corpus/models/seastar-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, base
// classes that declare modelled members, member names and signatures of
// scylladb/seastar (https://github.com/scylladb/seastar) at commit
// 525fcc86ecd275b1c89a1c3f359693704c953a98 (seastar-25.05.0-1175-g525fcc86e,
// SEASTAR_API_LEVEL 9), include/seastar/util/noncopyable_function.hh.
#pragma once
#pragma clang system_header

#include <type_traits>
#include <utility>

namespace seastar {

template <typename Signature> class noncopyable_function;

template <typename Ret, typename... Args> class noncopyable_function<Ret(Args...)> {
public:
  noncopyable_function() noexcept = default;
  template <typename Func,
            typename = std::enable_if_t<!std::is_same_v<std::decay_t<Func>, noncopyable_function>>>
  noncopyable_function(Func func) {
    (void)func; // The stub stores nothing.
  }
  noncopyable_function(noncopyable_function &&x) noexcept;
  noncopyable_function &operator=(noncopyable_function &&x) noexcept;
  ~noncopyable_function();
  Ret operator()(Args... args) const;
  explicit operator bool() const;
};

} // namespace seastar
