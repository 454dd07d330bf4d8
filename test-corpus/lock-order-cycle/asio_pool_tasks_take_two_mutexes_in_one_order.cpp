// expect-no-findings
// Two tasks posted to an Asio thread pool take the catalog's and the price
// list's mutexes in one order: the sale, like the restock, takes the
// catalog first.
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <map>
#include <mutex>
#include <string>

class store {
public:
  void restock(const std::string &sku, int units) {
    std::lock_guard<std::mutex> c(catalog_mutex_);
    stock_[sku] += units;
    std::lock_guard<std::mutex> p(prices_mutex_);
    prices_[sku] *= 0.9;
  }

  void sell(const std::string &sku) {
    std::lock_guard<std::mutex> c(catalog_mutex_);
    std::lock_guard<std::mutex> p(prices_mutex_);
    revenue_ += prices_[sku];
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
