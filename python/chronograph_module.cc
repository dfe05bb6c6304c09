// The Python module `chronograph` (pybind11): the extraction engine and
// build's pipeline, called from Python without files in between.
//
//   extract(text, date=None, lang=None, rules=None, ...) -> dict
//     One document's entities (distinct), mentions, dates, events,
//     relations and sentences as plain dicts and lists. Every place has
//     line, begin and end (indexes into `text`: characters of a str, bytes
//     of a bytes) and byte_begin/byte_end (UTF-8 byte offsets, as
//     extraction.json gives them).
//   build(paths, out=None, date=None, ...) -> networkx.MultiDiGraph
//     build's pipeline (app/build_command.h): node and edge attributes are
//     graph.graphml's, read back from its text, so the two never differ;
//     with `out`, every output file is written there as the CLI writes it.
//
// Both run with the GIL released, so Python threads extract in parallel.
// A failure raises chronograph.Error (a subclass per Status code, each also
// a ValueError or OSError) whose message is the CLI's "error:" text.
// Rule sets are compiled once per (rules, lang) and shared by later calls.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "app/build_command.h"
#include "app/corpus_sink.h"
#include "export/gephi_drawing.h"
#include "export/graphml_reader.h"
#include "export/graphml_writer.h"
#include "extract/document.h"
#include "extract/extraction.h"
#include "extract/extractor.h"
#include "extract/relative_dates.h"
#include "extract/rule_set.h"
#include "extract/status.h"

#ifndef CHRONOGRAPH_VERSION
#define CHRONOGRAPH_VERSION "0.0.0"
#endif

namespace py = pybind11;

namespace chronograph::python {
namespace {

// --- Errors ----------------------------------------------------------------

// Thrown with the GIL held or not; the translator below turns it into the
// Python exception of its code.
struct StatusError {
  Status status;
};

// The exception classes; created once at import and kept for the process.
PyObject* error_base = nullptr;
PyObject* error_by_code[5] = {};

PyObject* NewError(py::module_& m, const char* name, PyObject* bases, const char* doc) {
  const std::string qualified = std::string("chronograph.") + name;
  PyObject* type = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, bases, nullptr);
  if (type == nullptr) throw py::error_already_set();
  m.add_object(name, py::reinterpret_borrow<py::object>(type));
  return type;
}

void DefineErrors(py::module_& m) {
  error_base = NewError(m, "Error", PyExc_Exception, "Any chronograph failure; the message is the CLI's.");
  auto with = [](PyObject* other) {
    return py::reinterpret_steal<py::object>(PyTuple_Pack(2, error_base, other)).release().ptr();
  };
  using Code = Status::Code;
  error_by_code[static_cast<int>(Code::kInvalidInput)] = NewError(
      m, "InvalidInputError", with(PyExc_ValueError), "An input that cannot be read (the CLI's exit code 1).");
  error_by_code[static_cast<int>(Code::kInvalidRule)] = NewError(
      m, "RuleError", with(PyExc_ValueError), "A rule file that does not load: \"path:line:column: reason\".");
  error_by_code[static_cast<int>(Code::kUsage)] =
      NewError(m, "UsageError", with(PyExc_ValueError), "A bad argument (the CLI's exit code 2).");
  error_by_code[static_cast<int>(Code::kIoError)] =
      NewError(m, "IOError", with(PyExc_OSError), "A file that cannot be read or written.");
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const StatusError& e) {
      PyObject* type = error_by_code[static_cast<int>(e.status.code())];
      PyErr_SetString(type != nullptr ? type : error_base, e.status.message().c_str());
    }
  });
}

template <typename T>
T Take(Result<T> result) {
  if (!result.ok()) throw StatusError{result.status()};
  return result.take();
}

void Check(const Status& status) {
  if (!status.ok()) throw StatusError{status};
}

// --- Rules -----------------------------------------------------------------

