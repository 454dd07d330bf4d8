//===- ProgramGenerator.cpp - Small coroutine programs from bytes ---------===//

#include "ProgramGenerator.h"
#include "llvm/ADT/STLExtras.h"
#include <fuzzer/FuzzedDataProvider.h>
#include <functional>
#include <vector>

namespace corolint::fuzz {
namespace {

// Bounds that keep a program small enough to parse in milliseconds and deep
// enough for every shape: helpers and coroutines call each other (and
// themselves), blocks nest, lambdas hold blocks of their own.
constexpr unsigned Helpers = 3;
constexpr unsigned Coroutines = 4;
constexpr unsigned Awaiters = 2;
constexpr unsigned MaxDepth = 4;
constexpr unsigned MaxStatements = 80;

/// Where a statement is written: only a coroutine's body may suspend.
enum class Context { Plain, Coroutine };

/// The program's global objects and functions, declared before any body so
/// that any function may use any other.
constexpr const char *Prelude = R"(#include <fake/coro.h>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <future>
#include <mutex>
#include <sys/eventfd.h>
#include <thread>
#include <unistd.h>

fake::loop loop;
fake::event ev0, ev1{true}, ev2;
fake::async_mutex am0, am1;
fake::semaphore sem{1};
fake::latch gate{1};
fake::connection peer;
fake::deferred done;
std::mutex m0, m1;
std::condition_variable cv;
int flag = 0;

// A descriptor a helper makes and returns, a would-block predicate, and a
// helper that runs the callable it is handed.
static int make_counter() {
  int fd = eventfd(0, EFD_NONBLOCK);
  if (fd < 0)
    return -1;
  return fd;
}
static bool would_block() { return errno == EAGAIN || errno == EWOULDBLOCK; }
void each_item(const std::function<void(int)> &visit) { visit(1); }
int counter = make_counter();

)";

class Generator {
public:
  Generator(const uint8_t *Data, size_t Size) : In(Data, Size) {}

  std::string program() {
    Out = Prelude;
    for (unsigned I = 0; I < Helpers; ++I)
      Out += "void helper" + std::to_string(I) + "();\n";
    for (unsigned I = 0; I < Coroutines; ++I)
      Out += "fake::task<void> coro" + std::to_string(I) + "();\n";
    for (unsigned I = 0; I < Awaiters; ++I)
      awaiterType(I);
    for (unsigned I = 0; I < Awaiters; ++I)
      awaiterSuspend(I);
    for (unsigned I = 0; I < Helpers; ++I) {
      Out += "\nvoid helper" + std::to_string(I) + "() {\n";
      block(Context::Plain, 1, 1);
      Out += "}\n";
    }
    for (unsigned I = 0; I < Coroutines; ++I) {
      Out += "\nfake::task<void> coro" + std::to_string(I) + "() {\n";
      block(Context::Coroutine, 1, 1);
      Out += "  co_return;\n}\n";
    }
    Out += "\nint main() {\n";
    block(Context::Plain, 1, 1);
    Out += "  loop.run();\n}\n";
    return std::move(Out);
  }

private:
  FuzzedDataProvider In;
  std::string Out;
  unsigned Statements = 0;
  unsigned Locals = 0;

  unsigned pick(unsigned N) {
    return In.ConsumeIntegralInRange<unsigned>(0, N - 1);
  }
  std::string number(unsigned N) { return std::to_string(pick(N)); }
  std::string fresh(const char *Prefix) {
    return Prefix + std::to_string(Locals++);
  }
  std::string helper() { return "helper" + number(Helpers); }
  std::string coroutine() { return "coro" + number(Coroutines); }
  std::string event() { return "ev" + number(3); }
  std::string mutex() { return "m" + number(2); }
  std::string asyncMutex() { return "am" + number(2); }
  std::string duration() {
    return "fake::milliseconds(" + std::to_string(1 + pick(100)) + ")";
  }

  void line(unsigned Indent, const std::string &Text) {
    Out.append(2 * Indent, ' ');
    Out += Text + "\n";
  }

