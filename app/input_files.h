// Input files of `chronograph build`: files, directories (searched
// recursively for .txt, .md and .markdown files, in sorted order) and "-"
// for standard input. A directory is walked by hand, so that what cannot be
// read is reported and left out instead of stopping the run or hanging it:
// unreadable directories, symbolic link loops (a directory reached twice,
// by device and inode), dangling links, FIFOs, sockets and devices (opening
// a FIFO would block forever), names that are not UTF-8 (they would reach
// every output). See docs/robustness.md.
#ifndef CHRONOGRAPH_APP_INPUT_FILES_H_
#define CHRONOGRAPH_APP_INPUT_FILES_H_

#include <string>
#include <vector>

#include "extract/status.h"

namespace chronograph::app {

// The files to read, in order. skipped receives one message per thing
// left out ("DIR/x.txt: not a regular file (FIFO, socket or device);
// skipped"). Fails (InvalidInput) on an input that does not exist or is
// neither a file nor a directory, and on a directory with nothing in it.
Result<std::vector<std::string>> ExpandInputs(const std::vector<std::string>& inputs,
                                              std::vector<std::string>& skipped);

}  // namespace chronograph::app

#endif  // CHRONOGRAPH_APP_INPUT_FILES_H_
