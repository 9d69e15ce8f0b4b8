/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-contact-list"

#include "config.h"

#include "reseau-contact-list.h"

/* A GListModel of the contacts matching a search, in display order, that stays fast at
 * 100,000 contacts: it holds only ids and section letters, and makes a ReseauContact when
 * a row asks for one. Objects alive in rows are kept in a weak cache so that a change in
 * the store updates them in place instead of rebuilding the rows. */
struct _ReseauContactList
{
  GObject          parent_instance;

  ReseauStore     *store;
  char            *search;
  ReseauSegment   *segment;        /* NULL: every contact */
  ReseauSortOrder  order;
  GArray          *entries;        /* ReseauListEntry */
  GArray          *section_starts; /* guint, ascending */
  GHashTable      *alive;          /* id → ReseauContact (weak) */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ReseauContactList, reseau_contact_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_SEARCH,
  PROP_SORT_ORDER,
  PROP_SEGMENT,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
reseau_contact_list_get_item_type (GListModel *model)
{
  return RESEAU_TYPE_CONTACT;
}

static guint
reseau_contact_list_get_n_items (GListModel *model)
{
  return RESEAU_CONTACT_LIST (model)->entries->len;
}

static void
contact_finalized_cb (gpointer  data,
                      GObject  *where_the_object_was)
{
  ReseauContactList *self = data;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->alive);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value == (gpointer)where_the_object_was)
      {
        g_hash_table_iter_remove (&iter);
        break;
      }
}

static gpointer
reseau_contact_list_get_item (GListModel *model,
                              guint       position)
{
  ReseauContactList *self = RESEAU_CONTACT_LIST (model);
  g_autoptr(GError) error = NULL;
  ReseauContact *contact;
  gint64 id;

  if (position >= self->entries->len)
    return NULL;

  id = g_array_index (self->entries, ReseauListEntry, position).id;
  contact = g_hash_table_lookup (self->alive, &id);
  if (contact != NULL)
    return g_object_ref (contact);

  /* With its values: a card with only an email address is shown under that address. */
  contact = reseau_store_load_contact (self->store, id, TRUE, &error);
  if (contact == NULL)
    {
      /* Deleted behind our back: hand out an empty card rather than break the list; the
       * store's change signal removes the row right after. */
      g_debug ("Contact %" G_GINT64_FORMAT " vanished: %s", id, error->message);
      contact = reseau_contact_new ();
      _reseau_contact_set_id (contact, id);
    }
  g_hash_table_insert (self->alive, g_memdup2 (&id, sizeof id), contact);
  g_object_weak_ref (G_OBJECT (contact), contact_finalized_cb, self);
  return contact;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = reseau_contact_list_get_item_type;
  iface->get_n_items = reseau_contact_list_get_n_items;
  iface->get_item = reseau_contact_list_get_item;
}

static void
compute_sections (ReseauContactList *self)
{
  const char *previous = NULL;

  g_array_set_size (self->section_starts, 0);
  for (guint i = 0; i < self->entries->len; i++)
    {
      const char *initial = g_array_index (self->entries, ReseauListEntry, i).initial;

      if (previous == NULL || strcmp (previous, initial) != 0)
        g_array_append_val (self->section_starts, i);
      previous = initial;
    }
}

static void
refresh_alive (ReseauContactList *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->alive);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    reseau_store_refresh_contact (self->store, value, NULL);
}

/**
 * reseau_contact_list_reload:
 *
 * Re-reads the ids from the store and emits one ::items-changed covering exactly the
 * range that differs (common prefix and suffix are kept, so a single insertion, removal or
 * move is one minimal signal and selections elsewhere survive).
 */
gboolean
reseau_contact_list_reload (ReseauContactList  *self,
                            GError            **error)
{
  g_autoptr(GArray) entries = NULL;
  guint old_len, new_len, prefix = 0, suffix = 0;

  g_return_val_if_fail (RESEAU_IS_CONTACT_LIST (self), FALSE);

  entries = reseau_store_segment_entries (self->store, self->segment, self->order, self->search, error);
  if (entries == NULL)
    return FALSE;

  old_len = self->entries->len;
  new_len = entries->len;
  while (prefix < old_len && prefix < new_len &&
         g_array_index (self->entries, ReseauListEntry, prefix).id ==
         g_array_index (entries, ReseauListEntry, prefix).id)
    prefix++;
  while (suffix < old_len - prefix && suffix < new_len - prefix &&
         g_array_index (self->entries, ReseauListEntry, old_len - 1 - suffix).id ==
         g_array_index (entries, ReseauListEntry, new_len - 1 - suffix).id)
    suffix++;

  g_array_unref (self->entries);
  self->entries = g_steal_pointer (&entries);
  compute_sections (self);
  refresh_alive (self);

  if (prefix != old_len || prefix != new_len)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_len - prefix - suffix,
                                new_len - prefix - suffix);
  if (old_len != new_len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  return TRUE;
}

