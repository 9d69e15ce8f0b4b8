/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-composer-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "reseau-composer-preview.h"
#include "reseau-outbox.h"

struct _ReseauComposerPreview
{
  AdwDialog       parent_instance;

  ReseauStore    *store;
  ReseauCampaign *campaign;
  GArray         *ids;       /* (element-type gint64) */
  guint           position;

  GtkLabel       *position_label;
  GtkLabel       *to_label;
  GtkLabel       *subject_label;
  GtkLabel       *body_label;
};

G_DEFINE_FINAL_TYPE (ReseauComposerPreview, reseau_composer_preview, ADW_TYPE_DIALOG)

static void
show_message (ReseauComposerPreview *self)
{
  gint64 id = g_array_index (self->ids, gint64, self->position);
  g_autoptr(GError) error = NULL;
  g_autoptr(ReseauContact) contact = reseau_store_load_contact (self->store, id, TRUE, &error);
  g_autofree char *name = NULL;
  g_autofree char *position = NULL;
  g_autofree char *to = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;

  if (contact == NULL)
    {
      gtk_label_set_text (self->body_label, error->message);
      return;
    }
  name = reseau_contact_dup_name (contact);
  /* Translators: "3 of 52 — Frédéric Martinet" */
  position = g_strdup_printf (_("%u of %u — %s"), self->position + 1, self->ids->len, name);
  gtk_label_set_text (self->position_label, position);
  /* Translators: the preview's recipient line, "To: Frédéric Martinet <f@example.org>" */
  to = g_strdup_printf (_("To: %s <%s>"), name, reseau_contact_get_first_value (contact, RESEAU_VALUE_EMAIL));
  gtk_label_set_text (self->to_label, to);
  if (!reseau_outbox_render (self->campaign, contact, &subject, &body, &error))
    {
      gtk_label_set_text (self->subject_label, "");
      gtk_label_set_text (self->body_label, error->message);
    }
  else
    {
      gtk_label_set_text (self->subject_label, subject);
      gtk_label_set_text (self->body_label, body);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.previous", self->position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.next", self->position + 1 < self->ids->len);
}

guint
reseau_composer_preview_get_position (ReseauComposerPreview *self)
{
  g_return_val_if_fail (RESEAU_IS_COMPOSER_PREVIEW (self), 0);
  return self->position;
}

void
reseau_composer_preview_set_position (ReseauComposerPreview *self,
                                      guint                  position)
{
  g_return_if_fail (RESEAU_IS_COMPOSER_PREVIEW (self));
  g_return_if_fail (position < self->ids->len);

  self->position = position;
  show_message (self);
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ReseauComposerPreview *self = RESEAU_COMPOSER_PREVIEW (widget);

  if (g_str_equal (action_name, "preview.next") && self->position + 1 < self->ids->len)
    reseau_composer_preview_set_position (self, self->position + 1);
  else if (g_str_equal (action_name, "preview.previous") && self->position > 0)
    reseau_composer_preview_set_position (self, self->position - 1);
}

static GtkLabel *
text_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return GTK_LABEL (label);
}

static GtkWidget *
step_button (const char *icon,
             const char *action,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

static GtkWidget *
build_content (ReseauComposerPreview *self)
{
  GtkWidget *view = adw_toolbar_view_new ();
  GtkWidget *bar = gtk_center_box_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (view), adw_header_bar_new ());
  self->position_label = text_label ("numeric");
  gtk_label_set_wrap (self->position_label, FALSE);
  gtk_label_set_ellipsize (self->position_label, PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (GTK_WIDGET (self->position_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->position_label), 12);
  gtk_center_box_set_start_widget (GTK_CENTER_BOX (bar),
                                   step_button ("go-previous-symbolic", "preview.previous", _("Previous Recipient")));
  gtk_center_box_set_center_widget (GTK_CENTER_BOX (bar), GTK_WIDGET (self->position_label));
  gtk_center_box_set_end_widget (GTK_CENTER_BOX (bar),
                                 step_button ("go-next-symbolic", "preview.next", _("Next Recipient")));
  gtk_center_box_set_shrink_center_last (GTK_CENTER_BOX (bar), FALSE);
  gtk_widget_add_css_class (bar, "toolbar");
  adw_toolbar_view_add_bottom_bar (ADW_TOOLBAR_VIEW (view), bar);

  self->to_label = text_label ("dim-label");
  self->subject_label = text_label ("title-3");
  self->body_label = text_label ("body");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->to_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->subject_label));
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->body_label));
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (view), scrolled);
  return view;
}

ReseauComposerPreview *
reseau_composer_preview_new (ReseauStore          *store,
                             const ReseauCampaign *campaign,
                             GArray               *ids)
{
  ReseauComposerPreview *self;

  g_return_val_if_fail (RESEAU_IS_STORE (store), NULL);
  g_return_val_if_fail (campaign != NULL && ids != NULL && ids->len > 0, NULL);

  self = g_object_new (RESEAU_TYPE_COMPOSER_PREVIEW, NULL);
  self->store = g_object_ref (store);
  self->campaign = reseau_campaign_copy (campaign);
  self->ids = g_array_copy (ids);
  show_message (self);
  return self;
}

static void
reseau_composer_preview_finalize (GObject *object)
{
  ReseauComposerPreview *self = RESEAU_COMPOSER_PREVIEW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->campaign, reseau_campaign_free);
  g_clear_pointer (&self->ids, g_array_unref);

  G_OBJECT_CLASS (reseau_composer_preview_parent_class)->finalize (object);
}

static void
reseau_composer_preview_class_init (ReseauComposerPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = reseau_composer_preview_finalize;

  gtk_widget_class_install_action (widget_class, "preview.previous", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "preview.next", NULL, step_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "preview.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "preview.next", NULL);
}

static void
reseau_composer_preview_init (ReseauComposerPreview *self)
{
  adw_dialog_set_title (ADW_DIALOG (self), _("Preview"));
  adw_dialog_set_content_width (ADW_DIALOG (self), 560);
  adw_dialog_set_content_height (ADW_DIALOG (self), 520);
  adw_dialog_set_child (ADW_DIALOG (self), build_content (self));
}
