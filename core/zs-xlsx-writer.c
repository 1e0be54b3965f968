/* zs-xlsx-writer.c */
#include "config.h"
