/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-segment-builder"

#include "config.h"

#include <glib/gi18n.h>

#include "reseau-contact-chooser.h"
#include "reseau-contact-list.h"
#include "reseau-contact-row.h"
#include "reseau-segment-area.h"
#include "reseau-segment-builder-private.h"

/* The count and the preview follow the rules this long after the last change. A count
 * takes ~16 ms at 100,000 contacts: done on the main thread once typing pauses, it costs
 * less than a worker with a second database connection would. */
#define REFRESH_DELAY_MS 150

struct _ReseauSegmentBuilder
{
  AdwBin                parent_instance;

  ReseauStore          *store;
  ReseauSegment        *segment;   /* being edited */
  ReseauSegment        *preview_segment; /* what the preview shows: the last refresh */
  ReseauContactList    *contacts;
  gint64                saved_id;
  char                 *name;
  guint                 count;
  guint                 refresh_id;
  gboolean              dirty;
  gboolean              updating;  /* filling the widgets from the segment */

  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkWidget            *menu_button;
  GtkWidget            *save_button;
  AdwBanner            *banner;
  ReseauSegmentArea    *any_area;
  ReseauSegmentArea    *all_area;
  ReseauSegmentArea    *exclude_area;
  AdwExpanderRow       *ties_row;
  GtkCheckButton       *tie_close;
  GtkCheckButton       *tie_regular;
  GtkCheckButton       *tie_weak;
  AdwEntryRow          *organization_row;
  AdwEntryRow          *locality_row;
  AdwEntryRow          *region_row;
  AdwEntryRow          *country_row;
  AdwSwitchRow         *email_row;
  AdwComboRow          *contacted_row;
  AdwSpinRow           *days_row;
  AdwActionRow         *introducer_row;
  GtkWidget            *introducer_clear;
  ReseauContactChooser *introducer_chooser;
  GtkListView          *preview;
  GtkStack             *people_stack;
};

G_DEFINE_FINAL_TYPE (ReseauSegmentBuilder, reseau_segment_builder, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SEGMENT,
  PROP_SAVED_ID,
  PROP_COUNT,
  N_PROPS
};

enum {
  SAVED,
  DELETED,
  CLOSED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
toast (ReseauSegmentBuilder *self,
       const char           *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* Count, banner, preview */

static char *
missing_message (char **circles,
                 char **segments)
{
  guint n_circles = g_strv_length (circles), n_segments = g_strv_length (segments);
  guint n = n_circles + n_segments;

  if (n_circles == 1 && n_segments == 0)
    return g_strdup_printf (_("The circle “%s” was deleted; this segment no longer uses it"), circles[0]);
  if (n_circles == 0 && n_segments == 1)
    return g_strdup_printf (_("The segment “%s” was deleted; this segment no longer uses it"), segments[0]);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u circle or segment was deleted; this segment no longer uses it",
                                       "%u circles or segments were deleted; this segment no longer uses them", n), n);
}

static void
update_banner (ReseauSegmentBuilder *self,
               const GError         *count_error)
{
  g_auto(GStrv) circles = reseau_store_segment_missing_circles (self->store, self->segment, NULL);
  g_auto(GStrv) segments = reseau_store_segment_missing_segments (self->store, self->segment, NULL);
  g_autofree char *message = NULL;

  if (count_error != NULL)
    message = g_strdup (count_error->message);
  else if ((circles != NULL && circles[0] != NULL) || (segments != NULL && segments[0] != NULL))
    message = missing_message (circles ? circles : (char *[]) { NULL }, segments ? segments : (char *[]) { NULL });
  if (message != NULL)
    adw_banner_set_title (self->banner, message);
  adw_banner_set_revealed (self->banner, message != NULL);
}

