/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "reseau-contact.h"

G_BEGIN_DECLS

/* One merge field a template may use as {name} or {name|fallback}. @label is untranslated
 * (marked with N_()); show it through reseau_merge_field_get_label(). */
typedef struct
{
  const char *name;
  const char *label;
} ReseauMergeField;

const ReseauMergeField *reseau_merge_fields          (guint                  *n_fields);
const char             *reseau_merge_field_get_label (const ReseauMergeField *field);

#define RESEAU_TEMPLATE_ERROR (reseau_template_error_quark ())

typedef enum
{
  RESEAU_TEMPLATE_ERROR_UNKNOWN_FIELD,
  RESEAU_TEMPLATE_ERROR_SYNTAX,
} ReseauTemplateError;

GQuark   reseau_template_error_quark        (void);

/**
 * reseau_template_error_get_position:
 * @error: an error in %RESEAU_TEMPLATE_ERROR
 * @line: (out) (optional): 1-based line of the problem
 * @column: (out) (optional): 1-based column, in characters
 * @offset: (out) (optional): byte offset of the faulty text in the template
 * @length: (out) (optional): its length in bytes, so that a composer can select it
 *
 * Where the problem reported by reseau_template_new() is. Returns %FALSE (and leaves the out
 * arguments alone) for an error of another domain.
 */
gboolean reseau_template_error_get_position (const GError *error,
                                             guint        *line,
                                             guint        *column,
                                             gsize        *offset,
                                             gsize        *length);

#define RESEAU_TYPE_TEMPLATE (reseau_template_get_type ())

G_DECLARE_FINAL_TYPE (ReseauTemplate, reseau_template, RESEAU, TEMPLATE, GObject)

/**
 * reseau_template_new:
 * @text: UTF-8 text with merge fields: `{first_name}`, `{first_name|Bonjour}`; `{{` and `}}`
 *   stand for literal braces
 * @error: set to %RESEAU_TEMPLATE_ERROR_UNKNOWN_FIELD or %RESEAU_TEMPLATE_ERROR_SYNTAX, with
 *   a translated message naming the line and column ("Line 2, column 7: unknown merge field
 *   “{fist_name}”") and the position available from reseau_template_error_get_position()
 *
 * Parses @text once, so that rendering it for many contacts is cheap. The result is
 * immutable and may be rendered from any thread.
 */
ReseauTemplate *reseau_template_new         (const char     *text,
                                             GError        **error);
const char     *reseau_template_get_text    (ReseauTemplate *self);
gboolean        reseau_template_uses_field  (ReseauTemplate *self,
                                             const char     *name);

/**
 * reseau_template_render:
 *
 * The text for @contact: each field replaced by the contact's value, or by its fallback (or
 * nothing) when the contact has none. Never fails. The result may contain whatever the
 * contact's data contains, line breaks included: reseau_message_build() refuses those in
 * headers.
 */
char           *reseau_template_render      (ReseauTemplate *self,
                                             ReseauContact  *contact);

G_END_DECLS