// Extractors by (lang, content of every rule file): a changed overlay on
// disk is a new key, so it is never served stale.
std::mutex extractors_mutex;
std::map<std::string, std::shared_ptr<const extract::Extractor>> extractors;
constexpr std::size_t kMaxCachedExtractors = 8;

// The first directory of a rule file's relative path: "common", "en", "zh".
std::string TopDirectory(const std::string& path) { return path.substr(0, path.find('/')); }

// Rules load exactly as the CLI loads them (RuleSet::Load, whose messages
// name overlay files as the user wrote them); `lang` then keeps common/ and
// that language's directory only.
std::shared_ptr<const extract::Extractor> GetExtractor(const std::string& rules_dir, const std::string& lang) {
  std::map<std::string, std::string> files = Take(extract::RuleSet::CollectFiles(rules_dir));
  std::size_t hash = std::hash<std::string>{}(lang);
  for (const auto& [path, content] : files) {
    hash = hash * 1000003u ^ std::hash<std::string>{}(path);
    hash = hash * 1000003u ^ std::hash<std::string>{}(content);
  }
  const std::string key = lang + '\n' + std::to_string(hash) + '\n' + std::to_string(files.size());
  std::lock_guard<std::mutex> lock(extractors_mutex);  // one load at a time; later calls share it
  if (auto it = extractors.find(key); it != extractors.end()) return it->second;
  std::shared_ptr<const extract::RuleSet> rules = Take(extract::RuleSet::Load(rules_dir));
  if (!lang.empty()) {
    std::map<std::string, std::string> kept;
    std::string known;
    for (const auto& [path, content] : files) {
      const std::string top = TopDirectory(path);
      if (top == "common" || top == lang) kept.emplace(path, content);
      if (top != "common" && path.find('/') != std::string::npos && known.find(" " + top + ",") == std::string::npos) {
        known += " " + top + ",";
      }
    }
    if (known.find(" " + lang + ",") == std::string::npos) {
      if (!known.empty()) known.pop_back();
      throw StatusError{Status::Usage("lang: no rules for language '" + lang + "' (rules have:" + known + ")")};
    }
    rules = Take(extract::RuleSet::FromFiles(kept));
  }
  std::shared_ptr<const extract::Extractor> extractor = Take(extract::Extractor::Create(rules));
  if (extractors.size() >= kMaxCachedExtractors) extractors.clear();
  extractors.emplace(key, extractor);
  return extractor;
}

std::string OptionalString(const py::object& value, const char* name) {
  if (value.is_none()) return "";
  if (!py::isinstance<py::str>(value)) {
    throw py::type_error(std::string(name) + " must be a str or None, not " +
                         py::str(py::type::of(value).attr("__name__")).cast<std::string>());
  }
  return value.cast<std::string>();
}

// str, bytes or os.PathLike -> a path string (os.fspath; a str as UTF-8).
std::string PathString(const py::handle& value) {
  return py::module_::import("os").attr("fspath")(value).cast<std::string>();
}

std::string CheckedDate(const py::object& date) {
  std::string value = OptionalString(date, "date");
  if (!value.empty() && !extract::IsCalendarDate(value)) {
    throw StatusError{Status::Usage("date: not a calendar date YYYY-MM-DD: " + value)};
  }
  return value;
}

// --- extract() ---------------------------------------------------------------

// Maps a document's byte offsets to indexes into what the caller passed.
struct Offsets {
  bool characters = false;         // a str: count code points
  std::size_t bom = 0;             // bytes of a BOM the document dropped
  std::vector<std::uint32_t> chars;  // code points before each byte (str only)

  std::size_t Index(std::size_t byte) const {
    const std::size_t at = byte + bom;
    if (!characters) return at;
    return at < chars.size() ? chars[at] : chars.empty() ? 0 : chars.back();
  }
};

Offsets MakeOffsets(const std::string& bytes, bool characters, std::size_t bom) {
  Offsets offsets;
  offsets.characters = characters;
  offsets.bom = bom;
  if (!characters) return offsets;
  offsets.chars.resize(bytes.size() + 1);
  std::uint32_t count = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    offsets.chars[i] = count;
    if ((static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80) ++count;
  }
  offsets.chars[bytes.size()] = count;
  return offsets;
}