static void
update_title (ReseauSegmentBuilder *self)
{
  g_autofree char *people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u person", "%'u people", self->count),
                                             self->count);

  adw_window_title_set_title (self->window_title, self->name ? self->name : _("New Segment"));
  adw_window_title_set_subtitle (self->window_title, people);
  /* A saved segment saves in place (no name to ask), and only once it changed. */
  gtk_widget_set_visible (self->menu_button, self->saved_id > 0);
  gtk_button_set_label (GTK_BUTTON (self->save_button), self->saved_id > 0 ? _("_Save") : _("_Save…"));
  gtk_widget_set_visible (self->save_button, self->dirty || self->saved_id == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "builder.save", self->dirty || self->saved_id == 0);
}

static gboolean
refresh_cb (gpointer data)
{
  ReseauSegmentBuilder *self = data;
  g_autoptr(GError) error = NULL;
  guint count = 0;

  self->refresh_id = 0;
  if (self->store == NULL || self->segment == NULL)
    return G_SOURCE_REMOVE;

  if (!reseau_store_count_segment (self->store, self->segment, &count, &error))
    count = 0;
  update_banner (self, error);
  g_clear_object (&self->preview_segment);
  self->preview_segment = error == NULL ? reseau_segment_copy (self->segment) : NULL;
  if (self->preview_segment == NULL)
    {
      /* A segment that cannot be evaluated shows nobody, not everybody. */
      self->preview_segment = reseau_segment_new ();
      reseau_segment_add_circle (self->preview_segment, RESEAU_SEGMENT_ALL_OF, G_MAXINT64);
    }
  reseau_contact_list_set_segment (self->contacts, self->preview_segment);
  gtk_stack_set_visible_child_name (self->people_stack, count > 0 ? "list" : "empty");
  if (count != self->count)
    {
      self->count = count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
    }
  update_title (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (ReseauSegmentBuilder *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, refresh_cb, self);
}

static void
segment_changed_cb (ReseauSegmentBuilder *self)
{
  self->dirty = TRUE;
  update_title (self);
  schedule_refresh (self);
}

/* Filters */

static void
update_ties_subtitle (ReseauSegmentBuilder *self)
{
  GtkCheckButton *checks[] = { self->tie_close, self->tie_regular, self->tie_weak };
  const char *names[] = { C_("tie strength", "Close"), C_("tie strength", "Regular"), C_("tie strength", "Weak") };
  g_autoptr(GString) subtitle = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    if (gtk_check_button_get_active (checks[i]))
      g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? ", " : "", names[i]);
  adw_expander_row_set_subtitle (self->ties_row, subtitle->len > 0 ? subtitle->str : _("Any"));
}

static void
ties_toggled_cb (ReseauSegmentBuilder *self)
{
  guint ties = 0;

  update_ties_subtitle (self);
  if (self->updating)
    return;
  ties |= gtk_check_button_get_active (self->tie_close) ? 1 << RESEAU_TIE_CLOSE : 0;
  ties |= gtk_check_button_get_active (self->tie_regular) ? 1 << RESEAU_TIE_REGULAR : 0;
  ties |= gtk_check_button_get_active (self->tie_weak) ? 1 << RESEAU_TIE_WEAK : 0;
  reseau_segment_set_ties (self->segment, ties);
}

static void
text_changed_cb (ReseauSegmentBuilder *self,
                 GtkEditable          *row)
{
  const char *text = gtk_editable_get_text (row);

  if (self->updating)
    return;
  if (row == GTK_EDITABLE (self->organization_row))
    reseau_segment_set_organization (self->segment, text);
  else if (row == GTK_EDITABLE (self->locality_row))
    reseau_segment_set_locality (self->segment, text);
  else if (row == GTK_EDITABLE (self->region_row))
    reseau_segment_set_region (self->segment, text);
  else
    reseau_segment_set_country (self->segment, text);
}

static void
email_changed_cb (ReseauSegmentBuilder *self)
{
  if (!self->updating)
    reseau_segment_set_has_email (self->segment, adw_switch_row_get_active (self->email_row));
}

