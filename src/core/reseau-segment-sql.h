/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "reseau-store-private.h"

G_BEGIN_DECLS

/* The SQL of a segment and the values bound to it: reseau-segment-sql.c builds it for
 * reseau-store-segments.c. */
typedef struct
{
  GString   *sql;
  GPtrArray *params; /* GVariant: int64 or string, one per "?" */
} ReseauSegmentQuery;

void          _reseau_segment_query_clear   (ReseauSegmentQuery  *query);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReseauSegmentQuery, _reseau_segment_query_clear)

/* "@select FROM contacts c WHERE …" for @segment; @saved_id: the saved segment @segment
 * is the definition of (so that it cannot include itself), or 0. Fails on a cycle or
 * nesting too deep. */
gboolean      _reseau_segment_query_build   (ReseauStore         *self,
                                             ReseauSegmentQuery  *query,
                                             const char          *select,
                                             ReseauSegment       *segment,
                                             gint64               saved_id,
                                             GError             **error);
/* Returns: (transfer full): the statement with every value bound; finalise it */
sqlite3_stmt *_reseau_segment_query_prepare (ReseauStore         *self,
                                             ReseauSegmentQuery  *query,
                                             GError             **error);

G_END_DECLS