  /// An awaiter written by hand. Every awaiter type is complete before any
  /// await_suspend body: a body may hold a coroutine lambda that awaits
  /// another awaiter.
  void awaiterType(unsigned I) {
    Out += "\nstruct awaiter" + std::to_string(I) + " {\n";
    Out += "  bool await_ready() { return flag > " + number(3) + "; }\n";
    Out += "  void await_suspend(std::coroutine_handle<> h);\n";
    Out += "  void await_resume() {}\n};\n";
  }

  /// The awaiter's await_suspend runs a plain block before it hands the
  /// coroutine back to the loop (or not at all).
  void awaiterSuspend(unsigned I) {
    Out += "\nvoid awaiter" + std::to_string(I) +
           "::await_suspend(std::coroutine_handle<> h) {\n";
    block(Context::Plain, 2, 1);
    if (pick(4))
      line(1, "loop.post([h] { h.resume(); });");
    Out += "}\n";
  }

  /// Up to four statements, fewer as the program fills up.
  void block(Context C, unsigned Depth, unsigned Indent) {
    unsigned N = pick(5);
    for (unsigned I = 0; I < N && Statements < MaxStatements; ++I) {
      ++Statements;
      statement(C, Depth, Indent);
    }
  }

  /// A `{ ... }` scope written at \p Indent around a block.
  void scope(Context C, unsigned Depth, unsigned Indent,
             const std::string &Open, const std::string &Close = "}") {
    line(Indent, Open);
    block(C, Depth + 1, Indent + 1);
    line(Indent, Close);
  }

  /// A lambda with a block of its own, in the context of what runs it, and
  /// the parameters \p Params (a plain lambda only).
  std::string lambda(Context C, unsigned Depth, unsigned Indent,
                     const std::string &Params = "") {
    std::string Saved = std::move(Out);
    Out.clear();
    block(C, Depth + 1, Indent + 1);
    std::string Body = std::move(Out);
    Out = std::move(Saved);
    std::string Head = C == Context::Coroutine
                           ? "[]() -> fake::task<void> {\n"
                           : "[](" + Params + ") {\n";
    if (C == Context::Coroutine)
      Body.append(2 * (Indent + 1), ' ').append("co_return;\n");
    return Head + Body + std::string(2 * Indent, ' ') + "}";
  }

