//===- Triage.cpp - From the rules' findings to what is reported ----------===//

#include "corolint/report/Triage.h"
#include "corolint/report/Fingerprint.h"
#include "corolint/report/Suppressions.h"
#include <algorithm>

namespace corolint {

bool HeaderFilter::shows(llvm::StringRef File) const {
  if (MainFiles.count(File.str()))
    return true;
  if (Include && !Include->match(File))
    return false;
  return !(Exclude && Exclude->match(File));
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
  llvm::erase_if(Findings,
                 [&](const Finding &F) { return !Headers.shows(F.Loc.File); });
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
