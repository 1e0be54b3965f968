/* zs-row-sink.c */
#include "config.h"