static void
contacted_changed_cb (ReseauSegmentBuilder *self)
{
  ReseauContactedRule rule = adw_combo_row_get_selected (self->contacted_row);

  gtk_widget_set_visible (GTK_WIDGET (self->days_row),
                          rule == RESEAU_CONTACTED_MORE_THAN || rule == RESEAU_CONTACTED_WITHIN);
  if (!self->updating)
    reseau_segment_set_contacted (self->segment, rule, adw_spin_row_get_value (self->days_row));
}

static void
update_introducer (ReseauSegmentBuilder *self)
{
  gint64 id = reseau_segment_get_introduced_by (self->segment);
  g_autoptr(ReseauContact) contact = id > 0 ? reseau_store_load_contact (self->store, id, FALSE, NULL) : NULL;
  g_autofree char *name = contact ? reseau_contact_dup_name (contact) : NULL;

  adw_action_row_set_subtitle (self->introducer_row, name ? name : _("Anyone"));
  gtk_widget_set_visible (self->introducer_clear, id > 0);
}

static void
introducer_chosen_cb (ReseauSegmentBuilder *self,
                      gint64                id)
{
  reseau_segment_set_introduced_by (self->segment, id);
  update_introducer (self);
}

static void
introducer_clear_cb (ReseauSegmentBuilder *self)
{
  introducer_chosen_cb (self, 0);
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
fill_filters (ReseauSegmentBuilder *self)
{
  ReseauSegment *s = self->segment;
  guint ties = reseau_segment_get_ties (s), days = 0;
  ReseauContactedRule rule = reseau_segment_get_contacted (s, &days);

  self->updating = TRUE;
  gtk_check_button_set_active (self->tie_close, ties & (1 << RESEAU_TIE_CLOSE));
  gtk_check_button_set_active (self->tie_regular, ties & (1 << RESEAU_TIE_REGULAR));
  gtk_check_button_set_active (self->tie_weak, ties & (1 << RESEAU_TIE_WEAK));
  set_text (self->organization_row, reseau_segment_get_organization (s));
  set_text (self->locality_row, reseau_segment_get_locality (s));
  set_text (self->region_row, reseau_segment_get_region (s));
  set_text (self->country_row, reseau_segment_get_country (s));
  adw_switch_row_set_active (self->email_row, reseau_segment_get_has_email (s));
  if (days > 0)
    adw_spin_row_set_value (self->days_row, days);
  adw_combo_row_set_selected (self->contacted_row, rule);
  update_ties_subtitle (self);
  update_introducer (self);
  self->updating = FALSE;
}

/* Public API */

void
reseau_segment_builder_set_segment (ReseauSegmentBuilder *self,
                                    ReseauSegment        *segment,
                                    gint64                saved_id,
                                    const char           *name)
{
  ReseauSegmentArea *areas[] = { self->any_area, self->all_area, self->exclude_area };

  g_return_if_fail (RESEAU_IS_SEGMENT_BUILDER (self));
  g_return_if_fail (segment == NULL || RESEAU_IS_SEGMENT (segment));

  if (self->segment != NULL)
    g_signal_handlers_disconnect_by_data (self->segment, self);
  g_clear_object (&self->segment);
  self->segment = segment != NULL ? reseau_segment_copy (segment) : reseau_segment_new ();
  self->saved_id = saved_id;
  g_set_str (&self->name, name);
  self->dirty = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    reseau_segment_area_bind (areas[i], self->store, self->segment, saved_id);
  fill_filters (self);
  g_signal_connect_object (self->segment, "changed", G_CALLBACK (segment_changed_cb), self, G_CONNECT_SWAPPED);
  update_title (self);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  refresh_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEGMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVED_ID]);
}

ReseauSegment *
reseau_segment_builder_get_segment (ReseauSegmentBuilder *self)
{
  g_return_val_if_fail (RESEAU_IS_SEGMENT_BUILDER (self), NULL);
  return self->segment;
}

