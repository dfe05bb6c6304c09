// chronograph's C++ library, installed as <chronograph/chronograph.h>: the
// extraction engine (extract/), the knowledge graph (graph/), its writers
// (export/) and build's pipeline (app/build_command.h), as the command line
// uses them. Every call reports failure through Status/Result
// (extract/status.h) and throws nothing. Link with chronograph::chronograph
// (find_package(chronograph)).
//
//   auto rules = chronograph::extract::RuleSet::Load("");  // built-in rules
//   auto extractor = chronograph::extract::Extractor::Create(rules.value());
//   auto doc = chronograph::extract::MakeDocument("talk.txt", text);
//   chronograph::extract::ExtractionResult r = extractor.value()->Extract(doc.value());
#ifndef CHRONOGRAPH_CHRONOGRAPH_H_
#define CHRONOGRAPH_CHRONOGRAPH_H_

#include "app/build_command.h"
#include "extract/document.h"
#include "extract/extraction.h"
#include "extract/extractor.h"
#include "extract/rule_set.h"
#include "extract/status.h"
#include "graph/knowledge_graph.h"

namespace chronograph {

// The library's version, "MAJOR.MINOR.PATCH" (what `chronograph --version` prints).
const char* Version();

}  // namespace chronograph

#endif  // CHRONOGRAPH_CHRONOGRAPH_H_
