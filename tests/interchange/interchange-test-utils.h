/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "reseau-contact.h"
#include "reseau-import-record.h"

G_BEGIN_DECLS

/* A stream of @size bytes made of @head, then @filler repeated, then @tail, produced as it is
 * read so that a test can feed hundreds of megabytes without holding them. */
GInputStream *interchange_test_repeat_stream (const char *head,
                                              const char *filler,
                                              gsize       filler_length,
                                              guint64     size,
                                              const char *tail);

guint64       interchange_test_repeat_stream_get_position (GInputStream *stream);

GInputStream *interchange_test_string_stream (const char *text,
                                              gssize      length);
GInputStream *interchange_test_fixture       (const char *dir,
                                              const char *name);

/* The largest resident set the process has had, in kB. */
glong         interchange_test_max_rss_kb    (void);

void          interchange_test_assert_contacts_equal (ReseauContact *a,
                                                      ReseauContact *b);
void          interchange_test_assert_problem        (GPtrArray     *problems,
                                                      guint          index,
                                                      guint          line,
                                                      gboolean       skipped,
                                                      GQuark         domain,
                                                      gint           code);
ReseauContactValue *interchange_test_value           (ReseauContact *contact,
                                                      guint          index);

G_END_DECLS