gint64
reseau_segment_builder_get_saved_id (ReseauSegmentBuilder *self)
{
  g_return_val_if_fail (RESEAU_IS_SEGMENT_BUILDER (self), 0);
  return self->saved_id;
}

guint
reseau_segment_builder_get_count (ReseauSegmentBuilder *self)
{
  g_return_val_if_fail (RESEAU_IS_SEGMENT_BUILDER (self), 0);
  return self->count;
}

/* Saving (the name dialog is in reseau-segment-builder-name.c) */

ReseauStore *
_reseau_segment_builder_get_store (ReseauSegmentBuilder *self)
{
  return self->store;
}

const char *
_reseau_segment_builder_get_name (ReseauSegmentBuilder *self)
{
  return self->name;
}

gboolean
_reseau_segment_builder_save (ReseauSegmentBuilder *self,
                              const char           *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *trimmed = NULL;
  gint64 id = reseau_store_save_segment (self->store, self->saved_id, name, self->segment, &error);

  if (id == 0)
    {
      toast (self, error->message);
      return FALSE;
    }
  trimmed = g_strstrip (g_strdup (name));
  self->saved_id = id;
  g_set_str (&self->name, trimmed);
  self->dirty = FALSE;
  reseau_segment_area_bind (self->any_area, self->store, self->segment, id);
  reseau_segment_area_bind (self->all_area, self->store, self->segment, id);
  reseau_segment_area_bind (self->exclude_area, self->store, self->segment, id);
  update_title (self);
  toast (self, _("Segment saved"));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVED_ID]);
  g_signal_emit (self, signals[SAVED], 0, id);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ReseauSegmentBuilder *self = RESEAU_SEGMENT_BUILDER (widget);

  if (self->saved_id == 0)
    _reseau_segment_builder_ask_name (self);
  else
    _reseau_segment_builder_save (self, self->name);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _reseau_segment_builder_ask_name (RESEAU_SEGMENT_BUILDER (widget));
}

static void
delete_response_cb (AdwAlertDialog       *dialog,
                    const char           *response,
                    ReseauSegmentBuilder *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = self->saved_id;

  if (!g_str_equal (response, "delete"))
    return;
  if (!reseau_store_delete_segment (self->store, id, &error))
    {
      toast (self, error->message);
      return;
    }
  self->saved_id = 0;
  g_clear_pointer (&self->name, g_free);
  g_signal_emit (self, signals[DELETED], 0, id);
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ReseauSegmentBuilder *self = RESEAU_SEGMENT_BUILDER (widget);
  AdwDialog *dialog;

  if (self->saved_id == 0)
    return;
  dialog = adw_alert_dialog_new (NULL, _("Segments that use it stop using it. No contact is deleted."));
  adw_alert_dialog_format_heading (ADW_ALERT_DIALOG (dialog), _("Delete “%s”?"), self->name);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog), "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  adw_dialog_present (dialog, widget);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_signal_emit (widget, signals[CLOSED], 0);
}

static void
refused_cb (ReseauSegmentBuilder *self,
            const char           *message)
{
  toast (self, message);
}

/* Life cycle */