  void statement(Context C, unsigned Depth, unsigned Indent) {
    // Nesting stops at MaxDepth: only the simple statements are left.
    bool Nest = Depth < MaxDepth;
    std::vector<std::function<void()>> Choices = {
        [&] { line(Indent, event() + ".set();"); },
        [&] { line(Indent, "flag = " + number(3) + ";"); },
        [&] { line(Indent, "++flag;"); },
        [&] { line(Indent, helper() + "();"); },
        [&] { line(Indent, "sleep(1);"); },
        [&] {
          line(Indent, "std::this_thread::sleep_for(std::chrono::milliseconds(" +
                           number(50) + "));");
        },
        [&] { line(Indent, "{ char b[8]; (void)read(0, b, sizeof b); }"); },
        [&] {
          line(Indent,
               "{ int p[2]; if (pipe(p) == 0) (void)write(p[1], \"x\", 1); }");
        },
        [&] { line(Indent, "cv.notify_" + std::string(pick(2) ? "one" : "all") +
                               "();"); },
        [&] { line(Indent, "done.resolve();"); },
        [&] { line(Indent, "gate.count_down();"); },
        [&] { line(Indent, "loop.spawn(" + coroutine() + "());"); },
        [&] { line(Indent, coroutine() + "().detach();"); },
        [&] { line(Indent, "std::async(std::launch::async, " + helper() + ").get();"); },
        [&] {
          line(Indent, "{ unsigned long v = 0; (void)read(counter, &v, sizeof v); }");
        },
        [&] {
          line(Indent, "if (write(counter, \"x\", 1) < 0 && would_block())");
          line(Indent + 1, "flag = 0;");
        },
    };
    if (Nest) {
      std::vector<std::function<void()>> Nested = {
          [&] {
            scope(C, Depth, Indent,
                  "{ std::lock_guard<std::mutex> " + fresh("g") + "(" +
                      mutex() + ");");
          },
          [&] {
            std::string G = fresh("g");
            line(Indent, "{");
            line(Indent + 1,
                 "std::unique_lock<std::mutex> " + G + "(" + mutex() + ");");
            if (pick(2))
              line(Indent + 1,
                   "cv.wait(" + G + ", [] { return flag != 0; });");
            else
              line(Indent + 1, "cv.wait_for(" + G +
                                   ", std::chrono::milliseconds(" +
                                   number(50) + "));");
            block(C, Depth + 1, Indent + 1);
            if (pick(2))
              line(Indent + 1, G + ".unlock();");
            block(C, Depth + 1, Indent + 1);
            line(Indent, "}");
          },
          [&] { scope(C, Depth, Indent, "if (flag > " + number(3) + ") {"); },
          [&] {
            line(Indent, "if (flag) {");
            block(C, Depth + 1, Indent + 1);
            scope(C, Depth, Indent, "} else {");
          },
          [&] {
            std::string I = fresh("i");
            scope(C, Depth, Indent,
                  "for (int " + I + " = 0; " + I + " < " + number(4) + "; ++" +
                      I + ") {");
          },
          [&] { scope(C, Depth, Indent, "while (flag != " + number(3) + ") {"); },
          [&] {
            line(Indent, "loop.post(" + lambda(Context::Plain, Depth, Indent) +
                             ");");
          },
          [&] {
            // One choice at a time: the operands of + are evaluated in
            // no fixed order, and each consumes input.
            std::string Call =
                pick(2) ? "loop.add_timer(" : "loop.add_periodic_timer(";
            std::string Delay = duration();
            line(Indent, Call + Delay + ", " +
                             lambda(Context::Plain, Depth, Indent) + ");");
          },
          [&] {
            line(Indent, "std::thread(" + lambda(Context::Plain, Depth, Indent) +
                             ").detach();");
          },
          [&] {
            line(Indent, "done.then(" + lambda(Context::Plain, Depth, Indent) +
                             ");");
          },
          [&] {
            line(Indent,
                 "each_item(" +
                     lambda(Context::Plain, Depth, Indent, "int item") +
                     ");");
          },
          [&] {
            line(Indent, lambda(Context::Coroutine, Depth, Indent) +
                             "().detach();");
          },
      };
      llvm::append_range(Choices, Nested);
    }
    if (C == Context::Plain) {
      Choices.push_back([&] { line(Indent, "fake::sync_wait(" + coroutine() + "());"); });
      Choices.push_back([&] { line(Indent, "loop.run();"); });
    } else {
      std::vector<std::function<void()>> Suspending = {
          [&] { line(Indent, "co_await " + event() + ";"); },
          [&] { line(Indent, "co_await fake::sleep_for(" + duration() + ");"); },
          [&] { line(Indent, "co_await fake::yield_now();"); },
          [&] { line(Indent, "co_await " + coroutine() + "();"); },
          [&] {
            std::string Bounded = coroutine();
            line(Indent, "co_await fake::with_timeout(" + Bounded + "(), " +
                             duration() + ");");
          },
          [&] { line(Indent, "(void)co_await peer.read();"); },
          [&] { line(Indent, "(void)co_await peer.read(" + duration() + ");"); },
          [&] { line(Indent, "co_await sem.acquire();"); },
          [&] { line(Indent, "sem.release();"); },
          [&] { line(Indent, "co_await gate;"); },
          [&] { line(Indent, "co_await awaiter" + number(Awaiters) + "{};"); },
      };
      if (Nest)
        Suspending.push_back([&] {
          scope(C, Depth, Indent,
                "{ auto " + fresh("lk") + " = co_await " + asyncMutex() +
                    ".lock();");
        });
      llvm::append_range(Choices, Suspending);
    }
    Choices[pick(Choices.size())]();
  }
};

} // namespace

std::string generateProgram(const uint8_t *Data, size_t Size) {
  return Generator(Data, Size).program();
}

} // namespace corolint::fuzz
