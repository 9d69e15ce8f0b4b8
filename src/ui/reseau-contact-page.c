/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-contact-page"

#include "config.h"

#include <glib/gi18n.h>

#include "reseau-career.h"
#include "reseau-contact-editor.h"
#include "reseau-contact-page.h"
#include "reseau-contact-row.h"
#include "reseau-format.h"
#include "reseau-interaction-dialog.h"
#include "reseau-validate.h"

struct _ReseauContactPage
{
  GtkWidget            parent_instance;

  ReseauStore         *store;
  ReseauContact       *contact;
  gboolean             editing;
  GPtrArray           *view_rows; /* rows added to the view groups, removed on refresh */

  AdwHeaderBar        *header_bar;
  GtkButton           *cancel_button;
  GtkButton           *done_button;
  GtkButton           *edit_button;
  GtkMenuButton       *menu_button;
  GtkStack            *mode_stack;
  GtkScrolledWindow   *edit_scroller;
  GtkBox              *edit_box;
  AdwAvatar           *avatar;
  GtkLabel            *name_label;
  GtkLabel            *subtitle_label;
  GtkLabel            *tie_label;
  AdwPreferencesGroup *details_group;
  AdwPreferencesGroup *about_group;
  AdwPreferencesGroup *network_group;
  AdwPreferencesGroup *timeline_group;
  AdwPreferencesGroup *notes_group;
  GtkLabel            *notes_label;
  ReseauContactEditor *editor;
};

G_DEFINE_FINAL_TYPE (ReseauContactPage, reseau_contact_page, GTK_TYPE_WIDGET)

enum {
  SAVED,
  CANCELLED,
  OPEN_CONTACT,
  DELETE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
toast (ReseauContactPage *self,
       const char        *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  g_debug ("Toast: %s", message);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_warning ("%s", message);
}

static void
add_row (ReseauContactPage   *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->view_rows, row);
}

static void
clear_view_rows (ReseauContactPage *self)
{
  for (guint i = 0; i < self->view_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->view_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->view_rows, 0);
}

static void
copy_clicked_cb (GtkButton         *button,
                 ReseauContactPage *self)
{
  const char *text = g_object_get_data (G_OBJECT (button), "text");

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  toast (self, _("Copied to clipboard"));
}

static void
launch_row_cb (AdwActionRow      *row,
               ReseauContactPage *self)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "uri");
  g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);

  gtk_uri_launcher_launch (launcher, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), NULL, NULL, NULL);
}

static GtkWidget *
value_row (ReseauContactPage        *self,
           const ReseauContactValue *value)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *uri = NULL;
  g_autofree char *title = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reseau_format_value_type (value));
  adw_action_row_set_subtitle_selectable (ADW_ACTION_ROW (row), FALSE);

  if (value->kind == RESEAU_VALUE_ADDRESS)
    title = reseau_format_address (value);
  else
    title = g_strdup (value->value);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);

  switch (value->kind)
    {
    case RESEAU_VALUE_EMAIL:
      uri = g_strconcat ("mailto:", value->value, NULL);
      break;
    case RESEAU_VALUE_PHONE:
      uri = g_strconcat ("tel:", value->value, NULL);
      break;
    case RESEAU_VALUE_URL:
      uri = g_strdup (value->value);
      break;
    case RESEAU_VALUE_ADDRESS:
    default:
      break;
    }

  if (uri != NULL)
    {
      g_object_set_data_full (G_OBJECT (row), "uri", g_steal_pointer (&uri), g_free);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect (row, "activated", G_CALLBACK (launch_row_cb), self);
    }
  if (value->kind != RESEAU_VALUE_URL)
    {
      GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");

      gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (copy, "flat");
      gtk_widget_set_tooltip_text (copy, _("Copy"));
      g_object_set_data_full (G_OBJECT (copy), "text", g_strdup (title), g_free);
      g_signal_connect (copy, "clicked", G_CALLBACK (copy_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), copy);
    }
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("adw-external-link-symbolic"));
  return row;
}

static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/* A labelled value: the label small, the value prominent and selectable. */
static GtkWidget *
info_row (const char *label,
          const char *value)
{
  GtkWidget *row = text_row (label, value);

  adw_action_row_set_subtitle_selectable (ADW_ACTION_ROW (row), TRUE);
  gtk_widget_add_css_class (row, "property");
  return row;
}

static void
open_contact_row_cb (AdwActionRow      *row,
                     ReseauContactPage *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "contact-id");

  g_signal_emit (self, signals[OPEN_CONTACT], 0, *id);
}