void AddPlace(py::dict& d, const extract::SourceRef& s, const Offsets& offsets) {
  d["line"] = s.line;
  d["begin"] = offsets.Index(s.begin);
  d["end"] = offsets.Index(s.end);
  d["byte_begin"] = s.begin;
  d["byte_end"] = s.end;
}

py::dict ToPython(const extract::ExtractionResult& r, const Offsets& offsets, const std::string& repairs) {
  py::dict out;
  out["document"] = r.document;
  out["reference_date"] = r.reference_date.empty() ? py::object(py::none()) : py::str(r.reference_date);
  out["reference_date_origin"] =
      r.reference_date_origin.empty() ? py::object(py::none()) : py::str(r.reference_date_origin);

  py::list entities, mentions;
  std::map<std::string, std::size_t> entity_index;  // id -> position in entities
  for (const extract::Mention& m : r.mentions) {
    auto [it, inserted] = entity_index.emplace(m.entity_id, entity_index.size());
    if (inserted) {
      py::dict e;
      e["id"] = m.entity_id;
      e["label"] = m.canonical;
      e["type"] = m.type;
      e["wikidata"] = m.wikidata.empty() ? py::object(py::none()) : py::str(m.wikidata);
      e["mentions"] = 0;
      entities.append(e);
    }
    py::dict e = entities[it->second];
    e["mentions"] = e["mentions"].cast<int>() + 1;
    py::dict d;
    d["entity"] = m.entity_id;
    d["label"] = m.canonical;
    d["type"] = m.type;
    d["text"] = m.surface;
    d["sentence"] = m.sentence;
    AddPlace(d, m.source, offsets);
    d["rule"] = m.rule_id;
    mentions.append(d);
  }
  out["entities"] = entities;
  out["mentions"] = mentions;

  py::list dates;
  for (const extract::DateMention& m : r.dates) {
    py::dict d;
    d["text"] = m.text;
    d["value"] = m.value;
    d["mod"] = m.mod;
    d["kind"] = m.kind;
    d["anchor"] = m.anchor;
    d["sentence"] = m.sentence;
    AddPlace(d, m.source, offsets);
    d["rule"] = m.rule_id;
    dates.append(d);
  }
  out["dates"] = dates;

  py::list events;
  for (const extract::Event& e : r.events) {
    py::dict d;
    d["date"] = e.date;
    d["mod"] = e.mod;
    d["date_text"] = e.date_text;
    d["entities"] = e.entity_ids;
    d["text"] = e.text;
    AddPlace(d, e.source, offsets);
    py::list relations;
    for (const extract::Event::StatedRelation& s : e.relations) {
      py::dict rel;
      rel["type"] = s.type;
      rel["from"] = s.from_id;
      rel["to"] = s.to_id;
      relations.append(rel);
    }
    d["relations"] = relations;
    events.append(d);
  }
  out["events"] = events;

  py::list relations;
  for (const extract::Relation& rel : r.relations) {
    py::dict d;
    d["type"] = rel.type;
    d["from"] = rel.from_id;
    d["to"] = rel.to_id;
    d["date"] = rel.date.empty() ? py::object(py::none()) : py::str(rel.date);
    d["evidence"] = rel.evidence;
    AddPlace(d, rel.source, offsets);
    d["rule"] = rel.rule_id;
    relations.append(d);
  }
  out["relations"] = relations;

  py::list sentences;
  for (std::size_t i = 0; i < r.sentences.size(); ++i) {
    py::dict d;
    d["text"] = i < r.sentence_texts.size() ? r.sentence_texts[i] : std::string();
    AddPlace(d, r.sentences[i], offsets);
    sentences.append(d);
  }
  out["sentences"] = sentences;
  py::list warnings;
  if (!repairs.empty()) warnings.append(repairs);
  out["warnings"] = warnings;
  return out;
}

