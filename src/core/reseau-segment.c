/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-segment"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "reseau-contact.h"
#include "reseau-segment.h"
#include "reseau-store.h"

#define GROUP           "Segment"
/* Version 2 added saved segments inside a segment; a definition without them is still
 * written as version 1, so that an older Réseau keeps reading it. */
#define FORMAT_VERSION  2

/* What a set names: circles, or saved segments. */
typedef enum
{
  REF_CIRCLE,
  REF_SEGMENT,
  N_REFS
} RefKind;

struct _ReseauSegment
{
  GObject              parent_instance;

  GArray              *ids[N_REFS][RESEAU_SEGMENT_N_CIRCLE_SETS];     /* gint64, no duplicates */
  GPtrArray           *deleted[N_REFS][RESEAU_SEGMENT_N_CIRCLE_SETS]; /* names, NULL-terminated */
  guint                ties;
  char                *organization;
  char                *locality;
  char                *region;
  char                *country;
  gboolean             has_email;
  ReseauContactedRule  contacted;
  guint                days;
  gint64               introduced_by;
  gboolean             no_circle;
  gboolean             overdue;
};

G_DEFINE_FINAL_TYPE (ReseauSegment, reseau_segment, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const set_keys[N_REFS][RESEAU_SEGMENT_N_CIRCLE_SETS] = {
  { "any-of", "all-of", "exclude" },
  { "any-of-segments", "all-of-segments", "exclude-segments" },
};
static const char * const contacted_names[] = { "any", "never", "more-than", "within" };

static void
changed (ReseauSegment *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
reseau_segment_finalize (GObject *object)
{
  ReseauSegment *self = RESEAU_SEGMENT (object);

  for (guint k = 0; k < N_REFS; k++)
    for (guint i = 0; i < RESEAU_SEGMENT_N_CIRCLE_SETS; i++)
      {
        g_clear_pointer (&self->ids[k][i], g_array_unref);
        g_clear_pointer (&self->deleted[k][i], g_ptr_array_unref);
      }
  g_free (self->organization);
  g_free (self->locality);
  g_free (self->region);
  g_free (self->country);

  G_OBJECT_CLASS (reseau_segment_parent_class)->finalize (object);
}

static void
reseau_segment_class_init (ReseauSegmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = reseau_segment_finalize;

  /**
   * ReseauSegment::changed:
   *
   * Emitted when a rule changes, so that a live count can follow the segment builder.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
reseau_segment_init (ReseauSegment *self)
{
  for (guint k = 0; k < N_REFS; k++)
    for (guint i = 0; i < RESEAU_SEGMENT_N_CIRCLE_SETS; i++)
      {
        self->ids[k][i] = g_array_new (FALSE, FALSE, sizeof (gint64));
        self->deleted[k][i] = g_ptr_array_new_null_terminated (0, g_free, TRUE);
      }
}

ReseauSegment *
reseau_segment_new (void)
{
  return g_object_new (RESEAU_TYPE_SEGMENT, NULL);
}

ReseauSegment *
reseau_segment_copy (ReseauSegment *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (RESEAU_IS_SEGMENT (self), NULL);

  text = reseau_segment_serialize (self);
  return reseau_segment_deserialize (text, NULL);
}

/* Whether every rule is empty: the segment matches every contact. */
gboolean
reseau_segment_is_empty (ReseauSegment *self)
{
  g_return_val_if_fail (RESEAU_IS_SEGMENT (self), TRUE);

  for (guint k = 0; k < N_REFS; k++)
    for (guint i = 0; i < RESEAU_SEGMENT_N_CIRCLE_SETS; i++)
      if (self->ids[k][i]->len > 0 || self->deleted[k][i]->len > 0)
        return FALSE;
  return self->ties == 0 && self->organization == NULL && self->locality == NULL &&
         self->region == NULL && self->country == NULL && !self->has_email &&
         self->contacted == RESEAU_CONTACTED_ANY && self->introduced_by == 0 &&
         !self->no_circle && !self->overdue;
}

static int
find_id (GArray *ids,
         gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return -1;
}

static void
add_ref (ReseauSegment        *self,
         RefKind               kind,
         ReseauSegmentCircles  set,
         gint64                id)
{
  if (find_id (self->ids[kind][set], id) >= 0)
    return;
  g_array_append_val (self->ids[kind][set], id);
  changed (self);
}

static void
remove_ref (ReseauSegment        *self,
            RefKind               kind,
            ReseauSegmentCircles  set,
            gint64                id)
{
  int i;

  if ((i = find_id (self->ids[kind][set], id)) < 0)
    return;
  g_array_remove_index (self->ids[kind][set], i);
  changed (self);
}

static const char * const *
deleted_names (ReseauSegment        *self,
               RefKind               kind,
               ReseauSegmentCircles  set)
{
  static const char * const none[] = { NULL };

  /* An empty null-terminated GPtrArray may have no pdata at all. */
  if (self->deleted[kind][set]->pdata == NULL)
    return none;
  return (const char * const *)self->deleted[kind][set]->pdata;
}

/* Deleted for good: the id may be given to a new circle or segment, which must not join
 * this segment, so the reference becomes the name it had. */
static void
forget_ref (ReseauSegment *self,
            RefKind        kind,
            gint64         id,
            const char    *name)
{
  for (guint set = 0; set < RESEAU_SEGMENT_N_CIRCLE_SETS; set++)
    {
      int i = find_id (self->ids[kind][set], id);

      if (i < 0)
        continue;
      g_array_remove_index (self->ids[kind][set], i);
      g_ptr_array_add (self->deleted[kind][set], g_strdup (name));
      changed (self);
    }
}

GArray *
reseau_segment_get_circles (ReseauSegment        *self,
                            ReseauSegmentCircles  set)
{
  g_return_val_if_fail (RESEAU_IS_SEGMENT (self), NULL);
  g_return_val_if_fail (set < RESEAU_SEGMENT_N_CIRCLE_SETS, NULL);
  return self->ids[REF_CIRCLE][set];
}

void
reseau_segment_add_circle (ReseauSegment        *self,
                           ReseauSegmentCircles  set,
                           gint64                circle_id)
{
  g_return_if_fail (RESEAU_IS_SEGMENT (self));
  g_return_if_fail (set < RESEAU_SEGMENT_N_CIRCLE_SETS);
  g_return_if_fail (circle_id > 0);
  add_ref (self, REF_CIRCLE, set, circle_id);
}

void
reseau_segment_remove_circle (ReseauSegment        *self,
                              ReseauSegmentCircles  set,
                              gint64                circle_id)
{
  g_return_if_fail (RESEAU_IS_SEGMENT (self));
  g_return_if_fail (set < RESEAU_SEGMENT_N_CIRCLE_SETS);
  remove_ref (self, REF_CIRCLE, set, circle_id);
}

const char * const *
reseau_segment_get_deleted_circles (ReseauSegment        *self,
                                    ReseauSegmentCircles  set)
{
  g_return_val_if_fail (RESEAU_IS_SEGMENT (self), NULL);
  g_return_val_if_fail (set < RESEAU_SEGMENT_N_CIRCLE_SETS, NULL);
  return deleted_names (self, REF_CIRCLE, set);
}

void
_reseau_segment_forget_circle (ReseauSegment *self,
                               gint64         circle_id,
                               const char    *name)
{
  forget_ref (self, REF_CIRCLE, circle_id, name);
}

GArray *
reseau_segment_get_segments (ReseauSegment        *self,
                             ReseauSegmentCircles  set)
{
  g_return_val_if_fail (RESEAU_IS_SEGMENT (self), NULL);
  g_return_val_if_fail (set < RESEAU_SEGMENT_N_CIRCLE_SETS, NULL);
  return self->ids[REF_SEGMENT][set];
}

void
reseau_segment_add_segment (ReseauSegment        *self,
                            ReseauSegmentCircles  set,
                            gint64                saved_id)
{
  g_return_if_fail (RESEAU_IS_SEGMENT (self));
  g_return_if_fail (set < RESEAU_SEGMENT_N_CIRCLE_SETS);
  g_return_if_fail (saved_id > 0);
  add_ref (self, REF_SEGMENT, set, saved_id);
}

void
reseau_segment_remove_segment (ReseauSegment        *self,
                               ReseauSegmentCircles  set,
                               gint64                saved_id)
{
  g_return_if_fail (RESEAU_IS_SEGMENT (self));
  g_return_if_fail (set < RESEAU_SEGMENT_N_CIRCLE_SETS);
  remove_ref (self, REF_SEGMENT, set, saved_id);
}

const char * const *
reseau_segment_get_deleted_segments (ReseauSegment        *self,
                                     ReseauSegmentCircles  set)
{
  g_return_val_if_fail (RESEAU_IS_SEGMENT (self), NULL);
  g_return_val_if_fail (set < RESEAU_SEGMENT_N_CIRCLE_SETS, NULL);
  return deleted_names (self, REF_SEGMENT, set);
}

void
_reseau_segment_forget_segment (ReseauSegment *self,
                                gint64         saved_id,
                                const char    *name)
{
  forget_ref (self, REF_SEGMENT, saved_id, name);
}

guint
reseau_segment_get_ties (ReseauSegment *self)
{
  g_return_val_if_fail (RESEAU_IS_SEGMENT (self), 0);
  return self->ties;
}

void
reseau_segment_set_ties (ReseauSegment *self,
                         guint          ties)
{
  g_return_if_fail (RESEAU_IS_SEGMENT (self));

  ties &= (1 << (RESEAU_TIE_WEAK + 1)) - 1;
  if (self->ties == ties)
    return;
  self->ties = ties;
  changed (self);
}

/* Blank text is no filter: stored as NULL. */
static void
set_filter (ReseauSegment  *self,
            char          **field,
            const char     *value)
{
  g_autofree char *trimmed = value ? g_strstrip (g_strdup (value)) : NULL;

  if (trimmed != NULL && trimmed[0] == '\0')
    g_clear_pointer (&trimmed, g_free);
  if (g_set_str (field, trimmed))
    changed (self);
}

const char *
reseau_segment_get_organization (ReseauSegment *self)
{
  g_return_val_if_fail (RESEAU_IS_SEGMENT (self), NULL);
  return self->organization;
}

void
reseau_segment_set_organization (ReseauSegment *self,
                                 const char    *contains)
{
  g_return_if_fail (RESEAU_IS_SEGMENT (self));
  set_filter (self, &self->organization, contains);
}

const char *
reseau_segment_get_locality (ReseauSegment *self)
{
  g_return_val_if_fail (RESEAU_IS_SEGMENT (self), NULL);
  return self->locality;
}

void
reseau_segment_set_locality (ReseauSegment *self,
                             const char    *equals)
{
  g_return_if_fail (RESEAU_IS_SEGMENT (self));
  set_filter (self, &self->locality, equals);
}

const char *
reseau_segment_get_region (ReseauSegment *self)
{
  g_return_val_if_fail (RESEAU_IS_SEGMENT (self), NULL);
  return self->region;
}

void
reseau_segment_set_region (ReseauSegment *self,
                           const char    *equals)
{
  g_return_if_fail (RESEAU_IS_SEGMENT (self));
  set_filter (self, &self->region, equals);
}

const char *
reseau_segment_get_country (ReseauSegment *self)
{
  g_return_val_if_fail (RESEAU_IS_SEGMENT (self), NULL);
  return self->country;
}

void
reseau_segment_set_country (ReseauSegment *self,
                            const char    *equals)
{
  g_return_if_fail (RESEAU_IS_SEGMENT (self));
  set_filter (self, &self->country, equals);
}

gboolean
reseau_segment_get_has_email (ReseauSegment *self)
{
  g_return_val_if_fail (RESEAU_IS_SEGMENT (self), FALSE);
  return self->has_email;
}

void
reseau_segment_set_has_email (ReseauSegment *self,
                              gboolean       has_email)
{
  g_return_if_fail (RESEAU_IS_SEGMENT (self));

  if (self->has_email == !!has_email)
    return;
  self->has_email = !!has_email;
  changed (self);
}

ReseauContactedRule
reseau_segment_get_contacted (ReseauSegment *self,
                              guint         *days)
{
  g_return_val_if_fail (RESEAU_IS_SEGMENT (self), RESEAU_CONTACTED_ANY);

  if (days != NULL)
    *days = self->days;
  return self->contacted;
}

void
reseau_segment_set_contacted (ReseauSegment       *self,
                              ReseauContactedRule  rule,
                              guint                days)
{
  g_return_if_fail (RESEAU_IS_SEGMENT (self));
  g_return_if_fail (rule <= RESEAU_CONTACTED_WITHIN);

  if (rule == RESEAU_CONTACTED_ANY || rule == RESEAU_CONTACTED_NEVER)
    days = 0;
  if (self->contacted == rule && self->days == days)
    return;
  self->contacted = rule;
  self->days = days;
  changed (self);
}

gint64
reseau_segment_get_introduced_by (ReseauSegment *self)
{
  g_return_val_if_fail (RESEAU_IS_SEGMENT (self), 0);
  return self->introduced_by;
}

void
reseau_segment_set_introduced_by (ReseauSegment *self,
                                  gint64         contact_id)
{
  g_return_if_fail (RESEAU_IS_SEGMENT (self));

  if (self->introduced_by == contact_id)
    return;
  self->introduced_by = contact_id;
  changed (self);
}

gboolean
reseau_segment_get_no_circle (ReseauSegment *self)
{
  g_return_val_if_fail (RESEAU_IS_SEGMENT (self), FALSE);
  return self->no_circle;
}

void
reseau_segment_set_no_circle (ReseauSegment *self,
                              gboolean       no_circle)
{
  g_return_if_fail (RESEAU_IS_SEGMENT (self));

  if (self->no_circle == !!no_circle)
    return;
  self->no_circle = !!no_circle;
  changed (self);
}

gboolean
reseau_segment_get_overdue (ReseauSegment *self)
{
  g_return_val_if_fail (RESEAU_IS_SEGMENT (self), FALSE);
  return self->overdue;
}

void
reseau_segment_set_overdue (ReseauSegment *self,
                            gboolean       overdue)
{
  g_return_if_fail (RESEAU_IS_SEGMENT (self));

  if (self->overdue == !!overdue)
    return;
  self->overdue = !!overdue;
  changed (self);
}

/* (De)serialisation */

static void
set_optional_string (GKeyFile   *file,
                     const char *key,
                     const char *value)
{
  if (value != NULL)
    g_key_file_set_string (file, GROUP, key, value);
}

static gboolean
uses_segments (ReseauSegment *self)
{
  for (guint set = 0; set < RESEAU_SEGMENT_N_CIRCLE_SETS; set++)
    if (self->ids[REF_SEGMENT][set]->len > 0 || self->deleted[REF_SEGMENT][set]->len > 0)
      return TRUE;
  return FALSE;
}

static void
write_refs (GKeyFile   *file,
            const char *key,
            GArray     *ids,
            GPtrArray  *deleted)
{
  g_autofree char *deleted_key = g_strconcat (key, "-deleted", NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = 0; i < ids->len; i++)
    g_strv_builder_take (builder, g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (ids, gint64, i)));
  strv = g_strv_builder_end (builder);
  if (strv[0] != NULL)
    g_key_file_set_string_list (file, GROUP, key, (const char * const *)strv, g_strv_length (strv));
  if (deleted->len > 0)
    g_key_file_set_string_list (file, GROUP, deleted_key, (const char * const *)deleted->pdata, deleted->len);
}

char *
reseau_segment_serialize (ReseauSegment *self)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();

  g_return_val_if_fail (RESEAU_IS_SEGMENT (self), NULL);

  g_key_file_set_integer (file, GROUP, "version", uses_segments (self) ? 2 : 1);
  for (guint kind = 0; kind < N_REFS; kind++)
    for (guint set = 0; set < RESEAU_SEGMENT_N_CIRCLE_SETS; set++)
      write_refs (file, set_keys[kind][set], self->ids[kind][set], self->deleted[kind][set]);
  if (self->ties != 0)
    g_key_file_set_integer (file, GROUP, "ties", self->ties);
  set_optional_string (file, "organization", self->organization);
  set_optional_string (file, "locality", self->locality);
  set_optional_string (file, "region", self->region);
  set_optional_string (file, "country", self->country);
  if (self->has_email)
    g_key_file_set_boolean (file, GROUP, "has-email", TRUE);
  if (self->contacted != RESEAU_CONTACTED_ANY)
    {
      g_key_file_set_string (file, GROUP, "last-contacted", contacted_names[self->contacted]);
      if (self->days > 0)
        g_key_file_set_integer (file, GROUP, "days", self->days);
    }
  if (self->introduced_by != 0)
    g_key_file_set_int64 (file, GROUP, "introduced-by", self->introduced_by);
  if (self->no_circle)
    g_key_file_set_boolean (file, GROUP, "no-circle", TRUE);
  if (self->overdue)
    g_key_file_set_boolean (file, GROUP, "overdue", TRUE);
  return g_key_file_to_data (file, NULL, NULL);
}

static gboolean
read_refs (GKeyFile    *file,
           const char  *key,
           GArray      *into,
           GPtrArray   *deleted_into,
           GError     **error)
{
  g_autofree char *deleted_key = g_strconcat (key, "-deleted", NULL);
  g_auto(GStrv) ids = g_key_file_get_string_list (file, GROUP, key, NULL, NULL);
  g_auto(GStrv) deleted = g_key_file_get_string_list (file, GROUP, deleted_key, NULL, NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      gint64 id;

      if (!g_ascii_string_to_signed (ids[i], 10, 1, G_MAXINT64, &id, NULL))
        {
          g_set_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_CORRUPT,
                       _("This segment refers to a circle in a way Réseau does not understand (“%s”)"),
                       ids[i]);
          return FALSE;
        }
      if (find_id (into, id) < 0)
        g_array_append_val (into, id);
    }
  for (guint i = 0; deleted != NULL && deleted[i] != NULL; i++)
    g_ptr_array_add (deleted_into, g_strdup (deleted[i]));
  return TRUE;
}

