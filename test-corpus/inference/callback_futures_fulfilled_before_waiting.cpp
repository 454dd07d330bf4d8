// The twin of callback_futures_wait_on_each_other.cpp: load_schema fulfils
// its in-house promise before it awaits the other's future, so build_index
// goes on and fulfils the other. No cycle.
// expect-no-findings
#include <inhouse/callback_future.h>
#include <inhouse/task.h>

inhouse::contract_promise<int> schema_loaded;
inhouse::contract_promise<int> index_built;

inhouse::task<int> build_index() {
  auto schema = schema_loaded.get_semi_future();
  co_await schema;
  index_built.fulfil(1);
  co_return 0;
}

inhouse::task<int> load_schema() {
  auto index = index_built.get_semi_future();
  schema_loaded.fulfil(1);
  co_await index;
  co_return 0;
}
