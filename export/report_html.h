// report.html: one self-contained page to look at a corpus, opened from
// disk with no network. An interactive timeline of every dated event
// (vis-timeline, the items of vis-timeline.json), the graph (vis-network:
// nodes coloured by type, sized by mentions; clicking one lists its events
// with their sentences and sources) and a searchable table of entities.
// The libraries are inlined at build time (report_page.h); this writer only
// adds the data, as JSON in a <script type="application/json"> block with
// every '<', '>' and '&' written as a \u escape, so no text in the corpus
// ("</script>", "<!--") can end the block or open markup. The graph view
// keeps the `max_graph_entities` most mentioned entities; the table and the
// timeline keep everything. Deterministic; thread-safe (reads the graph).
#ifndef CHRONOGRAPH_EXPORT_REPORT_HTML_H_
#define CHRONOGRAPH_EXPORT_REPORT_HTML_H_

#include <cstddef>
#include <ostream>
#include <string>

#include "extract/status.h"
#include "graph/knowledge_graph.h"

namespace chronograph::exporters {

struct ReportOptions {
  std::string title = "chronograph report";
  // Entities drawn in the graph view (most mentioned first). Default 300:
  // beyond a few hundred nodes a force layout is neither fast nor readable.
  std::size_t max_graph_entities = 300;
  // The page lists at most this many entities (the most mentioned) and
  // timeline items (dated events naming them, in date order); the title
  // says when it shows only part of the corpus. The files hold everything.
  std::size_t max_entities = 2000;
  std::size_t max_items = 20000;
};

// The data block of the page, as the page's script reads it (a JSON text
// already escaped for a <script> element). Exposed for tests.
std::string ReportDataJson(const graph::KnowledgeGraph& graph, const ReportOptions& options = ReportOptions());

// Writes the whole page to `out`. Returns IoError when the stream fails.
Status WriteReportHtml(const graph::KnowledgeGraph& graph, std::ostream& out,
                       const ReportOptions& options = ReportOptions());

}  // namespace chronograph::exporters

#endif  // CHRONOGRAPH_EXPORT_REPORT_HTML_H_
