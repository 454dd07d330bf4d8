// Rebalancing threads move stock between two warehouses: each locks the
// warehouse it takes from, then the one it gives to. main starts one thread
// per direction, handing std::thread the warehouses by std::ref, both in
// one order with the amount signed, so they take the locks in that order.
// The twin, inventory_threads_handed_warehouses_in_opposite_orders.cpp,
// hands them over each way.
// expect-no-findings
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
  std::lock_guard<std::mutex> take(source.stock_lock);
  std::lock_guard<std::mutex> give(target.stock_lock);
  source.pallets -= pallets;
  target.pallets += pallets;
}

int main() {
  Warehouse east{"east", 120};
  Warehouse west{"west", 40};
  std::thread eastbound(rebalance, std::ref(east), std::ref(west), 30);
  std::thread westbound(rebalance, std::ref(east), std::ref(west), -10);
  eastbound.join();
  westbound.join();
  std::printf("east %ld, west %ld\n", east.pallets, west.pallets);
}
