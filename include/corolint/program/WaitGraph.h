//===- WaitGraph.h - What must complete before each signal ------*- C++ -*-===//
//
// The "signals only after waiting" part of the call/wait graph. Nodes are
// resources and coroutine completions ("task fetch finishes"); each node has
// its waits and its signallers, and each signaller the waits that complete on
// every path before it can run. A signaller requires a wait when the wait
// dominates it in its function, or when every way into its function passes the
// wait (callers, loop registrations, spawns).
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_WAITGRAPH_H
#define COROLINT_WAITGRAPH_H

#include "corolint/program/Program.h"
#include <map>

namespace corolint {

/// Node id -> the wait on it that comes first.
using Requirements = std::map<unsigned, SiteRef>;

struct Signaller {
  SiteRef Site;
  Requirements Requires;
};

struct WaitNode {
  enum class Kind { Resource, TaskCompletion } K = Kind::Resource;
  unsigned Index = 0; ///< Resource index, or the coroutine's function index.
  std::string Name;   ///< "'ev'", or "coroutine 'fetch'".

  /// What releasing this node's waiters is called: "'ev' is signalled",
  /// "coroutine 'fetch' finishes".
  std::string release() const {
    return Name + (K == Kind::Resource ? " is signalled" : " finishes");
  }
  std::vector<SiteRef> Waits;
  std::vector<Signaller> Signallers;
  /// A semaphore, whose initial count the analysis does not know, or an
  /// object constructed signalled: its waits may complete with no signal at
  /// all, so it is never stuck.
  bool MayHoldUnits = false;
};

class WaitGraph {
public:
  explicit WaitGraph(const Program &P);

  const std::vector<WaitNode> &nodes() const { return Nodes; }

private:
  struct WaitEvent {
    unsigned Site;
    unsigned Node;
  };

  void addResourceNodes();
  void addContinuationWaits();
  void addTaskNodes();
  void addTaskWait(unsigned Coroutine, SiteRef Wait);
  std::optional<unsigned> storedCoroutine(unsigned Fn,
                                          const SiteFact &Store) const;
  std::vector<bool> chainingCalls() const;
  void computeEntryRequirements();
  Requirements requirementsAt(SiteRef At) const;
  std::vector<unsigned> receiverNodes(SiteRef Call) const;
  Requirements localRequirements(const CallEdge &E) const;
  Requirements dominatingWaits(SiteRef At) const;
  void addSignallers();

  const Program &P;
  std::vector<WaitNode> Nodes;
  std::vector<std::vector<WaitEvent>> WaitsIn;    ///< Per function.
  std::vector<std::optional<Requirements>> Entry; ///< Per function.
  std::map<unsigned, unsigned> TaskNodeOf;        ///< Function -> node.
  std::map<std::string, unsigned> NodeOfResource; ///< Resource key -> node.
};

} // namespace corolint

#endif
