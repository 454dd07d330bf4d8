//===- RoleEvidence.h - What a member function keeps and resumes -*- C++
//-*-===//
//
// Evidence for inferring what a class no model describes is: which fields a
// member function works on, which of its parameters (a coroutine handle, a
// callable) or `this` it keeps in a field, whether it resumes a coroutine
// handle or calls a callable it was handed. The frontend records what the
// code does; what that makes the class is the inference pass's question
// (docs/inference.md).
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_FRONTEND_ROLEEVIDENCE_H
#define COROLINT_FRONTEND_ROLEEVIDENCE_H

#include "Names.h"

namespace corolint {

/// The coroutine handle of the standard library (`std::coroutine_handle`,
/// the TS's `std::experimental::coroutine_handle`): part of the language's
/// coroutine machinery, which the frontend knows as it knows `co_await`.
bool isCoroutineHandle(clang::QualType T);

/// A value a function can keep and call later: a class with a call operator
/// (a lambda, `std::function`) or a pointer to a function; a coroutine
/// handle, whose `operator()` resumes a waiter, is none.
bool isCallable(clang::QualType T);

/// Fills FunctionFact's role evidence (Fields, Stores, FieldInits,
/// ParamTypes, ResumesHandle, InvokesCallable) for a member function or a
/// lambda; other functions get none.
void collectRoleEvidence(const clang::FunctionDecl *FD, const clang::Stmt *Body,
                         const Names &N, FunctionFact &F);

} // namespace corolint

#endif
