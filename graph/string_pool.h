// StringPool: interned strings. Each distinct string is stored once and
// named by a dense uint32 id (first-seen order). The bytes live in an arena
// of fixed blocks that are never moved or freed while the pool lives, so a
// string_view of one (Keep, or operator[]) stays valid as the pool grows or
// is moved. Used by the knowledge graph for what its edges and evidences
// view, and by the readers that rebuild a graph from its files.
//
// Memory per string: its bytes, a 16-byte view and about 8 bytes of open
// addressing index (a std::string in a node-based map took about 100 more:
// the graph of a large corpus interns hundreds of thousands of sentences).
#ifndef CHRONOGRAPH_GRAPH_STRING_POOL_H_
#define CHRONOGRAPH_GRAPH_STRING_POOL_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace chronograph::graph {

class StringPool {
 public:
  StringPool() = default;
  // A moved-from pool is empty and usable (its arena went with the move).
  StringPool(StringPool&& other) noexcept { *this = std::move(other); }
  StringPool& operator=(StringPool&& other) noexcept;
  StringPool(const StringPool&) = delete;
  StringPool& operator=(const StringPool&) = delete;

  std::uint32_t Intern(std::string_view s);
  // A view of the stored copy of `s`.
  std::string_view Keep(std::string_view s) { return views_[Intern(s)]; }
  // The id of `s`, or nullopt when it was never interned.
  std::optional<std::uint32_t> Find(std::string_view s) const;
  // The stored string. An empty one still has a data pointer.
  std::string_view operator[](std::uint32_t id) const { return views_[id]; }
  std::size_t size() const { return views_.size(); }
  // rank[id] orders ids as their strings order in bytes.
  std::vector<std::uint32_t> Ranks() const;

 private:
  // Copies `s` into the arena.
  std::string_view Store(std::string_view s);
  // The index_ slot that holds `s`'s id, or the empty slot where it goes.
  std::size_t SlotOf(std::string_view s) const;
  void GrowIndex();

  std::vector<std::unique_ptr<char[]>> blocks_;
  char* free_ = nullptr;   // next free byte of the last block
  std::size_t left_ = 0;   // bytes left there
  std::deque<std::string_view> views_;  // by id; a deque never copies them to grow
  std::vector<std::uint32_t> index_;    // open addressing: id + 1, 0 = empty; size a power of two
};

}  // namespace chronograph::graph

#endif  // CHRONOGRAPH_GRAPH_STRING_POOL_H_
