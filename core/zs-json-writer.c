/* zs-json-writer.c */
#include "config.h"
