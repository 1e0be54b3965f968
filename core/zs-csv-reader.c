/* zs-csv-reader.c */
#include "config.h"
