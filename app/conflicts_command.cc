#include "app/conflicts_command.h"

#include <vector>

#include "app/query_common.h"
#include "export/facts_json.h"

namespace chronograph::app {

Status RunConflicts(const ConflictsOptions& options, std::ostream& out) {
  Result<OutputDir> dir = OutputDir::Open(options.from_dir);
  if (!dir.ok()) return dir.status();
  Result<std::vector<graph::Fact>> facts = dir.value().RelationFacts();  // only they can conflict
  if (!facts.ok()) return facts.status();
  if (options.json) return exporters::WriteConflictsJson(facts.value(), out);

  const std::vector<graph::Conflict> conflicts = graph::FindConflicts(facts.value());
  out << Plural(static_cast<int>(conflicts.size()), "conflict", "conflicts") << " in " << options.from_dir << "\n"
      << "rule: " << graph::kConflictRuleText << "\n";
  for (const graph::Conflict& c : conflicts) {
    out << "\n" << c.object_label << ": " << c.relation;
    if (c.scope == graph::ConflictScope::kPair) out << " (by " << c.subject_label << ")";
    out << " -- " << c.claims.size() << " dates that cannot all be true:";
    for (std::size_t i = 0; i < c.claims.size(); ++i) out << (i == 0 ? " " : " vs ") << c.claims[i].date;
    out << "\n";
    for (const graph::Claim& claim : c.claims) {
      out << "  " << claim.date << "  [" << Plural(claim.sources, "source", "sources") << "]\n";
      // Statements are sorted by source: one line per sentence, naming
      // every fact it states ("A, B --founded--> OpenAI").
      for (std::size_t i = 0; i < claim.statements.size();) {
        const graph::FactSource& source = claim.statements[i].source;
        std::string subjects, objects;
        for (; i < claim.statements.size(); ++i) {
          const graph::ClaimStatement& s = claim.statements[i];
          if (s.source.document != source.document || s.source.line != source.line || s.source.text != source.text) break;
          const graph::Fact& f = facts.value()[s.fact];
          if (subjects.find(f.from_label) == std::string::npos) subjects += (subjects.empty() ? "" : ", ") + f.from_label;
          if (objects.find(f.to_label) == std::string::npos) objects += (objects.empty() ? "" : ", ") + f.to_label;
        }
        out << "      " << subjects << " --" << c.relation << "--> " << objects << "\n"
            << "        " << source.document << ":" << source.line << ": " << OneLine(source.text) << "\n";
      }
    }
  }
  return Status::Ok();
}

}  // namespace chronograph::app
