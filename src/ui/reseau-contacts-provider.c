/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-contacts-provider"

#include "config.h"

#include "reseau-contacts-provider.h"
#include "reseau-dnd.h"
#include "reseau-vcard-writer.h"

struct _ReseauContactsProvider
{
  GdkContentProvider  parent_instance;

  ReseauStore        *store;
  ReseauContactIds   *ids;
};

G_DEFINE_FINAL_TYPE (ReseauContactsProvider, reseau_contacts_provider, GDK_TYPE_CONTENT_PROVIDER)

static const char * const vcard_mime_types[] = { "text/vcard", "text/x-vcard", NULL };

static GdkContentFormats *
reseau_contacts_provider_ref_formats (GdkContentProvider *provider)
{
  GdkContentFormatsBuilder *builder = gdk_content_formats_builder_new ();

  gdk_content_formats_builder_add_gtype (builder, RESEAU_TYPE_CONTACT_IDS);
  for (guint i = 0; vcard_mime_types[i] != NULL; i++)
    gdk_content_formats_builder_add_mime_type (builder, vcard_mime_types[i]);
  return gdk_content_formats_builder_free_to_formats (builder);
}

static gboolean
reseau_contacts_provider_get_value (GdkContentProvider  *provider,
                                    GValue              *value,
                                    GError             **error)
{
  ReseauContactsProvider *self = RESEAU_CONTACTS_PROVIDER (provider);

  if (G_VALUE_HOLDS (value, RESEAU_TYPE_CONTACT_IDS))
    {
      g_value_set_boxed (value, self->ids);
      return TRUE;
    }
  return GDK_CONTENT_PROVIDER_CLASS (reseau_contacts_provider_parent_class)->get_value (provider, value, error);
}

/* The cards are read from the store here, on the main thread that owns it, and only the
 * writing goes asynchronous: 1,000 cards make about a megabyte. */
static GBytes *
serialize (ReseauContactsProvider *self)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < self->ids->ids->len; i++)
    {
      g_autoptr(ReseauContact) contact = reseau_store_load_contact (self->store,
                                                                    g_array_index (self->ids->ids, gint64, i),
                                                                    TRUE, NULL);

      if (contact != NULL)
        reseau_vcard_append_contact (out, contact, NULL, RESEAU_VCARD_VERSION_4_0);
    }
  return g_string_free_to_bytes (g_steal_pointer (&out));
}

static void
write_done_cb (GObject      *stream,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(GTask) task = data;
  GError *error = NULL;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (stream), result, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
reseau_contacts_provider_write_mime_type_async (GdkContentProvider  *provider,
                                                const char          *mime_type,
                                                GOutputStream       *stream,
                                                int                  io_priority,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data)
{
  ReseauContactsProvider *self = RESEAU_CONTACTS_PROVIDER (provider);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  gconstpointer data;

  if (!g_strv_contains ((const char * const *) vcard_mime_types, mime_type))
    {
      GDK_CONTENT_PROVIDER_CLASS (reseau_contacts_provider_parent_class)->write_mime_type_async (
        provider, mime_type, stream, io_priority, cancellable, callback, user_data);
      return;
    }
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, reseau_contacts_provider_write_mime_type_async);
  bytes = serialize (self);
  data = g_bytes_get_data (bytes, &size);
  g_task_set_task_data (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
  g_output_stream_write_all_async (stream, data, size, io_priority, cancellable, write_done_cb,
                                   g_steal_pointer (&task));
}

static gboolean
reseau_contacts_provider_write_mime_type_finish (GdkContentProvider  *provider,
                                                 GAsyncResult        *result,
                                                 GError             **error)
{
  if (!g_async_result_is_tagged (result, reseau_contacts_provider_write_mime_type_async))
    return GDK_CONTENT_PROVIDER_CLASS (reseau_contacts_provider_parent_class)->write_mime_type_finish (
      provider, result, error);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
reseau_contacts_provider_finalize (GObject *object)
{
  ReseauContactsProvider *self = RESEAU_CONTACTS_PROVIDER (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->ids, reseau_contact_ids_free);

  G_OBJECT_CLASS (reseau_contacts_provider_parent_class)->finalize (object);
}

static void
reseau_contacts_provider_class_init (ReseauContactsProviderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GdkContentProviderClass *provider_class = GDK_CONTENT_PROVIDER_CLASS (klass);

  object_class->finalize = reseau_contacts_provider_finalize;
  provider_class->ref_formats = reseau_contacts_provider_ref_formats;
  provider_class->get_value = reseau_contacts_provider_get_value;
  provider_class->write_mime_type_async = reseau_contacts_provider_write_mime_type_async;
  provider_class->write_mime_type_finish = reseau_contacts_provider_write_mime_type_finish;
}

static void
reseau_contacts_provider_init (ReseauContactsProvider *self)
{
}

GdkContentProvider *
reseau_contacts_provider_new (ReseauStore  *store,
                              const gint64 *ids,
                              guint         n_ids,
                              gint64        from_circle)
{
  ReseauContactsProvider *self;

  g_return_val_if_fail (RESEAU_IS_STORE (store), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  self = g_object_new (RESEAU_TYPE_CONTACTS_PROVIDER, NULL);
  self->store = g_object_ref (store);
  self->ids = reseau_contact_ids_new (ids, n_ids, from_circle);
  return GDK_CONTENT_PROVIDER (self);
}