static GtkWidget *
person_row (ReseauContactPage *self,
            const char        *relation,
            gint64             id)
{
  g_autoptr(ReseauContact) person = reseau_store_load_contact (self->store, id, FALSE, NULL);
  g_autofree char *name = NULL;
  g_autoptr(GdkPaintable) photo = NULL;
  GtkWidget *row, *avatar;

  if (person == NULL)
    return NULL;
  name = reseau_contact_dup_name (person);
  photo = reseau_contact_photo_paintable (person);
  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), relation);
  avatar = adw_avatar_new (32, name, TRUE);
  adw_avatar_set_custom_image (ADW_AVATAR (avatar), photo);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), avatar);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "contact-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect (row, "activated", G_CALLBACK (open_contact_row_cb), self);
  return row;
}

static void
fill_network (ReseauContactPage *self)
{
  gint64 introducer = reseau_contact_get_introduced_by (self->contact);
  g_autoptr(GArray) introduced = reseau_store_list_introduced (self->store, reseau_contact_get_id (self->contact), NULL);
  GtkWidget *row;
  guint n = 0;

  if (introducer != 0 && (row = person_row (self, _("Introduced them to you"), introducer)) != NULL)
    add_row (self, self->network_group, row), n++;
  for (guint i = 0; introduced != NULL && i < introduced->len; i++)
    if ((row = person_row (self, _("Introduced by them"), g_array_index (introduced, ReseauListEntry, i).id)) != NULL)
      add_row (self, self->network_group, row), n++;
  gtk_widget_set_visible (GTK_WIDGET (self->network_group), n > 0);
}

static void
fill_about (ReseauContactPage *self)
{
  static const ReseauTextField fields[] = {
    RESEAU_FIELD_NICKNAME, RESEAU_FIELD_DEPARTMENT, RESEAU_FIELD_BIRTHDAY,
    RESEAU_FIELD_MET_WHERE, RESEAU_FIELD_MET_ON,
  };
  const char *last = reseau_contact_get_last_contacted (self->contact);
  g_autofree char *last_text = NULL;
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *text = reseau_contact_get_text (self->contact, fields[i]);
      g_autofree char *shown = NULL;

      if (text[0] == '\0')
        continue;
      if (fields[i] == RESEAU_FIELD_BIRTHDAY || fields[i] == RESEAU_FIELD_MET_ON)
        shown = reseau_format_date (text);
      add_row (self, self->about_group, info_row (reseau_text_field_label (fields[i]), shown ? shown : text));
      n++;
    }
  last_text = last ? reseau_format_date (last) : g_strdup (_("Never"));
  add_row (self, self->about_group, info_row (_("Last contacted"), last_text));
  gtk_widget_set_visible (GTK_WIDGET (self->about_group), TRUE);
  (void)n;
}

static void
delete_interaction_cb (GtkButton         *button,
                       ReseauContactPage *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "interaction-id");
  g_autoptr(GError) error = NULL;

  if (!reseau_store_delete_interaction (self->store, *id, &error))
    toast (self, error->message);
  reseau_contact_page_show (self, reseau_contact_get_id (self->contact), NULL);
}

static void
fill_timeline (ReseauContactPage *self)
{
  gint64 id = reseau_contact_get_id (self->contact);
  g_autoptr(GPtrArray) history = reseau_store_list_history (self->store, id, NULL);
  g_autoptr(GPtrArray) positions = reseau_career_positions (reseau_contact_get_text (self->contact, RESEAU_FIELD_ORGANIZATION),
                                                            reseau_contact_get_text (self->contact, RESEAU_FIELD_TITLE),
                                                            history);
  g_autoptr(GPtrArray) interactions = reseau_store_list_interactions (self->store, id, NULL);
  guint n = 0;

  for (guint i = 0; positions != NULL && i < positions->len; i++)
    {
      ReseauPosition *p = g_ptr_array_index (positions, i);
      g_autofree char *title = reseau_format_position (p);
      g_autofree char *period = reseau_format_period (p, i == 0);
      GtkWidget *row = text_row (title, period);

      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("briefcase-symbolic"));
      if (i > 0)
        gtk_widget_add_css_class (row, "past");
      add_row (self, self->timeline_group, row);
      n++;
    }

  for (guint i = 0; history != NULL && i < history->len; i++)
    {
      ReseauHistoryEntry *e = g_ptr_array_index (history, i);
      g_autofree char *title = NULL;
      g_autofree char *date = NULL;
      GtkWidget *row;

      if (!g_str_equal (e->field, "email"))
        continue;
      title = reseau_format_email_change (e);
      date = reseau_format_date (e->changed_on);
      row = text_row (title, date);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("mail-unread-symbolic"));
      add_row (self, self->timeline_group, row);
      n++;
    }

  for (guint i = 0; interactions != NULL && i < interactions->len; i++)
    {
      ReseauInteraction *it = g_ptr_array_index (interactions, i);
      g_autofree char *subtitle = reseau_format_interaction_subtitle (it);
      GtkWidget *row = text_row (it->text[0] ? it->text : reseau_format_interaction_kind (it->kind), subtitle);
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (reseau_format_interaction_icon (it->kind)));
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Delete Interaction"));
      g_object_set_data_full (G_OBJECT (remove), "interaction-id", g_memdup2 (&it->id, sizeof it->id), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (delete_interaction_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      add_row (self, self->timeline_group, row);
      n++;
    }

  adw_preferences_group_set_description (self->timeline_group,
                                         n == 0 ? _("Jobs, changes and the times you met or talked appear here") : NULL);
}

