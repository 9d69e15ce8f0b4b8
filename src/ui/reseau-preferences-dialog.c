/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-preferences-dialog"

#include "config.h"

#include "reseau-preferences-dialog.h"

struct _ReseauPreferencesDialog
{
  AdwPreferencesDialog  parent_instance;

  GSettings            *settings;
  AdwComboRow          *sort_row;
};

G_DEFINE_FINAL_TYPE (ReseauPreferencesDialog, reseau_preferences_dialog, ADW_TYPE_PREFERENCES_DIALOG)

static gboolean
enum_to_selected (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  g_value_set_uint (value, g_str_equal (g_variant_get_string (variant, NULL), "family-name") ? 1 : 0);
  return TRUE;
}

static GVariant *
selected_to_enum (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  return g_variant_new_string (g_value_get_uint (value) == 1 ? "family-name" : "given-name");
}

static void
reseau_preferences_dialog_dispose (GObject *object)
{
  ReseauPreferencesDialog *self = RESEAU_PREFERENCES_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RESEAU_TYPE_PREFERENCES_DIALOG);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (reseau_preferences_dialog_parent_class)->dispose (object);
}

static void
reseau_preferences_dialog_class_init (ReseauPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reseau_preferences_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Reseau/reseau-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ReseauPreferencesDialog, sort_row);
}

static void
reseau_preferences_dialog_init (ReseauPreferencesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ReseauPreferencesDialog *
reseau_preferences_dialog_new (GSettings *settings)
{
  ReseauPreferencesDialog *self = g_object_new (RESEAU_TYPE_PREFERENCES_DIALOG, NULL);

  self->settings = g_object_ref (settings);
  g_settings_bind_with_mapping (settings, "sort-order", self->sort_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, enum_to_selected, selected_to_enum,
                                NULL, NULL);
  return self;
}