static void
store_changed_cb (ReseauContactList *self,
                  ReseauStore       *store)
{
  g_autoptr(GError) error = NULL;

  if (!reseau_contact_list_reload (self, &error))
    g_warning ("Could not refresh the contact list: %s", error->message);
}

static void
reseau_contact_list_constructed (GObject *object)
{
  ReseauContactList *self = RESEAU_CONTACT_LIST (object);

  G_OBJECT_CLASS (reseau_contact_list_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  store_changed_cb (self, self->store);
}

static void
reseau_contact_list_dispose (GObject *object)
{
  ReseauContactList *self = RESEAU_CONTACT_LIST (object);
  GHashTableIter iter;
  gpointer value;

  if (self->alive != NULL)
    {
      g_hash_table_iter_init (&iter, self->alive);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_object_weak_unref (value, contact_finalized_cb, self);
      g_hash_table_remove_all (self->alive);
    }
  g_clear_object (&self->store);
  if (self->segment != NULL)
    g_signal_handlers_disconnect_by_data (self->segment, self);
  g_clear_object (&self->segment);

  G_OBJECT_CLASS (reseau_contact_list_parent_class)->dispose (object);
}

static void
reseau_contact_list_finalize (GObject *object)
{
  ReseauContactList *self = RESEAU_CONTACT_LIST (object);

  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->section_starts, g_array_unref);
  g_clear_pointer (&self->alive, g_hash_table_unref);
  g_free (self->search);

  G_OBJECT_CLASS (reseau_contact_list_parent_class)->finalize (object);
}

