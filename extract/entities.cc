#include "extract/entities.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <iterator>
#include <cstdint>
#include <new>
#include <set>
#include <tuple>
#include <unordered_map>

#include <re2/re2.h>

#include "extract/multi_scan.h"
#include "extract/numerals.h"
#include "extract/parallel_parts.h"
#include "extract/parse_number.h"

namespace chronograph::extract {
namespace {

constexpr std::size_t kCaseSensitiveBelow = 4;  // "AI", "GPT", "Bar" must match as written
const char kNameDot[] = "\xC2\xB7";               // '·' after normalisation

bool IsAsciiAlnum(unsigned char c) { return std::isalnum(c) != 0; }

std::size_t Utf8Length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  return 4;
}

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// The RE2 pattern of one alias, flexible where writers vary.
std::string AliasPattern(const std::string& alias) {
  std::string out;
  bool prev_ascii = true, have_prev = false;
  for (std::size_t i = 0; i < alias.size();) {
    const unsigned char c = static_cast<unsigned char>(alias[i]);
    const std::size_t len = std::min(Utf8Length(c), alias.size() - i);
    const std::string ch = alias.substr(i, len);
    const bool ascii = c < 0x80;
    if (ch == " ") {
      const bool next_ascii = i + 1 < alias.size() && static_cast<unsigned char>(alias[i + 1]) < 0x80;
      out += (prev_ascii && next_ascii) ? "(?: +|-)" : " *";  // "mixture of experts" = "mixture-of-experts"
    } else if (ch == "-") {
      out += " *-? *";
    } else if (ch == kNameDot) {
      out += "(?:\xC2\xB7|\\.| )?";
    } else {
      if (have_prev && ascii != prev_ascii && out.back() != '*') out += " *";  // "英伟达DGX" = "英伟达 DGX"
      out += re2::RE2::QuoteMeta(ch);
    }
    if (ch != " ") {
      prev_ascii = ascii;
      have_prev = true;
    }
    i += len;
  }
  return out;
}

// AliasPattern, plus the camel-case split as written: "AlphaZero" also
// matches "Alpha Zero" and "Alpha-Zero", "InstructGPT" "Instruct GPT". The
// split must keep the alias's case ("Open AI" is OpenAI, "open AI" is not).
std::string AliasPatternWithSplits(const std::string& alias, bool exact) {
  std::string split;
  for (std::size_t i = 0; i < alias.size(); ++i) {
    if (i > 0 && alias[i] >= 'A' && alias[i] <= 'Z' && alias[i - 1] >= 'a' && alias[i - 1] <= 'z') split += ' ';
    split += alias[i];
  }
  const std::string pattern = AliasPattern(alias);
  if (split.size() == alias.size()) return pattern;
  return "(?:" + pattern + "|" + (exact ? "(?:" : "(?-i:") + AliasPattern(split) + "))";
}

bool NeedsExactCase(const std::string& alias) { return IsAscii(alias) && alias.size() < kCaseSensitiveBelow; }

// True when [b, e) does not cut a Latin word or number in two.
bool AtWordBoundaries(std::string_view text, std::size_t b, std::size_t e) {
  if (b > 0 && IsAsciiAlnum(static_cast<unsigned char>(text[b])) && IsAsciiAlnum(static_cast<unsigned char>(text[b - 1]))) {
    return false;
  }
  if (e < text.size() && e > 0 && IsAsciiAlnum(static_cast<unsigned char>(text[e - 1])) &&
      IsAsciiAlnum(static_cast<unsigned char>(text[e]))) {
    return false;
  }
  return true;
}

int SentenceAt(const std::vector<Sentence>& sentences, std::size_t offset) {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), offset,
                             [](std::size_t o, const Sentence& s) { return o < s.begin; });
  return it == sentences.begin() ? 0 : static_cast<int>(it - sentences.begin()) - 1;
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '\n') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Fills an entity rule's canonical template ("${family}-${n}") from captures;
// the default is the matched text.
std::string RenderCanonical(const PatternMatch& m, std::string_view text, const std::string& extra_n) {
  const std::string& tmpl = m.rule->value;
  if (tmpl.empty()) return CollapseSpaces(text.substr(m.span.begin, m.span.size()));
  std::string out;
  std::size_t pos = 0;
  while (pos < tmpl.size()) {
    const auto open = tmpl.find("${", pos);
    if (open == std::string::npos) {
      out += tmpl.substr(pos);
      break;
    }
    const auto close = tmpl.find('}', open);
    out += tmpl.substr(pos, open - pos);
    const std::string name = tmpl.substr(open + 2, close - open - 2);
    if (name == "n") {
      out += extra_n;
    } else if (auto it = m.captures.find(name); it != m.captures.end()) {
      out += CollapseSpaces(text.substr(it->second.begin, it->second.size()));
    }
    pos = close + 1;
  }
  return out;
}

