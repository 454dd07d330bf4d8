// Stub of folly for corolint's model name check (tests/CMakeLists.txt,
// models/folly; test-corpus/models/folly-api.cpp). Written here, not copied:
// declarations only, with the namespaces, class templates, base classes that
// declare modelled members, member names and signatures of facebook/folly
// (https://github.com/facebook/folly) at commit
// ff98381ea68687a95c6185326db933aa6124d4c5,
// folly/Function.h (a minimal move-only callable wrapper).
#pragma once
#pragma clang system_header

#include <memory>
#include <type_traits>
#include <utility>

namespace folly {

template <typename FunctionType> class Function;

template <typename ReturnType, typename... Args> class Function<ReturnType(Args...)> {
public:
  Function() noexcept = default;
  Function(std::nullptr_t) noexcept {}
  template <typename Fun,
            typename = std::enable_if_t<!std::is_same_v<std::decay_t<Fun>, Function>>>
  /* implicit */ Function(Fun fun) noexcept(noexcept(Fun(std::move(fun)))) {
    (void)fun; // The stub stores nothing.
  }
  Function(Function &&that) noexcept;
  Function &operator=(Function &&that) noexcept;
  ~Function();
  ReturnType operator()(Args... args);
  explicit operator bool() const noexcept;
};

} // namespace folly
