/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Stored as an integer in circles.kind: never renumber. */
typedef enum
{
  RESEAU_CIRCLE_PROJECT,
  RESEAU_CIRCLE_INTEREST,
  RESEAU_CIRCLE_COMMUNITY,
  RESEAU_CIRCLE_REGION,
  RESEAU_CIRCLE_OTHER,
} ReseauCircleKind;

#define RESEAU_TYPE_CIRCLE (reseau_circle_get_type ())

G_DECLARE_FINAL_TYPE (ReseauCircle, reseau_circle, RESEAU, CIRCLE, GObject)

ReseauCircle     *reseau_circle_new               (const char       *name);
gint64            reseau_circle_get_id            (ReseauCircle     *self);
const char       *reseau_circle_get_name          (ReseauCircle     *self);
void              reseau_circle_set_name          (ReseauCircle     *self,
                                                   const char       *name);
ReseauCircleKind  reseau_circle_get_kind          (ReseauCircle     *self);
void              reseau_circle_set_kind          (ReseauCircle     *self,
                                                   ReseauCircleKind  kind);
const char       *reseau_circle_get_color         (ReseauCircle     *self);
void              reseau_circle_set_color         (ReseauCircle     *self,
                                                   const char       *color);
const char       *reseau_circle_get_emoji         (ReseauCircle     *self);
void              reseau_circle_set_emoji         (ReseauCircle     *self,
                                                   const char       *emoji);
const char       *reseau_circle_get_description   (ReseauCircle     *self);
void              reseau_circle_set_description   (ReseauCircle     *self,
                                                   const char       *description);
guint             reseau_circle_get_cadence_days  (ReseauCircle     *self);
void              reseau_circle_set_cadence_days  (ReseauCircle     *self,
                                                   guint             days);
guint             reseau_circle_get_member_count  (ReseauCircle     *self);

/* For the store only. */
void              _reseau_circle_set_id           (ReseauCircle     *self,
                                                   gint64            id);
void              _reseau_circle_set_member_count (ReseauCircle     *self,
                                                   guint             count);

G_END_DECLS
