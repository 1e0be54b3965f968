/* zs-xlsx-reader.c */
#include "config.h"
