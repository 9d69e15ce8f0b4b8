/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include "interchange-test-utils.h"

#define INTERCHANGE_TYPE_REPEAT_STREAM (interchange_repeat_stream_get_type ())

G_DECLARE_FINAL_TYPE (InterchangeRepeatStream, interchange_repeat_stream,
                      INTERCHANGE, REPEAT_STREAM, GInputStream)

struct _InterchangeRepeatStream
{
  GInputStream  parent_instance;
  char         *head;
  char         *filler;
  gsize         filler_length;
  char         *tail;
  guint64       size;
  guint64       pos;
};

G_DEFINE_FINAL_TYPE (InterchangeRepeatStream, interchange_repeat_stream, G_TYPE_INPUT_STREAM)

static char
byte_at (InterchangeRepeatStream *self,
         guint64                  pos)
{
  gsize head = strlen (self->head), tail = strlen (self->tail);

  if (pos < head)
    return self->head[pos];
  if (pos >= self->size - tail)
    return self->tail[pos - (self->size - tail)];
  return self->filler[(pos - head) % self->filler_length];
}

static gssize
interchange_repeat_stream_read (GInputStream  *stream,
                                void          *buffer,
                                gsize          count,
                                GCancellable  *cancellable,
                                GError       **error)
{
  InterchangeRepeatStream *self = INTERCHANGE_REPEAT_STREAM (stream);
  gsize n = MIN (count, self->size - self->pos);

  for (gsize i = 0; i < n; i++)
    ((char *)buffer)[i] = byte_at (self, self->pos + i);
  self->pos += n;
  return n;
}

static gboolean
interchange_repeat_stream_close (GInputStream  *stream,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  return TRUE;
}

static void
interchange_repeat_stream_finalize (GObject *object)
{
  InterchangeRepeatStream *self = INTERCHANGE_REPEAT_STREAM (object);

  g_free (self->head);
  g_free (self->filler);
  g_free (self->tail);
  G_OBJECT_CLASS (interchange_repeat_stream_parent_class)->finalize (object);
}

static void
interchange_repeat_stream_class_init (InterchangeRepeatStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = interchange_repeat_stream_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = interchange_repeat_stream_read;
  G_INPUT_STREAM_CLASS (klass)->close_fn = interchange_repeat_stream_close;
}

static void
interchange_repeat_stream_init (InterchangeRepeatStream *self)
{
}

GInputStream *
interchange_test_repeat_stream (const char *head,
                                const char *filler,
                                gsize       filler_length,
                                guint64     size,
                                const char *tail)
{
  InterchangeRepeatStream *self = g_object_new (INTERCHANGE_TYPE_REPEAT_STREAM, NULL);

  g_assert_cmpuint (size, >=, strlen (head) + strlen (tail));
  self->head = g_strdup (head);
  g_assert_cmpuint (filler_length, >, 0);
  self->filler = g_memdup2 (filler, filler_length);
  self->filler_length = filler_length;
  self->tail = g_strdup (tail);
  self->size = size;
  return G_INPUT_STREAM (self);
}

/* How many bytes have been read from a repeat stream. */
guint64
interchange_test_repeat_stream_get_position (GInputStream *stream)
{
  return INTERCHANGE_REPEAT_STREAM (stream)->pos;
}

GInputStream *
interchange_test_string_stream (const char *text,
                                gssize      length)
{
  gsize len = length < 0 ? strlen (text) : (gsize)length;

  return g_memory_input_stream_new_from_data (g_memdup2 (text, len), len, g_free);
}

GInputStream *
interchange_test_fixture (const char *dir,
                          const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "fixtures", dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GInputStream *stream = G_INPUT_STREAM (g_file_read (file, NULL, &error));

  g_assert_no_error (error);
  return stream;
}

glong
interchange_test_max_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

void
interchange_test_assert_contacts_equal (ReseauContact *a,
                                        ReseauContact *b)
{
  GPtrArray *va = reseau_contact_get_values (a);
  GPtrArray *vb = reseau_contact_get_values (b);
  const char * const *ea = reseau_contact_get_extra_vcard (a);
  const char * const *eb = reseau_contact_get_extra_vcard (b);
  GBytes *pa = reseau_contact_get_photo (a);
  GBytes *pb = reseau_contact_get_photo (b);

  for (ReseauTextField f = 0; f < RESEAU_N_TEXT_FIELDS; f++)
    g_assert_cmpstr (reseau_contact_get_text (a, f), ==, reseau_contact_get_text (b, f));
  g_assert_cmpint (reseau_contact_get_tie (a), ==, reseau_contact_get_tie (b));
  g_assert_cmpuint (va->len, ==, vb->len);
  for (guint i = 0; i < va->len; i++)
    {
      ReseauContactValue *x = g_ptr_array_index (va, i), *y = g_ptr_array_index (vb, i);

      g_assert_cmpint (x->kind, ==, y->kind);
      g_assert_cmpint (x->type, ==, y->type);
      g_assert_cmpstr (x->value, ==, y->value);
      g_assert_true (reseau_contact_value_equal (x, y));
    }
  g_assert_true ((pa == NULL) == (pb == NULL));
  if (pa != NULL)
    g_assert_true (g_bytes_equal (pa, pb));
  g_assert_true ((ea == NULL) == (eb == NULL));
  if (ea != NULL)
    g_assert_cmpstrv (ea, eb);
}

void
interchange_test_assert_problem (GPtrArray *problems,
                                 guint      index,
                                 guint      line,
                                 gboolean   skipped,
                                 GQuark     domain,
                                 gint       code)
{
  ReseauImportProblem *problem;

  g_assert_cmpuint (index, <, problems->len);
  problem = g_ptr_array_index (problems, index);
  g_test_message ("problem %u: %s", index, problem->error->message);
  g_assert_error (problem->error, domain, code);
  g_assert_cmpuint (problem->line, ==, line);
  g_assert_cmpint (problem->skipped, ==, skipped);
  /* The message names the line, as the importer shows it as it is. */
  {
    g_autofree char *prefix = g_strdup_printf ("%u", line);

    g_assert_nonnull (strstr (problem->error->message, prefix));
  }
}

ReseauContactValue *
interchange_test_value (ReseauContact *contact,
                        guint          index)
{
  GPtrArray *values = reseau_contact_get_values (contact);

  g_assert_cmpuint (index, <, values->len);
  return g_ptr_array_index (values, index);
}
