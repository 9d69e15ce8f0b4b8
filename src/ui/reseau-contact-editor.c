/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-contact-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "reseau-contact-editor.h"
#include "reseau-validate.h"

/* The edit form of a contact card. It edits a copy: nothing reaches the contact shown, nor
 * the store, until the page saves what reseau_contact_editor_dup_contact() returns. */
struct _ReseauContactEditor
{
  GtkWidget             parent_instance;

  ReseauStore          *store;
  ReseauContact        *contact;
  AdwEntryRow          *text_rows[RESEAU_N_TEXT_FIELDS];
  AdwComboRow          *tie_row;
  AdwActionRow         *introducer_row;
  gint64                introducer_id;
  GtkTextBuffer        *notes;
  AdwPreferencesGroup  *value_groups[RESEAU_VALUE_ADDRESS + 1];
  GPtrArray            *value_rows; /* in display order; owned by their groups */
  GtkBox               *box;
  AdwAvatar            *avatar;
  GtkWidget            *remove_photo;
  GBytes               *photo;
  GCancellable         *photo_cancellable;
  GtkSearchEntry       *introducer_search;
  GtkListBox           *introducer_results;
  GtkPopover           *introducer_popover;
};

G_DEFINE_FINAL_TYPE (ReseauContactEditor, reseau_contact_editor, GTK_TYPE_WIDGET)

static GtkWidget *introducer_chooser_new         (ReseauContactEditor *self);
static GtkWidget *photo_header_new               (ReseauContactEditor *self);
static void       reseau_contact_editor_finalize (GObject             *object);

/* The labels' positions are the ReseauValueType values. */
static GtkStringList *
type_labels (ReseauValueKind kind)
{
  const char *labels[] = {
    C_("value type", "Other"), C_("value type", "Work"), C_("value type", "Home"),
    NULL, NULL, NULL,
  };

  if (kind == RESEAU_VALUE_PHONE)
    labels[3] = C_("value type", "Mobile");
  else if (kind == RESEAU_VALUE_URL)
    labels[3] = C_("value type", "Mobile"), labels[4] = C_("value type", "Profile");
  return gtk_string_list_new (labels);
}

static void
show_row_error (GtkWidget  *row,
                GtkWidget  *icon,
                const char *message)
{
  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  gtk_widget_set_visible (icon, message != NULL);
  gtk_widget_set_tooltip_text (icon, message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message ? message : "", -1);
}

/* Checks one field as the user types, so that mistakes show before Done is pressed. */
static gboolean
check_row (GtkWidget  *row,
           GError    **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), "error-icon");
  int kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "value-kind"));
  int field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "text-field")) - 1;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  gboolean ok = TRUE;

  if (kind == RESEAU_VALUE_EMAIL && *trimmed != '\0')
    ok = reseau_validate_email (trimmed, &local_error);
  else if (kind == RESEAU_VALUE_PHONE && *trimmed != '\0')
    ok = reseau_validate_phone (trimmed, &local_error);
  else if (kind == RESEAU_VALUE_URL && *trimmed != '\0')
    {
      g_autofree char *url = reseau_normalize_url (trimmed, &local_error);
      ok = url != NULL;
    }
  else if (field == RESEAU_FIELD_BIRTHDAY || field == RESEAU_FIELD_MET_ON)
    ok = reseau_validate_date (reseau_text_field_label (field), trimmed, &local_error);
  else if (field >= 0)
    ok = reseau_validate_text (reseau_text_field_label (field), text, FALSE, RESEAU_MAX_LINE_LENGTH,
                               &local_error);

  if (icon != NULL)
    show_row_error (row, icon, ok ? NULL : local_error->message);
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

static void
row_changed_cb (GtkEditable *row)
{
  check_row (GTK_WIDGET (row), NULL);
}