static int
contacted_rule (const char *name)
{
  if (name == NULL)
    return RESEAU_CONTACTED_ANY;
  for (guint i = 0; i < G_N_ELEMENTS (contacted_names); i++)
    if (g_str_equal (name, contacted_names[i]))
      return i;
  return -1;
}

ReseauSegment *
reseau_segment_deserialize (const char  *text,
                            GError     **error)
{
  g_autoptr(ReseauSegment) self = reseau_segment_new ();
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *contacted = NULL;
  int version, rule;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_key_file_load_from_data (file, text, -1, G_KEY_FILE_NONE, NULL) ||
      (version = g_key_file_get_integer (file, GROUP, "version", NULL)) < 1)
    {
      g_set_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_CORRUPT,
                   _("This segment’s definition is damaged"));
      return NULL;
    }
  if (version > FORMAT_VERSION)
    {
      g_set_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_TOO_NEW,
                   _("This segment was made by a newer version of Réseau"));
      return NULL;
    }
  for (guint kind = 0; kind < N_REFS; kind++)
    for (guint set = 0; set < RESEAU_SEGMENT_N_CIRCLE_SETS; set++)
      if (!read_refs (file, set_keys[kind][set], self->ids[kind][set], self->deleted[kind][set], error))
        return NULL;

  contacted = g_key_file_get_string (file, GROUP, "last-contacted", NULL);
  if ((rule = contacted_rule (contacted)) < 0)
    {
      g_set_error (error, RESEAU_STORE_ERROR, RESEAU_STORE_ERROR_CORRUPT,
                   _("This segment’s definition is damaged"));
      return NULL;
    }
  self->contacted = rule;
  self->days = MAX (0, g_key_file_get_integer (file, GROUP, "days", NULL));
  self->ties = g_key_file_get_integer (file, GROUP, "ties", NULL) & ((1 << (RESEAU_TIE_WEAK + 1)) - 1);
  self->organization = g_key_file_get_string (file, GROUP, "organization", NULL);
  self->locality = g_key_file_get_string (file, GROUP, "locality", NULL);
  self->region = g_key_file_get_string (file, GROUP, "region", NULL);
  self->country = g_key_file_get_string (file, GROUP, "country", NULL);
  self->has_email = g_key_file_get_boolean (file, GROUP, "has-email", NULL);
  self->introduced_by = g_key_file_get_int64 (file, GROUP, "introduced-by", NULL);
  self->no_circle = g_key_file_get_boolean (file, GROUP, "no-circle", NULL);
  self->overdue = g_key_file_get_boolean (file, GROUP, "overdue", NULL);
  return g_steal_pointer (&self);
}