static void
fill_view (ReseauContactPage *self)
{
  g_autofree char *name = reseau_contact_dup_name (self->contact);
  g_autofree char *subtitle = reseau_contact_dup_subtitle (self->contact);
  g_autoptr(GdkPaintable) photo = reseau_contact_photo_paintable (self->contact);
  GPtrArray *values = reseau_contact_get_values (self->contact);
  const char *notes = reseau_contact_get_text (self->contact, RESEAU_FIELD_NOTES);
  const char *tie = reseau_format_tie (reseau_contact_get_tie (self->contact));

  clear_view_rows (self);
  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle[0] != '\0');
  gtk_label_set_label (self->tie_label, tie);
  gtk_widget_set_visible (GTK_WIDGET (self->tie_label), tie != NULL);
  adw_avatar_set_text (self->avatar, name);
  adw_avatar_set_custom_image (self->avatar, photo);

  for (guint i = 0; i < values->len; i++)
    add_row (self, self->details_group, value_row (self, g_ptr_array_index (values, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->details_group), values->len > 0);

  fill_about (self);
  fill_network (self);
  fill_timeline (self);

  gtk_label_set_label (self->notes_label, notes);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_group), notes[0] != '\0');
}

static void
set_editing (ReseauContactPage *self,
             gboolean           editing)
{
  self->editing = editing;
  gtk_stack_set_visible_child_name (self->mode_stack, editing ? "edit" : "view");
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), editing);
  gtk_widget_set_visible (GTK_WIDGET (self->done_button), editing);
  gtk_widget_set_visible (GTK_WIDGET (self->edit_button), !editing);
  gtk_widget_set_visible (GTK_WIDGET (self->menu_button), !editing);
  adw_header_bar_set_show_back_button (self->header_bar, !editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contact.delete", !editing && self->contact != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contact.log-interaction", !editing && self->contact != NULL);
}

/* The edit form is built the first time it is needed: most sessions only look at cards, and
 * it is the largest widget tree of the window. */
static ReseauContactEditor *
ensure_editor (ReseauContactPage *self)
{
  if (self->editor == NULL)
    {
      self->editor = g_object_new (RESEAU_TYPE_CONTACT_EDITOR, NULL);
      reseau_contact_editor_set_store (self->editor, self->store);
      gtk_box_append (self->edit_box, GTK_WIDGET (self->editor));
    }
  return self->editor;
}

/**
 * reseau_contact_page_show:
 *
 * Shows the card of contact @id, leaving edit mode.
 */
gboolean
reseau_contact_page_show (ReseauContactPage  *self,
                          gint64              id,
                          GError            **error)
{
  g_autoptr(ReseauContact) contact = NULL;

  g_return_val_if_fail (RESEAU_IS_CONTACT_PAGE (self), FALSE);

  contact = reseau_store_load_contact (self->store, id, TRUE, error);
  if (contact == NULL)
    return FALSE;
  g_set_object (&self->contact, contact);
  fill_view (self);
  set_editing (self, FALSE);
  return TRUE;
}

/* Opens an empty form for a new card. */
void
reseau_contact_page_edit_new (ReseauContactPage *self)
{
  g_autoptr(ReseauContact) contact = reseau_contact_new ();

  g_return_if_fail (RESEAU_IS_CONTACT_PAGE (self));

  g_clear_object (&self->contact);
  reseau_contact_add_value (contact, reseau_contact_value_new (RESEAU_VALUE_EMAIL, RESEAU_VALUE_TYPE_WORK, ""));
  reseau_contact_add_value (contact, reseau_contact_value_new (RESEAU_VALUE_PHONE, RESEAU_VALUE_TYPE_WORK, ""));
  reseau_contact_editor_edit (ensure_editor (self), contact);
  set_editing (self, TRUE);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->edit_scroller), 0);
  reseau_contact_editor_focus_first (self->editor);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ReseauContactPage *self = RESEAU_CONTACT_PAGE (widget);

  if (self->contact == NULL)
    return;
  reseau_contact_editor_edit (ensure_editor (self), self->contact);
  set_editing (self, TRUE);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->edit_scroller), 0);
  reseau_contact_editor_focus_first (self->editor);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ReseauContactPage *self = RESEAU_CONTACT_PAGE (widget);
  g_autoptr(ReseauContact) edited = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  edited = reseau_contact_editor_dup_contact (ensure_editor (self), &error);
  if (edited == NULL || (id = reseau_store_save_contact (self->store, edited, NULL, &error)) == 0)
    {
      toast (self, error->message);
      return;
    }
  reseau_contact_page_show (self, id, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->edit_button));
  g_signal_emit (self, signals[SAVED], 0, id);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ReseauContactPage *self = RESEAU_CONTACT_PAGE (widget);

  set_editing (self, FALSE);
  g_signal_emit (self, signals[CANCELLED], 0);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ReseauContactPage *self = RESEAU_CONTACT_PAGE (widget);

  if (self->contact != NULL)
    g_signal_emit (self, signals[DELETE], 0, reseau_contact_get_id (self->contact));
}

