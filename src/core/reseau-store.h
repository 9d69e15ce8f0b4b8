/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "reseau-circle.h"
#include "reseau-contact.h"
#include "reseau-segment.h"

G_BEGIN_DECLS

#define RESEAU_STORE_ERROR (reseau_store_error_quark ())

typedef enum
{
  RESEAU_STORE_ERROR_FAILED,
  RESEAU_STORE_ERROR_CORRUPT,
  RESEAU_STORE_ERROR_TOO_NEW,
  RESEAU_STORE_ERROR_NOT_FOUND,
  RESEAU_STORE_ERROR_UNREADABLE,
  RESEAU_STORE_ERROR_INVALID,
  RESEAU_STORE_ERROR_EXISTS,
} ReseauStoreError;

/* The schema version this build writes; see the migrations in reseau-store.c. */
#define RESEAU_STORE_SCHEMA_VERSION 4

typedef enum
{
  RESEAU_SORT_GIVEN_NAME,
  RESEAU_SORT_FAMILY_NAME,
} ReseauSortOrder;

typedef enum
{
  RESEAU_INTERACTION_MEETING = 1,
  RESEAU_INTERACTION_CALL,
  RESEAU_INTERACTION_MESSAGE,
  RESEAU_INTERACTION_NOTE,
} ReseauInteractionKind;

/* One row of a list query: the contact and the letter of its section. */
typedef struct
{
  gint64 id;
  char   initial[8];
} ReseauListEntry;

typedef struct
{
  gint64  id;
  char   *field;      /* "organization", "title" or "email" */
  char   *old_value;
  char   *new_value;
  char   *changed_on; /* YYYY-MM-DD */
} ReseauHistoryEntry;

typedef struct
{
  gint64                 id;
  ReseauInteractionKind  kind;
  char                  *happened_on; /* YYYY-MM-DD */
  char                  *text;
  gint64                 campaign_id; /* the campaign that sent this message, or 0 */
} ReseauInteraction;

/* A contact due for a catch-up: see reseau_store_list_overdue(). */
typedef struct
{
  gint64 contact_id;
  gint64 circle_id;    /* the circle with the shortest cadence, which made them due */
  int    days_overdue; /* days beyond that cadence; -1: never contacted */
} ReseauOverdueEntry;

typedef struct
{
  gint64  id;
  char   *name;
} ReseauSavedSegment;

/* Who was in which circle, for the Undo of a membership change. */
typedef struct _ReseauMembership ReseauMembership;

/* See reseau_store_scan_identities(). */
typedef void (*ReseauStoreNameFunc)  (gint64           contact_id,
                                      const char      *given,
                                      const char      *family,
                                      const char      *organization,
                                      gpointer         user_data);
typedef void (*ReseauStoreValueFunc) (gint64           contact_id,
                                      ReseauValueKind  kind,
                                      const char      *value,
                                      gpointer         user_data);

void reseau_history_entry_free (ReseauHistoryEntry *entry);
void reseau_interaction_free   (ReseauInteraction  *interaction);
void reseau_saved_segment_free (ReseauSavedSegment *segment);
void reseau_membership_free    (ReseauMembership   *membership);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReseauMembership, reseau_membership_free)

#define RESEAU_TYPE_STORE (reseau_store_get_type ())

G_DECLARE_FINAL_TYPE (ReseauStore, reseau_store, RESEAU, STORE, GObject)

GQuark         reseau_store_error_quark          (void);
char          *reseau_store_default_path         (void);
ReseauStore   *reseau_store_open                 (const char             *path,
                                                  GError                **error);
void           reseau_store_open_async           (const char             *path,
                                                  GCancellable           *cancellable,
                                                  GAsyncReadyCallback     callback,
                                                  gpointer                user_data);
ReseauStore   *reseau_store_open_finish          (GAsyncResult           *result,
                                                  GError                **error);
const char    *reseau_store_get_path             (ReseauStore            *self);
gboolean       reseau_store_set_cache_size       (ReseauStore            *self,
                                                  guint                   mib,
                                                  GError                **error);
gboolean       reseau_store_begin                (ReseauStore            *self,
                                                  GError                **error);
gboolean       reseau_store_begin_read           (ReseauStore            *self,
                                                  GError                **error);
gboolean       reseau_store_commit               (ReseauStore            *self,
                                                  GError                **error);
void           reseau_store_rollback             (ReseauStore            *self);
void           reseau_store_emit_changed         (ReseauStore            *self);

gint64         reseau_store_save_contact         (ReseauStore            *self,
                                                  ReseauContact          *contact,
                                                  const char             *changed_on,
                                                  GError                **error);
ReseauContact *reseau_store_load_contact         (ReseauStore            *self,
                                                  gint64                  id,
                                                  gboolean                with_values,
                                                  GError                **error);
gboolean       reseau_store_refresh_contact      (ReseauStore            *self,
                                                  ReseauContact          *contact,
                                                  GError                **error);
gboolean       reseau_store_trash_contacts       (ReseauStore            *self,
                                                  const gint64           *ids,
                                                  guint                   n_ids,
                                                  gboolean                trashed,
                                                  GError                **error);
gboolean       reseau_store_purge_trash          (ReseauStore            *self,
                                                  GError                **error);
