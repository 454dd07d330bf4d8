// Each promise is resolved only in the other's continuation.
#include <fake/coro.h>

fake::deferred auth_done;
fake::deferred profile_done;

void wire() {
  auth_done.then([] { profile_done.resolve(); });    // expect-path: wait-cycle {{only then 'profile_done' is signalled}}
  profile_done.then([] { auth_done.resolve(); });    // expect-error: wait-cycle {{'auth_done' is signalled only after 'profile_done' is signalled}}
}
