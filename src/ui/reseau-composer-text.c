/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-composer-text"

#include "config.h"

#include <glib/gi18n.h>

#include "reseau-composer-private.h"
#include "reseau-template.h"

/* The composer's subject and body: merge fields inserted where the person was typing, and
 * template problems (unknown fields, syntax) shown before sending, underlined in the body
 * and selected on request. */

char *
_reseau_composer_dup_body (ReseauComposer *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
_reseau_composer_check_templates (ReseauComposer *self)
{
  g_autofree char *body = _reseau_composer_dup_body (self);
  const char *subject = gtk_editable_get_text (GTK_EDITABLE (self->subject_row));
  g_autoptr(ReseauTemplate) subject_template = NULL;

  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;
  gsize offset, length;

  g_clear_error (&self->template_error);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "problem", &start, &end);
  if (!reseau_outbox_check_templates (subject, body, &self->template_error))
    {
      subject_template = reseau_template_new (subject, NULL);
      self->template_in_subject = subject_template == NULL;
      gtk_label_set_text (self->problem_label, self->template_error->message);
      /* Underlined where it is, as a spelling mistake would be. */
      if (!self->template_in_subject &&
          reseau_template_error_get_position (self->template_error, NULL, NULL, &offset, &length))
        {
          gtk_text_buffer_get_iter_at_offset (buffer, &start, g_utf8_pointer_to_offset (body, body + offset));
          gtk_text_buffer_get_iter_at_offset (buffer, &end, g_utf8_pointer_to_offset (body, body + offset + length));
          gtk_text_buffer_apply_tag_by_name (buffer, "problem", &start, &end);
        }
    }
  gtk_widget_set_visible (self->problem_box, self->template_error != NULL);
}

static void
focus_changed_cb (ReseauComposer *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL)
    return;
  if (focus == GTK_WIDGET (self->body_view))
    self->body_was_focused = TRUE;
  else if (gtk_widget_is_ancestor (focus, GTK_WIDGET (self->subject_row)))
    self->body_was_focused = FALSE;
}

/* Selects the faulty text the template check reported. */
void
_reseau_composer_show_problem_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  ReseauComposer *self = RESEAU_COMPOSER (widget);
  gsize offset = 0, length = 0;

  if (self->template_error == NULL ||
      !reseau_template_error_get_position (self->template_error, NULL, NULL, &offset, &length))
    return;
  if (self->template_in_subject)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->subject_row));
      glong start = g_utf8_pointer_to_offset (text, text + offset);
      glong end = g_utf8_pointer_to_offset (text, text + offset + length);

      gtk_widget_grab_focus (GTK_WIDGET (self->subject_row));
      gtk_editable_select_region (GTK_EDITABLE (self->subject_row), start, end);
    }
  else
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
      g_autofree char *body = _reseau_composer_dup_body (self);
      GtkTextIter start, end;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, g_utf8_pointer_to_offset (body, body + offset));
      gtk_text_buffer_get_iter_at_offset (buffer, &end, g_utf8_pointer_to_offset (body, body + offset + length));
      gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
      gtk_text_buffer_select_range (buffer, &start, &end);
      gtk_text_view_scroll_to_iter (self->body_view, &start, 0.1, FALSE, 0, 0);
    }
}

void
_reseau_composer_insert_field_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  ReseauComposer *self = RESEAU_COMPOSER (widget);
  g_autofree char *text = g_strdup_printf ("{%s}", g_variant_get_string (param, NULL));

  if (self->body_was_focused)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);

      gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
      gtk_text_buffer_insert_at_cursor (buffer, text, -1);
      gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
    }
  else
    {
      GtkEditable *editable = GTK_EDITABLE (self->subject_row);
      int position;

      gtk_editable_delete_selection (editable);
      position = gtk_editable_get_position (editable);
      gtk_editable_insert_text (editable, text, -1, &position);
      gtk_widget_grab_focus (GTK_WIDGET (self->subject_row));
      gtk_editable_set_position (editable, position);
    }
}

static void
setup_merge_menu (ReseauComposer *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  guint n_fields;
  const ReseauMergeField *fields = reseau_merge_fields (&n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (reseau_merge_field_get_label (&fields[i]), NULL);

      g_menu_item_set_action_and_target_value (item, "composer.insert-field",
                                               g_variant_new_string (fields[i].name));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->merge_button, G_MENU_MODEL (menu));
}

/* Merge fields go where the person was last typing: the subject or the body. */
static void
track_focus (ReseauComposer *self,
             GtkWidget      *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (focus, "enter", G_CALLBACK (focus_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, focus);
}

void
_reseau_composer_init_text (ReseauComposer *self)
{
  setup_merge_menu (self);
  gtk_text_buffer_create_tag (gtk_text_view_get_buffer (self->body_view), "problem",
                              "underline", PANGO_UNDERLINE_ERROR, NULL);
  track_focus (self, GTK_WIDGET (self->body_view));
  track_focus (self, GTK_WIDGET (self->subject_row));
}