static GtkWidget *
add_error_icon (AdwEntryRow *row)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_set_visible (icon, FALSE);
  gtk_widget_add_css_class (icon, "error");
  adw_entry_row_add_suffix (row, icon);
  g_object_set_data (G_OBJECT (row), "error-icon", icon);
  g_signal_connect (row, "changed", G_CALLBACK (row_changed_cb), NULL);
  return icon;
}

static AdwEntryRow *
add_text_row (ReseauContactEditor *self,
              GtkWidget           *parent,
              ReseauTextField      field,
              const char          *hint)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), reseau_text_field_label (field));
  g_object_set_data (G_OBJECT (row), "text-field", GINT_TO_POINTER (field + 1));
  if (hint != NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (row), hint);
  add_error_icon (row);
  self->text_rows[field] = row;
  if (ADW_IS_EXPANDER_ROW (parent))
    adw_expander_row_add_row (ADW_EXPANDER_ROW (parent), GTK_WIDGET (row));
  else
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (parent), GTK_WIDGET (row));
  return row;
}

static AdwPreferencesGroup *
add_group (ReseauContactEditor *self,
           const char          *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (self->box, group);
  return ADW_PREFERENCES_GROUP (group);
}

static void
remove_value_cb (GtkButton *button,
                 GtkWidget *row)
{
  ReseauContactEditor *self = g_object_get_data (G_OBJECT (row), "editor");
  ReseauValueKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "value-kind"));

  g_ptr_array_remove (self->value_rows, row);
  adw_preferences_group_remove (self->value_groups[kind], row);
}

static void
track_value_row (ReseauContactEditor *self,
                 GtkWidget           *row,
                 ReseauValueKind      kind)
{
  g_object_set_data (G_OBJECT (row), "editor", self);
  g_object_set_data (G_OBJECT (row), "value-kind", GINT_TO_POINTER (kind));
  g_ptr_array_add (self->value_rows, row);
  adw_preferences_group_add (self->value_groups[kind], row);
}

static GtkWidget *
remove_button_for (GtkWidget  *row,
                   const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", G_CALLBACK (remove_value_cb), row);
  return button;
}

static const char *
kind_title (ReseauValueKind kind)
{
  switch (kind)
    {
    case RESEAU_VALUE_EMAIL:   return _("Email");
    case RESEAU_VALUE_PHONE:   return _("Phone");
    case RESEAU_VALUE_URL:     return _("Web link");
    case RESEAU_VALUE_ADDRESS: return _("Address");
    default: g_assert_not_reached ();
    }
}

static void
add_address_row (ReseauContactEditor      *self,
                 const ReseauContactValue *value)
{
  static const char *parts[] = { "street", "postal-code", "locality", "region", "country" };
  const char *titles[] = { _("Street"), _("Postal code"), _("City"), _("Region"), _("Country") };
  const char *texts[] = { value->value, value->postal_code, value->locality, value->region, value->country };
  GtkWidget *expander = adw_expander_row_new ();
  g_autofree char *summary = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), kind_title (RESEAU_VALUE_ADDRESS));
  summary = g_strjoin (" ", value->locality ? value->locality : "", value->country ? value->country : "", NULL);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), g_strstrip (summary));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), value->value[0] == '\0' && value->locality == NULL);
  adw_expander_row_add_suffix (ADW_EXPANDER_ROW (expander), remove_button_for (expander, _("Remove Address")));
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), titles[i]);
      gtk_editable_set_text (GTK_EDITABLE (row), texts[i] ? texts[i] : "");
      g_object_set_data (G_OBJECT (expander), parts[i], row);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }
  track_value_row (self, expander, RESEAU_VALUE_ADDRESS);
}

