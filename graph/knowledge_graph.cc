#include "graph/knowledge_graph.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <iterator>
#include <stdexcept>
#include <string_view>
#include <tuple>
#include <utility>

#include "graph/external_sort.h"
#include "graph/timeline.h"

namespace chronograph::graph {
namespace {

// Adds `id` to a sorted id set. Ids are handed out in first-seen order, so
// a new document usually lands at the end.
void InsertId(std::vector<std::uint32_t>* ids, std::uint32_t id) {
  if (ids->empty() || ids->back() < id) {
    ids->push_back(id);
    return;
  }
  const auto it = std::lower_bound(ids->begin(), ids->end(), id);
  if (*it != id) ids->insert(it, id);
}

// The union of two sorted id sets.
std::vector<std::uint32_t> UnionIds(const std::vector<std::uint32_t>& a,
                                    const std::vector<std::uint32_t>& b) {
  std::vector<std::uint32_t> out;
  out.reserve(a.size() + b.size());
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

// Three-way comparison of two interned strings, in byte order.
template <typename Pool>
int CompareIds(const Pool& pool, std::uint32_t a, std::uint32_t b) {
  if (a == b) return 0;
  return pool[a].compare(pool[b]) < 0 ? -1 : 1;
}

int Sign(int c) { return c < 0 ? -1 : (c > 0 ? 1 : 0); }

// The text of the sentence spanning [begin, end) of `result`, taken from an
// event or a relation whose source span covers it (the extraction model
// carries sentence text only there). "" when none does.
std::string_view SentenceText(const extract::ExtractionResult& result, int sentence,
                              std::size_t begin, std::size_t end) {
  if (sentence >= 0 && static_cast<std::size_t>(sentence) < result.sentence_texts.size()) {
    return result.sentence_texts[static_cast<std::size_t>(sentence)];
  }
  // Results built by hand (tests) may carry no sentences: borrow a covering text.
  for (const extract::Event& e : result.events) {
    if (e.source.begin <= begin && end <= e.source.end && !e.text.empty()) return e.text;
  }
  for (const extract::Relation& r : result.relations) {
    if (r.source.begin <= begin && end <= r.source.end && !r.evidence.empty()) return r.evidence;
  }
  return "";
}

bool DateMentionBefore(const extract::DateMention& a, const extract::DateMention& b) {
  return std::tie(a.source.document, a.source.begin, a.source.end, a.source.line, a.value, a.mod,
                  a.text, a.kind, a.sentence, a.rule_id) <
         std::tie(b.source.document, b.source.begin, b.source.end, b.source.line, b.value, b.mod,
                  b.text, b.kind, b.sentence, b.rule_id);
}

}  // namespace

std::size_t KnowledgeGraph::EdgeKeyHash::operator()(const EdgeKey& k) const {
  // splitmix64's finaliser over the two halves: cheap and well spread.
  auto mix = [](std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
  };
  const std::uint64_t ab = (std::uint64_t{k.a} << 32) | k.b;
  const std::uint64_t rf = (std::uint64_t{k.relation} << 32) | k.from;
  return static_cast<std::size_t>(mix(ab ^ mix(rf)));
}

std::uint32_t KnowledgeGraph::EntitySlot(std::string_view id) {
  const std::uint32_t slot = entity_ids_.Intern(id);
  if (slot == pending_entities_.size()) pending_entities_.emplace_back();
  return slot;
}

int KnowledgeGraph::CompareEvidence(const PendingEvidence& a, const PendingEvidence& b) const {
  if (const int c = CompareIds(strings_, a.document, b.document)) return c;
  if (a.line != b.line) return a.line < b.line ? -1 : 1;
  if (const int c = CompareIds(texts_, a.text, b.text)) return c;
  return CompareIds(strings_, a.date, b.date);
}

int KnowledgeGraph::CompareEvidence(const PendingEvidence& a, const EvidenceRef& b) const {
  if (const int c = CompareIds(strings_, a.document, b.document)) return c;
  if (a.line != b.line) return a.line < b.line ? -1 : 1;
  if (!b.text_id || a.text != *b.text_id) {
    if (const int c = Sign(std::string_view(texts_[a.text]).compare(b.text))) return c;
  }
  return CompareIds(strings_, a.date, b.date);
}

void KnowledgeGraph::NormalizeEvidence(std::vector<PendingEvidence>* evidence) const {
  // Stable, so that of equal evidences (they differ in begin/end at most)
  // the first added stays, as std::set::insert kept it.
  std::stable_sort(evidence->begin(), evidence->end(),
                   [this](const PendingEvidence& a, const PendingEvidence& b) {
                     return CompareEvidence(a, b) < 0;
                   });
  evidence->erase(std::unique(evidence->begin(), evidence->end(),
                              [this](const PendingEvidence& a, const PendingEvidence& b) {
                                return CompareEvidence(a, b) == 0;
                              }),
                  evidence->end());
}

namespace {

// Fixed-width bytes of trivially copyable values: the spilled edges are
// read back by the same process, never by another machine.
template <class T>
void PutRaw(const T& value, std::string* out) {
  out->append(reinterpret_cast<const char*>(&value), sizeof value);
}
template <class T>
void PutRawArray(const std::vector<T>& values, std::string* out) {
  PutRaw<std::uint64_t>(values.size(), out);
  out->append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
}
class RawReader {
 public:
  explicit RawReader(std::string_view bytes) : bytes_(bytes) {}
  template <class T>
  void Get(T* value) {
    Take(value, sizeof *value);
  }
  template <class T>
  void GetArray(std::vector<T>* values) {
    std::uint64_t n = 0;
    Get(&n);
    values->resize(static_cast<std::size_t>(n));
    Take(values->data(), values->size() * sizeof(T));
  }

