//===- Function.cpp - Order questions on one function's CFG ---------------===//

#include "corolint/program/Program.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/iterator.h"
#include "llvm/Support/GenericDomTree.h"
#include "llvm/Support/GenericDomTreeConstruction.h"
#include <algorithm>

namespace corolint {

/// The CFG of the facts as a graph LLVM's dominator tree can be built on:
/// blocks that know their successors, predecessors and function.
struct CfgBlock {
  unsigned Index;
  std::vector<CfgBlock *> Succs, Preds;
  struct CfgGraph *Parent;
  CfgGraph *getParent() const { return Parent; }
  void printAsOperand(llvm::raw_ostream &OS, bool) const { OS << Index; }
};

struct CfgGraph {
  std::vector<CfgBlock> Blocks;
  unsigned Entry = 0;
  CfgBlock &front() { return Blocks[Entry]; }
};

} // namespace corolint

template <> struct llvm::GraphTraits<corolint::CfgBlock *> {
  using NodeRef = corolint::CfgBlock *;
  using ChildIteratorType = std::vector<NodeRef>::iterator;
  static NodeRef getEntryNode(NodeRef N) { return N; }
  static ChildIteratorType child_begin(NodeRef N) { return N->Succs.begin(); }
  static ChildIteratorType child_end(NodeRef N) { return N->Succs.end(); }
};

template <>
struct llvm::GraphTraits<llvm::Inverse<corolint::CfgBlock *>> {
  using NodeRef = corolint::CfgBlock *;
  using ChildIteratorType = std::vector<NodeRef>::iterator;
  static NodeRef getEntryNode(llvm::Inverse<NodeRef> N) { return N.Graph; }
  static ChildIteratorType child_begin(NodeRef N) { return N->Preds.begin(); }
  static ChildIteratorType child_end(NodeRef N) { return N->Preds.end(); }
};

template <>
struct llvm::GraphTraits<corolint::CfgGraph *>
    : llvm::GraphTraits<corolint::CfgBlock *> {
  static NodeRef getEntryNode(corolint::CfgGraph *G) { return &G->front(); }
  using nodes_iterator =
      llvm::pointer_iterator<std::vector<corolint::CfgBlock>::iterator>;
  static nodes_iterator nodes_begin(corolint::CfgGraph *G) {
    return nodes_iterator(G->Blocks.begin());
  }
  static nodes_iterator nodes_end(corolint::CfgGraph *G) {
    return nodes_iterator(G->Blocks.end());
  }
  static unsigned size(corolint::CfgGraph *G) { return G->Blocks.size(); }
};

namespace corolint {

class Function::Dominance {
public:
  explicit Dominance(const FunctionFact &F) {
    Graph.Blocks.resize(F.Cfg.size());
    Graph.Entry = F.CfgEntry;
    for (unsigned B = 0; B < F.Cfg.size(); ++B)
      Graph.Blocks[B] = {B, {}, {}, &Graph};
    for (unsigned B = 0; B < F.Cfg.size(); ++B)
      for (unsigned Succ : F.Cfg[B].Succs) {
        Graph.Blocks[B].Succs.push_back(&Graph.Blocks[Succ]);
        Graph.Blocks[Succ].Preds.push_back(&Graph.Blocks[B]);
      }
    Tree.recalculate(Graph);
  }

