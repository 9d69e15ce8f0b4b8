/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-circle-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "reseau-circle-dialog.h"

struct _ReseauCircleDialog
{
  AdwDialog       parent_instance;

  ReseauStore    *store;
  ReseauCircle   *circle;
  GtkWidget      *color_buttons[9];

  GtkButton      *save_button;
  AdwEntryRow    *name_row;
  AdwComboRow    *kind_row;
  AdwEntryRow    *emoji_row;
  AdwEntryRow    *description_row;
  GtkLabel       *error_label;
  GtkBox         *color_box;
  AdwSwitchRow   *keep_row;
  AdwSpinRow     *cadence_row;
};

G_DEFINE_FINAL_TYPE (ReseauCircleDialog, reseau_circle_dialog, ADW_TYPE_DIALOG)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* GNOME's palette (the HIG's accent colours), named so that a screen reader can say them. */
static const struct
{
  const char *color;
  const char *name;
} palette[] = {
  { "#3584e4", N_("Blue") },
  { "#2190a4", N_("Teal") },
  { "#3a944a", N_("Green") },
  { "#c88800", N_("Yellow") },
  { "#ed5b00", N_("Orange") },
  { "#e62d42", N_("Red") },
  { "#d56199", N_("Pink") },
  { "#9141ac", N_("Purple") },
  { "#6f8396", N_("Slate") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (palette) == G_N_ELEMENTS (((ReseauCircleDialog *) NULL)->color_buttons));

const char * const *
reseau_circle_dialog_palette (void)
{
  static const char *colors[G_N_ELEMENTS (palette) + 1];

  if (colors[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
      colors[i] = palette[i].color;
  return colors;
}

const char *
reseau_circle_dialog_color_name (const char *color)
{
  for (guint i = 0; color != NULL && i < G_N_ELEMENTS (palette); i++)
    if (g_ascii_strcasecmp (palette[i].color, color) == 0)
      return _(palette[i].name);
  return NULL;
}

static void
show_error (ReseauCircleDialog *self,
            const char         *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      gtk_accessible_update_relation (GTK_ACCESSIBLE (self->name_row),
                                      GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE, self->error_label, NULL, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->name_row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->name_row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
name_changed_cb (ReseauCircleDialog *self)
{
  show_error (self, NULL);
}

static void
emoji_picked_cb (ReseauCircleDialog *self,
                 const char         *emoji)
{
  gtk_editable_set_text (GTK_EDITABLE (self->emoji_row), emoji);
}

static const char *
chosen_color (ReseauCircleDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->color_buttons[i])))
      return palette[i].color;
  return reseau_circle_get_color (self->circle);
}

static void
save_cb (ReseauCircleDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *emoji = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->emoji_row))));
  gint64 id;

  reseau_circle_set_name (self->circle, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  reseau_circle_set_kind (self->circle, adw_combo_row_get_selected (self->kind_row));
  reseau_circle_set_emoji (self->circle, emoji[0] != '\0' ? emoji : NULL);
  reseau_circle_set_description (self->circle, gtk_editable_get_text (GTK_EDITABLE (self->description_row)));
  reseau_circle_set_color (self->circle, chosen_color (self));
  reseau_circle_set_cadence_days (self->circle, adw_switch_row_get_active (self->keep_row)
                                                ? (guint) adw_spin_row_get_value (self->cadence_row) : 0);

  if ((id = reseau_store_save_circle (self->store, self->circle, &error)) == 0)
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, id);
  adw_dialog_close (ADW_DIALOG (self));
}

static GtkWidget *
color_button_new (guint      index,
                  GtkWidget *group)
{
  GtkWidget *button = gtk_toggle_button_new ();
  g_autofree char *class = g_strdup_printf ("circle-color-%u", index);

  gtk_widget_add_css_class (button, "circle-color");
  gtk_widget_add_css_class (button, class);
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _(palette[index].name));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(palette[index].name), -1);
  if (group != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (group));
  return button;
}

static void
reseau_circle_dialog_dispose (GObject *object)
{
  ReseauCircleDialog *self = RESEAU_CIRCLE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RESEAU_TYPE_CIRCLE_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->circle);

  G_OBJECT_CLASS (reseau_circle_dialog_parent_class)->dispose (object);
}

static void
reseau_circle_dialog_class_init (ReseauCircleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reseau_circle_dialog_dispose;

  /**
   * ReseauCircleDialog::saved:
   * @id: the circle's id
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                 NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Reseau/reseau-circle-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ReseauCircleDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ReseauCircleDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauCircleDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauCircleDialog, emoji_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauCircleDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauCircleDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ReseauCircleDialog, color_box);
  gtk_widget_class_bind_template_child (widget_class, ReseauCircleDialog, keep_row);
  gtk_widget_class_bind_template_child (widget_class, ReseauCircleDialog, cadence_row);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, emoji_picked_cb);
}

static void
reseau_circle_dialog_init (ReseauCircleDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    {
      self->color_buttons[i] = color_button_new (i, i > 0 ? self->color_buttons[0] : NULL);
      gtk_box_append (self->color_box, self->color_buttons[i]);
    }
}

static void
load (ReseauCircleDialog *self)
{
  ReseauCircle *circle = self->circle;
  gboolean is_new = reseau_circle_get_id (circle) == 0;
  const char *color = reseau_circle_get_color (circle);
  guint cadence = reseau_circle_get_cadence_days (circle);

  adw_dialog_set_title (ADW_DIALOG (self), is_new ? _("New Circle") : _("Edit Circle"));
  gtk_button_set_label (self->save_button, is_new ? _("_Create") : _("_Save"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), reseau_circle_get_name (circle) ? reseau_circle_get_name (circle) : "");
  adw_combo_row_set_selected (self->kind_row, reseau_circle_get_kind (circle));
  gtk_editable_set_text (GTK_EDITABLE (self->emoji_row), reseau_circle_get_emoji (circle) ? reseau_circle_get_emoji (circle) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                         reseau_circle_get_description (circle) ? reseau_circle_get_description (circle) : "");
  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->color_buttons[i]),
                                  is_new ? i == 0 : g_ascii_strcasecmp (palette[i].color, color ? color : "") == 0);
  adw_switch_row_set_active (self->keep_row, cadence > 0);
  if (cadence > 0)
    adw_spin_row_set_value (self->cadence_row, cadence);
  show_error (self, NULL);
}

ReseauCircleDialog *
reseau_circle_dialog_new (ReseauStore  *store,
                          ReseauCircle *circle)
{
  ReseauCircleDialog *self;

  g_return_val_if_fail (RESEAU_IS_STORE (store), NULL);
  g_return_val_if_fail (circle == NULL || RESEAU_IS_CIRCLE (circle), NULL);

  self = g_object_new (RESEAU_TYPE_CIRCLE_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->circle = circle ? g_object_ref (circle) : reseau_circle_new ("");
  load (self);
  return self;
}
