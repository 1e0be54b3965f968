/* zs-csv-writer.c */
#include "config.h"