  bool dominates(unsigned A, unsigned B) const {
    return Tree.dominates(&Graph.Blocks[A], &Graph.Blocks[B]);
  }
  bool reachable(unsigned B) const {
    return Tree.isReachableFromEntry(&Graph.Blocks[B]);
  }

private:
  CfgGraph Graph;
  llvm::DominatorTreeBase<CfgBlock, false> Tree;
};

Function::Function(Function &&) = default;
Function &Function::operator=(Function &&) = default;
Function::~Function() = default;

const Function::Dominance &Function::dominance() const {
  if (!Dom)
    Dom = std::make_unique<Dominance>(Fact);
  return *Dom;
}

bool Function::walkFrom(
    unsigned From, llvm::function_ref<bool(const SiteFact &)> Blocks,
    llvm::function_ref<bool(unsigned Site)> Reached) const {
  unsigned Start = Fact.Sites[From].Pos.Block;
  size_t After = Fact.Sites[From].Pos.Index + 1;
  // Scans sites [Begin, End) of block \p B: true when Reached stops the
  // walk, false when a blocker ends the path, nullopt when neither happens.
  auto Scan = [&](unsigned B, size_t Begin,
                  size_t End) -> std::optional<bool> {
    const std::vector<unsigned> &Sites = Fact.Cfg[B].Sites;
    for (size_t I = Begin; I < End; ++I) {
      if (Reached(Sites[I]))
        return true;
      if (Blocks(Fact.Sites[Sites[I]]))
        return false;
    }
    return std::nullopt;
  };
  if (std::optional<bool> Done =
          Scan(Start, After, Fact.Cfg[Start].Sites.size()))
    return *Done;
  // Entering a block scans it from its first site, so each block is entered
  // once. The start block, entered again around a loop, has its sites from
  // After on scanned already, and its successors queued.
  llvm::BitVector Entered(Fact.Cfg.size());
  std::vector<unsigned> Work(Fact.Cfg[Start].Succs);
  while (!Work.empty()) {
    unsigned B = Work.back();
    Work.pop_back();
    if (Entered.test(B))
      continue;
    Entered.set(B);
    bool Again = B == Start;
    if (std::optional<bool> Done =
            Scan(B, 0, Again ? After : Fact.Cfg[B].Sites.size())) {
      if (*Done)
        return true;
      continue;
    }
    if (!Again)
      llvm::append_range(Work, Fact.Cfg[B].Succs);
  }
  return false;
}

bool Function::reaches(
    unsigned From, unsigned To,
    llvm::function_ref<bool(const SiteFact &)> Blocks) const {
  if (!hasCfg() || Fact.Sites[From].Pos.Block < 0 ||
      Fact.Sites[To].Pos.Block < 0)
    return false;
  return walkFrom(From, Blocks, [&](unsigned Site) { return Site == To; });
}

void Function::visitReachable(
    unsigned From, llvm::function_ref<bool(const SiteFact &)> Blocks,
    llvm::function_ref<void(unsigned Site)> Visit) const {
  if (!hasCfg() || Fact.Sites[From].Pos.Block < 0)
    return;
  walkFrom(From, Blocks, [&](unsigned Site) {
    Visit(Site);
    return false;
  });
}

bool Function::endsOnlyByThrowing() const {
  if (!hasCfg())
    return false;
  bool Throws = false;
  llvm::BitVector Seen(Fact.Cfg.size());
  std::vector<unsigned> Work{Fact.CfgEntry};
  Seen.set(Fact.CfgEntry);
  while (!Work.empty()) {
    unsigned B = Work.back();
    Work.pop_back();
    if (B == Fact.CfgExit)
      return false;
    Throws |= Fact.Cfg[B].Throws || Fact.Cfg[B].NoReturn;
    if (Fact.Cfg[B].Throws || Fact.Cfg[B].NoReturn)
      continue;
    for (unsigned Succ : Fact.Cfg[B].Succs)
      if (!Seen.test(Succ)) {
        Seen.set(Succ);
        Work.push_back(Succ);
      }
  }
  return Throws;
}

llvm::BitVector Function::blocksReached(
    unsigned From, llvm::function_ref<bool(const SiteFact &)> Blocks) const {
  llvm::BitVector Seen(Fact.Cfg.size());
  auto Clear = [&](unsigned Block, size_t Start) {
    const std::vector<unsigned> &Sites = Fact.Cfg[Block].Sites;
    for (size_t I = Start; I < Sites.size(); ++I)
      if (Blocks(Fact.Sites[Sites[I]]))
        return false;
    return true;
  };
  unsigned Block = Fact.Sites[From].Pos.Block;
  if (!Clear(Block, Fact.Sites[From].Pos.Index + 1))
    return Seen;
  // The start block is reached (its end is), whether or not a path leads
  // back into it.
  Seen.set(Block);
  std::vector<unsigned> Work{Block};
  while (!Work.empty()) {
    unsigned B = Work.back();
    Work.pop_back();
    for (unsigned Succ : Fact.Cfg[B].Succs)
      if (!Seen.test(Succ) && Clear(Succ, 0)) {
        Seen.set(Succ);
        Work.push_back(Succ);
      }
  }
  return Seen;
}

bool Function::reachesExit(
    unsigned From, llvm::function_ref<bool(const SiteFact &)> Blocks) const {
  if (!hasCfg() || Fact.Sites[From].Pos.Block < 0)
    return true;
  return blocksReached(From, Blocks).test(Fact.CfgExit);
}

std::vector<unsigned>
Function::exitsAfter(unsigned From,
                     llvm::function_ref<bool(const SiteFact &)> Blocks) const {
  std::vector<unsigned> Exits;
  if (!hasCfg() || Fact.Sites[From].Pos.Block < 0)
    return Exits;
  for (unsigned B : blocksReached(From, Blocks).set_bits()) {
    const CfgBlockFact &Block = Fact.Cfg[B];
    if (!Block.NoReturn && !Block.Throws &&
        llvm::is_contained(Block.Succs, Fact.CfgExit))
      Exits.push_back(B);
  }
  return Exits;
}

bool Function::dominatesBlock(unsigned Site, unsigned Block) const {
  int Own = Fact.Sites[Site].Pos.Block;
  return hasCfg() && Own >= 0 && dominance().reachable(Block) &&
         dominance().dominates(Own, Block);
}

bool Function::dominates(unsigned A, unsigned B) const {
  if (A == B)
    return true;
  if (!hasCfg() || Fact.Sites[A].Pos.Block < 0 || Fact.Sites[B].Pos.Block < 0)
    return false;
  const CfgPos &PA = Fact.Sites[A].Pos, &PB = Fact.Sites[B].Pos;
  const Dominance &D = dominance();
  // Where the CFG has no path to B, it says nothing about what precedes B:
  // claiming every site does would make a wait require itself.
  if (!D.reachable(PB.Block))
    return false;
  if (PA.Block != PB.Block)
    return D.dominates(PA.Block, PB.Block);
  return PA.Index < PB.Index;
}

bool Function::reachable(unsigned Site) const {
  int Block = Fact.Sites[Site].Pos.Block;
  return hasCfg() && Block >= 0 && dominance().reachable(Block);
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

const llvm::BitVector &Function::prefix() const {
  if (Prefix)
    return *Prefix;
  Prefix.emplace(Fact.Sites.size());
  if (!hasCfg())
    return *Prefix;
  // Blocks entered before any suspension, each scanned up to its first one.
  // A lazy task's initial suspension does not count: whoever starts the task
  // (awaits it, sync-waits it, spawns it) resumes it from there.
  llvm::BitVector Entered(Fact.Cfg.size());
  std::vector<unsigned> Work{Fact.CfgEntry};
  Entered.set(Fact.CfgEntry);
  while (!Work.empty()) {
    unsigned B = Work.back();
    Work.pop_back();
    bool Suspends = false;
    for (unsigned Site : Fact.Cfg[B].Sites) {
      Prefix->set(Site);
      const SiteFact &S = Fact.Sites[Site];
      if (S.Kind == SiteKind::Suspend && S.Suspend != SuspendKind::Initial) {
        Suspends = true;
        break;
      }
    }
    if (Suspends)
      continue;
    for (unsigned Succ : Fact.Cfg[B].Succs)
      if (!Entered.test(Succ)) {
        Entered.set(Succ);
        Work.push_back(Succ);
      }
  }
  return *Prefix;
}

bool Function::beforeFirstSuspension(unsigned Site) const {
  return Site < prefix().size() && prefix().test(Site);
}

llvm::BitVector
Function::runAfter(llvm::function_ref<bool(unsigned Suspend)> Resumes) const {
  llvm::BitVector After(Fact.Sites.size());
  if (!hasCfg())
    return After;
  // A block is entered "resumed" when a path reaches it from an accepted
  // suspension without passing another one; each block is entered so once.
  llvm::BitVector Entered(Fact.Cfg.size());
  std::vector<unsigned> Work;
  auto Enter = [&](unsigned B) {
    if (!Entered.test(B)) {
      Entered.set(B);
      Work.push_back(B);
    }
  };
  auto IsSuspension = [&](const SiteFact &S) {
    return S.Kind == SiteKind::Suspend && S.Suspend != SuspendKind::Initial;
  };
  // Scans \p B from \p Start (resumed or not); true when it ends resumed.
  auto Scan = [&](unsigned B, bool Resumed) {
    for (unsigned Site : Fact.Cfg[B].Sites) {
      const SiteFact &S = Fact.Sites[Site];
      if (Resumed)
        After.set(Site);
      if (IsSuspension(S))
        Resumed = Resumes(Site);
    }
    return Resumed;
  };
  for (unsigned B = 0; B < Fact.Cfg.size(); ++B)
    if (Scan(B, false))
      for (unsigned Succ : Fact.Cfg[B].Succs)
        Enter(Succ);
  while (!Work.empty()) {
    unsigned B = Work.back();
    Work.pop_back();
    if (Scan(B, true))
      for (unsigned Succ : Fact.Cfg[B].Succs)
        Enter(Succ);
  }
  return After;
}

bool Function::mayResume() const {
  if (!hasCfg())
    return true;
  for (const SiteFact &S : Fact.Sites)
    if (S.Kind == SiteKind::Suspend && S.Suspend != SuspendKind::Initial &&
        S.Suspend != SuspendKind::Final)
      return true;
  return false;
}

bool Function::repeats(unsigned Site) const {
  if (!hasCfg() || Fact.Sites[Site].Pos.Block < 0)
    return true;
  return reaches(Site, Site, [](const SiteFact &) { return false; });
}

bool Function::onEveryPath(unsigned Site) const {
  if (!hasCfg() || Fact.Sites[Site].Pos.Block < 0)
    return false;
  // Every path passes the site's block exactly when it dominates the exit;
  // with no path to the exit, no path avoids it either.
  const Dominance &D = dominance();
  return !D.reachable(Fact.CfgExit) ||
         D.dominates(Fact.Sites[Site].Pos.Block, Fact.CfgExit);
}

} // namespace corolint
