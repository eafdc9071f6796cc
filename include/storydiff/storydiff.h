/*
 * storydiff: compare news articles across outlets and languages, fact by
 * fact. Umbrella header: include this one.
 */
#ifndef STORYDIFF_H
#define STORYDIFF_H

#include "storydiff/error.h"
#include "storydiff/context.h"
#include "storydiff/article.h"
#include "storydiff/ingest.h"
#include "storydiff/segment.h"
#include "storydiff/facts.h"
#include "storydiff/align.h"
#include "storydiff/diff.h"
#include "storydiff/compare.h"

#endif