// "1、2、3" -> {1,2,3}; with `range` (the rule captured its range word:
// "1 到 3", "1 to 3") -> {1,2,3} (at most 12 numbers).
std::vector<long long> ExpandVersions(std::string_view versions, bool range) {
  std::vector<long long> numbers;
  std::string digits;
  for (std::size_t i = 0; i <= versions.size(); ++i) {
    const char c = i < versions.size() ? versions[i] : ' ';
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digits += c;
      continue;
    }
    // A version number too large for 64 bits is no version: dropped, not thrown.
    if (const auto n = ParseInteger<long long>(digits); n.has_value()) numbers.push_back(*n);
    digits.clear();
  }
  if (range && numbers.size() == 2 && numbers[0] < numbers[1] && numbers[1] - numbers[0] < 12) {
    std::vector<long long> all;
    for (long long v = numbers[0]; v <= numbers[1]; ++v) all.push_back(v);
    return all;
  }
  return numbers;
}

// The text as AliasKey(…, exact_case=true) sees it: spaces, hyphens, line
// breaks and name dots dropped, so that "GPT 4", "GPT-4" and "GPT4" all read
// "GPT4"; origin[i] is the offset in the text of byte i.
struct KeyText {
  std::string text;
  std::vector<std::uint32_t> origin;
};

KeyText ToKeyText(std::string_view text) {
  KeyText out;
  out.text.reserve(text.size());
  out.origin.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' || c == '-' || c == '\n') continue;
    if (c == '.' && i > 0 && i + 1 < text.size() && static_cast<unsigned char>(text[i - 1]) >= 0x80 &&
        static_cast<unsigned char>(text[i + 1]) >= 0x80) {
      continue;
    }
    if (text.substr(i, 2) == kNameDot) {
      ++i;
      continue;
    }
    out.text += c;
    out.origin.push_back(static_cast<std::uint32_t>(i));
  }
  return out;
}

// Every occurrence of every key of short_forms (keys of 3 bytes or more) in
// text, ordered by key (map order), then position: one pass over the text,
// where a search per key would cost keys x text.
using ShortForms = std::map<std::string, std::string>;
struct ShortFormOccurrence {
  ShortForms::const_iterator surname;
  std::size_t rank;  // place of the key in map order
  std::size_t pos;
};
std::vector<ShortFormOccurrence> ShortFormOccurrences(std::string_view text, const ShortForms& short_forms) {
  std::vector<ShortFormOccurrence> found;
  if (short_forms.empty()) return found;
  auto key3 = [](const char* p) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(p[0])) << 16 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(p[1])) << 8 | static_cast<unsigned char>(p[2]);
  };
  std::vector<bool> first_two(1 << 16);  // cheap test before the hash lookup
  std::unordered_map<std::uint32_t, std::vector<std::pair<ShortForms::const_iterator, std::size_t>>> by_prefix;
  std::size_t rank = 0;
  for (auto it = short_forms.begin(); it != short_forms.end(); ++it, ++rank) {
    first_two[key3(it->first.data()) >> 8] = true;
    by_prefix[key3(it->first.data())].emplace_back(it, rank);
  }
  for (std::size_t i = 0; i + 3 <= text.size(); ++i) {
    if (!first_two[key3(text.data() + i) >> 8]) continue;
    const auto bucket = by_prefix.find(key3(text.data() + i));
    if (bucket == by_prefix.end()) continue;
    for (const auto& [surname, r] : bucket->second) {
      if (text.compare(i, surname->first.size(), surname->first) == 0) found.push_back({surname, r, i});
    }
  }
  std::sort(found.begin(), found.end(), [](const ShortFormOccurrence& a, const ShortFormOccurrence& b) {
    return a.rank != b.rank ? a.rank < b.rank : a.pos < b.pos;
  });
  return found;
}

