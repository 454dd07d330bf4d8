//===- ProgramGenerator.h - Small coroutine programs from bytes -*- C++ -*-===//
//
// The frontend fuzz target's source of programs: the fuzzer's bytes choose,
// statement by statement, a small C++20 program on the corpus's fake
// coroutine library and the standard library's locks, with the shapes the
// rules look for (awaits, async and synchronous locks, condition variables,
// loop callbacks, timers, threads, continuations, blocking calls, loops and
// branches, calls between helpers and coroutines, recursion, a descriptor a
// helper returns, a would-block test, a callable run through a
// std::function parameter). Every program it writes is valid C++: a program
// the frontend cannot parse is a bug of the generator or of the frontend.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_PROGRAMGENERATOR_H
#define COROLINT_PROGRAMGENERATOR_H

#include <cstddef>
#include <cstdint>
#include <string>

namespace corolint::fuzz {

/// The program that \p Data chooses. The same bytes give the same program.
std::string generateProgram(const uint8_t *Data, size_t Size);

} // namespace corolint::fuzz

#endif