static void
interaction_logged_cb (ReseauContactPage *self)
{
  if (self->contact != NULL)
    reseau_contact_page_show (self, reseau_contact_get_id (self->contact), NULL);
}

static void
log_interaction_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  ReseauContactPage *self = RESEAU_CONTACT_PAGE (widget);
  AdwDialog *dialog;

  if (self->contact == NULL)
    return;
  dialog = reseau_interaction_dialog_new (self->store, self->contact);
  g_signal_connect_object (dialog, "logged", G_CALLBACK (interaction_logged_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, widget);
}

static void
reseau_contact_page_dispose (GObject *object)
{
  ReseauContactPage *self = RESEAU_CONTACT_PAGE (object);
  GtkWidget *child;

  g_ptr_array_set_size (self->view_rows, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), RESEAU_TYPE_CONTACT_PAGE);
  /* The template's root child has no id, so dispose_template() leaves it to us. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->contact);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (reseau_contact_page_parent_class)->dispose (object);
}

static void
reseau_contact_page_finalize (GObject *object)
{
  ReseauContactPage *self = RESEAU_CONTACT_PAGE (object);

  g_clear_pointer (&self->view_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (reseau_contact_page_parent_class)->finalize (object);
}

static void
reseau_contact_page_class_init (ReseauContactPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reseau_contact_page_dispose;
  object_class->finalize = reseau_contact_page_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[CANCELLED] = g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[OPEN_CONTACT] = g_signal_new ("open-contact", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[DELETE] = g_signal_new ("delete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Reseau/reseau-contact-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ReseauContactPage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, ReseauContactPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ReseauContactPage, done_button);
  gtk_widget_class_bind_template_child (widget_class, ReseauContactPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, ReseauContactPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, ReseauContactPage, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, ReseauContactPage, edit_scroller);
  gtk_widget_class_bind_template_child (widget_class, ReseauContactPage, edit_box);
  gtk_widget_class_bind_template_child (widget_class, ReseauContactPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, ReseauContactPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, ReseauContactPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, ReseauContactPage, tie_label);
  gtk_widget_class_bind_template_child (widget_class, ReseauContactPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, ReseauContactPage, about_group);
  gtk_widget_class_bind_template_child (widget_class, ReseauContactPage, network_group);
  gtk_widget_class_bind_template_child (widget_class, ReseauContactPage, timeline_group);
  gtk_widget_class_bind_template_child (widget_class, ReseauContactPage, notes_group);
  gtk_widget_class_bind_template_child (widget_class, ReseauContactPage, notes_label);

  gtk_widget_class_install_action (widget_class, "contact.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "contact.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "contact.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "contact.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "contact.log-interaction", NULL, log_interaction_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "contact.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "contact.save", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
reseau_contact_page_init (ReseauContactPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->view_rows = g_ptr_array_new ();
  set_editing (self, FALSE);
}

void
reseau_contact_page_set_store (ReseauContactPage *self,
                               ReseauStore       *store)
{
  g_return_if_fail (RESEAU_IS_CONTACT_PAGE (self));

  g_set_object (&self->store, store);
  if (self->editor != NULL)
    reseau_contact_editor_set_store (self->editor, store);
}

gboolean
reseau_contact_page_get_editing (ReseauContactPage *self)
{
  g_return_val_if_fail (RESEAU_IS_CONTACT_PAGE (self), FALSE);
  return self->editing;
}

gint64
reseau_contact_page_get_contact_id (ReseauContactPage *self)
{
  g_return_val_if_fail (RESEAU_IS_CONTACT_PAGE (self), 0);
  return self->contact ? reseau_contact_get_id (self->contact) : 0;
}

ReseauContactEditor *
reseau_contact_page_get_editor (ReseauContactPage *self)
{
  g_return_val_if_fail (RESEAU_IS_CONTACT_PAGE (self), NULL);
  return ensure_editor (self);
}