static void
reseau_contact_list_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ReseauContactList *self = RESEAU_CONTACT_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_SORT_ORDER:
      g_value_set_int (value, self->order);
      break;
    case PROP_SEGMENT:
      g_value_set_object (value, self->segment);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->entries->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reseau_contact_list_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ReseauContactList *self = RESEAU_CONTACT_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SEARCH:
      reseau_contact_list_set_search (self, g_value_get_string (value));
      break;
    case PROP_SORT_ORDER:
      reseau_contact_list_set_sort_order (self, g_value_get_int (value));
      break;
    case PROP_SEGMENT:
      reseau_contact_list_set_segment (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reseau_contact_list_class_init (ReseauContactListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = reseau_contact_list_constructed;
  object_class->dispose = reseau_contact_list_dispose;
  object_class->finalize = reseau_contact_list_finalize;
  object_class->get_property = reseau_contact_list_get_property;
  object_class->set_property = reseau_contact_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RESEAU_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT_ORDER] =
    g_param_spec_int ("sort-order", NULL, NULL, RESEAU_SORT_GIVEN_NAME, RESEAU_SORT_FAMILY_NAME,
                      RESEAU_SORT_GIVEN_NAME,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A circle, "Not in a Circle", "Reconnect" or a saved segment; followed while it is edited. */
  properties[PROP_SEGMENT] =
    g_param_spec_object ("segment", NULL, NULL, RESEAU_TYPE_SEGMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
reseau_contact_list_init (ReseauContactList *self)
{
  self->entries = g_array_new (FALSE, FALSE, sizeof (ReseauListEntry));
  self->section_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->alive = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

ReseauContactList *
reseau_contact_list_new (ReseauStore *store)
{
  g_return_val_if_fail (RESEAU_IS_STORE (store), NULL);
  return g_object_new (RESEAU_TYPE_CONTACT_LIST, "store", store, NULL);
}

ReseauStore *
reseau_contact_list_get_store (ReseauContactList *self)
{
  g_return_val_if_fail (RESEAU_IS_CONTACT_LIST (self), NULL);
  return self->store;
}

const char *
reseau_contact_list_get_search (ReseauContactList *self)
{
  g_return_val_if_fail (RESEAU_IS_CONTACT_LIST (self), NULL);
  return self->search;
}

void
reseau_contact_list_set_search (ReseauContactList *self,
                                const char        *search)
{
  g_return_if_fail (RESEAU_IS_CONTACT_LIST (self));

  if (search != NULL && search[0] == '\0')
    search = NULL;
  if (!g_set_str (&self->search, search))
    return;
  if (self->store != NULL)
    store_changed_cb (self, self->store);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

ReseauSortOrder
reseau_contact_list_get_sort_order (ReseauContactList *self)
{
  g_return_val_if_fail (RESEAU_IS_CONTACT_LIST (self), RESEAU_SORT_GIVEN_NAME);
  return self->order;
}

void
reseau_contact_list_set_sort_order (ReseauContactList *self,
                                    ReseauSortOrder    order)
{
  g_return_if_fail (RESEAU_IS_CONTACT_LIST (self));

  if (self->order == order)
    return;
  self->order = order;
  if (self->store != NULL)
    store_changed_cb (self, self->store);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_ORDER]);
}

ReseauSegment *
reseau_contact_list_get_segment (ReseauContactList *self)
{
  g_return_val_if_fail (RESEAU_IS_CONTACT_LIST (self), NULL);
  return self->segment;
}

static void
segment_changed_cb (ReseauContactList *self)
{
  if (self->store != NULL)
    store_changed_cb (self, self->store);
}

/**
 * reseau_contact_list_set_segment:
 * @segment: (nullable): the contacts to show; %NULL for all
 *
 * Shows only the contacts @segment matches, still in display order and narrowed by the
 * search. The list follows changes to @segment, as the segment builder makes them.
 */
void
reseau_contact_list_set_segment (ReseauContactList *self,
                                 ReseauSegment     *segment)
{
  g_return_if_fail (RESEAU_IS_CONTACT_LIST (self));
  g_return_if_fail (segment == NULL || RESEAU_IS_SEGMENT (segment));

  if (self->segment == segment)
    return;
  if (self->segment != NULL)
    g_signal_handlers_disconnect_by_data (self->segment, self);
  g_set_object (&self->segment, segment);
  if (segment != NULL)
    g_signal_connect_object (segment, "changed", G_CALLBACK (segment_changed_cb), self,
                             G_CONNECT_SWAPPED);
  segment_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEGMENT]);
}

gint64
reseau_contact_list_get_id (ReseauContactList *self,
                            guint              position)
{
  g_return_val_if_fail (RESEAU_IS_CONTACT_LIST (self), 0);
  g_return_val_if_fail (position < self->entries->len, 0);
  return g_array_index (self->entries, ReseauListEntry, position).id;
}

/* Returns: the position of @id, or G_MAXUINT if it is not in the list. */
guint
reseau_contact_list_find (ReseauContactList *self,
                          gint64             id)
{
  g_return_val_if_fail (RESEAU_IS_CONTACT_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->entries->len; i++)
    if (g_array_index (self->entries, ReseauListEntry, i).id == id)
      return i;
  return G_MAXUINT;
}

const char *
reseau_contact_list_get_initial (ReseauContactList *self,
                                 guint              position)
{
  g_return_val_if_fail (RESEAU_IS_CONTACT_LIST (self), NULL);
  g_return_val_if_fail (position < self->entries->len, NULL);
  return g_array_index (self->entries, ReseauListEntry, position).initial;
}

/* The section (rows sharing the same initial) that contains @position, as [start, end). */
void
reseau_contact_list_get_section (ReseauContactList *self,
                                 guint              position,
                                 guint             *out_start,
                                 guint             *out_end)
{
  guint lo = 0, hi;

  g_return_if_fail (RESEAU_IS_CONTACT_LIST (self));

  if (position >= self->entries->len)
    {
      *out_start = self->entries->len;
      *out_end = G_MAXUINT;
      return;
    }

  hi = self->section_starts->len;
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (self->section_starts, guint, mid) <= position)
        lo = mid;
      else
        hi = mid;
    }
  *out_start = g_array_index (self->section_starts, guint, lo);
  *out_end = lo + 1 < self->section_starts->len ? g_array_index (self->section_starts, guint, lo + 1)
                                                : self->entries->len;
}
