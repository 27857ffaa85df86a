#ifndef SOT_LINT_CCMARK_SHIM_H
#define SOT_LINT_CCMARK_SHIM_H
#include <cmark.h>
#endif
