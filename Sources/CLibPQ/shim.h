// The one header through which Swift sees libpq.
#ifndef ORCHESTRATOR_PLANNER_CLIBPQ_SHIM_H
#define ORCHESTRATOR_PLANNER_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
