// The same chain, but the request handler resolves the first promise without
// waiting for anything.
// expect-no-findings
#include <fake/coro.h>

fake::deferred auth_done;
fake::deferred profile_done;

void wire() {
  auth_done.then([] { profile_done.resolve(); });
  profile_done.then([] { auth_done.resolve(); });
}

void on_login() { auth_done.resolve(); }