struct Candidate {
  FoundEntity found;
  bool from_gazetteer = false;
  bool weak = false;
  // A span of a "suppress" rule ("最大模型", "三星杯"): no candidate, but every
  // candidate overlapping it, from the gazetteer too, is dropped.
  bool suppress = false;
  const GazetteerEntry* entry = nullptr;
};

}  // namespace

EntityFinder::~EntityFinder() = default;

namespace {

// AliasKey into *key (cleared first), so that lookups can reuse one buffer.
void AliasKeyInto(std::string_view surface, bool exact_case, std::string* key) {
  key->clear();
  for (std::size_t i = 0; i < surface.size(); ++i) {
    const char c = surface[i];
    if (c == ' ' || c == '-' || c == '\n') continue;
    // A '.' between two CJK characters stands for the name dot (伊利亚.苏茨克维).
    if (c == '.' && i > 0 && i + 1 < surface.size() && static_cast<unsigned char>(surface[i - 1]) >= 0x80 &&
        static_cast<unsigned char>(surface[i + 1]) >= 0x80) {
      continue;
    }
    if (surface.substr(i, 2) == kNameDot) {
      ++i;
      continue;
    }
    *key += exact_case || c < 'A' || c > 'Z' ? c : static_cast<char>(c - 'A' + 'a');
  }
}

// True when `span` is `alias` as written (ASCII letters in any case unless
// exact): an alias's pattern accepts its own spelling (AliasPattern), so
// such a hit needs no RE2 run.
bool SpelledAsAlias(std::string_view span, std::string_view alias, bool exact) {
  if (span.size() != alias.size()) return false;
  if (exact) return span == alias;
  for (std::size_t i = 0; i < span.size(); ++i) {
    char a = span[i], b = alias[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
    if (a != b) return false;
  }
  return true;
}

}  // namespace

std::string EntityFinder::AliasKey(std::string_view surface, bool exact_case) {
  std::string key;
  AliasKeyInto(surface, exact_case, &key);
  return key;
}

Result<std::shared_ptr<const EntityFinder>> EntityFinder::Create(std::shared_ptr<const RuleSet> rules) {
  std::shared_ptr<EntityFinder> finder(new EntityFinder(rules));
  std::vector<ScanLiteral> literals;
  for (const GazetteerEntry& entry : rules->gazetteer()) {
    for (const GazetteerAlias& alias : entry.aliases) {
      const bool exact = NeedsExactCase(alias.text);
      re2::RE2::Options options;
      options.set_log_errors(false);
      options.set_case_sensitive(exact);
      auto pattern = std::make_shared<const re2::RE2>(AliasPatternWithSplits(alias.text, exact), options);
      if (!pattern->ok()) {
        return Status::InvalidRule(entry.file + ":" + std::to_string(entry.line) + ": alias '" + alias.text +
                                   "': " + pattern->error());
      }
      // The scan looks for the alias's key (case kept) in the text's key
      // form; the alias's own pattern then checks the spaces and hyphens.
      literals.push_back({AliasKey(alias.text, true), !exact});
      finder->alias_patterns_.push_back({std::move(pattern), exact, alias.text});
      // Aliases that differ only in case (4+ characters), spaces, hyphens or
      // name dots are one alias to the matcher, so they must name one entity.
      auto& keys = exact ? finder->exact_keys_ : finder->folded_keys_;
      const auto [it, inserted] = keys.emplace(AliasKey(alias.text, exact), AliasTarget{&entry, alias.weak});
      if (!inserted && it->second.entry != &entry) {
        return Status::InvalidRule(entry.file + ":" + std::to_string(entry.line) + ": alias '" + alias.text +
                                   "' is read the same as an alias of '" + it->second.entry->canonical + "' (" +
                                   it->second.entry->file + ":" + std::to_string(it->second.entry->line) + ")");
      }
    }
  }
  auto scanner = std::make_shared<MultiScanner>();
  if (!scanner->CompileLiterals(literals)) return Status::InvalidRule("gazetteer: Hyperscan cannot compile the aliases");
  finder->aliases_ = std::move(scanner);
  return std::shared_ptr<const EntityFinder>(std::move(finder));
}

const GazetteerEntry* EntityFinder::Lookup(std::string_view surface) const {
  thread_local std::string key;  // called per name found: no allocation per call
  AliasKeyInto(surface, true, &key);
  if (auto it = exact_keys_.find(key); it != exact_keys_.end() && !it->second.weak) return it->second.entry;
  AliasKeyInto(surface, false, &key);
  if (auto it = folded_keys_.find(key); it != folded_keys_.end() && !it->second.weak) return it->second.entry;
  return nullptr;
}

std::vector<FoundEntity> EntityFinder::Find(std::string_view text, const std::vector<Sentence>& sentences,
                                            double* alias_scan_seconds, unsigned threads) const {
  const auto scan_start = std::chrono::steady_clock::now();
  std::vector<Candidate> candidates;

  // 1. Gazetteer aliases over the whole text, in one pass: at each start
  // position the longest alias of each case class (short Latin aliases
  // match as written, the rest in any case) is a candidate. Every start is
  // tried, not only the ends of earlier matches: a longer alias may start
  // inside a match ("the International Journal of ..." holds the weak "The
  // International" and the journal). Overlaps are settled below, longest first.
  const KeyText keyed = ToKeyText(text);
  struct AliasHit {
    bool any_case;
    std::size_t begin, end;
    unsigned alias;
  };
  std::vector<AliasHit> hits;
  std::string key;  // reused for every hit's AliasKey
  const bool scanned = aliases_->Scan(keyed.text, [&](unsigned id, std::size_t b, std::size_t e) {
    hits.push_back({!alias_patterns_[id].exact, keyed.origin[b], keyed.origin[e - 1] + 1, id});
  });
  if (!scanned) throw std::bad_alloc();  // Hyperscan could not get scratch space
  std::sort(hits.begin(), hits.end(), [](const AliasHit& a, const AliasHit& b) {
    return std::tie(a.any_case, a.begin, b.end, a.alias) < std::tie(b.any_case, b.begin, a.end, b.alias);
  });
  for (std::size_t i = 0; i < hits.size();) {
    // hits[i, group_end): one start and case class, longest first; the first
    // whose spaces and hyphens the alias pattern accepts is the match there.
    std::size_t group_end = i;
    while (group_end < hits.size() && hits[group_end].any_case == hits[i].any_case &&
           hits[group_end].begin == hits[i].begin) {
      ++group_end;
    }
    const AliasHit* match = nullptr;
    for (std::size_t j = i; j < group_end && match == nullptr; ++j) {
      const std::string_view span = text.substr(hits[j].begin, hits[j].end - hits[j].begin);
      const AliasCheck& check = alias_patterns_[hits[j].alias];
      if (SpelledAsAlias(span, check.text, check.exact) ||
          re2::RE2::FullMatch(re2::StringPiece(span.data(), span.size()), *check.pattern)) {
        match = &hits[j];
      }
    }
    i = group_end;
    if (match == nullptr) continue;
    const bool exact = !match->any_case;
    const auto& keys = exact ? exact_keys_ : folded_keys_;
    AliasKeyInto(text.substr(match->begin, match->end - match->begin), exact, &key);
    const auto it = keys.find(key);
    if (it == keys.end() || !AtWordBoundaries(text, match->begin, match->end)) continue;
    Candidate c;
    c.found = {{match->begin, match->end}, it->second.entry->canonical, it->second.entry->type,
               it->second.entry->source,
               SentenceAt(sentences, match->begin)};
    c.from_gazetteer = true;
    c.weak = it->second.weak;
    c.entry = it->second.entry;
    candidates.push_back(std::move(c));
  }
  if (alias_scan_seconds != nullptr) {
    *alias_scan_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - scan_start).count();
  }

