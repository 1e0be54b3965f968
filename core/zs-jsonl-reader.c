/* zs-jsonl-reader.c */
#include "config.h"