py::dict Extract(const py::object& text, const py::object& date, const py::object& lang, const py::object& rules,
                 const std::string& name, const std::string& date_order) {
  const bool characters = py::isinstance<py::str>(text);
  if (!characters && !py::isinstance<py::bytes>(text)) {
    throw py::type_error("text must be a str or bytes, not " +
                         py::str(py::type::of(text).attr("__name__")).cast<std::string>());
  }
  std::string bytes = text.cast<std::string>();  // a str as UTF-8
  const std::string reference_date = CheckedDate(date);
  const std::string language = OptionalString(lang, "lang");
  const std::string rules_dir = rules.is_none() ? "" : PathString(rules);
  if (date_order != "mdy" && date_order != "dmy") {
    throw StatusError{Status::Usage("date_order: " + date_order + " not in {mdy, dmy}")};
  }

  extract::ExtractionResult result;
  Offsets offsets;
  std::string repairs;
  {
    py::gil_scoped_release released;
    std::shared_ptr<const extract::Extractor> extractor = GetExtractor(rules_dir, language);
    extract::Document document = Take(extract::MakeDocument(name, bytes));
    extract::ExtractOptions options;
    options.reference_date = reference_date;
    options.date_order = date_order == "dmy" ? extract::DateOrder::kDayFirst : extract::DateOrder::kMonthFirst;
    result = extractor->Extract(document, options);
    offsets = MakeOffsets(bytes, characters, document.bom_bytes);
    repairs = document.repairs;
  }
  return ToPython(result, offsets, repairs);
}

// --- build() -----------------------------------------------------------------

// A GraphML value as networkx.read_graphml types it.
py::object Typed(const std::string& type, const std::string& text) {
  if (type == "int" || type == "long") {
    PyObject* value = PyLong_FromString(text.c_str(), nullptr, 10);
    if (value != nullptr) return py::reinterpret_steal<py::object>(value);
    PyErr_Clear();
  } else if (type == "double" || type == "float") {
    PyObject* value = PyFloat_FromString(py::str(text).ptr());
    if (value != nullptr) return py::reinterpret_steal<py::object>(value);
    PyErr_Clear();
  } else if (type == "boolean") {
    return py::bool_(text == "true" || text == "1" || text == "True");
  }
  return py::str(text);
}

py::object ToNetworkx(const exporters::GraphmlData& data, const app::BuildSummary& summary) {
  std::map<std::string, std::string> node_types, edge_types;
  for (const exporters::GraphmlKey& k : data.keys) {
    if (k.domain == "node" || k.domain == "all") node_types[k.name] = k.type;
    if (k.domain == "edge" || k.domain == "all") edge_types[k.name] = k.type;
  }
  std::vector<std::string> ids(boost::num_vertices(data.graph));
  for (const auto& [id, v] : data.index) ids[v] = id;

  py::object graph = py::module_::import("networkx").attr("MultiDiGraph")();
  py::object add_node = graph.attr("add_node");
  py::object add_edge = graph.attr("add_edge");
  for (std::size_t v = 0; v < ids.size(); ++v) {
    py::dict attrs;
    for (const auto& [name, text] : data.node_data[v]) attrs[py::str(name)] = Typed(node_types[name], text);
    add_node(ids[v], **attrs);
  }
  const std::vector<graph::Edge> edges = data.Edges();
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const std::map<std::string, std::string>& fields = data.edge_data[i];
    py::dict attrs;
    for (const auto& [name, text] : fields) attrs[py::str(name)] = Typed(edge_types[name], text);
    // Directed as the relation reads (from -> to); the file itself is
    // undirected. Keys are the file's edge ids.
    auto from = fields.find("from");
    auto to = fields.find("to");
    const std::string& u = from != fields.end() ? from->second : ids[boost::source(edges[i], data.graph)];
    const std::string& w = to != fields.end() ? to->second : ids[boost::target(edges[i], data.graph)];
    add_edge(u, w, "e" + std::to_string(i), **attrs);
  }
  graph.attr("graph")["repaired_documents"] = summary.repaired;
  graph.attr("graph")["skipped_documents"] = summary.skipped;
  return graph;
}