guint          reseau_store_count_contacts       (ReseauStore            *self);
gboolean       reseau_store_scan_identities      (ReseauStore            *self,
                                                  ReseauStoreNameFunc     name_func,
                                                  ReseauStoreValueFunc    value_func,
                                                  gpointer                user_data,
                                                  GError                **error);

GArray        *reseau_store_list                 (ReseauStore            *self,
                                                  ReseauSortOrder         order,
                                                  const char             *search,
                                                  GError                **error);
GArray        *reseau_store_list_introduced      (ReseauStore            *self,
                                                  gint64                  introducer_id,
                                                  GError                **error);
GPtrArray     *reseau_store_list_history         (ReseauStore            *self,
                                                  gint64                  contact_id,
                                                  GError                **error);
gint64         reseau_store_add_interaction      (ReseauStore            *self,
                                                  gint64                  contact_id,
                                                  ReseauInteractionKind   kind,
                                                  const char             *happened_on,
                                                  const char             *text,
                                                  GError                **error);
gboolean       reseau_store_delete_interaction   (ReseauStore            *self,
                                                  gint64                  interaction_id,
                                                  GError                **error);
GPtrArray     *reseau_store_list_interactions    (ReseauStore            *self,
                                                  gint64                  contact_id,
                                                  GError                **error);

/* Circles and their members: reseau-store-circles.c */
gint64         reseau_store_save_circle          (ReseauStore            *self,
                                                  ReseauCircle           *circle,
                                                  GError                **error);
ReseauCircle  *reseau_store_load_circle          (ReseauStore            *self,
                                                  gint64                  id,
                                                  GError                **error);
GPtrArray     *reseau_store_list_circles         (ReseauStore            *self,
                                                  GError                **error);
gboolean       reseau_store_trash_circle         (ReseauStore            *self,
                                                  gint64                  id,
                                                  gboolean                trashed,
                                                  GError                **error);
gboolean       reseau_store_purge_circles        (ReseauStore            *self,
                                                  GError                **error);
gboolean       reseau_store_add_to_circle        (ReseauStore            *self,
                                                  gint64                  circle_id,
                                                  const gint64           *ids,
                                                  guint                   n_ids,
                                                  guint                  *n_added,
                                                  guint                  *n_already,
                                                  GError                **error);
gboolean       reseau_store_remove_from_circle   (ReseauStore            *self,
                                                  gint64                  circle_id,
                                                  const gint64           *ids,
                                                  guint                   n_ids,
                                                  guint                  *n_removed,
                                                  GError                **error);
gboolean       reseau_store_move_to_circle       (ReseauStore            *self,
                                                  gint64                  from_id,
                                                  gint64                  to_id,
                                                  const gint64           *ids,
                                                  guint                   n_ids,
                                                  guint                  *n_added,
                                                  guint                  *n_already,
                                                  GError                **error);
ReseauMembership *reseau_store_save_membership   (ReseauStore            *self,
                                                  const gint64           *ids,
                                                  guint                   n_ids,
                                                  GError                **error);
gboolean       reseau_store_restore_membership   (ReseauStore            *self,
                                                  ReseauMembership       *membership,
                                                  GError                **error);
GArray        *reseau_store_list_contact_circles (ReseauStore            *self,
                                                  gint64                  contact_id,
                                                  GError                **error);

/* Segments, saved segments and keep-in-touch: reseau-store-segments.c,
 * reseau-store-saved-segments.c, reseau-store-keep-in-touch.c */
gboolean       reseau_store_count_segment        (ReseauStore            *self,
                                                  ReseauSegment          *segment,
                                                  guint                  *count,
                                                  GError                **error);
GArray        *reseau_store_segment_ids          (ReseauStore            *self,
                                                  ReseauSegment          *segment,
                                                  ReseauSortOrder         order,
                                                  GError                **error);
GArray        *reseau_store_segment_entries      (ReseauStore            *self,
                                                  ReseauSegment          *segment,
                                                  ReseauSortOrder         order,
                                                  const char             *search,
                                                  GError                **error);
char         **reseau_store_segment_missing_circles (ReseauStore         *self,
                                                  ReseauSegment          *segment,
                                                  GError                **error);
char         **reseau_store_segment_missing_segments (ReseauStore        *self,
                                                  ReseauSegment          *segment,
                                                  GError                **error);
gboolean       reseau_store_check_segment        (ReseauStore            *self,
                                                  gint64                  saved_id,
                                                  ReseauSegment          *segment,
                                                  GError                **error);
gint64         reseau_store_save_segment         (ReseauStore            *self,
                                                  gint64                  id,
                                                  const char             *name,
                                                  ReseauSegment          *segment,
                                                  GError                **error);
ReseauSegment *reseau_store_load_segment         (ReseauStore            *self,
                                                  gint64                  id,
                                                  GError                **error);
GPtrArray     *reseau_store_list_segments        (ReseauStore            *self,
                                                  GError                **error);
gboolean       reseau_store_delete_segment       (ReseauStore            *self,
                                                  gint64                  id,
                                                  GError                **error);
GArray        *reseau_store_list_overdue         (ReseauStore            *self,
                                                  const char             *today,
                                                  GError                **error);
gboolean       reseau_store_count_overdue        (ReseauStore            *self,
                                                  const char             *today,
                                                  guint                  *count,
                                                  GError                **error);

G_END_DECLS
