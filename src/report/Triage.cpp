//===- Triage.cpp - From the rules' findings to what is reported ----------===//

#include "corolint/report/Triage.h"
#include "corolint/report/Fingerprint.h"
#include "corolint/report/Suppressions.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <algorithm>

namespace corolint {

bool HeaderFilter::shows(llvm::StringRef File) const {
  // A finding with no file (a malformed place) is shown, not lost.
  if (File.empty() || MainFiles.count(File.str()))
    return true;
  if (Exclude && Exclude->match(File))
    return false;
  if (Include)
    return Include->match(File);
  if (ProjectRoot.empty())
    return true;
  llvm::StringRef Relative = File;
  return Relative.consume_front(ProjectRoot) &&
         (ProjectRoot == "/" || Relative.consume_front("/")) &&
         !isVendored(Relative);
}

bool isVendored(llvm::StringRef RelativePath) {
  static const llvm::StringLiteral Folders[] = {
      "third_party", "thirdparty", "third-party", "3rdparty",
      "vendor",      "vendored",   "deps",        "_deps"};
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  llvm::sys::path::parent_path(RelativePath).split(Parts, '/');
  return llvm::any_of(Parts, [](llvm::StringRef Part) {
    return llvm::is_contained(Folders, Part.lower());
  });
}

/// The deepest folder that holds both \p A and \p B (absolute paths).
static std::string commonFolder(llvm::StringRef A, llvm::StringRef B) {
  llvm::SmallVector<llvm::StringRef, 16> PartsA, PartsB;
  A.split(PartsA, '/');
  B.split(PartsB, '/');
  std::string Common;
  for (size_t I = 1; I < std::min(PartsA.size(), PartsB.size()) &&
                     PartsA[I] == PartsB[I];
       ++I)
    Common += "/" + PartsA[I].str();
  return Common.empty() ? "/" : Common;
}

std::string projectRoot(const std::set<std::string> &MainFiles,
                        llvm::StringRef SourceRoot) {
  if (MainFiles.empty())
    return "";
  std::string Common =
      llvm::sys::path::parent_path(*MainFiles.begin()).str();
  for (const std::string &File : MainFiles)
    Common = commonFolder(Common, llvm::sys::path::parent_path(File));
  for (llvm::StringRef Folder = Common; !Folder.empty();
       Folder = llvm::sys::path::parent_path(Folder)) {
    llvm::SmallString<256> Git(Folder);
    llvm::sys::path::append(Git, ".git");
    if (llvm::sys::fs::exists(Git))
      return Folder.str();
  }
  // The folder corolint runs in widens the project only when it holds the
  // sources (a run from the repository's top, the sources in src/); run
  // from elsewhere, it says nothing about them, and `/` would make every
  // header the project's.
  llvm::StringRef Root(SourceRoot);
  if (Root.empty() || Root == "/" || Root == Common ||
      !llvm::StringRef(Common).starts_with((Root + "/").str()))
    return Common;
  return Root.str();
}

std::optional<Finding> placeInProject(Finding F, const HeaderFilter &Headers) {
  if (Headers.shows(F.Loc.File))
    return F;
  // The steps that lead to the finding come before the one at its place,
  // which is the last step there (a macro may put earlier ones there too).
  auto Last = llvm::find_if(llvm::reverse(F.Path), [&](const PathStep &S) {
    return S.Loc == F.Loc;
  });
  auto Own = Last == F.Path.rend() ? F.Path.end() : std::prev(Last.base());
  auto Shown = std::find_if(std::make_reverse_iterator(Own), F.Path.rend(),
                            [&](const PathStep &S) {
                              return Headers.shows(S.Loc.File);
                            });
  if (Shown == F.Path.rend())
    return std::nullopt;
  // Read before the push below, which may move the path's steps.
  SourceLoc Place = Shown->Loc;
  if (Own == F.Path.end())
    F.Path.push_back({F.Loc, "here, outside the project"});
  F.Message = "in '" + F.Function + "', which this reaches: " + F.Message;
  F.Loc = std::move(Place);
  return F;
}

std::vector<std::string> suppressionSources(const std::vector<TuFacts> &Units,
                                            llvm::StringRef Root) {
  std::set<std::string> Files;
  for (const TuFacts &U : Units) {
    Files.insert(U.MainFile);
    for (const FunctionFact &F : U.Functions)
      if (llvm::StringRef(F.Loc.File).starts_with((Root + "/").str()))
        Files.insert(F.Loc.File);
  }
  return {Files.begin(), Files.end()};
}

std::vector<ReportedFinding>
triageFindings(std::vector<Finding> Findings, const HeaderFilter &Headers,
               const std::vector<std::string> &SourceFiles,
               const CheckFilter &Checks, SourceText &Sources) {
  std::vector<Finding> Placed;
  for (Finding &F : Findings)
    if (std::optional<Finding> In = placeInProject(std::move(F), Headers))
      Placed.push_back(std::move(*In));
  // Moved findings can meet: one finding per place, rule and cause.
  llvm::sort(Placed);
  Placed.erase(std::unique(Placed.begin(), Placed.end()), Placed.end());
  Findings = std::move(Placed);
  Suppressions Comments;
  for (const Finding &F : Findings)
    Comments.addFile(F.Loc.File, Sources);
  for (const std::string &File : SourceFiles)
    if (Headers.shows(File))
      Comments.addFile(File, Sources);

  std::vector<ReportedFinding> Result;
  for (Finding &F : Findings) {
    ReportedFinding RF;
    if (std::optional<std::string> Why = Comments.suppress(F)) {
      RF.Suppressed = true;
      RF.Justification = std::move(*Why);
    }
    RF.F = std::move(F);
    Result.push_back(std::move(RF));
  }
  for (Finding &Note : Comments.unused(Checks)) {
    ReportedFinding RF;
    RF.F = std::move(Note);
    Result.push_back(std::move(RF));
  }
  std::stable_sort(Result.begin(), Result.end(),
                   [](const ReportedFinding &A, const ReportedFinding &B) {
                     return A.F < B.F;
                   });

  std::vector<Finding> Sorted;
  for (const ReportedFinding &RF : Result)
    Sorted.push_back(RF.F);
  std::vector<std::string> Prints = fingerprintFindings(Sorted, Sources);
  for (size_t I = 0; I < Result.size(); ++I)
    Result[I].Fingerprint = std::move(Prints[I]);
  return Result;
}

} // namespace corolint
