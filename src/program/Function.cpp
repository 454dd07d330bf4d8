//===- Function.cpp - Order questions on one function's CFG ---------------===//

#include "corolint/program/Program.h"
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

bool Function::reachesExit(
    unsigned From, llvm::function_ref<bool(const SiteFact &)> Blocks) const {
  if (!hasCfg() || Fact.Sites[From].Pos.Block < 0)
    return true;
  auto Clear = [&](unsigned Block, size_t Start) {
    const std::vector<unsigned> &Sites = Fact.Cfg[Block].Sites;
    for (size_t I = Start; I < Sites.size(); ++I)
      if (Blocks(Fact.Sites[Sites[I]]))
        return false;
    return true;
  };
  unsigned Block = Fact.Sites[From].Pos.Block;
  if (!Clear(Block, Fact.Sites[From].Pos.Index + 1))
    return false;
  llvm::BitVector Seen(Fact.Cfg.size());
  std::vector<unsigned> Work{Block};
  while (!Work.empty()) {
    unsigned B = Work.back();
    Work.pop_back();
    if (B == Fact.CfgExit)
      return true;
    for (unsigned Succ : Fact.Cfg[B].Succs)
      if (!Seen.test(Succ)) {
        Seen.set(Succ);
        if (Clear(Succ, 0))
          Work.push_back(Succ);
      }
  }
  return false;
}

bool Function::dominates(unsigned A, unsigned B) const {
  if (A == B)
    return true;
  if (!hasCfg() || Fact.Sites[A].Pos.Block < 0 || Fact.Sites[B].Pos.Block < 0)
    return false;
  auto IsA = [A](const SiteFact &S) { return S.Id == A; };
  return !searchFrom(Fact.CfgEntry, 0, B, IsA);
}

void SiteIndex::add(unsigned Key, unsigned Value) {
  Keys.push_back(Key);
  Values.push_back(Value);
}

void SiteIndex::finish() {
  std::vector<std::pair<unsigned, unsigned>> Pairs;
  for (size_t I = 0; I < Keys.size(); ++I)
    Pairs.push_back({Keys[I], Values[I]});
  llvm::sort(Pairs);
  Pairs.erase(std::unique(Pairs.begin(), Pairs.end()), Pairs.end());
  Keys.clear();
  Values.clear();
  for (const auto &[Key, Value] : Pairs) {
    Keys.push_back(Key);
    Values.push_back(Value);
  }
  Keys.shrink_to_fit();
  Values.shrink_to_fit();
}

llvm::ArrayRef<unsigned> SiteIndex::lookup(unsigned Key) const {
  auto [Begin, End] = std::equal_range(Keys.begin(), Keys.end(), Key);
  return llvm::ArrayRef<unsigned>(Values).slice(Begin - Keys.begin(),
                                                End - Begin);
}

Function::Function(FunctionFact F) : Fact(std::move(F)) {
  for (const SiteFact &S : Fact.Sites) {
    if (S.Kind == SiteKind::Suspend && S.OperandCall >= 0) {
      AwaitingSuspensions.add(S.OperandCall, S.Id);
      AwaitedCalls.add(S.Id, S.OperandCall);
    } else if (S.OperandCall >= 0 && S.Kind != SiteKind::ScopeEnd) {
      Stores.add(S.OperandCall, S.Id);
    }
    if (S.Kind == SiteKind::Call && S.AwaitedIn >= 0)
      AwaitedCalls.add(S.AwaitedIn, S.Id);
  }
  AwaitingSuspensions.finish();
  AwaitedCalls.finish();
  Stores.finish();
}

std::optional<unsigned> Function::suspensionAwaiting(unsigned Call) const {
  llvm::ArrayRef<unsigned> Suspensions = AwaitingSuspensions.lookup(Call);
  if (Suspensions.empty())
    return std::nullopt;
  return Suspensions.front(); // The first in site order.
}

llvm::ArrayRef<unsigned> Function::callsAwaitedBy(unsigned Suspend) const {
  return AwaitedCalls.lookup(Suspend);
}

llvm::ArrayRef<unsigned> Function::storesOf(unsigned Call) const {
  return Stores.lookup(Call);
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
