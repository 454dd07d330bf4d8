// An image service caps concurrent uploads with a gate: a class whose
// enter() takes a unit of a counting semaphore and whose leave() gives it
// back. publish() enters, and returns early when the thumbnail is in the
// cache already, without leaving: every cached thumbnail keeps one unit,
// and after three of them every publish waits in enter() for ever. The
// twin, upload_slot_given_back_when_the_thumbnail_is_cached.cpp, leaves
// the gate on that path too.
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
    if (hit != cache_.end())
      return true; // expect-warning: never-signaled {{this return keeps a unit of 'thumbnailer::gate_', which 'thumbnailer::publish' takes and gives back itself on its other path}}
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
