// Synthetic ExtractionResults shared by the graph and exporter tests: two
// documents with CJK labels, a label holding U+0001 and "&<>", an interval,
// a decade, a quarter, a mod, a duration and typed relations. Header-only.
#ifndef CHRONOGRAPH_TESTS_GRAPH_SAMPLE_CORPUS_H_
#define CHRONOGRAPH_TESTS_GRAPH_SAMPLE_CORPUS_H_

#include <string>
#include <vector>

#include "extract/extraction.h"

namespace chronograph::testing {

inline extract::SourceRef Src(const std::string& doc, int line, std::size_t begin,
                              std::size_t end) {
  extract::SourceRef s;
  s.document = doc;
  s.line = line;
  s.begin = begin;
  s.end = end;
  return s;
}

inline extract::Mention MakeMention(const std::string& canonical, const std::string& type,
                                    const std::string& surface, int sentence,
                                    const extract::SourceRef& source) {
  extract::Mention m;
  m.entity_id = extract::EntityId(canonical);
  m.canonical = canonical;
  m.type = type;
  m.surface = surface;
  m.sentence = sentence;
  m.source = source;
  m.rule_id = "test.gazetteer";
  return m;
}

inline extract::DateMention MakeDate(const std::string& text, const std::string& value,
                                     const std::string& mod, const std::string& kind,
                                     int sentence, const extract::SourceRef& source) {
  extract::DateMention d;
  d.text = text;
  d.value = value;
  d.mod = mod;
  d.kind = kind;
  d.sentence = sentence;
  d.source = source;
  d.rule_id = "test.date";
  return d;
}

inline extract::Event MakeEvent(const std::string& date, const std::string& mod,
                                const std::string& date_text,
                                std::vector<std::string> entity_ids, const std::string& text,
                                const extract::SourceRef& source) {
  extract::Event e;
  e.date = date;
  e.mod = mod;
  e.date_text = date_text;
  e.entity_ids = std::move(entity_ids);
  e.text = text;
  e.source = source;
  return e;
}

inline extract::Relation MakeRelation(const std::string& type, const std::string& from,
                                      const std::string& to, const std::string& date,
                                      const std::string& evidence,
                                      const extract::SourceRef& source) {
  extract::Relation r;
  r.type = type;
  r.from_id = from;
  r.to_id = to;
  r.date = date;
  r.evidence = evidence;
  r.source = source;
  r.rule_id = "test.relation";
  return r;
}

// The label with a control character and XML specials; its id is "a-b-c".
inline const std::string kOddLabel = "A\x01" "B & <C>";

inline std::vector<extract::ExtractionResult> SampleCorpus() {
  std::vector<extract::ExtractionResult> docs(2);

  extract::ExtractionResult& talk = docs[0];
  talk.document = "talk.txt";
  const std::string s0 = "2012 年，Ilya Sutskever 与 Geoffrey Hinton 创建了 AlexNet。";
  const std::string s1 = "在 2002 年到 2003 年的那个时候，Ilya 在学习。";
  const std::string s2 = "十年来，黄仁勋把 DGX 送到 OpenAI。";
  const std::string s3 = "201X 年代 " + kOddLabel + " 出现，2016 年初 又更新。";
  // Byte offsets: sentences laid out one per line, 1000 bytes apart.
  talk.mentions = {
      MakeMention("Ilya Sutskever", "PERSON", "Ilya Sutskever", 0, Src("talk.txt", 1, 10, 24)),
      MakeMention("Geoffrey Hinton", "PERSON", "Geoffrey Hinton", 0, Src("talk.txt", 1, 28, 43)),
      MakeMention("AlexNet", "MODEL", "AlexNet", 0, Src("talk.txt", 1, 53, 60)),
      MakeMention("Ilya Sutskever", "PERSON", "Ilya", 1, Src("talk.txt", 2, 1040, 1044)),
      MakeMention("黄仁勋", "PERSON", "黄仁勋", 2, Src("talk.txt", 3, 2012, 2021)),
      MakeMention("DGX", "PRODUCT", "DGX", 2, Src("talk.txt", 3, 2025, 2028)),
      MakeMention("OpenAI", "ORG", "OpenAI", 2, Src("talk.txt", 3, 2035, 2041)),
      MakeMention(kOddLabel, "MODEL", kOddLabel, 3, Src("talk.txt", 4, 3012, 3021)),
  };
  talk.dates = {
      MakeDate("2012 年", "2012", "", "date", 0, Src("talk.txt", 1, 0, 7)),
      MakeDate("2002 年到 2003 年", "2002/2003", "", "interval", 1, Src("talk.txt", 2, 1004, 1027)),
      MakeDate("十年", "P10Y", "", "duration", 2, Src("talk.txt", 3, 2000, 2006)),
      MakeDate("201X 年代", "201X", "", "date", 3, Src("talk.txt", 4, 3000, 3011)),
      MakeDate("2016 年初", "2016", "START", "date", 3, Src("talk.txt", 4, 3030, 3041)),
  };
  talk.events = {
      MakeEvent("2012", "", "2012 年", {"alexnet", "geoffrey-hinton", "ilya-sutskever"}, s0,
                Src("talk.txt", 1, 0, s0.size())),
      MakeEvent("2002/2003", "", "2002 年到 2003 年", {"ilya-sutskever"}, s1,
                Src("talk.txt", 2, 1000, 1000 + s1.size())),
      // A duration-dated "event": the graph must drop it.
      MakeEvent("P10Y", "", "十年", {"dgx", "openai", "黄仁勋"}, s2,
                Src("talk.txt", 3, 2000, 2000 + s2.size())),
      MakeEvent("201X", "", "201X 年代", {"a-b-c"}, s3, Src("talk.txt", 4, 3000, 3000 + s3.size())),
      MakeEvent("2016", "START", "2016 年初", {"a-b-c"}, s3,
                Src("talk.txt", 4, 3000, 3000 + s3.size())),
  };
  talk.relations = {
      MakeRelation("created", "ilya-sutskever", "alexnet", "2012", s0,
                   Src("talk.txt", 1, 0, s0.size())),
      MakeRelation("delivered_to", "黄仁勋", "openai", "", s2,
                   Src("talk.txt", 3, 2000, 2000 + s2.size())),
  };

  extract::ExtractionResult& notes = docs[1];
  notes.document = "notes.md";
  const std::string n0 = "On 2015-12-11 Ilya Sutskever co-founded OpenAI.";
  const std::string n1 = "In 2016-Q1 the DGX-1 shipped.";
  notes.mentions = {
      MakeMention("Ilya Sutskever", "PERSON", "Ilya Sutskever", 0, Src("notes.md", 3, 14, 28)),
      MakeMention("OpenAI", "ORG", "OpenAI", 0, Src("notes.md", 3, 40, 46)),
      MakeMention("DGX", "PRODUCT", "DGX-1", 1, Src("notes.md", 5, 215, 220)),
  };
  notes.dates = {
      MakeDate("2015-12-11", "2015-12-11", "", "date", 0, Src("notes.md", 3, 3, 13)),
      MakeDate("2016-Q1", "2016-Q1", "", "date", 1, Src("notes.md", 5, 203, 210)),
  };
  notes.events = {
      MakeEvent("2015-12-11", "", "2015-12-11", {"ilya-sutskever", "openai"}, n0,
                Src("notes.md", 3, 0, n0.size())),
      MakeEvent("2016-Q1", "", "2016-Q1", {"dgx"}, n1, Src("notes.md", 5, 200, 200 + n1.size())),
  };
  notes.relations = {
      MakeRelation("founded", "ilya-sutskever", "openai", "2015-12-11", n0,
                   Src("notes.md", 3, 0, n0.size())),
  };
  return docs;
}

}  // namespace chronograph::testing

#endif  // CHRONOGRAPH_TESTS_GRAPH_SAMPLE_CORPUS_H_
