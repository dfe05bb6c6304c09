// StringPool: interned strings. Each distinct string is stored once and
// named by a dense uint32 id (first-seen order). Elements live in a deque
// and are never removed or changed, so a string_view of one (Keep, or
// operator[]) stays valid as the pool grows or moves. Used by the knowledge
// graph for what its edges and evidences view, and by the readers that
// rebuild a graph from its files.
#ifndef CHRONOGRAPH_GRAPH_STRING_POOL_H_
#define CHRONOGRAPH_GRAPH_STRING_POOL_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace chronograph::graph {

class StringPool {
 public:
  std::uint32_t Intern(std::string_view s);
  // A view of the stored copy of `s`.
  std::string_view Keep(std::string_view s) { return strings_[Intern(s)]; }
  // The id of `s`, or nullopt when it was never interned.
  std::optional<std::uint32_t> Find(std::string_view s) const {
    const auto it = ids_.find(s);
    return it == ids_.end() ? std::nullopt : std::optional<std::uint32_t>(it->second);
  }
  const std::string& operator[](std::uint32_t id) const { return strings_[id]; }
  std::size_t size() const { return strings_.size(); }
  // rank[id] orders ids as their strings order in bytes.
  std::vector<std::uint32_t> Ranks() const;

 private:
  std::deque<std::string> strings_;
  std::unordered_map<std::string_view, std::uint32_t> ids_;
};

}  // namespace chronograph::graph

#endif  // CHRONOGRAPH_GRAPH_STRING_POOL_H_
