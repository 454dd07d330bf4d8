// The twin of upload_slot_kept_when_the_thumbnail_is_cached.cpp: an image
// service caps concurrent uploads with a gate over a counting semaphore,
// and publish() returns early when the thumbnail is in the cache already,
// but it leaves the gate before that return too. Nothing is kept.
// expect-no-findings
#include <map>
#include <semaphore>
#include <string>

class upload_gate {
public:
  void enter() { units_.acquire(); }
  void leave() { units_.release(); }

private:
  std::counting_semaphore<16> units_{3};
};

class thumbnailer {
public:
  explicit thumbnailer(upload_gate &gate) : gate_(gate) {}

  bool publish(const std::string &image) {
    gate_.enter();
    auto hit = cache_.find(image);
    if (hit != cache_.end()) {
      gate_.leave();
      return true;
    }
    std::string thumb = shrink(image);
    cache_[image] = thumb;
    gate_.leave();
    return !thumb.empty();
  }

private:
  static std::string shrink(const std::string &image) {
    return image.substr(0, image.size() / 4);
  }

  upload_gate &gate_;
  std::map<std::string, std::string> cache_;
};

int main() {
  upload_gate gate;
  thumbnailer t(gate);
  for (int round = 0; round < 5; ++round)
    t.publish("cat.png");
}