  // 2. Pattern rules, sentence by sentence (parts of a long text in parallel).
  auto pattern_candidates = [&](std::size_t first, std::size_t last) {
    std::vector<Candidate> part;
    for (std::size_t s = first; s < last; ++s) {
      const Span sentence{sentences[s].begin, sentences[s].end};
      std::vector<PatternMatch> matches = rules_->entity_index().Run(text, sentence);
      for (const PatternMatch& m : matches) {
        if (!m.rule->suppress) continue;
        Candidate c;
        c.found.span = m.span;
        c.suppress = true;
        part.push_back(std::move(c));
      }
      for (const PatternMatch& m : ResolveOverlaps(std::move(matches))) {
        std::vector<std::string> numbers{""};
        if (m.rule->expand_list) {
          numbers.clear();
          if (auto it = m.captures.find("versions"); it != m.captures.end()) {
            const bool range = m.captures.count("range") > 0;
            for (long long v : ExpandVersions(text.substr(it->second.begin, it->second.size()), range)) {
              numbers.push_back(std::to_string(v));
            }
          }
        }
        for (const std::string& n : numbers) {
          Candidate c;
          c.found = {m.span, RenderCanonical(m, text, n), m.rule->type, m.rule->id,
                     SentenceAt(sentences, m.span.begin)};
          const GazetteerEntry* entry = Lookup(c.found.canonical);
          if (auto base = m.captures.find("base"); !entry && base != m.captures.end()) {
            entry = Lookup(text.substr(base->second.begin, base->second.size()));  // "谷歌公司" is Google
          }
          if (entry) {  // a known entity after all
            c.found.canonical = entry->canonical;
            c.found.type = entry->type;
            c.entry = entry;
          }
          part.push_back(std::move(c));
        }
      }
    }
    return part;
  };
  for (std::vector<Candidate>& part : ParallelParts<std::vector<Candidate>>(
           sentences.size(), threads, [&](std::size_t s) { return sentences[s].end - sentences[s].begin; },
           pattern_candidates)) {
    std::move(part.begin(), part.end(), std::back_inserter(candidates));
  }

