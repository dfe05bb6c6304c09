// The extraction data model: what the extract stage hands to the graph stage.
// Everything is plain data with offsets into the ORIGINAL document bytes
// (never the normalised copy), so a fact can always be shown where it was
// read. Entity ids are stable slugs of the canonical name (see EntityId).
#ifndef CHRONOGRAPH_EXTRACT_EXTRACTION_H_
#define CHRONOGRAPH_EXTRACT_EXTRACTION_H_

#include <cstddef>
#include <string>
#include <vector>

namespace chronograph::extract {

// Where a fact was read: document (as given on the command line), 1-based
// line, and the byte span [begin, end) in the original text.
struct SourceRef {
  std::string document;
  int line = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
};

// One occurrence of an entity in the text.
struct Mention {
  std::string entity_id;  // stable slug, e.g. "geoffrey-hinton"
  std::string canonical;  // display name, e.g. "Geoffrey Hinton"
  std::string type;       // PERSON, ORG, MODEL, PRODUCT, DATASET, EVENT, WORK, CONCEPT, LOCATION, ...
  std::string surface;    // the text as written, e.g. "Jeff Hinton"
  int sentence = 0;       // index into the document's sentences
  SourceRef source;
  std::string rule_id;    // gazetteer file or pattern rule that found it
  std::string wikidata;   // "Q..." when the gazetteer entry gives one, else ""
};

// One temporal expression with its TIMEX3-style value.
struct DateMention {
  std::string text;   // as written (original bytes), e.g. "2016 年初"
  std::string value;  // "2012", "2012-09", "2016-Q1", "2002/2003", "201X", "P10Y"
  std::string mod;    // "", "START", "MID", "END"
  std::string kind;   // "date", "interval", "duration", "anaphoric", "relative"
  int sentence = 0;
  SourceRef source;
  std::string rule_id;
  // kind "relative": what the value was counted from, e.g. "reference date
  // 2023-03-15", "previous date 2012", "GPT-4 released=2023-03-14 (source: ...)".
  std::string anchor;
};

// A dated statement: a date and the entities the statement names.
struct Event {
  std::string date;       // a date value (never a duration)
  std::string mod;
  std::string date_text;  // the date as written
  std::vector<std::string> entity_ids;  // sorted, unique
  std::string text;       // the sentence the event was read from (original bytes)
  SourceRef source;
  // Typed relations its sentence states that name one of its entities (the
  // facts this date dates), in the order they were found.
  struct StatedRelation {
    std::string type;
    std::string from_id;
    std::string to_id;
  };
  std::vector<StatedRelation> relations;
};

// A typed, directed relation stated by a rule ("created", "founded", ...).
struct Relation {
  std::string type;
  std::string from_id;
  std::string to_id;
  std::string date;      // "" when the sentence states none
  std::string evidence;  // the sentence (original bytes)
  SourceRef source;
  std::string rule_id;
};

// Everything read from one document.
struct ExtractionResult {
  std::string document;
  // ContentHash (content_hash.h) of the document's text: with the name, what
  // identifies a document when runs are merged (a document given twice
  // counts once; two different texts under one name count as two).
  std::string content_hash;
  std::vector<SourceRef> sentences;  // every sentence's place; Mention::sentence indexes it
  std::vector<std::string> sentence_texts;  // the same sentences, original bytes
  std::vector<Mention> mentions;  // in text order
  std::vector<DateMention> dates; // in text order
  std::vector<Event> events;      // in text order
  std::vector<Relation> relations;
  // The document's reference date ("YYYY-MM-DD", "" if none) that relative
  // dates were resolved against, and where it came from: "flag" (--date),
  // "front matter", "header" or "anchor" (see reference_date.h).
  std::string reference_date;
  std::string reference_date_origin;
  // Sentences longer than kMaxSentenceBytes (sentences.h) that were cut, and
  // the line of the first; for --verbose, not part of any output file.
  std::size_t sentences_cut = 0;
  int first_cut_line = 0;
};

// The stable id of an entity: lower-case ASCII letters and digits of the
// canonical name joined by '-', other characters (CJK) kept as they are.
// "Geoffrey Hinton" -> "geoffrey-hinton", "GPT-3.5" -> "gpt-3-5".
std::string EntityId(const std::string& canonical);

}  // namespace chronograph::extract

#endif  // CHRONOGRAPH_EXTRACT_EXTRACTION_H_