static void
add_value_row (ReseauContactEditor      *self,
               const ReseauContactValue *value)
{
  AdwEntryRow *row;
  GtkWidget *types;
  g_autoptr(GtkStringList) labels = NULL;

  if (value->kind == RESEAU_VALUE_ADDRESS)
    {
      add_address_row (self, value);
      return;
    }

  row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kind_title (value->kind));
  gtk_editable_set_text (GTK_EDITABLE (row), value->value);
  g_object_set_data (G_OBJECT (row), "value-kind", GINT_TO_POINTER (value->kind));
  if (value->kind == RESEAU_VALUE_EMAIL)
    adw_entry_row_set_input_purpose (row, GTK_INPUT_PURPOSE_EMAIL);
  else if (value->kind == RESEAU_VALUE_PHONE)
    adw_entry_row_set_input_purpose (row, GTK_INPUT_PURPOSE_PHONE);
  else
    adw_entry_row_set_input_purpose (row, GTK_INPUT_PURPOSE_URL);
  add_error_icon (row);

  labels = type_labels (value->kind);
  types = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  gtk_widget_set_valign (types, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (types, "flat");
  gtk_widget_set_tooltip_text (types, _("Type"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (types),
                              MIN ((guint)value->type, g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (types))) - 1));
  g_object_set_data (G_OBJECT (row), "type-dropdown", types);
  adw_entry_row_add_suffix (row, types);
  adw_entry_row_add_suffix (row, remove_button_for (GTK_WIDGET (row), _("Remove")));
  track_value_row (self, GTK_WIDGET (row), value->kind);
  check_row (GTK_WIDGET (row), NULL);
}

static void
add_value_clicked_cb (GtkWidget           *button,
                      ReseauContactEditor *self)
{
  ReseauValueKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "value-kind"));
  g_autoptr(ReseauContactValue) value = reseau_contact_value_new (kind, RESEAU_VALUE_TYPE_WORK, "");

  add_value_row (self, value);
}

static void
add_value_group (ReseauContactEditor *self,
                 ReseauValueKind      kind,
                 const char          *title,
                 const char          *add_label)
{
  AdwPreferencesGroup *group = add_group (self, title);
  GtkWidget *add = gtk_button_new ();

  gtk_button_set_child (GTK_BUTTON (add), g_object_new (ADW_TYPE_BUTTON_CONTENT,
                                                       "icon-name", "list-add-symbolic",
                                                       "label", add_label,
                                                       "use-underline", TRUE, NULL));
  gtk_widget_add_css_class (add, "flat");
  g_object_set_data (G_OBJECT (add), "value-kind", GINT_TO_POINTER (kind));
  g_signal_connect (add, "clicked", G_CALLBACK (add_value_clicked_cb), self);
  adw_preferences_group_set_header_suffix (group, add);
  self->value_groups[kind] = group;
}

static void
clear_introducer_cb (ReseauContactEditor *self)
{
  reseau_contact_editor_set_introducer (self, 0);
}

static void
show_photo (ReseauContactEditor *self)
{
  g_autoptr(GdkTexture) texture = NULL;

  if (self->photo != NULL)
    texture = gdk_texture_new_from_bytes (self->photo, NULL);
  adw_avatar_set_custom_image (self->avatar, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (self->remove_photo, self->photo != NULL);
}

/* Photos are kept small: a 256 px PNG is plenty for an avatar and keeps the database lean. */
static GBytes *
scale_photo (GFile   *file,
             GError **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autofree char *data = NULL;
  gsize size;

  if ((stream = g_file_read (file, NULL, error)) == NULL ||
      (pixbuf = gdk_pixbuf_new_from_stream_at_scale (G_INPUT_STREAM (stream), 256, 256, TRUE, NULL, error)) == NULL ||
      !gdk_pixbuf_save_to_buffer (pixbuf, &data, &size, "png", error, NULL))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&data), size);
}

static void
photo_chosen_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ReseauContactEditor) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) photo = NULL;

  if (file == NULL)
    return;
  if ((photo = scale_photo (file, &error)) == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = g_strdup_printf (_("“%s” could not be used as a photo: %s"), name, error->message);
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
      return;
    }
  g_clear_pointer (&self->photo, g_bytes_unref);
  self->photo = g_steal_pointer (&photo);
  show_photo (self);
}

