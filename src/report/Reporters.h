//===- Reporters.h - The reporter of each format ----------------*- C++ -*-===//
//
// Private to corolint_report: each format's file defines its Reporter and
// the function that creates it, and createReporter picks among them.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_REPORT_REPORTERS_H
#define COROLINT_REPORT_REPORTERS_H

#include "corolint/report/Report.h"

namespace corolint {

std::unique_ptr<Reporter> createTextReporter(bool Color);
std::unique_ptr<Reporter> createJsonReporter();
std::unique_ptr<Reporter> createSarifReporter(const SarifOptions &Options);
std::unique_ptr<Reporter> createGraphDotReporter();
std::unique_ptr<Reporter> createGraphJsonReporter();

} // namespace corolint

#endif
