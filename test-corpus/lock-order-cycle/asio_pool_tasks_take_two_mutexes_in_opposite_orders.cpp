// Two tasks posted to an Asio thread pool take the catalog's and the price
// list's mutexes in opposite orders: a restock holds the catalog while it
// reprices, a sale holds the price list while it updates the catalog. On a
// pool of two threads both can hold their first mutex and wait forever for
// the other, and the pool stops serving. Twin:
// asio_pool_tasks_take_two_mutexes_in_one_order.cpp; plain threads:
// threads_take_two_mutexes_in_opposite_orders.cpp.
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <map>
#include <mutex>
#include <string>

class store {
public:
  void restock(const std::string &sku, int units) {
    std::lock_guard<std::mutex> c(catalog_mutex_); // expect-path: lock-order-cycle {{'store::catalog_mutex_' acquired here}}
    stock_[sku] += units;
    std::lock_guard<std::mutex> p(prices_mutex_); // expect-warning: lock-order-cycle {{possible deadlock: mutexes are acquired in inconsistent orders}}
    prices_[sku] *= 0.9;
  }

  void sell(const std::string &sku) {
    std::lock_guard<std::mutex> p(prices_mutex_); // expect-path: lock-order-cycle {{'store::prices_mutex_' acquired here}}
    revenue_ += prices_[sku];
    std::lock_guard<std::mutex> c(catalog_mutex_); // expect-path: lock-order-cycle {{'store::catalog_mutex_' acquired here while 'store::prices_mutex_' is held}}
    stock_[sku] -= 1;
  }

private:
  std::mutex catalog_mutex_, prices_mutex_;
  std::map<std::string, int> stock_;
  std::map<std::string, double> prices_;
  double revenue_ = 0;
};

int main() {
  boost::asio::thread_pool pool(2);
  store shop;
  boost::asio::post(pool, [&] { shop.restock("mug", 12); });
  boost::asio::post(pool, [&] { shop.sell("mug"); });
  pool.join();
}
