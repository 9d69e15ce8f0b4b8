/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "reseau-import-record.h"

G_BEGIN_DECLS

#define RESEAU_VCARD_ERROR (reseau_vcard_error_quark ())

typedef enum
{
  RESEAU_VCARD_ERROR_NOT_VCARD,             /* fatal: binary data, or no BEGIN:VCARD */
  RESEAU_VCARD_ERROR_TOO_MANY_CARDS,        /* fatal: more than RESEAU_IMPORT_MAX_RECORDS */
  RESEAU_VCARD_ERROR_UNTERMINATED,          /* a card without END:VCARD */
  RESEAU_VCARD_ERROR_MALFORMED,             /* a line that is not a property */
  RESEAU_VCARD_ERROR_INVALID_TEXT,          /* not UTF-8, unknown charset, NUL byte */
  RESEAU_VCARD_ERROR_LINE_TOO_LONG,
  RESEAU_VCARD_ERROR_CARD_TOO_LARGE,        /* too many properties or bytes */
  RESEAU_VCARD_ERROR_TOO_MANY_VALUES,       /* more than RESEAU_MAX_VALUES */
  RESEAU_VCARD_ERROR_PHOTO,                 /* photo left out: too large or undecodable */
} ReseauVCardError;

/* Limits per card; a card over them is reported as a bad record, never allocated whole. */
#define RESEAU_VCARD_MAX_LINE        (2 * 1024 * 1024)
#define RESEAU_VCARD_MAX_CARD_BYTES  (8 * 1024 * 1024)
#define RESEAU_VCARD_MAX_PROPERTIES  1000

#define RESEAU_TYPE_VCARD_READER (reseau_vcard_reader_get_type ())

G_DECLARE_FINAL_TYPE (ReseauVCardReader, reseau_vcard_reader, RESEAU, VCARD_READER, GObject)

GQuark              reseau_vcard_error_quark        (void);
ReseauVCardReader  *reseau_vcard_reader_new         (GInputStream       *stream);
ReseauImportRecord *reseau_vcard_reader_next        (ReseauVCardReader  *self,
                                                     GCancellable       *cancellable,
                                                     GError            **error);
GPtrArray          *reseau_vcard_reader_get_problems (ReseauVCardReader *self);
guint64             reseau_vcard_reader_get_offset  (ReseauVCardReader  *self);

GPtrArray          *reseau_vcard_read_all           (GInputStream       *stream,
                                                     GPtrArray         **problems,
                                                     GCancellable       *cancellable,
                                                     GError            **error);

G_END_DECLS