  // 3. Suppressed spans drop the gazetteer hits they cut (pattern matches
  // were dropped by ResolveOverlaps already): "三星杯" drops 三星.
  std::vector<Span> spans;
  for (const Candidate& c : candidates) {
    if (c.suppress) spans.push_back(c.found.span);
  }
  const SuppressedSpans suppressed(std::move(spans));
  candidates.erase(std::remove_if(candidates.begin(), candidates.end(),
                                  [&](const Candidate& c) { return c.suppress || suppressed.Cuts(c.found.span); }),
                   candidates.end());

  // 4. Weak aliases need the entity itself or a context entity named by a
  // strong alias somewhere in the document; unlicensed ones must not take
  // part in the overlap contest below.
  std::set<std::string> named;
  for (const Candidate& c : candidates) {
    if (!c.weak) named.insert(c.found.canonical);
  }
  candidates.erase(std::remove_if(candidates.begin(), candidates.end(),
                                  [&](const Candidate& c) {
                                    if (!c.weak) return false;
                                    const auto& ctx = c.entry->context;
                                    return !named.count(c.entry->canonical) &&
                                           std::none_of(ctx.begin(), ctx.end(),
                                                        [&](const std::string& n) { return named.count(n) > 0; });
                                  }),
                   candidates.end());

