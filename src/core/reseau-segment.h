/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  RESEAU_CONTACTED_ANY,
  RESEAU_CONTACTED_NEVER,
  RESEAU_CONTACTED_MORE_THAN, /* last contacted more than N days ago, or never */
  RESEAU_CONTACTED_WITHIN,    /* last contacted within the last N days */
} ReseauContactedRule;

typedef enum
{
  RESEAU_SEGMENT_ANY_OF,
  RESEAU_SEGMENT_ALL_OF,
  RESEAU_SEGMENT_EXCLUDE,
  RESEAU_SEGMENT_N_CIRCLE_SETS
} ReseauSegmentCircles;

#define RESEAU_TYPE_SEGMENT (reseau_segment_get_type ())

G_DECLARE_FINAL_TYPE (ReseauSegment, reseau_segment, RESEAU, SEGMENT, GObject)

/**
 * ReseauSegment:
 *
 * A set of contacts described by rules, evaluated by the store (reseau-store-segments.c):
 * members of any of some circles, of all of others, of none of a third set, narrowed by
 * filters on the card. Every rule left empty matches everyone.
 *
 * A circle a segment names may be deleted. It then counts as *missing* and the rule keeps
 * its meaning without it rather than silently widening: a missing any-of circle brings
 * nobody in (if all of them are missing, the segment matches nobody); a missing all-of
 * circle has no members, so the segment matches nobody; a missing excluded circle excludes
 * nobody. reseau_store_segment_missing_circles() names them so the UI can say so.
 */
ReseauSegment       *reseau_segment_new               (void);
ReseauSegment       *reseau_segment_copy              (ReseauSegment        *self);
gboolean             reseau_segment_is_empty          (ReseauSegment        *self);

/* Returns: (element-type gint64) (transfer none): the circle ids of @set. */
GArray              *reseau_segment_get_circles       (ReseauSegment        *self,
                                                       ReseauSegmentCircles  set);
void                 reseau_segment_add_circle        (ReseauSegment        *self,
                                                       ReseauSegmentCircles  set,
                                                       gint64                circle_id);
void                 reseau_segment_remove_circle     (ReseauSegment        *self,
                                                       ReseauSegmentCircles  set,
                                                       gint64                circle_id);
/* Names of circles deleted for good while this segment used them (see above). */
const char * const  *reseau_segment_get_deleted_circles (ReseauSegment      *self,
                                                       ReseauSegmentCircles  set);
void                 _reseau_segment_forget_circle    (ReseauSegment        *self,
                                                       gint64                circle_id,
                                                       const char           *name);

/* Saved segments inside this one (by their id in the store), in the same three sets as
 * circles: a member of any of them, of all of them, of none of them. The store inlines
 * their definitions when it evaluates this one, refusing cycles (see
 * reseau_store_check_segment()). A saved segment deleted while this one named it counts as
 * missing, exactly like a deleted circle. */
GArray              *reseau_segment_get_segments      (ReseauSegment        *self,
                                                       ReseauSegmentCircles  set);
void                 reseau_segment_add_segment       (ReseauSegment        *self,
                                                       ReseauSegmentCircles  set,
                                                       gint64                saved_id);
void                 reseau_segment_remove_segment    (ReseauSegment        *self,
                                                       ReseauSegmentCircles  set,
                                                       gint64                saved_id);
const char * const  *reseau_segment_get_deleted_segments (ReseauSegment     *self,
                                                       ReseauSegmentCircles  set);
void                 _reseau_segment_forget_segment   (ReseauSegment        *self,
                                                       gint64                saved_id,
                                                       const char           *name);

/* A bit per ReseauTie (1 << RESEAU_TIE_CLOSE | …); 0: any tie. */
guint                reseau_segment_get_ties          (ReseauSegment        *self);
void                 reseau_segment_set_ties          (ReseauSegment        *self,
                                                       guint                 ties);
/* Case- and accent-insensitive; NULL or "": no filter. */
const char          *reseau_segment_get_organization  (ReseauSegment        *self);
void                 reseau_segment_set_organization  (ReseauSegment        *self,
                                                       const char           *contains);
const char          *reseau_segment_get_locality      (ReseauSegment        *self);
void                 reseau_segment_set_locality      (ReseauSegment        *self,
                                                       const char           *equals);
const char          *reseau_segment_get_region        (ReseauSegment        *self);
void                 reseau_segment_set_region        (ReseauSegment        *self,
                                                       const char           *equals);
const char          *reseau_segment_get_country       (ReseauSegment        *self);
void                 reseau_segment_set_country       (ReseauSegment        *self,
                                                       const char           *equals);
gboolean             reseau_segment_get_has_email     (ReseauSegment        *self);
void                 reseau_segment_set_has_email     (ReseauSegment        *self,
                                                       gboolean              has_email);
ReseauContactedRule  reseau_segment_get_contacted     (ReseauSegment        *self,
                                                       guint                *days);
void                 reseau_segment_set_contacted     (ReseauSegment        *self,
                                                       ReseauContactedRule   rule,
                                                       guint                 days);
/* 0: no filter. */
gint64               reseau_segment_get_introduced_by (ReseauSegment        *self);
void                 reseau_segment_set_introduced_by (ReseauSegment        *self,
                                                       gint64                contact_id);
/* Contacts in no circle at all ("Not in a Circle"). */
gboolean             reseau_segment_get_no_circle     (ReseauSegment        *self);
void                 reseau_segment_set_no_circle     (ReseauSegment        *self,
                                                       gboolean              no_circle);
/* Overdue contacts ("Reconnect"), see reseau_store_list_overdue(). */
gboolean             reseau_segment_get_overdue       (ReseauSegment        *self);
void                 reseau_segment_set_overdue       (ReseauSegment        *self,
                                                       gboolean              overdue);

/* A stable text form (a GKeyFile) for the segments table. A definition written by a newer
 * Réseau (higher version) is refused rather than read with part of its meaning lost. */
char                *reseau_segment_serialize         (ReseauSegment        *self);
ReseauSegment       *reseau_segment_deserialize       (const char           *text,
                                                       GError              **error);

G_END_DECLS
