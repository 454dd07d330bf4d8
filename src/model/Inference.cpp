//===- Inference.cpp - Roles inferred from a library's own code -----------===//
//
// Reads the role evidence the frontend records for member functions (the
// fields they work on, what they keep there, whether they resume a handle or
// call a callable they took from somewhere) and turns it into model entries.
// Each rule, one role a file in inference/, says what must hold; a class
// that shows only part of it is left alone, because a wrong role costs more
// than a missing one. This file runs the rules and writes what they infer as
// a model file or as a Models: section of .corolint.yaml.
//
//===----------------------------------------------------------------------===//

#include "corolint/model/Inference.h"
#include "inference/Inferrer.h"
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

using ordered_json = nlohmann::ordered_json;

namespace corolint {

/// Order matters: inferTasks finds the classes coroutines return, which the
/// rules after it ask about; inferEvents, through inferPromises, finds the
/// futures inferSyncWaits asks about, and the events inferDelegates and
/// inferRaces build on; and loops, sync waits and timeouts
/// skip a function an earlier rule gave a role (InferredFunctions), as do
/// network operations, which read what the models say of system calls.
InferredModels inference::Inferrer::run() {
  inferTasks();
  inferEvents();
  inferDelegates();
  inferStartCallbacks();
  inferRaces();
  inferLoops();
  inferSyncWaits();
  inferTimeouts();
  inferNetworkOperations();
  return std::move(Out);
}

namespace {

/// A YAML scalar: a name in single quotes (names hold `::` and spaces), a
/// number or a boolean as it is.
std::string yamlScalar(const ordered_json &V) {
  if (!V.is_string())
    return V.dump();
  std::string Out = "'";
  for (char C : V.get<std::string>()) {
    if (C == '\'')
      Out += '\'';
    Out += C;
  }
  return Out + "'";
}

void writeYamlEntries(const std::vector<InferredEntry> &Entries,
                      const char *Section, std::string &Out) {
  if (Entries.empty())
    return;
  Out += "    " + std::string(Section) + ":\n";
  for (const InferredEntry &E : Entries) {
    for (const std::string &Why : E.Evidence)
      Out += "      # " + Why + "\n";
    ordered_json J = ordered_json::parse(E.ModelJson);
    const char *Lead = "      - ";
    for (const auto &[Key, Value] : J.items()) {
      Out += Lead + Key + ": ";
      if (Value.is_array()) {
        Out += "[";
        for (size_t I = 0; I < Value.size(); ++I)
          Out += (I ? ", " : "") + yamlScalar(Value[I]);
        Out += "]";
      } else {
        Out += yamlScalar(Value);
      }
      Out += "\n";
      Lead = "        ";
    }
  }
}

} // namespace

std::string InferredModels::modelJson() const {
  ordered_json J = {{"library", "inferred"},
                    {"functions", ordered_json::array()},
                    {"types", ordered_json::array()}};
  for (const InferredEntry &E : Functions)
    J["functions"].push_back(ordered_json::parse(E.ModelJson));
  for (const InferredEntry &E : Types)
    J["types"].push_back(ordered_json::parse(E.ModelJson));
  return J.dump();
}

std::string InferredModels::yaml() const {
  std::string Out =
      "# Roles corolint inferred from the project's code "
      "(docs/inference.md).\n"
      "# Review them and keep what is right in .corolint.yaml: a model "
      "there\n# always wins over inference.\n";
  if (empty())
    return Out + "Models: []\n";
  Out += "Models:\n  - library: inferred\n";
  writeYamlEntries(Functions, "functions", Out);
  writeYamlEntries(Types, "types", Out);
  return Out;
}

InferredModels inferModels(const std::vector<TuFacts> &Units,
                           const ApiModels &Known) {
  return inference::Inferrer(Units, Known).run();
}

llvm::Error addInferredModels(const std::vector<TuFacts> &Units,
                              ApiModels &Models) {
  InferredModels Inferred = inferModels(Units, Models);
  if (Inferred.empty())
    return llvm::Error::success();
  Models.noteInferred();
  return Models.addJson(Inferred.modelJson(), InferredOrigin);
}

} // namespace corolint
