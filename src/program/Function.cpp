//===- Function.cpp - Order questions on one function's CFG ---------------===//

#include "corolint/Program.h"
#include "llvm/ADT/BitVector.h"
#include <algorithm>

namespace corolint {

std::optional<bool>
Function::scanBlock(unsigned Block, size_t Start, unsigned To,
                    llvm::function_ref<bool(const SiteFact &)> Blocks) const {
  const std::vector<unsigned> &Sites = Fact.Cfg[Block].Sites;
  for (size_t I = Start; I < Sites.size(); ++I) {
    if (Sites[I] == To)
      return true;
    if (Blocks(Fact.Sites[Sites[I]]))
      return false;
  }
  return std::nullopt;
}

bool Function::searchFrom(
    unsigned Block, size_t Start, unsigned To,
    llvm::function_ref<bool(const SiteFact &)> Blocks) const {
  if (std::optional<bool> Found = scanBlock(Block, Start, To, Blocks))
    return *Found;
  // Breadth-first over whole blocks: entering a block always scans it from its
  // first site, so each block needs visiting once.
  llvm::BitVector Seen(Fact.Cfg.size());
  std::vector<unsigned> Work(Fact.Cfg[Block].Succs);
  while (!Work.empty()) {
    unsigned B = Work.back();
    Work.pop_back();
    if (Seen.test(B))
      continue;
    Seen.set(B);
    if (std::optional<bool> Found = scanBlock(B, 0, To, Blocks)) {
      if (*Found)
        return true;
      continue;
    }
    for (unsigned Succ : Fact.Cfg[B].Succs)
      Work.push_back(Succ);
  }
  return false;
}

bool Function::reaches(
    unsigned From, unsigned To,
    llvm::function_ref<bool(const SiteFact &)> Blocks) const {
  if (!hasCfg() || Fact.Sites[From].Pos.Block < 0 ||
      Fact.Sites[To].Pos.Block < 0)
    return false;
  unsigned Block = Fact.Sites[From].Pos.Block;
  return searchFrom(Block, Fact.Sites[From].Pos.Index + 1, To, Blocks);
}

bool Function::dominates(unsigned A, unsigned B) const {
  if (A == B)
    return true;
  if (!hasCfg() || Fact.Sites[A].Pos.Block < 0 || Fact.Sites[B].Pos.Block < 0)
    return false;
  auto IsA = [A](const SiteFact &S) { return S.Id == A; };
  return !searchFrom(Fact.CfgEntry, 0, B, IsA);
}

Function::Function(FunctionFact F) : Fact(std::move(F)) {
  for (const SiteFact &S : Fact.Sites) {
    if (S.Kind == SiteKind::Suspend && S.OperandCall >= 0) {
      AwaitingSuspension.try_emplace(S.OperandCall, S.Id);
      AwaitedCalls[S.Id].push_back(S.OperandCall);
    } else if (S.OperandCall >= 0 && S.Kind != SiteKind::ScopeEnd) {
      Stores[S.OperandCall].push_back(S.Id);
    }
  }
  for (const SiteFact &S : Fact.Sites)
    if (S.Kind == SiteKind::Call && S.AwaitedIn >= 0) {
      llvm::SmallVector<unsigned, 2> &Calls = AwaitedCalls[S.AwaitedIn];
      if (!llvm::is_contained(Calls, S.Id))
        Calls.push_back(S.Id);
    }
  for (auto &Entry : AwaitedCalls)
    llvm::sort(Entry.second);
}

std::optional<unsigned> Function::suspensionAwaiting(unsigned Call) const {
  auto It = AwaitingSuspension.find(Call);
  if (It == AwaitingSuspension.end())
    return std::nullopt;
  return It->second;
}

llvm::ArrayRef<unsigned> Function::callsAwaitedBy(unsigned Suspend) const {
  auto It = AwaitedCalls.find(Suspend);
  return It == AwaitedCalls.end() ? llvm::ArrayRef<unsigned>() : It->second;
}

llvm::ArrayRef<unsigned> Function::storesOf(unsigned Call) const {
  auto It = Stores.find(Call);
  return It == Stores.end() ? llvm::ArrayRef<unsigned>() : It->second;
}

bool Function::onEveryPath(unsigned Site) const {
  if (!hasCfg() || Fact.Sites[Site].Pos.Block < 0)
    return false;
  // Every path passes the site's block exactly when the exit cannot be
  // reached with that block removed.
  unsigned Without = Fact.Sites[Site].Pos.Block;
  llvm::BitVector Seen(Fact.Cfg.size());
  std::vector<unsigned> Work{Fact.CfgEntry};
  while (!Work.empty()) {
    unsigned B = Work.back();
    Work.pop_back();
    if (B == Without || Seen.test(B))
      continue;
    if (B == Fact.CfgExit)
      return false;
    Seen.set(B);
    for (unsigned Succ : Fact.Cfg[B].Succs)
      Work.push_back(Succ);
  }
  return true;
}

} // namespace corolint
