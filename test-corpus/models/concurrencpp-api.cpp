// expect-no-findings
//
// Uses every function named in rules/models/concurrencpp.json. concurrencpp
// is not packaged in Debian, so this file includes the stub header of
// test-corpus/include/stubs/concurrencpp, written from the real headers at the
// commit the model's checkedAgainst names; a model name that stops matching
// them fails the model name check.

#include <stubs/concurrencpp/concurrencpp/concurrencpp.h>

namespace concurrencpp_api {

int events = 0;

void offloads(concurrencpp::thread_pool_executor &pool,
              concurrencpp::executor &any) {
  pool.post([] { ++events; });
  concurrencpp::result<int> one = pool.submit([] { return 1; });
  (void)one;
  any.post([] { ++events; });
  concurrencpp::result<int> two = any.submit([] { return 2; });
  (void)two;
}

} // namespace concurrencpp_api