py::object Build(const py::object& paths, const py::object& out, const py::object& date, const py::object& rules,
                 unsigned threads, bool layout, bool quiet) {
  app::BuildOptions options;
  if (py::isinstance<py::str>(paths) || py::isinstance<py::bytes>(paths) ||
      py::hasattr(paths, "__fspath__")) {
    options.inputs.push_back(PathString(paths));
  } else {
    for (const py::handle& p : paths) options.inputs.push_back(PathString(p));
  }
  if (options.inputs.empty()) throw StatusError{Status::Usage("build needs at least one input path")};
  options.out_dir = out.is_none() ? "" : PathString(out);
  options.reference_date = CheckedDate(date);
  options.rules_dir = rules.is_none() ? "" : PathString(rules);
  options.threads = threads;
  options.layout = layout;
  options.quiet = quiet;
  options.chronograph_version = CHRONOGRAPH_VERSION;

  exporters::GraphmlData data;
  app::BuildSummary summary;
  {
    py::gil_scoped_release released;
    std::unique_ptr<app::CorpusSink> corpus;
    Check(app::BuildCorpus(options, &corpus, &summary));
    if (!options.out_dir.empty()) {
      Check(app::WriteOutputs(corpus->graph(), corpus->extractions(), options, 0));
      data = Take(exporters::ReadGraphml(options.out_dir + "/graph.graphml"));
    } else {
      exporters::DrawingOptions drawing;
      drawing.layout = layout;
      std::ostringstream graphml;
      Check(exporters::WriteGraphml(corpus->graph(), exporters::ComputeGephiDrawing(corpus->graph(), drawing),
                                    graphml));
      data = Take(exporters::ReadGraphmlText(graphml.str(), "graph.graphml"));
    }
  }
  return ToNetworkx(data, summary);
}

}  // namespace
}  // namespace chronograph::python

PYBIND11_MODULE(chronograph, m) {
  using namespace chronograph::python;
  m.doc() = "chronograph: entities, dates, events and relations from AI-history text, and their knowledge graph.";
  m.attr("__version__") = CHRONOGRAPH_VERSION;
  DefineErrors(m);
  m.def("extract", &Extract, py::arg("text"), py::arg("date") = py::none(), py::arg("lang") = py::none(),
        py::arg("rules") = py::none(), py::kw_only(), py::arg("name") = "<string>", py::arg("date_order") = "mdy",
        R"(Extract one document.

text: str (places count characters) or bytes (places count bytes; the
  encoding is detected as for files). date: "YYYY-MM-DD", what relative
  dates count from (default: the text's own, as the CLI). lang: "en" or
  "zh" to use only that language's rules (with the common ones); default
  both. rules: a directory overlaying the built-in rules (build --rules).
name: the document name recorded in places. date_order: "mdy" or "dmy".

Returns a dict: document, reference_date, reference_date_origin, entities,
mentions, dates, events, relations, sentences, warnings. The GIL is
released while extracting.)");
  m.def("build", &Build, py::arg("paths"), py::arg("out") = py::none(), py::arg("date") = py::none(), py::kw_only(),
        py::arg("rules") = py::none(), py::arg("threads") = 0u, py::arg("layout") = true, py::arg("quiet") = true,
        R"(Build the knowledge graph of files and directories (as `chronograph build`).

paths: a path or a list of paths (directories are searched for .txt/.md).
out: when given, every output file is written there, as the CLI does.
date: reference date of every input. rules: an overlay directory.
threads: documents extracted at once (0: every core). layout: node x/y.
quiet: no summary on stderr (warnings still go there).

Returns a networkx.MultiDiGraph whose node and edge attributes are those of
graph.graphml; edges run from -> to and are keyed by GraphML edge id.
graph.graph holds repaired_documents and skipped_documents.)");
}
