/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  RESEAU_LINE_TOO_LONG = 1 << 0,
  RESEAU_LINE_HAS_NUL  = 1 << 1,
} ReseauLineFlags;

#define RESEAU_TYPE_LINE_READER (reseau_line_reader_get_type ())

G_DECLARE_FINAL_TYPE (ReseauLineReader, reseau_line_reader, RESEAU, LINE_READER, GObject)

ReseauLineReader *reseau_line_reader_new          (GInputStream      *stream,
                                                   gsize              max_length);
gboolean          reseau_line_reader_next         (ReseauLineReader  *self,
                                                   GString           *line,
                                                   guint             *number,
                                                   ReseauLineFlags   *flags,
                                                   GCancellable      *cancellable,
                                                   GError           **error);
void              reseau_line_reader_push_back    (ReseauLineReader  *self,
                                                   const char        *line,
                                                   gsize              length,
                                                   guint              number,
                                                   ReseauLineFlags    flags);
const char       *reseau_line_reader_get_encoding (ReseauLineReader  *self);
guint64           reseau_line_reader_get_offset   (ReseauLineReader  *self);

char             *reseau_text_from_windows_1252   (const char        *text,
                                                   gsize              length);
char             *reseau_text_excerpt             (const char        *text,
                                                   gsize              length);

G_END_DECLS
