/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-circle"

#include "config.h"

#include "reseau-circle.h"

/* A group of contacts: a project, an interest, a community or a region. A contact can be
 * in any number of circles; the store keeps who is in which. */
struct _ReseauCircle
{
  GObject           parent_instance;

  gint64            id;
  char             *name;
  ReseauCircleKind  kind;
  char             *color;
  char             *emoji;
  char             *description;
  guint             cadence_days;
  guint             member_count;
};

G_DEFINE_FINAL_TYPE (ReseauCircle, reseau_circle, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_KIND,
  PROP_COLOR,
  PROP_EMOJI,
  PROP_DESCRIPTION,
  PROP_CADENCE_DAYS,
  PROP_MEMBER_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
reseau_circle_finalize (GObject *object)
{
  ReseauCircle *self = RESEAU_CIRCLE (object);

  g_free (self->name);
  g_free (self->color);
  g_free (self->emoji);
  g_free (self->description);

  G_OBJECT_CLASS (reseau_circle_parent_class)->finalize (object);
}

static void
reseau_circle_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ReseauCircle *self = RESEAU_CIRCLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_EMOJI:
      g_value_set_string (value, self->emoji);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_CADENCE_DAYS:
      g_value_set_uint (value, self->cadence_days);
      break;
    case PROP_MEMBER_COUNT:
      g_value_set_uint (value, self->member_count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reseau_circle_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ReseauCircle *self = RESEAU_CIRCLE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      reseau_circle_set_name (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      reseau_circle_set_kind (self, g_value_get_int (value));
      break;
    case PROP_COLOR:
      reseau_circle_set_color (self, g_value_get_string (value));
      break;
    case PROP_EMOJI:
      reseau_circle_set_emoji (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      reseau_circle_set_description (self, g_value_get_string (value));
      break;
    case PROP_CADENCE_DAYS:
      reseau_circle_set_cadence_days (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reseau_circle_class_init (ReseauCircleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = reseau_circle_finalize;
  object_class->get_property = reseau_circle_get_property;
  object_class->set_property = reseau_circle_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, RESEAU_CIRCLE_PROJECT, RESEAU_CIRCLE_OTHER,
                      RESEAU_CIRCLE_OTHER, flags);
  properties[PROP_COLOR] = g_param_spec_string ("color", NULL, NULL, "", flags);
  properties[PROP_EMOJI] = g_param_spec_string ("emoji", NULL, NULL, "", flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, "", flags);
  /* 0: no keep-in-touch reminder for this circle. */
  properties[PROP_CADENCE_DAYS] =
    g_param_spec_uint ("cadence-days", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_MEMBER_COUNT] =
    g_param_spec_uint ("member-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
reseau_circle_init (ReseauCircle *self)
{
  self->name = g_strdup ("");
  self->kind = RESEAU_CIRCLE_OTHER;
  self->color = g_strdup ("");
  self->emoji = g_strdup ("");
  self->description = g_strdup ("");
}

ReseauCircle *
reseau_circle_new (const char *name)
{
  return g_object_new (RESEAU_TYPE_CIRCLE, "name", name, NULL);
}

gint64
reseau_circle_get_id (ReseauCircle *self)
{
  g_return_val_if_fail (RESEAU_IS_CIRCLE (self), 0);
  return self->id;
}

void
_reseau_circle_set_id (ReseauCircle *self,
                       gint64        id)
{
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

static void
set_text (ReseauCircle  *self,
          char         **field,
          const char    *value,
          guint          prop)
{
  if (g_set_str (field, value ? value : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

const char *
reseau_circle_get_name (ReseauCircle *self)
{
  g_return_val_if_fail (RESEAU_IS_CIRCLE (self), NULL);
  return self->name;
}

void
reseau_circle_set_name (ReseauCircle *self,
                        const char   *name)
{
  g_return_if_fail (RESEAU_IS_CIRCLE (self));
  set_text (self, &self->name, name, PROP_NAME);
}

ReseauCircleKind
reseau_circle_get_kind (ReseauCircle *self)
{
  g_return_val_if_fail (RESEAU_IS_CIRCLE (self), RESEAU_CIRCLE_OTHER);
  return self->kind;
}

void
reseau_circle_set_kind (ReseauCircle     *self,
                        ReseauCircleKind  kind)
{
  g_return_if_fail (RESEAU_IS_CIRCLE (self));
  g_return_if_fail (kind <= RESEAU_CIRCLE_OTHER);

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
reseau_circle_get_color (ReseauCircle *self)
{
  g_return_val_if_fail (RESEAU_IS_CIRCLE (self), NULL);
  return self->color;
}

void
reseau_circle_set_color (ReseauCircle *self,
                         const char   *color)
{
  g_return_if_fail (RESEAU_IS_CIRCLE (self));
  set_text (self, &self->color, color, PROP_COLOR);
}

const char *
reseau_circle_get_emoji (ReseauCircle *self)
{
  g_return_val_if_fail (RESEAU_IS_CIRCLE (self), NULL);
  return self->emoji;
}

void
reseau_circle_set_emoji (ReseauCircle *self,
                         const char   *emoji)
{
  g_return_if_fail (RESEAU_IS_CIRCLE (self));
  set_text (self, &self->emoji, emoji, PROP_EMOJI);
}

const char *
reseau_circle_get_description (ReseauCircle *self)
{
  g_return_val_if_fail (RESEAU_IS_CIRCLE (self), NULL);
  return self->description;
}

void
reseau_circle_set_description (ReseauCircle *self,
                               const char   *description)
{
  g_return_if_fail (RESEAU_IS_CIRCLE (self));
  set_text (self, &self->description, description, PROP_DESCRIPTION);
}

guint
reseau_circle_get_cadence_days (ReseauCircle *self)
{
  g_return_val_if_fail (RESEAU_IS_CIRCLE (self), 0);
  return self->cadence_days;
}

void
reseau_circle_set_cadence_days (ReseauCircle *self,
                                guint         days)
{
  g_return_if_fail (RESEAU_IS_CIRCLE (self));

  if (self->cadence_days == days)
    return;
  self->cadence_days = days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CADENCE_DAYS]);
}

guint
reseau_circle_get_member_count (ReseauCircle *self)
{
  g_return_val_if_fail (RESEAU_IS_CIRCLE (self), 0);
  return self->member_count;
}

void
_reseau_circle_set_member_count (ReseauCircle *self,
                                 guint         count)
{
  if (self->member_count == count)
    return;
  self->member_count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMBER_COUNT]);
}
