#include "lib/chronograph.h"

namespace chronograph {

const char* Version() { return CHRONOGRAPH_VERSION; }

}  // namespace chronograph