static void
reseau_segment_builder_dispose (GObject *object)
{
  ReseauSegmentBuilder *self = RESEAU_SEGMENT_BUILDER (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  /* AdwBin would unparent its child a second time after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RESEAU_TYPE_SEGMENT_BUILDER);
  g_clear_object (&self->segment);
  g_clear_object (&self->preview_segment);
  g_clear_object (&self->contacts);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (reseau_segment_builder_parent_class)->dispose (object);
}

static void
reseau_segment_builder_finalize (GObject *object)
{
  g_free (RESEAU_SEGMENT_BUILDER (object)->name);

  G_OBJECT_CLASS (reseau_segment_builder_parent_class)->finalize (object);
}

static void
reseau_segment_builder_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  ReseauSegmentBuilder *self = RESEAU_SEGMENT_BUILDER (object);

  switch (prop_id)
    {
    case PROP_SEGMENT:
      g_value_set_object (value, self->segment);
      break;
    case PROP_SAVED_ID:
      g_value_set_int64 (value, self->saved_id);
      break;
    case PROP_COUNT:
      g_value_set_uint (value, self->count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reseau_segment_builder_class_init (ReseauSegmentBuilderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reseau_segment_builder_dispose;
  object_class->finalize = reseau_segment_builder_finalize;
  object_class->get_property = reseau_segment_builder_get_property;

  properties[PROP_SEGMENT] = g_param_spec_object ("segment", NULL, NULL, RESEAU_TYPE_SEGMENT,
                                                  G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAVED_ID] = g_param_spec_int64 ("saved-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                  G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNT] = g_param_spec_uint ("count", NULL, NULL, 0, G_MAXUINT, 0,
                                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);

  g_type_ensure (RESEAU_TYPE_SEGMENT_AREA);
  g_type_ensure (RESEAU_TYPE_CONTACT_CHOOSER);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Reseau/reseau-segment-builder.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, ReseauSegmentBuilder, name)
  CHILD (toast_overlay); CHILD (window_title); CHILD (menu_button); CHILD (save_button); CHILD (banner);
  CHILD (any_area); CHILD (all_area); CHILD (exclude_area);
  CHILD (ties_row); CHILD (tie_close); CHILD (tie_regular); CHILD (tie_weak);
  CHILD (organization_row); CHILD (locality_row); CHILD (region_row); CHILD (country_row);
  CHILD (email_row); CHILD (contacted_row); CHILD (days_row);
  CHILD (introducer_row); CHILD (introducer_clear); CHILD (introducer_chooser);
  CHILD (preview); CHILD (people_stack);
#undef CHILD

  gtk_widget_class_install_action (widget_class, "builder.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "builder.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "builder.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "builder.close", NULL, close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "builder.save", NULL);
}

static void
connect_filters (ReseauSegmentBuilder *self)
{
  AdwEntryRow *texts[] = { self->organization_row, self->locality_row, self->region_row, self->country_row };
  GtkCheckButton *ties[] = { self->tie_close, self->tie_regular, self->tie_weak };
  ReseauSegmentArea *areas[] = { self->any_area, self->all_area, self->exclude_area };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_signal_connect_object (texts[i], "changed", G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (ties); i++)
    g_signal_connect_object (ties[i], "toggled", G_CALLBACK (ties_toggled_cb), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    g_signal_connect_object (areas[i], "refused", G_CALLBACK (refused_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->email_row, "notify::active", G_CALLBACK (email_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->contacted_row, "notify::selected", G_CALLBACK (contacted_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->days_row, "notify::value", G_CALLBACK (contacted_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->introducer_chooser, "chosen", G_CALLBACK (introducer_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->introducer_clear, "clicked", G_CALLBACK (introducer_clear_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
reseau_segment_builder_init (ReseauSegmentBuilder *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  connect_filters (self);
}

ReseauSegmentBuilder *
reseau_segment_builder_new (ReseauStore *store)
{
  ReseauSegmentBuilder *self;
  g_autoptr(GtkListItemFactory) factory = reseau_contact_row_factory_new ();

  g_return_val_if_fail (RESEAU_IS_STORE (store), NULL);

  self = g_object_new (RESEAU_TYPE_SEGMENT_BUILDER, NULL);
  self->store = g_object_ref (store);
  self->contacts = reseau_contact_list_new (store);
  reseau_contact_chooser_set_store (self->introducer_chooser, store);
  gtk_list_view_set_factory (self->preview, factory);
  gtk_list_view_set_model (self->preview,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->contacts)))));
  g_signal_connect_object (store, "changed", G_CALLBACK (schedule_refresh), self, G_CONNECT_SWAPPED);
  reseau_segment_builder_set_segment (self, NULL, 0, NULL);
  return self;
}