static void
choose_photo_cb (ReseauContactEditor *self)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  gtk_file_filter_set_name (filter, _("Images"));
  gtk_file_filter_add_pixbuf_formats (filter);
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_title (dialog, _("Choose a Photo"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  g_cancellable_cancel (self->photo_cancellable);
  g_clear_object (&self->photo_cancellable);
  self->photo_cancellable = g_cancellable_new ();
  gtk_file_dialog_open (dialog, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                        self->photo_cancellable, photo_chosen_cb, g_object_ref (self));
}

static void
remove_photo_cb (ReseauContactEditor *self)
{
  g_clear_pointer (&self->photo, g_bytes_unref);
  show_photo (self);
}

static GtkWidget *
photo_header_new (ReseauContactEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *choose = gtk_button_new_with_mnemonic (_("C_hange Photo…"));

  self->avatar = ADW_AVATAR (adw_avatar_new (96, NULL, TRUE));
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (choose, "pill");
  g_signal_connect_swapped (choose, "clicked", G_CALLBACK (choose_photo_cb), self);
  self->remove_photo = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (self->remove_photo, _("Remove Photo"));
  gtk_widget_add_css_class (self->remove_photo, "circular");
  gtk_widget_set_valign (self->remove_photo, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->remove_photo, "clicked", G_CALLBACK (remove_photo_cb), self);
  gtk_box_append (GTK_BOX (buttons), choose);
  gtk_box_append (GTK_BOX (buttons), self->remove_photo);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->avatar));
  gtk_box_append (GTK_BOX (box), buttons);
  return box;
}

static void
build_form (ReseauContactEditor *self)
{
  AdwPreferencesGroup *group;
  GtkWidget *more, *clear, *choose, *notes_view;
  g_autoptr(GtkStringList) ties = NULL;
  const char *tie_labels[] = { C_("tie strength", "Not Set"), C_("tie strength", "Close"),
                               C_("tie strength", "Regular"), C_("tie strength", "Weak"), NULL };

  gtk_box_append (self->box, photo_header_new (self));
  group = add_group (self, _("Name"));
  add_text_row (self, GTK_WIDGET (group), RESEAU_FIELD_GIVEN, NULL);
  add_text_row (self, GTK_WIDGET (group), RESEAU_FIELD_FAMILY, NULL);
  add_text_row (self, GTK_WIDGET (group), RESEAU_FIELD_NICKNAME, NULL);
  more = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), _("More Name Fields"));
  adw_preferences_group_add (group, more);
  add_text_row (self, more, RESEAU_FIELD_PREFIX, NULL);
  add_text_row (self, more, RESEAU_FIELD_ADDITIONAL, NULL);
  add_text_row (self, more, RESEAU_FIELD_SUFFIX, NULL);
  add_text_row (self, more, RESEAU_FIELD_DISPLAY_NAME, _("Shown instead of the name parts when set"));

  group = add_group (self, _("Work"));
  add_text_row (self, GTK_WIDGET (group), RESEAU_FIELD_ORGANIZATION, NULL);
  add_text_row (self, GTK_WIDGET (group), RESEAU_FIELD_DEPARTMENT, NULL);
  add_text_row (self, GTK_WIDGET (group), RESEAU_FIELD_TITLE, NULL);

  add_value_group (self, RESEAU_VALUE_EMAIL, _("Emails"), _("Add _Email"));
  add_value_group (self, RESEAU_VALUE_PHONE, _("Phones"), _("Add _Phone"));
  add_value_group (self, RESEAU_VALUE_URL, _("Web Links"), _("Add _Link"));
  add_value_group (self, RESEAU_VALUE_ADDRESS, _("Addresses"), _("Add _Address"));

  group = add_group (self, _("Relationship"));
  ties = gtk_string_list_new (tie_labels);
  self->tie_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->tie_row), _("Tie Strength"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->tie_row), _("How well you know each other"));
  adw_combo_row_set_model (self->tie_row, G_LIST_MODEL (ties));
  adw_preferences_group_add (group, GTK_WIDGET (self->tie_row));

  self->introducer_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->introducer_row), _("Introduced By"));
  choose = introducer_chooser_new (self);
  adw_action_row_add_suffix (self->introducer_row, choose);
  clear = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  gtk_widget_set_valign (clear, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (clear, "flat");
  gtk_widget_set_tooltip_text (clear, _("Clear"));
  g_signal_connect_swapped (clear, "clicked", G_CALLBACK (clear_introducer_cb), self);
  g_object_set_data (G_OBJECT (self->introducer_row), "clear", clear);
  adw_action_row_add_suffix (self->introducer_row, clear);
  adw_preferences_group_add (group, GTK_WIDGET (self->introducer_row));
  add_text_row (self, GTK_WIDGET (group), RESEAU_FIELD_MET_WHERE, NULL);
  add_text_row (self, GTK_WIDGET (group), RESEAU_FIELD_MET_ON, _("A date like 2026-03-31"));
  add_text_row (self, GTK_WIDGET (group), RESEAU_FIELD_BIRTHDAY, _("A date like 1985-07-14"));

  group = add_group (self, reseau_text_field_label (RESEAU_FIELD_NOTES));
  notes_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (notes_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (notes_view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (notes_view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (notes_view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (notes_view), 12);
  gtk_widget_set_size_request (notes_view, -1, 120);
  gtk_widget_add_css_class (notes_view, "card");
  gtk_accessible_update_property (GTK_ACCESSIBLE (notes_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  reseau_text_field_label (RESEAU_FIELD_NOTES), -1);
  self->notes = gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes_view));
  adw_preferences_group_add (group, notes_view);
}

static void
clear_values (ReseauContactEditor *self)
{
  while (self->value_rows->len > 0)
    remove_value_cb (NULL, g_ptr_array_index (self->value_rows, self->value_rows->len - 1));
}

/* Calls @func on every value row, in display order within each group. */
static void
foreach_value_row (ReseauContactEditor *self,
                   void               (*func) (GtkWidget *row, gpointer data),
                   gpointer             data)
{
  for (ReseauValueKind kind = RESEAU_VALUE_EMAIL; kind <= RESEAU_VALUE_ADDRESS; kind++)
    for (guint i = 0; i < self->value_rows->len; i++)
      {
        GtkWidget *row = g_ptr_array_index (self->value_rows, i);

        if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "value-kind")) == (int)kind)
          func (row, data);
      }
}

