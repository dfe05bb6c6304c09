// Whole-or-nothing file output. WriteFileAtomically streams `writer`'s
// output into DIR/.NAME.tmp beside `path`, flushes and closes it, checks the
// stream, and renames it over `path`. On any failure (writer Status, stream
// error, exception from the writer, rename) it removes the temp file and
// leaves an earlier `path` untouched. Thread-safe for distinct paths.
#ifndef CHRONOGRAPH_EXPORT_ATOMIC_FILE_H_
#define CHRONOGRAPH_EXPORT_ATOMIC_FILE_H_

#include <functional>
#include <ostream>
#include <string>

#include "extract/status.h"

namespace chronograph::exporters {

// The temp file used for `path`: "out/graph.graphml" -> "out/.graph.graphml.tmp".
std::string TempPathFor(const std::string& path);

// Returns Ok once `path` holds exactly what `writer` wrote. Otherwise
// returns the writer's Status unchanged, or IoError("PATH: reason") when the
// temp file cannot be created, written or renamed, or the writer threw.
Status WriteFileAtomically(const std::string& path,
                           const std::function<Status(std::ostream&)>& writer);

}  // namespace chronograph::exporters

#endif  // CHRONOGRAPH_EXPORT_ATOMIC_FILE_H_
