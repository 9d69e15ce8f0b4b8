/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-contact-row"

#include "config.h"

#include "reseau-contact-row.h"

struct _ReseauContactRow
{
  GtkWidget      parent_instance;

  ReseauContact *contact;
  gulong         notify_id;

  AdwAvatar     *avatar;
  GtkLabel      *name_label;
  GtkLabel      *subtitle_label;
};

G_DEFINE_FINAL_TYPE (ReseauContactRow, reseau_contact_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Returns: (transfer full) (nullable): the contact's photo, or %NULL if it has none or it
 * cannot be decoded. */
GdkPaintable *
reseau_contact_photo_paintable (ReseauContact *contact)
{
  GBytes *photo = contact ? reseau_contact_get_photo (contact) : NULL;

  if (photo == NULL)
    return NULL;
  return GDK_PAINTABLE (gdk_texture_new_from_bytes (photo, NULL));
}

static void
update (ReseauContactRow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  g_autoptr(GdkPaintable) photo = NULL;

  if (self->contact == NULL)
    return;

  name = reseau_contact_dup_name (self->contact);
  subtitle = reseau_contact_dup_subtitle (self->contact);
  photo = reseau_contact_photo_paintable (self->contact);

  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle[0] != '\0');
  adw_avatar_set_text (self->avatar, name);
  adw_avatar_set_custom_image (self->avatar, photo);
}

static void
reseau_contact_row_dispose (GObject *object)
{
  ReseauContactRow *self = RESEAU_CONTACT_ROW (object);
  GtkWidget *child;

  reseau_contact_row_set_contact (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RESEAU_TYPE_CONTACT_ROW);
  /* The template's root child has no id, so dispose_template() leaves it to us. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (reseau_contact_row_parent_class)->dispose (object);
}

static void
reseau_contact_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTACT:
      g_value_set_object (value, RESEAU_CONTACT_ROW (object)->contact);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reseau_contact_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTACT:
      reseau_contact_row_set_contact (RESEAU_CONTACT_ROW (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reseau_contact_row_class_init (ReseauContactRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reseau_contact_row_dispose;
  object_class->get_property = reseau_contact_row_get_property;
  object_class->set_property = reseau_contact_row_set_property;

  properties[PROP_CONTACT] =
    g_param_spec_object ("contact", NULL, NULL, RESEAU_TYPE_CONTACT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Reseau/reseau-contact-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ReseauContactRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, ReseauContactRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, ReseauContactRow, subtitle_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "contactrow");
}

static void
reseau_contact_row_init (ReseauContactRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ReseauContact *
reseau_contact_row_get_contact (ReseauContactRow *self)
{
  g_return_val_if_fail (RESEAU_IS_CONTACT_ROW (self), NULL);
  return self->contact;
}

void
reseau_contact_row_set_contact (ReseauContactRow *self,
                                ReseauContact    *contact)
{
  g_return_if_fail (RESEAU_IS_CONTACT_ROW (self));

  if (self->contact == contact)
    return;
  if (self->contact != NULL)
    g_clear_signal_handler (&self->notify_id, self->contact);
  g_set_object (&self->contact, contact);
  if (contact != NULL)
    self->notify_id = g_signal_connect_object (contact, "notify", G_CALLBACK (update), self,
                                               G_CONNECT_SWAPPED);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT]);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item)
{
  ReseauContactRow *row = RESEAU_CONTACT_ROW (gtk_list_item_get_child (item));
  ReseauContact *contact = gtk_list_item_get_item (item);
  g_autofree char *name = reseau_contact_dup_name (contact);

  reseau_contact_row_set_contact (row, contact);
  gtk_list_item_set_accessible_label (item, name);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  reseau_contact_row_set_contact (RESEAU_CONTACT_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  gtk_list_item_set_child (item, g_object_new (RESEAU_TYPE_CONTACT_ROW, NULL));
}

GtkListItemFactory *
reseau_contact_row_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), NULL);
  return factory;
}