static void
introducer_chosen_cb (ReseauContactEditor *self,
                      GtkListBoxRow       *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "contact-id");

  reseau_contact_editor_set_introducer (self, *id);
  gtk_popover_popdown (self->introducer_popover);
}

/* Shows the first matches of what is typed: enough to pick a person among thousands
 * without building a row for each of them. */
static void
introducer_search_cb (ReseauContactEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->introducer_search));
  g_autoptr(GArray) entries = NULL;
  guint shown = 0;

  gtk_list_box_remove_all (self->introducer_results);
  if (self->store == NULL || text[0] == '\0' ||
      (entries = reseau_store_list (self->store, RESEAU_SORT_GIVEN_NAME, text, NULL)) == NULL)
    return;

  for (guint i = 0; i < entries->len && shown < 8; i++)
    {
      gint64 id = g_array_index (entries, ReseauListEntry, i).id;
      g_autoptr(ReseauContact) contact = NULL;
      g_autofree char *name = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (self->contact != NULL && id == reseau_contact_get_id (self->contact))
        continue;
      if ((contact = reseau_store_load_contact (self->store, id, FALSE, NULL)) == NULL)
        continue;
      name = reseau_contact_dup_name (contact);
      subtitle = reseau_contact_dup_subtitle (contact);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "contact-id", g_memdup2 (&id, sizeof id), g_free);
      gtk_list_box_append (self->introducer_results, row);
      shown++;
    }
}

