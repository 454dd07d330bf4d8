//===- FactIndex.cpp - The facts the inference rules read -----------------===//
//
// Built once per run, before any rule: every function's facts by USR and
// by class, and how far a member is followed into its helpers.
//
//===----------------------------------------------------------------------===//

#include "FactIndex.h"
#include "llvm/ADT/SmallVector.h"
#include <algorithm>

namespace corolint::inference {

FactIndex::FactIndex(const std::vector<TuFacts> &Units) {
  // In the linker's order, so that every order of the same units infers
  // the same (a function seen in two units keeps the first one's facts).
  std::vector<const TuFacts *> Sorted;
  for (const TuFacts &U : Units)
    Sorted.push_back(&U);
  std::stable_sort(Sorted.begin(), Sorted.end(),
                   [](const TuFacts *A, const TuFacts *B) {
                     return A->MainFile < B->MainFile;
                   });
  for (const TuFacts *U : Sorted)
    for (const FunctionFact &F : U->Functions)
      ByUsr.try_emplace(F.Usr, &F);
  for (const auto &[Usr, F] : ByUsr) {
    if (!F->IsLambda)
      MembersOf[classOf(F->Name).str()].push_back(F);
    for (const std::string &Base : F->Overrides)
      OverridersOf[Base].push_back(F);
  }
}

std::vector<const FunctionFact *>
FactIndex::reach(const FunctionFact &F, bool Handed, bool Coroutines,
                 llvm::function_ref<bool(const FunctionFact &)> Enter) const {
  std::vector<const FunctionFact *> Reached{&F};
  std::set<const FunctionFact *> Seen{&F};
  size_t Begin = 0;
  for (unsigned Depth = 0; Depth < MaxHelperDepth; ++Depth) {
    size_t End = Reached.size();
    for (size_t I = Begin; I < End; ++I)
      for (const SiteFact &S : Reached[I]->Sites) {
        add(S.CalleeUsr, Coroutines, Enter, Reached, Seen);
        for (const ArgFact &A : S.Args)
          if (Handed)
            add(A.CallableUsr, Coroutines, Enter, Reached, Seen);
      }
    Begin = End;
  }
  return Reached;
}

void FactIndex::add(const std::string &Usr, bool Coroutines,
                    llvm::function_ref<bool(const FunctionFact &)> Enter,
                    std::vector<const FunctionFact *> &Reached,
                    std::set<const FunctionFact *> &Seen) const {
  auto Add = [&](const FunctionFact *F) {
    if ((Coroutines || !F->IsCoroutine) && (!Enter || Enter(*F)) &&
        Seen.insert(F).second)
      Reached.push_back(F);
  };
  if (auto It = ByUsr.find(Usr); It != ByUsr.end())
    Add(It->second);
  // An override names only what it overrides directly: its own overrides
  // are found in turn.
  llvm::SmallVector<const std::string *, 4> Work{&Usr};
  std::set<const std::string *> Visited;
  while (!Work.empty()) {
    auto It = OverridersOf.find(*Work.pop_back_val());
    if (It == OverridersOf.end())
      continue;
    for (const FunctionFact *Override : It->second) {
      Add(Override);
      if (Visited.insert(&Override->Usr).second)
        Work.push_back(&Override->Usr);
    }
  }
}

} // namespace corolint::inference
