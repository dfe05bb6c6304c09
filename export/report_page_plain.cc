// The page of report.html when chronograph is built without its JavaScript
// libraries (-DCHRONOGRAPH_BUILD_REPORT=OFF: no node or npm at build time).
// It carries the same data block as the full page, so the file still holds
// every entity, edge and timeline item, and says how to get the full view.
#include "export/report_page.h"

namespace chronograph::exporters {

const ReportPage& EmbeddedReportPage() {
  static const ReportPage page{
      {"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
       "<title>chronograph report</title>\n</head>\n<body>\n"
       "<p>This chronograph was built without the report's JavaScript libraries "
       "(-DCHRONOGRAPH_BUILD_REPORT=OFF), so this page shows no timeline or graph. "
       "The data is below; graph.graphml, graph.gexf and timeline.json hold the same.</p>\n"
       "<script type=\"application/json\" id=\"chronograph-data\">"},
      {"</script>\n</body>\n</html>\n"}};
  return page;
}

}  // namespace chronograph::exporters