static GtkWidget *
introducer_chooser_new (ReseauContactEditor *self)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Choose…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  self->introducer_search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_search_entry_set_placeholder_text (self->introducer_search, _("Search contacts"));
  g_signal_connect_swapped (self->introducer_search, "search-changed", G_CALLBACK (introducer_search_cb), self);
  self->introducer_results = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->introducer_results), "boxed-list");
  g_signal_connect_swapped (self->introducer_results, "row-activated", G_CALLBACK (introducer_chosen_cb), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->introducer_results));
  gtk_widget_set_size_request (box, 280, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->introducer_search));
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_popover_set_default_widget (GTK_POPOVER (popover), GTK_WIDGET (self->introducer_search));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  self->introducer_popover = GTK_POPOVER (popover);
  return button;
}

static void
reseau_contact_editor_dispose (GObject *object)
{
  ReseauContactEditor *self = RESEAU_CONTACT_EDITOR (object);
  GtkWidget *child;

  g_cancellable_cancel (self->photo_cancellable);
  g_clear_object (&self->photo_cancellable);
  g_clear_pointer (&self->photo, g_bytes_unref);
  g_ptr_array_set_size (self->value_rows, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->contact);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (reseau_contact_editor_parent_class)->dispose (object);
}

static void
reseau_contact_editor_class_init (ReseauContactEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reseau_contact_editor_dispose;
  object_class->finalize = reseau_contact_editor_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
reseau_contact_editor_finalize (GObject *object)
{
  ReseauContactEditor *self = RESEAU_CONTACT_EDITOR (object);

  g_clear_pointer (&self->value_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (reseau_contact_editor_parent_class)->finalize (object);
}

static void
reseau_contact_editor_init (ReseauContactEditor *self)
{
  self->value_rows = g_ptr_array_new ();
  self->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 24));
  gtk_widget_set_parent (GTK_WIDGET (self->box), GTK_WIDGET (self));
  build_form (self);
}

void
reseau_contact_editor_set_store (ReseauContactEditor *self,
                                 ReseauStore         *store)
{
  g_return_if_fail (RESEAU_IS_CONTACT_EDITOR (self));
  g_set_object (&self->store, store);
}

ReseauStore *
reseau_contact_editor_get_store (ReseauContactEditor *self)
{
  g_return_val_if_fail (RESEAU_IS_CONTACT_EDITOR (self), NULL);
  return self->store;
}

void
reseau_contact_editor_set_introducer (ReseauContactEditor *self,
                                      gint64               id)
{
  g_autoptr(ReseauContact) introducer = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (RESEAU_IS_CONTACT_EDITOR (self));

  if (id != 0 && self->store != NULL)
    introducer = reseau_store_load_contact (self->store, id, FALSE, NULL);
  self->introducer_id = introducer ? id : 0;
  name = introducer ? reseau_contact_dup_name (introducer) : g_strdup (_("Nobody"));
  adw_action_row_set_subtitle (self->introducer_row, name);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (self->introducer_row), "clear"), introducer != NULL);
}

/**
 * reseau_contact_editor_edit:
 * @contact: (transfer none): the card to edit; the editor keeps a copy
 */
void
reseau_contact_editor_edit (ReseauContactEditor *self,
                            ReseauContact       *contact)
{
  GPtrArray *values;

  g_return_if_fail (RESEAU_IS_CONTACT_EDITOR (self));

  g_clear_object (&self->contact);
  self->contact = reseau_contact_copy (contact);
  for (ReseauTextField f = 0; f < RESEAU_N_TEXT_FIELDS; f++)
    if (self->text_rows[f] != NULL)
      gtk_editable_set_text (GTK_EDITABLE (self->text_rows[f]), reseau_contact_get_text (contact, f));
  gtk_text_buffer_set_text (self->notes, reseau_contact_get_text (contact, RESEAU_FIELD_NOTES), -1);
  adw_combo_row_set_selected (self->tie_row, reseau_contact_get_tie (contact));
  g_clear_pointer (&self->photo, g_bytes_unref);
  if (reseau_contact_get_photo (contact) != NULL)
    self->photo = g_bytes_ref (reseau_contact_get_photo (contact));
  show_photo (self);
  {
    g_autofree char *name = reseau_contact_dup_name (contact);

    adw_avatar_set_text (self->avatar, name);
  }
  reseau_contact_editor_set_introducer (self, reseau_contact_get_introduced_by (contact));

  clear_values (self);
  values = reseau_contact_get_values (contact);
  for (guint i = 0; i < values->len; i++)
    add_value_row (self, g_ptr_array_index (values, i));
}

