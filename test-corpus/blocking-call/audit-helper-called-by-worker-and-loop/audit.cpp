// The audit helper opens and writes a file: blocking, which is fine for
// the worker threads it was written for. It is not what is wrong here, so
// the finding is not here: its lines are notes of the finding at the loop
// code's call, in session.cpp.
#include "audit.h"
#include <cstdio>

void append_audit(const std::string &line) {
  std::FILE *out = std::fopen("audit.log", "a"); // expect-path: blocking-call {{'fopen' blocks here}}
  if (!out)
    return;
  std::fputs(line.c_str(), out); // expect-path: blocking-call {{'fputs' also blocks here}}
  std::fclose(out);
}
