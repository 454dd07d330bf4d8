//===- Inference.h - Roles inferred from a library's own code ---*- C++ -*-===//
//
// What an API does is known from models; for the classes and functions no
// model names, it is inferred from the code the frontend parsed: an awaiter
// that keeps the coroutine handle in an object that another member resumes
// from is an event (or a lock, a scheduler, a promise's state: how the
// program and the class's own code use it says which); a member that keeps
// a callable in a queue that another member takes out and calls in a loop
// hands work to a loop; a lazy awaitable that coroutines return is a task;
// a function handed a task that blocks on every path waits for it
// (docs/inference.md). The
// result is model entries, in the schema of docs/models.md, each with the
// evidence for it, so that it is loaded, validated and printed as any
// model is. A model always wins: nothing it names is inferred.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_INFERENCE_H
#define COROLINT_INFERENCE_H

#include "corolint/facts/Facts.h"
#include "corolint/model/ApiModels.h"
#include <string>
#include <vector>

namespace corolint {

/// One inferred model entry and why.
struct InferredEntry {
  std::string Name;
  std::string ModelJson; ///< One entry of `functions` or `types`, as JSON.
  std::vector<std::string> Evidence; ///< "file:line:col: what it shows".
};

struct InferredModels {
  std::vector<InferredEntry> Functions, Types;

  bool empty() const { return Functions.empty() && Types.empty(); }
  /// A model file holding every entry (docs/models.md).
  std::string modelJson() const;
  /// The entries as a `Models:` section of .corolint.yaml, each with its
  /// evidence as comments, to review and commit.
  std::string yaml() const;
};

/// Infers roles for what \p Known does not name, from \p Units' facts.
InferredModels inferModels(const std::vector<TuFacts> &Units,
                           const ApiModels &Known);

/// Adds to \p Models the roles inferred from \p Units for what they do not
/// name. The loader checks inferred entries as it checks any model, so an
/// entry it refuses is corolint's bug, reported rather than dropped.
llvm::Error addInferredModels(const std::vector<TuFacts> &Units,
                              ApiModels &Models);

/// The origin inferred model entries carry (FunctionModel::Origin,
/// TypeModel::Origin): findings that rest on one say so.
inline constexpr const char *InferredOrigin = "inferred from the code";

} // namespace corolint

#endif
