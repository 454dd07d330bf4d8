#include "gate.h"

int main() {
  fake::loop loop;
  Gate gate;
  loop.spawn(gate.pass());
  loop.run();
  gate.close();
}
