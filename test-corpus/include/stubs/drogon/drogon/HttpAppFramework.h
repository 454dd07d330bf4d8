// Stub of drogon for corolint's model name check (see utils/coroutine.h):
// lib/inc/drogon/HttpAppFramework.h, HttpRequest.h and HttpResponse.h at
// commit 74fc004c8dc8244fe3b6c56628601053b5a15c37, the handler registration
// and the run of the framework's loops.
#pragma once
#pragma clang system_header

#include "utils/coroutine.h"
#include <memory>
#include <string>
#include <vector>

namespace drogon {

class HttpRequest;
class HttpResponse {
public:
  static std::shared_ptr<HttpResponse> newHttpResponse();
};
using HttpRequestPtr = std::shared_ptr<HttpRequest>;
using HttpResponsePtr = std::shared_ptr<HttpResponse>;

namespace internal {
class HttpConstraint {};
} // namespace internal

class HttpAppFramework {
public:
  virtual ~HttpAppFramework();
  virtual void run() = 0;
  virtual trantor::EventLoop *getLoop() const = 0;

  template <typename FUNCTION>
  HttpAppFramework &
  registerHandler(const std::string &pathPattern, FUNCTION &&function,
                  const std::vector<internal::HttpConstraint> &constraints = {},
                  const std::string &handlerName = "") {
    return *this;
  }
  template <typename FUNCTION>
  HttpAppFramework &registerHandlerViaRegex(
      const std::string &regExp, FUNCTION &&function,
      const std::vector<internal::HttpConstraint> &constraints = {},
      const std::string &handlerName = "") {
    return *this;
  }
};

HttpAppFramework &app();

} // namespace drogon