  // 5. Overlaps: the longest span wins, the gazetteer on ties; matches of
  // one expanded list share their span and are kept together.
  std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.found.span.size() != b.found.span.size()) return a.found.span.size() > b.found.span.size();
    if (a.from_gazetteer != b.from_gazetteer) return a.from_gazetteer;
    return a.found.span.begin < b.found.span.begin;
  });
  std::vector<Candidate> kept;
  DisjointSpans taken;
  std::map<std::pair<std::size_t, std::size_t>, std::string> list_spans;  // span -> rule of an expanded list
  for (Candidate& c : candidates) {
    const std::pair<std::size_t, std::size_t> key{c.found.span.begin, c.found.span.end};
    if (taken.Overlaps(c.found.span)) {
      const auto list = list_spans.find(key);
      const bool same_list = !c.from_gazetteer && list != list_spans.end() && list->second == c.found.rule_id;
      if (!same_list) continue;
    } else {
      taken.Insert(c.found.span);
      if (!c.from_gazetteer) list_spans.emplace(key, c.found.rule_id);
    }
    kept.push_back(std::move(c));
  }

  std::vector<FoundEntity> out;
  for (Candidate& c : kept) out.push_back(std::move(c.found));

  // 6. One name per pattern-found entity: "GPT5", "GPT 5" and "GPT-5" are
  // one model, named by its most spelled-out form (longest, then smallest).
  std::map<std::string, std::string> spelling;  // alias key -> chosen canonical
  for (const FoundEntity& f : out) {
    if (f.rule_id.find(".tsv:") != std::string::npos) continue;
    std::string& chosen = spelling[AliasKey(f.canonical, false)];
    if (chosen.empty() || f.canonical.size() > chosen.size() ||
        (f.canonical.size() == chosen.size() && f.canonical < chosen)) {
      chosen = f.canonical;
    }
  }
  for (FoundEntity& f : out) {
    if (f.rule_id.find(".tsv:") == std::string::npos) f.canonical = spelling[AliasKey(f.canonical, false)];
  }

  // 6b. A name written once with its original ("安德烈·卡帕斯(Andrej
  // Karpathy)") is that entity wherever else the document writes it alone.
  std::map<std::string, std::string, std::less<>> named_as;  // surface -> canonical
  auto surface = [&](const FoundEntity& f) { return std::string_view(text).substr(f.span.begin, f.span.size()); };
  for (const FoundEntity& f : out) {
    if (f.rule_id.find(".tsv:") == std::string::npos && surface(f) != f.canonical) {
      named_as.emplace(surface(f), f.canonical);
    }
  }
  for (FoundEntity& f : out) {
    if (f.rule_id.find(".tsv:") != std::string::npos || surface(f) != f.canonical) continue;
    if (const auto it = named_as.find(surface(f)); it != named_as.end()) f.canonical = it->second;
  }

  // 7. Short forms of pattern-found people: the last part of the name, as
  // the canonical name writes it and as the text did ("卡帕斯" and
  // "Karpathy" of 安德烈·卡帕斯 (Andrej Karpathy)); a Han name whole.
  std::map<std::string, std::string> short_forms;  // surname -> canonical
  auto add_short_form = [&](std::string last, const std::string& canonical) {
    if (auto dot = last.rfind(kNameDot); dot != std::string::npos) {
      last = last.substr(dot + 2);
    } else if (auto space = last.rfind(' '); space != std::string::npos) {
      last = last.substr(space + 1);
    } else if (last.size() < 6 || std::any_of(last.begin(), last.end(), [](char c) { return (c & 0x80) == 0; })) {
      return;  // a Han name of two characters or more is written whole again ("王小明 … 王小明的公司")
    }
    if (last.size() >= 3 && !Lookup(last)) short_forms.emplace(last, canonical);
  };
  for (const FoundEntity& f : out) {
    if (f.type != "PERSON" || f.rule_id.find(".tsv:") != std::string::npos) continue;
    add_short_form(f.canonical, f.canonical);
    if (surface(f) != f.canonical) add_short_form(std::string(surface(f)), f.canonical);
  }
  DisjointSpans found_spans;
  for (const FoundEntity& f : out) {
    if (!found_spans.Overlaps(f.span)) found_spans.Insert(f.span);
  }
  std::vector<FoundEntity> extra;
  for (const auto& [surname, rank, pos] : ShortFormOccurrences(text, short_forms)) {
    const Span span{pos, pos + surname->first.size()};
    if (!AtWordBoundaries(text, span.begin, span.end)) continue;
    if (found_spans.Overlaps(span)) continue;
    found_spans.Insert(span);
    extra.push_back({span, surname->second, "PERSON", "coref.short_form", SentenceAt(sentences, pos)});
  }
  out.insert(out.end(), extra.begin(), extra.end());
  std::sort(out.begin(), out.end(), [](const FoundEntity& a, const FoundEntity& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.canonical < b.canonical;
  });
  return out;
}

}  // namespace chronograph::extract
