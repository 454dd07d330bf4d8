// Stub of async_simple for corolint's model name check (tests/CMakeLists.txt,
// models/async-simple; test-corpus/models/async-simple-api.cpp). Written here,
// not copied: declarations only, with the namespaces, class templates, member
// names, access and signatures of alibaba/async_simple
// (https://github.com/alibaba/async_simple) at commit
// d8abc4fe71a6481e2b354e01029687a5df68417c (1.4-28-gd8abc4f),
// async_simple/Executor.h.
#pragma once
#pragma clang system_header

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>

namespace async_simple {

class Executor {
public:
  using Context = void *;
  static constexpr Context NULLCTX = nullptr;
  using Duration = std::chrono::duration<std::int64_t, std::micro>;
  using Func = std::function<void()>;

  Executor(std::string name = "default") : _name(std::move(name)) {}
  virtual ~Executor() {}
  Executor(const Executor &) = delete;
  Executor &operator=(const Executor &) = delete;

  virtual bool schedule(Func func) = 0;
  virtual bool currentThreadInExecutor() const { return false; }
  virtual Context checkout() { return NULLCTX; }
  virtual bool checkin(Func func, Context ctx) { return schedule(std::move(func)); }
  const std::string &name() const { return _name; }

private:
  std::string _name;
};

} // namespace async_simple
