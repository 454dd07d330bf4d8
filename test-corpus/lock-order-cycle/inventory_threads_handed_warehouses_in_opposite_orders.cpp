// Rebalancing threads move stock between two warehouses: each locks the
// warehouse it takes from, then the one it gives to. main starts one thread
// per direction, handing std::thread the warehouses by std::ref, so each can
// hold its first warehouse and wait for the other's. The twin,
// inventory_threads_handed_warehouses_in_one_order.cpp, passes the lower
// site first and the amount signed.
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>

struct Warehouse {
  std::string site;
  long pallets = 0;
  std::mutex stock_lock;
};

static void rebalance(Warehouse &source, Warehouse &target, long pallets) {
  std::lock_guard<std::mutex> take(source.stock_lock); // expect-path: lock-order-cycle {{'east.stock_lock' acquired here}}
  std::lock_guard<std::mutex> give(target.stock_lock); // expect-warning: lock-order-cycle {{('east.stock_lock' before 'west.stock_lock' in 'rebalance'; 'west.stock_lock' before 'east.stock_lock' in 'rebalance')}}
  source.pallets -= pallets;
  target.pallets += pallets;
}

int main() {
  Warehouse east{"east", 120};
  Warehouse west{"west", 40};
  std::thread eastbound(rebalance, std::ref(east), std::ref(west), 30); // expect-path: lock-order-cycle {{calls 'rebalance' with 'east.stock_lock' and 'west.stock_lock'}}
  std::thread westbound(rebalance, std::ref(west), std::ref(east), 10); // expect-path: lock-order-cycle {{calls 'rebalance' with 'west.stock_lock' and 'east.stock_lock'}}
  eastbound.join();
  westbound.join();
  std::printf("east %ld, west %ld\n", east.pallets, west.pallets);
}
