/* zs-row-source.c */
#include "config.h"