void
reseau_contact_editor_focus_first (ReseauContactEditor *self)
{
  g_return_if_fail (RESEAU_IS_CONTACT_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->text_rows[RESEAU_FIELD_GIVEN]));
}

static void
read_value_row (GtkWidget *row,
                gpointer   data)
{
  ReseauContact *contact = data;
  ReseauValueKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "value-kind"));
  ReseauContactValue *value;

  if (kind == RESEAU_VALUE_ADDRESS)
    {
#define PART(name) g_strdup (gtk_editable_get_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (row), name))))
      value = reseau_contact_value_new (kind, RESEAU_VALUE_TYPE_OTHER, NULL);
      g_free (value->value);
      value->value = PART ("street");
      value->postal_code = PART ("postal-code");
      value->locality = PART ("locality");
      value->region = PART ("region");
      value->country = PART ("country");
#undef PART
      if (*g_strstrip (value->value) == '\0' && *g_strstrip (value->locality) == '\0' &&
          *g_strstrip (value->country) == '\0' && *g_strstrip (value->region) == '\0' &&
          *g_strstrip (value->postal_code) == '\0')
        {
          reseau_contact_value_free (value);
          return;
        }
    }
  else
    {
      GtkDropDown *types = g_object_get_data (G_OBJECT (row), "type-dropdown");

      value = reseau_contact_value_new (kind, gtk_drop_down_get_selected (types),
                                        gtk_editable_get_text (GTK_EDITABLE (row)));
    }
  reseau_contact_add_value (contact, value);
}

static void
check_value_row (GtkWidget *row,
                 gpointer   data)
{
  GError **error = data;

  if (*error == NULL && g_object_get_data (G_OBJECT (row), "error-icon") != NULL)
    check_row (row, error);
}

/**
 * reseau_contact_editor_dup_contact:
 *
 * Returns: (transfer full) (nullable): the edited card, or %NULL with @error naming the
 *   first field the user must fix
 */
ReseauContact *
reseau_contact_editor_dup_contact (ReseauContactEditor  *self,
                                   GError              **error)
{
  g_autoptr(ReseauContact) contact = NULL;
  g_autoptr(GError) local_error = NULL;
  GtkTextIter start, end;
  g_autofree char *notes = NULL;

  g_return_val_if_fail (RESEAU_IS_CONTACT_EDITOR (self), NULL);

  for (ReseauTextField f = 0; f < RESEAU_N_TEXT_FIELDS; f++)
    if (self->text_rows[f] != NULL && !check_row (GTK_WIDGET (self->text_rows[f]), error))
      return NULL;
  foreach_value_row (self, check_value_row, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  contact = reseau_contact_copy (self->contact);
  for (ReseauTextField f = 0; f < RESEAU_N_TEXT_FIELDS; f++)
    if (self->text_rows[f] != NULL)
      reseau_contact_set_text (contact, f, gtk_editable_get_text (GTK_EDITABLE (self->text_rows[f])));
  gtk_text_buffer_get_bounds (self->notes, &start, &end);
  notes = gtk_text_buffer_get_text (self->notes, &start, &end, FALSE);
  reseau_contact_set_text (contact, RESEAU_FIELD_NOTES, notes);
  reseau_contact_set_tie (contact, adw_combo_row_get_selected (self->tie_row));
  reseau_contact_set_introduced_by (contact, self->introducer_id);
  reseau_contact_set_photo (contact, self->photo);

  g_ptr_array_set_size (reseau_contact_get_values (contact), 0);
  foreach_value_row (self, read_value_row, contact);
  return g_steal_pointer (&contact);
}
