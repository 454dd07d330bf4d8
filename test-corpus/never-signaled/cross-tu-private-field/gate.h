// A class whose members live in gate.cpp; main.cpp only uses it. Every unit
// that names 'Gate::opened_' (gate.cpp) sees all the members of Gate.
#include <fake/coro.h>

class Gate {
public:
  fake::task<void> pass();
  void close();

private:
  fake::event opened_;
  bool closed_ = false;
};
