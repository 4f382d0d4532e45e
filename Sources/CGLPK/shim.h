#ifndef STDPLAN_CGLPK_SHIM_H
#define STDPLAN_CGLPK_SHIM_H
#include <glpk.h>
#endif