 private:
  void Take(void* to, std::size_t n) {
    if (n > bytes_.size() - at_) throw std::runtime_error("spilled edge record is truncated");
    if (n > 0) std::memcpy(to, bytes_.data() + at_, n);
    at_ += n;
  }
  std::string_view bytes_;
  std::size_t at_ = 0;
};

}  // namespace

void KnowledgeGraph::PendingEdgeCodec::Encode(const PendingEdge& e, std::string* out) {
  PutRaw(e.key, out);
  PutRaw(e.to, out);
  PutRaw(e.count, out);
  PutRaw(e.normalized, out);
  PutRawArray(e.dates, out);
  PutRawArray(e.documents, out);
  PutRawArray(e.evidence, out);
}

void KnowledgeGraph::PendingEdgeCodec::Decode(std::string_view bytes, PendingEdge* e) {
  RawReader in(bytes);
  in.Get(&e->key);
  in.Get(&e->to);
  in.Get(&e->count);
  in.Get(&e->normalized);
  in.GetArray(&e->dates);
  in.GetArray(&e->documents);
  in.GetArray(&e->evidence);
}

KnowledgeGraph::KnowledgeGraph(const std::string& spill_dir)
    : pending_dates_(spill_dir), pending_events_(spill_dir), spilled_edges_(spill_dir), dates_(spill_dir),
      events_(spill_dir) {
  empty_string_ = strings_.Intern("");
  co_occurs_ = strings_.Intern(kCoOccurs);
}

void KnowledgeGraph::AddEdge(std::uint32_t a, std::uint32_t b, std::uint32_t relation,
                             std::uint32_t from, std::uint32_t to, std::uint32_t date,
                             const EvidenceRef& evidence) {
  const EdgeKey key{a, b, relation, from};
  const auto [it, inserted] =
      edge_index_.try_emplace(key, static_cast<std::uint32_t>(pending_edges_.size()));
  if (inserted) {
    pending_edges_.emplace_back();
    pending_edges_.back().key = key;
  }
  PendingEdge& edge = pending_edges_[it->second];
  edge.to = to;
  if (date != empty_string_) InsertId(&edge.dates, date);
  ++edge.count;
  InsertId(&edge.documents, evidence.document);
  auto kept = [&] {
    if (!evidence.text_id) evidence.text_id = texts_.Intern(evidence.text);
    return PendingEvidence{evidence.document, evidence.line, *evidence.text_id,
                           evidence.date,     evidence.begin, evidence.end};
  };
  if (relation != co_occurs_) {
    // Typed: every statement. Repeats are dropped whenever the list doubles
    // (and at Finalize), so they cost amortised O(log n) each.
    edge.evidence.push_back(kept());
    if (edge.evidence.size() >= 2 * edge.normalized + 16) {
      NormalizeEvidence(&edge.evidence);
      edge.normalized = edge.evidence.size();
    }
    return;
  }
  // Keep the smallest evidences: the same set whatever the Add order. A full
  // co_occurs list is checked before inserting, so that a sentence that
  // would be dropped again is never interned.
  std::vector<PendingEvidence>& list = edge.evidence;
  if (list.size() >= kMaxEvidencePerEdge && CompareEvidence(list.back(), evidence) <= 0) return;
  const auto pos = std::partition_point(list.begin(), list.end(), [&](const PendingEvidence& e) {
    return CompareEvidence(e, evidence) < 0;
  });
  if (pos != list.end() && CompareEvidence(*pos, evidence) == 0) return;  // kept already
  list.insert(pos, kept());
  if (list.size() > kMaxEvidencePerEdge) list.pop_back();
}

void KnowledgeGraph::RestorePendingEdges() {
  if (spilled_edges_.empty()) return;
  PendingEdge edge;
  for (auto cursor = spilled_edges_.Scan(); cursor.Next(&edge);) pending_edges_.push_back(std::move(edge));
  spilled_edges_.Clear();
}

void KnowledgeGraph::Add(const extract::ExtractionResult& result) {
  RestorePendingEdges();
  if (edge_index_.empty() && !pending_edges_.empty()) {  // released by Finalize
    edge_index_.reserve(pending_edges_.size());
    for (std::uint32_t e = 0; e < pending_edges_.size(); ++e) edge_index_.emplace(pending_edges_[e].key, e);
  }
  const std::uint32_t result_document = strings_.Intern(result.document);
  auto document_of = [&](const extract::SourceRef& source) {
    return source.document.empty() ? result_document : strings_.Intern(source.document);
  };
  // Mentions, grouped by sentence for co-occurrence, with their entity slot.
  struct Placed {
    const extract::Mention* mention;
    std::uint32_t slot;
  };
  std::map<int, std::vector<Placed>> by_sentence;
  for (const extract::Mention& m : result.mentions) {
    if (m.entity_id.empty()) continue;
    const std::uint32_t slot = EntitySlot(m.entity_id);
    PendingEntity& entity = pending_entities_[slot];
    ++entity.names[{m.canonical, m.type}];
    if (!m.surface.empty()) entity.surfaces.insert(m.surface);
    ++entity.mentions;
    InsertId(&entity.documents, document_of(m.source));
    if (!m.wikidata.empty()) ++entity.wikidata[m.wikidata];
    by_sentence[m.sentence].push_back({&m, slot});
  }
  // Entity slots ordered as their ids order in bytes: (smaller, larger).
  auto ordered = [this](std::uint32_t a, std::uint32_t b) {
    return entity_ids_[a] < entity_ids_[b] ? std::make_pair(a, b) : std::make_pair(b, a);
  };
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  std::vector<std::uint32_t> next;
  for (auto& [sentence, mentions] : by_sentence) {
    bool two = false;
    std::size_t begin = mentions.front().mention->source.begin;
    std::size_t end = mentions.front().mention->source.end;
    int line = mentions.front().mention->source.line;
    for (const Placed& p : mentions) {
      two = two || p.slot != mentions.front().slot;
      begin = std::min(begin, p.mention->source.begin);
      end = std::max(end, p.mention->source.end);
      line = std::min(line, p.mention->source.line);
    }
    if (!two) continue;
    const std::uint32_t document = document_of(mentions.front().mention->source);
    // Pairs within the window (kCoOccurrenceWindow), each once per sentence:
    // at most kCoOccurrenceWindow per mention, so linear in the mentions.
    std::stable_sort(mentions.begin(), mentions.end(), [](const Placed& a, const Placed& b) {
      return a.mention->source.begin < b.mention->source.begin;
    });
    // Right to left, `next` holds the distinct entities after mention i,
    // nearest first; kCoOccurrenceWindow + 1 of them are enough for any
    // mention to its left, whatever its own entity. O(mentions * window),
    // even when a few entities are named over and over.
    pairs.clear();
    next.clear();
    for (std::size_t i = mentions.size(); i-- > 0;) {
      const std::uint32_t a = mentions[i].slot;
      std::size_t linked = 0;
      for (const std::uint32_t b : next) {
        if (b == a) continue;
        if (linked++ == kCoOccurrenceWindow) break;
        pairs.push_back(ordered(a, b));
      }
      next.erase(std::remove(next.begin(), next.end(), a), next.end());
      next.insert(next.begin(), a);
      if (next.size() > kCoOccurrenceWindow + 1) next.pop_back();
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    // One evidence per sentence; its text is interned only if an edge keeps it.
    const EvidenceRef evidence{document, line, SentenceText(result, sentence, begin, end),
                               empty_string_, 0, 0, std::nullopt};
    for (const auto& [a, b] : pairs) AddEdge(a, b, co_occurs_, a, b, empty_string_, evidence);
  }
  for (const extract::Relation& r : result.relations) {
    if (r.from_id.empty() || r.to_id.empty() || r.from_id == r.to_id || r.type.empty()) continue;
    const std::uint32_t document = document_of(r.source);
    const std::uint32_t from = EntitySlot(r.from_id), to = EntitySlot(r.to_id);
    InsertId(&pending_entities_[from].documents, document);
    InsertId(&pending_entities_[to].documents, document);
    const std::uint32_t date = strings_.Intern(r.date);
    const auto [a, b] = ordered(from, to);
    AddEdge(a, b, strings_.Intern(r.type), from, to, date,
            EvidenceRef{document, r.source.line, r.evidence, date, r.source.begin, r.source.end,
                        std::nullopt});
  }
  for (const extract::DateMention& d : result.dates) {
    if (d.source.document.empty()) {
      extract::DateMention copy = d;
      copy.source.document = result.document;
      pending_dates_.Append(copy);
    } else {
      pending_dates_.Append(d);
    }
  }
  for (const extract::Event& e : result.events) {
    if (IsDurationValue(e.date)) continue;  // durations are not dates
    extract::Event event = e;
    if (event.source.document.empty()) event.source.document = result.document;
    std::sort(event.entity_ids.begin(), event.entity_ids.end());
    event.entity_ids.erase(std::unique(event.entity_ids.begin(), event.entity_ids.end()),
                           event.entity_ids.end());
    for (const std::string& id : event.entity_ids) {
      if (!id.empty()) InsertId(&Entity(id).documents, strings_.Intern(event.source.document));
    }
    event.entity_ids.erase(std::remove(event.entity_ids.begin(), event.entity_ids.end(), ""),
                           event.entity_ids.end());
    pending_events_.Append(event);
  }
}

std::vector<std::uint32_t> KnowledgeGraph::WikidataMerges() const {
  // Q id -> (mentions, slot) of every entity carrying it; an entity carries
  // the Q id most of its mentions carry (ties: the smallest).
  std::map<std::string, std::vector<std::pair<int, std::uint32_t>>> by_qid;
  for (std::uint32_t slot = 0; slot < pending_entities_.size(); ++slot) {
    const PendingEntity& pending = pending_entities_[slot];
    const std::pair<const std::string, int>* best = nullptr;
    for (const auto& q : pending.wikidata) {
      if (best == nullptr || q.second > best->second) best = &q;
    }
    if (best != nullptr) by_qid[best->first].push_back({pending.mentions, slot});
  }
  std::vector<std::uint32_t> merged_into(pending_entities_.size());
  for (std::uint32_t slot = 0; slot < merged_into.size(); ++slot) merged_into[slot] = slot;
  for (const auto& [qid, ids] : by_qid) {
    if (ids.size() < 2) continue;
    const auto keep = std::min_element(ids.begin(), ids.end(), [this](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : entity_ids_[a.second] < entity_ids_[b.second];
    });
    for (const auto& [mentions, slot] : ids) merged_into[slot] = keep->second;
  }
  return merged_into;
}

void KnowledgeGraph::PrepareConcurrentReads() const {
  // A read flushes the file's write buffer, the one thing a read changes.
  if (!dates_.empty()) (void)dates_[0];
  if (!events_.empty()) (void)events_[0];
}

void KnowledgeGraph::Finalize() {
  RestorePendingEdges();  // Finalize twice in a row
  graph_ = Graph();
  std::vector<Edge>().swap(edges_);
  index_.clear();
  // Not needed to build the graph: freed now (buckets too), so that it and
  // the graph are not in memory at once (Add rebuilds it).
  decltype(edge_index_)().swap(edge_index_);

  // Byte order of the interned strings: every output order below that
  // std::map<std::string> iteration used to give is rebuilt from these.
  const std::size_t n = pending_entities_.size();
  const std::vector<std::uint32_t> entity_rank = entity_ids_.Ranks();
  const std::vector<std::uint32_t> string_rank = strings_.Ranks();
  std::vector<std::uint32_t> slots_in_order(n);
  for (std::uint32_t slot = 0; slot < n; ++slot) slots_in_order[entity_rank[slot]] = slot;
  auto key_less = [&](const EdgeKey& x, const EdgeKey& y) {
    return std::make_tuple(entity_rank[x.a], entity_rank[x.b], string_rank[x.relation],
                           entity_rank[x.from]) <
           std::make_tuple(entity_rank[y.a], entity_rank[y.b], string_rank[y.relation],
                           entity_rank[y.from]);
  };

  // Entities that share a Wikidata id: merged copies of the pending data
  // (only built when needed; the pending data stays as added, so that Add
  // after Finalize still works).
  const std::vector<std::uint32_t> merged_into = WikidataMerges();
  bool merging = false;
  for (std::uint32_t slot = 0; slot < n; ++slot) merging = merging || merged_into[slot] != slot;
  const std::vector<PendingEntity>* entities = &pending_entities_;
  std::vector<PendingEntity> merged_entities;
  if (merging) {
    merged_entities.resize(n);
    for (std::uint32_t slot = 0; slot < n; ++slot) {
      const PendingEntity& pending = pending_entities_[slot];
      PendingEntity& into = merged_entities[merged_into[slot]];
      for (const auto& [name, count] : pending.names) into.names[name] += count;
      into.surfaces.insert(pending.surfaces.begin(), pending.surfaces.end());
      into.mentions += pending.mentions;
      into.documents = UnionIds(into.documents, pending.documents);
      for (const auto& [qid, count] : pending.wikidata) into.wikidata[qid] += count;
    }
    entities = &merged_entities;
  }

  // Events and dates: sorted on disk. Equal events keep their Add order
  // (the sort is stable), which std::sort never promised either.
  std::function<void(extract::Event*)> merge_ids;
  if (merging) {
    merge_ids = [this, &merged_into](extract::Event* event) {
      for (std::string& id : event->entity_ids) {
        const std::optional<std::uint32_t> slot = entity_ids_.Find(id);
        if (slot) id = entity_ids_[merged_into[*slot]];
      }
      std::sort(event->entity_ids.begin(), event->entity_ids.end());
      event->entity_ids.erase(std::unique(event->entity_ids.begin(), event->entity_ids.end()),
                              event->entity_ids.end());
    };
  }
  events_ = ExternalSort(pending_events_, EventBefore, merge_ids);
  dates_ = ExternalSort(pending_dates_, DateMentionBefore);

  // Vertices in id order: the vecS index is the insertion order.
  std::vector<Vertex> vertex_of(n);
  for (const std::uint32_t slot : slots_in_order) {
    if (merged_into[slot] != slot) continue;  // merged into another id
    const PendingEntity& pending = (*entities)[slot];
    EntityNode node;
    node.id = entity_ids_[slot];
    const std::pair<std::string, std::string>* best = nullptr;
    int best_count = -1;
    for (const auto& [name, count] : pending.names) {  // ascending: first max wins ties
      if (count > best_count) {
        best = &name;
        best_count = count;
      }
    }
    node.label = best != nullptr ? best->first : node.id;
    node.type = best != nullptr && !best->second.empty() ? best->second : kUnknownType;
    node.aliases = pending.surfaces;
    node.aliases.insert(node.label);
    node.mentions = pending.mentions;
    for (const std::uint32_t document : pending.documents) node.documents.emplace(strings_[document]);
    for (const auto& [qid, count] : pending.wikidata) {  // most mentions, ties to the smallest
      if (node.wikidata.empty() || count > pending.wikidata.at(node.wikidata)) node.wikidata = qid;
    }
    // Boost copies a bundle handed to add_vertex/add_edge (twice for an
    // edge): add an empty one and move the bundle in.
    vertex_of[slot] = boost::add_vertex(graph_);
    graph_[vertex_of[slot]] = std::move(node);
    index_.emplace(entity_ids_[slot], vertex_of[slot]);
  }
  merged_index_.clear();
  for (std::uint32_t slot = 0; slot < n; ++slot) {
    if (merged_into[slot] != slot) merged_index_.emplace(entity_ids_[slot], vertex_of[merged_into[slot]]);
  }

  // Events are date-ordered, so the first and last parseable dates naming
  // an entity are its first_date and last_date. The same pass indexes each
  // entity's events.
  events_of_.assign(boost::num_vertices(graph_), {});
  std::uint32_t i = 0;
  for (const extract::Event& e : events_) {
    const bool dated = ParseDateValue(e.date).has_value();
    for (const std::string& id : e.entity_ids) {
      const Vertex v = index_.at(id);
      std::vector<std::uint32_t>& list = events_of_[v];
      if (list.empty() || list.back() != i) list.push_back(i);  // ids may repeat
      if (!dated) continue;
      EntityNode& node = graph_[v];
      if (node.first_date.empty()) node.first_date = e.date;
      node.last_date = e.date;
    }
    ++i;
  }

  // Edges under their final key (merged ends resolved), in key order; edges
  // that merge into one are taken in the order of their own keys, the order
  // a std::map of string keys gave, so that the first added of equal typed
  // evidences is still the one kept.
  struct Item {
    EdgeKey key;         // final
    std::uint32_t to;    // final
    std::uint32_t edge;  // index into pending_edges_
  };
  std::vector<Item> items;
  items.reserve(pending_edges_.size());
  for (std::uint32_t e = 0; e < pending_edges_.size(); ++e) {
    const PendingEdge& pending = pending_edges_[e];
    if (!merging) {
      items.push_back({pending.key, pending.to, e});
      continue;
    }
    const std::uint32_t a = merged_into[pending.key.a], b = merged_into[pending.key.b];
    if (a == b) continue;  // two names of one entity
    const std::uint32_t lo = entity_rank[a] < entity_rank[b] ? a : b;
    const std::uint32_t hi = lo == a ? b : a;
    const bool co_occurs = pending.key.relation == co_occurs_;
    const std::uint32_t from = co_occurs ? lo : merged_into[pending.key.from];
    const std::uint32_t to = co_occurs ? hi : merged_into[pending.to];
    items.push_back({EdgeKey{lo, hi, pending.key.relation, from}, to, e});
  }
  std::sort(items.begin(), items.end(), [&](const Item& x, const Item& y) {
    if (key_less(x.key, y.key)) return true;
    if (key_less(y.key, x.key)) return false;
    return key_less(pending_edges_[x.edge].key, pending_edges_[y.edge].key);
  });
  // The pending edges go to disk and leave RAM before the graph's edges
  // are built. They are written in the order the loop below reads them
  // (items), so that it reads the file through once instead of one pread
  // per edge; the edges no item names (two names of one entity) follow, so
  // that RestorePendingEdges gets every one back.
  {
    std::vector<bool> spilled(pending_edges_.size(), false);
    for (const Item& item : items) {
      spilled[item.edge] = true;
      spilled_edges_.Append(pending_edges_[item.edge]);
    }
    for (std::uint32_t e = 0; e < pending_edges_.size(); ++e) {
      if (!spilled[e]) spilled_edges_.Append(pending_edges_[e]);
    }
  }
  std::deque<PendingEdge>().swap(pending_edges_);

  edges_.reserve(items.size());  // at most one edge per item
  // Each vertex's incidence list is a vector that would grow by doubling
  // (up to twice the room it needs): sized once from its degree instead.
  {
    std::vector<std::uint32_t> degree(boost::num_vertices(graph_), 0);
    for (std::size_t k = 0; k < items.size(); ++k) {
      if (k > 0 && items[k].key == items[k - 1].key) continue;  // one edge per key
      ++degree[vertex_of[items[k].key.a]];
      ++degree[vertex_of[items[k].key.b]];
    }
    for (Vertex v = 0; v < degree.size(); ++v) graph_.out_edge_list(v).reserve(degree[v]);
  }
  std::vector<std::uint32_t> dates, documents;
  std::vector<PendingEvidence> evidence;
  auto spilled = spilled_edges_.Scan();
  PendingEdge pending;
  for (std::size_t first = 0; first < items.size();) {
    std::size_t last = first + 1;
    while (last < items.size() && items[last].key == items[first].key) ++last;
    const EdgeKey& key = items[first].key;
    const bool co_occurs = key.relation == co_occurs_;
    RelationEdge edge;
    edge.relation = strings_[key.relation];
    edge.from = entity_ids_[key.from];
    edge.to = entity_ids_[items[first].to];
    edge.date = strings_[empty_string_];  // a view of "" with a data pointer, as a std::string had
    dates.clear();
    documents.clear();
    evidence.clear();
    int count = 0;
    for (std::size_t k = first; k < last; ++k) {
      spilled.Next(&pending);  // items[k]'s edge
      dates.insert(dates.end(), pending.dates.begin(), pending.dates.end());
      documents = last - first == 1 ? pending.documents : UnionIds(documents, pending.documents);
      evidence.insert(evidence.end(), pending.evidence.begin(), pending.evidence.end());
      count += pending.count;
    }
    // Dates in byte order, as a std::set<std::string> held them: of dates
    // that compare equal as values, the byte-smallest wins.
    std::sort(dates.begin(), dates.end(),
              [&](std::uint32_t x, std::uint32_t y) { return string_rank[x] < string_rank[y]; });
    dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
    for (const std::uint32_t id : dates) {
      const std::string_view date = strings_[id];
      if (edge.date.empty() || CompareDateValues(date, "", edge.date, "") < 0) edge.date = date;
    }
    edge.weight = count;
    edge.sources = static_cast<int>(documents.size());
    if (!co_occurs || last - first > 1) NormalizeEvidence(&evidence);
    if (co_occurs && evidence.size() > kMaxEvidencePerEdge) evidence.resize(kMaxEvidencePerEdge);
    edge.evidence.reserve(evidence.size());
    for (const PendingEvidence& ev : evidence) {
      edge.evidence.push_back(Evidence{strings_[ev.document], ev.line, texts_[ev.text],
                                       strings_[ev.date], ev.begin, ev.end});
    }
    const Edge added = boost::add_edge(vertex_of[key.a], vertex_of[key.b], graph_).first;
    graph_[added] = std::move(edge);
    edges_.push_back(added);
    first = last;
  }
}

std::optional<Vertex> KnowledgeGraph::FindVertex(std::string_view id) const {
  auto it = index_.find(id);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

std::optional<Vertex> KnowledgeGraph::ResolveVertex(std::string_view id) const {
  if (std::optional<Vertex> v = FindVertex(id)) return v;
  auto it = merged_index_.find(id);
  if (it == merged_index_.end()) return std::nullopt;
  return it->second;
}

const EntityNode* KnowledgeGraph::FindEntity(std::string_view id) const {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &graph_[it->second];
}

std::string_view KnowledgeGraph::LabelOf(std::string_view id) const {
  const EntityNode* node = FindEntity(id);
  return node != nullptr ? std::string_view(node->label) : id;
}

}  // namespace chronograph::graph
