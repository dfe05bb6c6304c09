#include "graph/knowledge_graph.h"

#include <algorithm>
#include <string_view>
#include <utility>
#include <functional>

#include "graph/external_sort.h"
#include "graph/timeline.h"

namespace chronograph::graph {
namespace {

const std::string& DocumentOf(const extract::SourceRef& source, const std::string& fallback) {
  return source.document.empty() ? fallback : source.document;
}

// The text of the sentence spanning [begin, end) of `result`, taken from an
// event or a relation whose source span covers it (the extraction model
// carries sentence text only there). "" when none does.
std::string SentenceText(const extract::ExtractionResult& result, int sentence, std::size_t begin,
                         std::size_t end) {
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

KnowledgeGraph::KnowledgeGraph(const std::string& spill_dir)
    : pending_dates_(spill_dir), pending_events_(spill_dir), dates_(spill_dir), events_(spill_dir) {}

KnowledgeGraph::PendingEntity& KnowledgeGraph::Entity(const std::string& id) {
  return pending_entities_[id];
}

void KnowledgeGraph::AddEdge(const std::string& a, const std::string& b,
                             const std::string& relation, const std::string& from,
                             const std::string& to, const std::string& date,
                             const Evidence& evidence) {
  const bool ordered = a < b;
  EdgeKey key{ordered ? a : b, ordered ? b : a, relation, from};
  PendingEdge& edge = pending_edges_[key];
  edge.from = from;
  edge.to = to;
  if (!date.empty()) edge.dates.insert(date);
  ++edge.count;
  edge.documents.insert(evidence.document);
  // Keep the smallest evidences: the same set whatever the Add order. A full
  // co_occurs set is checked before inserting, so that a sentence that would
  // be dropped again is never copied.
  if (relation == kCoOccurs && edge.evidence.size() >= kMaxEvidencePerEdge &&
      !(evidence < *std::prev(edge.evidence.end()))) {
    return;
  }
  edge.evidence.insert(evidence);
  if (relation == kCoOccurs && edge.evidence.size() > kMaxEvidencePerEdge) {
    edge.evidence.erase(std::prev(edge.evidence.end()));
  }
}

void KnowledgeGraph::Add(const extract::ExtractionResult& result) {
  // Mentions, grouped by sentence for co-occurrence.
  std::map<int, std::vector<const extract::Mention*>> by_sentence;
  for (const extract::Mention& m : result.mentions) {
    if (m.entity_id.empty()) continue;
    PendingEntity& entity = Entity(m.entity_id);
    ++entity.names[{m.canonical, m.type}];
    if (!m.surface.empty()) entity.surfaces.insert(m.surface);
    ++entity.mentions;
    entity.documents.insert(DocumentOf(m.source, result.document));
    if (!m.wikidata.empty()) ++entity.wikidata[m.wikidata];
    by_sentence[m.sentence].push_back(&m);
  }
  for (auto& [sentence, mentions] : by_sentence) {
    std::set<std::string_view> ids;
    std::size_t begin = mentions.front()->source.begin, end = mentions.front()->source.end;
    int line = mentions.front()->source.line;
    for (const extract::Mention* m : mentions) {
      ids.insert(m->entity_id);
      begin = std::min(begin, m->source.begin);
      end = std::max(end, m->source.end);
      line = std::min(line, m->source.line);
    }
    if (ids.size() < 2) continue;
    const std::string& document = DocumentOf(mentions.front()->source, result.document);
    // Pairs within the window (kCoOccurrenceWindow), each once per sentence:
    // at most kCoOccurrenceWindow per mention, so linear in the mentions.
    std::stable_sort(mentions.begin(), mentions.end(), [](const extract::Mention* a, const extract::Mention* b) {
      return a->source.begin < b->source.begin;
    });
    // Right to left, `next` holds the distinct entities after mention i,
    // nearest first; kCoOccurrenceWindow + 1 of them are enough for any
    // mention to its left, whatever its own entity. O(mentions * window),
    // even when a few entities are named over and over.
    std::set<std::pair<std::string_view, std::string_view>> pairs;
    std::vector<std::string_view> next;
    for (std::size_t i = mentions.size(); i-- > 0;) {
      const std::string_view a = mentions[i]->entity_id;
      std::size_t linked = 0;
      for (const std::string_view b : next) {
        if (b == a) continue;
        if (linked++ == kCoOccurrenceWindow) break;
        pairs.emplace(std::min(a, b), std::max(a, b));
      }
      next.erase(std::remove(next.begin(), next.end(), a), next.end());
      next.insert(next.begin(), a);
      if (next.size() > kCoOccurrenceWindow + 1) next.pop_back();
    }
    // One Evidence per sentence; AddEdge copies it only into edges that keep it.
    const Evidence evidence{document, line,
                            SentenceText(result, sentence, begin, end), "", 0, 0};
    for (const auto& [a, b] : pairs) {
      const std::string from(a), to(b);
      AddEdge(from, to, kCoOccurs, from, to, "", evidence);
    }
  }
  for (const extract::Relation& r : result.relations) {
    if (r.from_id.empty() || r.to_id.empty() || r.from_id == r.to_id || r.type.empty()) continue;
    const std::string& document = DocumentOf(r.source, result.document);
    Entity(r.from_id).documents.insert(document);
    Entity(r.to_id).documents.insert(document);
    AddEdge(r.from_id, r.to_id, r.type, r.from_id, r.to_id, r.date,
            Evidence{document, r.source.line, r.evidence, r.date, r.source.begin, r.source.end});
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
      if (!id.empty()) Entity(id).documents.insert(event.source.document);
    }
    event.entity_ids.erase(std::remove(event.entity_ids.begin(), event.entity_ids.end(), ""),
                           event.entity_ids.end());
    pending_events_.Append(event);
  }
}

std::map<std::string, std::string> KnowledgeGraph::WikidataMerges() const {
  // Q id -> (mentions, id) of every entity carrying it; an entity carries
  // the Q id most of its mentions carry (ties: the smallest).
  std::map<std::string, std::vector<std::pair<int, std::string>>> by_qid;
  for (const auto& [id, pending] : pending_entities_) {
    const std::pair<const std::string, int>* best = nullptr;
    for (const auto& q : pending.wikidata) {
      if (best == nullptr || q.second > best->second) best = &q;
    }
    if (best != nullptr) by_qid[best->first].push_back({pending.mentions, id});
  }
  std::map<std::string, std::string> merged_into;
  for (const auto& [qid, ids] : by_qid) {
    if (ids.size() < 2) continue;
    const auto keep = std::min_element(ids.begin(), ids.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    for (const auto& [mentions, id] : ids) {
      if (id != keep->second) merged_into[id] = keep->second;
    }
  }
  return merged_into;
}

void KnowledgeGraph::PrepareConcurrentReads() const {
  // A read flushes the file's write buffer, the one thing a read changes.
  if (!dates_.empty()) (void)dates_[0];
  if (!events_.empty()) (void)events_[0];
}

void KnowledgeGraph::Finalize() {
  graph_ = Graph();
  edges_.clear();
  index_.clear();

  // Entities that share a Wikidata id: merged copies of the pending data
  // (only built when needed; the pending data stays as added, so that Add
  // after Finalize still works).
  const std::map<std::string, std::string> merged_into = WikidataMerges();
  auto resolve = [&merged_into](const std::string& id) -> const std::string& {
    const auto it = merged_into.find(id);
    return it == merged_into.end() ? id : it->second;
  };
  const std::map<std::string, PendingEntity>* entities = &pending_entities_;
  const std::map<EdgeKey, PendingEdge>* pending_edges = &pending_edges_;
  std::map<std::string, PendingEntity> merged_entities;
  std::map<EdgeKey, PendingEdge> merged_edges;
  if (!merged_into.empty()) {
    for (const auto& [id, pending] : pending_entities_) {
      PendingEntity& into = merged_entities[resolve(id)];
      for (const auto& [name, count] : pending.names) into.names[name] += count;
      into.surfaces.insert(pending.surfaces.begin(), pending.surfaces.end());
      into.mentions += pending.mentions;
      into.documents.insert(pending.documents.begin(), pending.documents.end());
      for (const auto& [qid, count] : pending.wikidata) into.wikidata[qid] += count;
    }
    for (const auto& [key, pending] : pending_edges_) {
      const std::string& relation = std::get<2>(key);
      const std::string a = resolve(std::get<0>(key)), b = resolve(std::get<1>(key));
      if (a == b) continue;  // two names of one entity
      const std::string from = relation == kCoOccurs ? std::min(a, b) : resolve(pending.from);
      const std::string to = relation == kCoOccurs ? std::max(a, b) : resolve(pending.to);
      PendingEdge& into = merged_edges[EdgeKey{std::min(a, b), std::max(a, b), relation, from}];
      into.from = from;
      into.to = to;
      into.dates.insert(pending.dates.begin(), pending.dates.end());
      into.count += pending.count;
      into.documents.insert(pending.documents.begin(), pending.documents.end());
      into.evidence.insert(pending.evidence.begin(), pending.evidence.end());
      while (relation == kCoOccurs && into.evidence.size() > kMaxEvidencePerEdge) {
        into.evidence.erase(std::prev(into.evidence.end()));
      }
    }
    entities = &merged_entities;
    pending_edges = &merged_edges;
  }

  // Events and dates: sorted on disk. Equal events keep their Add order
  // (the sort is stable), which std::sort never promised either.
  std::function<void(extract::Event*)> merge_ids;
  if (!merged_into.empty()) {
    merge_ids = [&resolve](extract::Event* event) {
      for (std::string& id : event->entity_ids) id = resolve(id);
      std::sort(event->entity_ids.begin(), event->entity_ids.end());
      event->entity_ids.erase(std::unique(event->entity_ids.begin(), event->entity_ids.end()),
                              event->entity_ids.end());
    };
  }
  events_ = ExternalSort(pending_events_, EventBefore, merge_ids);
  dates_ = ExternalSort(pending_dates_, DateMentionBefore);

  // Vertices in id order: the vecS index is the insertion order.
  for (const auto& [id, pending] : *entities) {
    EntityNode node;
    node.id = id;
    const std::pair<std::string, std::string>* best = nullptr;
    int best_count = -1;
    for (const auto& [name, count] : pending.names) {  // ascending: first max wins ties
      if (count > best_count) {
        best = &name;
        best_count = count;
      }
    }
    node.label = best != nullptr ? best->first : id;
    node.type = best != nullptr && !best->second.empty() ? best->second : kUnknownType;
    node.aliases = pending.surfaces;
    node.aliases.insert(node.label);
    node.mentions = pending.mentions;
    node.documents = pending.documents;
    for (const auto& [qid, count] : pending.wikidata) {  // most mentions, ties to the smallest
      if (node.wikidata.empty() || count > pending.wikidata.at(node.wikidata)) node.wikidata = qid;
    }
    index_.emplace(id, boost::add_vertex(std::move(node), graph_));
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

  for (const auto& [key, pending] : *pending_edges) {
    RelationEdge edge;
    edge.relation = std::get<2>(key);
    edge.from = pending.from;
    edge.to = pending.to;
    for (const std::string& date : pending.dates) {
      if (edge.date.empty() || CompareDateValues(date, "", edge.date, "") < 0) edge.date = date;
    }
    edge.weight = pending.count;
    edge.sources = static_cast<int>(pending.documents.size());
    edge.evidence.assign(pending.evidence.begin(), pending.evidence.end());
    const Vertex u = index_.at(std::get<0>(key));
    const Vertex v = index_.at(std::get<1>(key));
    edges_.push_back(boost::add_edge(u, v, std::move(edge), graph_).first);
  }
}

std::optional<Vertex> KnowledgeGraph::FindVertex(std::string_view id) const {
  auto it = index_.find(id);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

const EntityNode* KnowledgeGraph::FindEntity(std::string_view id) const {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &graph_[it->second];
}

const std::string& KnowledgeGraph::LabelOf(const std::string& id) const {
  const EntityNode* node = FindEntity(id);
  return node != nullptr ? node->label : id;
}

}  // namespace chronograph::graph
