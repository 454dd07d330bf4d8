//===- Reporter.cpp - From a format to its reporter -----------------------===//

#include "Reporters.h"
#include "llvm/Support/ErrorHandling.h"

namespace corolint {

Reporter::~Reporter() = default;

std::unique_ptr<Reporter> createReporter(ReportFormat Format,
                                         const ReportOptions &Options) {
  switch (Format) {
  case ReportFormat::Text:
    return createTextReporter(Options.Color);
  case ReportFormat::Json:
    return createJsonReporter();
  case ReportFormat::Sarif:
    return createSarifReporter(Options.Sarif);
  case ReportFormat::GraphDot:
    return createGraphDotReporter();
  case ReportFormat::GraphJson:
    return createGraphJsonReporter();
  }
  llvm_unreachable("unknown report format");
}

} // namespace corolint
