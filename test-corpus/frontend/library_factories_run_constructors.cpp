// A library function template that forwards its arguments to a constructor
// (`std::make_unique<T>(args...)`, `std::make_shared`, `emplace_back`,
// `optional::emplace`) runs the program's constructor, though the call
// names only the library function: the graph has a call edge to the
// constructor, as `new T(args...)` would. A copy made by the library
// (`push_back(w)`) runs no constructor the program writes. Arguments packed
// into a tuple on the way (`map::try_emplace`, piecewise construction) are
// not followed.
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct registry {
  int size = 0;
};

class worker {
public:
  worker(int id, registry &r) : id_(id), registry_(r) { ++registry_.size; }

private:
  int id_;
  registry &registry_;
};

void by_make_unique(registry &r) { auto w = std::make_unique<worker>(1, r); }
void by_make_shared(registry &r) { auto w = std::make_shared<worker>(2, r); }
void by_emplace_back(registry &r) {
  std::vector<worker> all;
  all.emplace_back(3, r);
}
void by_optional_emplace(registry &r) {
  std::optional<worker> one;
  one.emplace(4, r);
}
struct snapshot {
  snapshot() { ++taken; }
  int taken = 0;
};

void by_make_unique_of_nothing() { auto s = std::make_unique<snapshot>(); }
void by_copy(const worker &w) {
  std::vector<worker> all;
  all.push_back(w);
}

int main() {
  registry r;
  by_make_unique(r);
  by_make_shared(r);
  by_emplace_back(r);
  by_optional_emplace(r);
  by_make_unique_of_nothing();
  by_copy(worker(6, r));
}
// expect-edge: by_make_unique calls worker::worker
// expect-edge: by_make_shared calls worker::worker
// expect-edge: by_emplace_back calls worker::worker
// expect-edge: by_optional_emplace calls worker::worker
// expect-edge: by_make_unique_of_nothing calls snapshot::snapshot
// expect-no-edge: by_copy calls worker::worker
// expect-no-findings
