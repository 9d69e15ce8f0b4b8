/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-composer-recipients"

#include "config.h"

#include <glib/gi18n.h>

#include "reseau-composer-private.h"
#include "reseau-dnd.h"

/* The composer's recipients: chips for the circles, saved segments, segment or selection
 * they are made of, the drop target for circles from the sidebar, the live count, the
 * people without an address and the etiquette guard.
 * Sections: parts, definition, refresh, chips, drop, public. */

#define REFRESH_DELAY_MS 120
#define MAX_NO_EMAIL_ROWS 50

/* Parts ------------------------------------------------------------------------------------- */

void
_reseau_composer_part_free (ReseauComposerPart *part)
{
  g_free (part->name);
  g_clear_object (&part->segment);
  g_clear_pointer (&part->ids, g_array_unref);
  g_free (part);
}

static ReseauComposerPart *
part_new (ReseauComposerPartKind kind,
          gint64                 id,
          const char            *name)
{
  ReseauComposerPart *part = g_new0 (ReseauComposerPart, 1);

  part->kind = kind;
  part->id = id;
  part->name = g_strdup (name);
  return part;
}

static char *
circle_name (ReseauComposer *self,
             gint64          id)
{
  g_autoptr(ReseauCircle) circle = reseau_store_load_circle (self->store, id, NULL);

  return circle != NULL ? g_strdup (reseau_circle_get_name (circle)) : NULL;
}

static char *
saved_segment_name (ReseauComposer *self,
                    gint64          id)
{
  g_autoptr(GPtrArray) saved = reseau_store_list_segments (self->store, NULL);

  for (guint i = 0; saved != NULL && i < saved->len; i++)
    {
      ReseauSavedSegment *s = g_ptr_array_index (saved, i);

      if (s->id == id)
        return g_strdup (s->name);
    }
  return NULL;
}

static gboolean
has_part (ReseauComposer         *self,
          ReseauComposerPartKind  kind,
          gint64                  id)
{
  for (guint i = 0; i < self->parts->len; i++)
    {
      ReseauComposerPart *part = g_ptr_array_index (self->parts, i);

      if (part->kind == kind && part->id == id)
        return TRUE;
    }
  return FALSE;
}

/* Definition -------------------------------------------------------------------------------- */

/* Circles and saved segments alone stay a dynamic segment (any of them); a segment alone
 * keeps its rules; anything mixed is fixed as the people it names today. */
char *
_reseau_composer_dup_definition (ReseauComposer *self)
{
  g_autoptr(ReseauSegment) segment = reseau_segment_new ();
  gboolean only_any_of = TRUE;

  if (self->parts->len == 0)
    return g_strdup ("");
  if (self->parts->len == 1)
    {
      ReseauComposerPart *part = g_ptr_array_index (self->parts, 0);

      if (part->kind == RESEAU_COMPOSER_PART_SEGMENT)
        return reseau_outbox_definition_for_segment (part->segment);
      if (part->kind == RESEAU_COMPOSER_PART_IDS)
        return reseau_outbox_definition_for_ids ((gint64 *)(gpointer)part->ids->data, part->ids->len);
    }
  for (guint i = 0; i < self->parts->len; i++)
    {
      ReseauComposerPart *part = g_ptr_array_index (self->parts, i);

      if (part->kind == RESEAU_COMPOSER_PART_CIRCLE)
        reseau_segment_add_circle (segment, RESEAU_SEGMENT_ANY_OF, part->id);
      else if (part->kind == RESEAU_COMPOSER_PART_SAVED_SEGMENT)
        reseau_segment_add_segment (segment, RESEAU_SEGMENT_ANY_OF, part->id);
      else
        only_any_of = FALSE;
    }
  if (only_any_of)
    return reseau_outbox_definition_for_segment (segment);
  return reseau_outbox_definition_for_ids ((gint64 *)(gpointer)self->ids->data, self->ids->len);
}

/* A segment made only of "any of" circles and saved segments, as chips; anything else as
 * one segment chip. */
static void
add_segment_parts (ReseauComposer *self,
                   ReseauSegment  *segment)
{
  g_autoptr(ReseauSegment) rest = reseau_segment_copy (segment);
  GArray *circles = reseau_segment_get_circles (segment, RESEAU_SEGMENT_ANY_OF);
  GArray *saved = reseau_segment_get_segments (segment, RESEAU_SEGMENT_ANY_OF);

  for (guint i = 0; i < circles->len; i++)
    reseau_segment_remove_circle (rest, RESEAU_SEGMENT_ANY_OF, g_array_index (circles, gint64, i));
  for (guint i = 0; i < saved->len; i++)
    reseau_segment_remove_segment (rest, RESEAU_SEGMENT_ANY_OF, g_array_index (saved, gint64, i));

  if (!reseau_segment_is_empty (rest) || circles->len + saved->len == 0)
    {
      ReseauComposerPart *part = part_new (RESEAU_COMPOSER_PART_SEGMENT, 0, _("Segment"));

      part->segment = reseau_segment_copy (segment);
      g_ptr_array_add (self->parts, part);
      return;
    }
  for (guint i = 0; i < circles->len; i++)
    {
      gint64 id = g_array_index (circles, gint64, i);
      g_autofree char *name = circle_name (self, id);

      g_ptr_array_add (self->parts, part_new (RESEAU_COMPOSER_PART_CIRCLE, id, name ? name : _("Deleted circle")));
    }
  for (guint i = 0; i < saved->len; i++)
    {
      gint64 id = g_array_index (saved, gint64, i);
      g_autofree char *name = saved_segment_name (self, id);

      g_ptr_array_add (self->parts, part_new (RESEAU_COMPOSER_PART_SAVED_SEGMENT, id,
                                              name ? name : _("Deleted segment")));
    }
}

static void
add_ids_part (ReseauComposer *self,
              const gint64   *ids,
              guint           n_ids)
{
  ReseauComposerPart *part = part_new (RESEAU_COMPOSER_PART_IDS, 0, NULL);

  part->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  g_array_append_vals (part->ids, ids, n_ids);
  g_ptr_array_add (self->parts, part);
}

void
_reseau_composer_restore_definition (ReseauComposer *self,
                                     const char     *definition)
{
  g_autoptr(GError) error = NULL;

  g_ptr_array_set_size (self->parts, 0);
  if (definition != NULL && g_str_has_prefix (definition, "segment:"))
    {
      g_autoptr(ReseauSegment) segment = reseau_segment_deserialize (definition + strlen ("segment:"), &error);

      if (segment != NULL)
        add_segment_parts (self, segment);
    }
  else if (definition != NULL && definition[0] != '\0')
    {
      g_autoptr(GArray) ids = reseau_outbox_resolve_definition (self->store, definition, &error);

      if (ids != NULL && ids->len > 0)
        add_ids_part (self, (gint64 *)(gpointer)ids->data, ids->len);
    }
  if (error != NULL)
    g_warning ("Could not restore the draft's recipients: %s", error->message);
  _reseau_composer_refresh_recipients (self);
}

/* Refresh ----------------------------------------------------------------------------------- */

ReseauEtiquetteRule
_reseau_composer_rule (ReseauComposer *self)
{
  ReseauEtiquetteRule rule = {
    g_settings_get_uint (self->settings, "etiquette-max-messages"),
    g_settings_get_uint (self->settings, "etiquette-window-days"),
  };

  return rule;
}

char *
_reseau_composer_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Everyone the parts name, each once, in the order the parts give them. */
static void
resolve_ids (ReseauComposer *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(ReseauSegment) any_of = reseau_segment_new ();
  gboolean has_any_of = FALSE;

  g_array_set_size (self->ids, 0);
  for (guint i = 0; i <= self->parts->len; i++)
    {
      ReseauComposerPart *part = i < self->parts->len ? g_ptr_array_index (self->parts, i) : NULL;
      g_autoptr(GArray) ids = NULL;
      g_autoptr(GError) error = NULL;

      if (part == NULL && has_any_of)
        ids = reseau_store_segment_ids (self->store, any_of, RESEAU_SORT_GIVEN_NAME, &error);
      else if (part == NULL)
        break;
      else if (part->kind == RESEAU_COMPOSER_PART_CIRCLE || part->kind == RESEAU_COMPOSER_PART_SAVED_SEGMENT)
        {
          if (part->kind == RESEAU_COMPOSER_PART_CIRCLE)
            reseau_segment_add_circle (any_of, RESEAU_SEGMENT_ANY_OF, part->id);
          else
            reseau_segment_add_segment (any_of, RESEAU_SEGMENT_ANY_OF, part->id);
          has_any_of = TRUE;
          continue;
        }
      else if (part->kind == RESEAU_COMPOSER_PART_SEGMENT)
        ids = reseau_store_segment_ids (self->store, part->segment, RESEAU_SORT_GIVEN_NAME, &error);
      else
        ids = g_array_ref (part->ids);

      if (ids == NULL)
        {
          g_warning ("Could not list the recipients: %s", error->message);
          continue;
        }
      for (guint k = 0; k < ids->len; k++)
        {
          gint64 *id = &g_array_index (ids, gint64, k);

          if (g_hash_table_add (seen, id))
            g_array_append_val (self->ids, *id);
        }
    }
}

static void
clear_no_email_rows (ReseauComposer *self)
{
  for (guint i = 0; i < self->no_email_rows->len; i++)
    adw_expander_row_remove (self->no_email_row, g_ptr_array_index (self->no_email_rows, i));
  g_ptr_array_set_size (self->no_email_rows, 0);
}

static void
add_no_email_row (ReseauComposer *self,
                  const char     *title)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_add_row (self->no_email_row, row);
  g_ptr_array_add (self->no_email_rows, row);
}

/* Only the first MAX_NO_EMAIL_ROWS people get a row (the summary loads no more names);
 * the rest are one "And N more" row. */
static void
update_no_email (ReseauComposer         *self,
                 ReseauRecipientSummary *summary)
{
  guint n = summary->no_email->len, named = summary->no_email_names->len;
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person has no email address",
                                                         "%u people have no email address", n), n);

  g_array_set_size (self->no_email, 0);
  g_array_append_vals (self->no_email, summary->no_email->data, n);
  clear_no_email_rows (self);
  for (guint i = 0; i < named; i++)
    add_no_email_row (self, g_ptr_array_index (summary->no_email_names, i));
  if (n > named)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more", "And %u more",
                                                            n - named), n - named);

      add_no_email_row (self, text);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->no_email_row), title);
  adw_expander_row_set_subtitle (self->no_email_row, _("They are left out of this message"));
  gtk_widget_set_visible (GTK_WIDGET (self->no_email_row), n > 0);
}

static void
update_etiquette (ReseauComposer         *self,
                  ReseauRecipientSummary *summary)
{
  g_autofree char *description = NULL;
  ReseauEtiquetteRule rule = _reseau_composer_rule (self);
  gboolean include = adw_switch_row_get_active (self->include_over_cap_row);

  g_clear_pointer (&self->etiquette, reseau_etiquette_result_free);
  self->etiquette = g_steal_pointer (&summary->etiquette);

  g_array_set_size (self->sendable, 0);
  for (guint i = 0; i < summary->with_email->len; i++)
    {
      gint64 id = g_array_index (summary->with_email, gint64, i);

      if (include || !reseau_etiquette_result_contains (self->etiquette, id))
        g_array_append_val (self->sendable, id);
    }

  description = reseau_etiquette_result_describe (self->etiquette, &rule);
  gtk_widget_set_visible (GTK_WIDGET (self->etiquette_row), description != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->include_over_cap_row), description != NULL);
  if (description != NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->etiquette_row), description);
      adw_action_row_set_subtitle (self->etiquette_row,
                                   include ? _("They will be written to anyway")
                                           : _("They are skipped, so as not to write to them too often"));
    }
}

static void
show_count_text (ReseauComposer *self,
                 const char     *text,
                 gboolean        counting)
{
  gtk_label_set_text (self->count_label, text);
  gtk_widget_set_visible (self->count_spinner, counting);
  gtk_widget_set_visible (self->count_box, self->parts->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->drop_hint), self->parts->len == 0);
}

static void
update_count (ReseauComposer *self)
{
  guint total = self->ids->len, n = self->sendable->len;
  g_autofree char *text = NULL;
  g_autofree char *large = NULL;
  gboolean is_large;

  if (n == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person will get a personal email",
                                         "%u people will get a personal email", n), n);
  else
    /* Translators: "52 of 58 people will get a personal email" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u person will get a personal email",
                                         "%u of %u people will get a personal email", total), n, total);
  show_count_text (self, text, FALSE);

  is_large = reseau_etiquette_is_large_segment (n, g_settings_get_uint (self->settings, "large-segment-threshold"),
                                                &large);
  gtk_widget_set_visible (GTK_WIDGET (self->large_row), is_large);
  if (is_large)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->large_row), large);
  gtk_widget_set_visible (gtk_widget_get_ancestor (self->warnings_list, ADW_TYPE_PREFERENCES_GROUP),
                          is_large || self->no_email->len > 0 ||
                          gtk_widget_get_visible (GTK_WIDGET (self->etiquette_row)));
}

static void
apply_summary (ReseauComposer         *self,
               ReseauRecipientSummary *summary)
{
  update_no_email (self, summary);
  update_etiquette (self, summary);
  update_count (self);
  _reseau_composer_update_send (self);
}

static void rebuild_chips (ReseauComposer *self);

static void
summarized_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(ReseauComposer) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ReseauRecipientSummary) summary = reseau_outbox_summarize_finish (result, &error);

  /* A newer refresh, or the composer closing, cancelled this one. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->refresh_cancellable);
  if (summary == NULL)
    {
      g_warning ("Could not count the recipients: %s", error->message);
      show_count_text (self, _("The recipients could not be counted"), FALSE);
      _reseau_composer_update_send (self);
      return;
    }
  apply_summary (self, summary);
}

/* The parts are resolved here, in one statement each; who has an address and who is over
 * the etiquette cap is worked out in a worker, as that grows with the number of people.
 * Until it answers, nobody is sendable and the count says so. */
void
_reseau_composer_refresh_recipients (ReseauComposer *self)
{
  ReseauEtiquetteRule rule = _reseau_composer_rule (self);
  g_autofree char *today = _reseau_composer_today ();

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
  resolve_ids (self);
  rebuild_chips (self);
  g_array_set_size (self->sendable, 0);
  if (self->ids->len == 0)
    {
      g_autoptr(ReseauRecipientSummary) none = g_new0 (ReseauRecipientSummary, 1);

      none->with_email = g_array_new (FALSE, FALSE, sizeof (gint64));
      none->no_email = g_array_new (FALSE, FALSE, sizeof (gint64));
      none->no_email_names = g_ptr_array_new ();
      none->etiquette = reseau_etiquette_check (self->store, &rule, NULL, 0, today, NULL);
      apply_summary (self, none);
      return;
    }
  self->refresh_cancellable = g_cancellable_new ();
  show_count_text (self, _("Counting…"), TRUE);
  _reseau_composer_update_send (self);
  reseau_outbox_summarize_async (self->store, (gint64 *)(gpointer)self->ids->data, self->ids->len, &rule, today,
                                 MAX_NO_EMAIL_ROWS, self->refresh_cancellable, summarized_cb, g_object_ref (self));
}

static gboolean
refresh_timeout_cb (gpointer data)
{
  ReseauComposer *self = data;

  self->refresh_id = 0;
  _reseau_composer_refresh_recipients (self);
  return G_SOURCE_REMOVE;
}

/* The store changed (a contact, a membership): count again shortly. */
static void
store_changed_cb (ReseauComposer *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, refresh_timeout_cb, self);
}

/* Chips ------------------------------------------------------------------------------------- */

static void
remove_chip_cb (GtkButton      *button,
                ReseauComposer *self)
{
  ReseauComposerPart *part = g_object_get_data (G_OBJECT (button), "part");

  g_ptr_array_remove (self->parts, part);
  _reseau_composer_refresh_recipients (self);
  _reseau_composer_changed (self);
}

static GtkWidget *
chip_new (ReseauComposer     *self,
          ReseauComposerPart *part)
{
  static const char * const icons[] = {
    [RESEAU_COMPOSER_PART_CIRCLE] = "radio-symbolic",
    [RESEAU_COMPOSER_PART_SAVED_SEGMENT] = "funnel-symbolic",
    [RESEAU_COMPOSER_PART_SEGMENT] = "funnel-symbolic",
    [RESEAU_COMPOSER_PART_IDS] = "system-users-symbolic",
  };
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label;
  GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  if (part->kind == RESEAU_COMPOSER_PART_IDS)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u selected person", "%u selected people",
                                         part->ids->len), part->ids->len);
  else
    text = g_strdup (part->name);
  label = gtk_label_new (text);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_widget_add_css_class (chip, "composer-chip");
  gtk_box_append (GTK_BOX (chip), gtk_image_new_from_icon_name (icons[part->kind]));
  gtk_box_append (GTK_BOX (chip), label);

  /* Translators: %s is a circle's name, a segment or "3 selected people" */
  tooltip = g_strdup_printf (_("Remove “%s”"), text);
  gtk_widget_set_tooltip_text (remove, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  g_object_set_data (G_OBJECT (remove), "part", part);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_chip_cb), self, 0);
  gtk_box_append (GTK_BOX (chip), remove);
  return chip;
}

static void
rebuild_chips (ReseauComposer *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box))) != NULL)
    adw_wrap_box_remove (self->chips_box, child);
  for (guint i = 0; i < self->parts->len; i++)
    adw_wrap_box_append (self->chips_box, chip_new (self, g_ptr_array_index (self->parts, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->chips_box), self->parts->len > 0);
}

/* Drop -------------------------------------------------------------------------------------- */

static void
add_sidebar_item (ReseauComposer    *self,
                  ReseauSidebarItem *item)
{
  ReseauComposerPartKind kind = item->kind == RESEAU_SIDEBAR_ITEM_CIRCLE ? RESEAU_COMPOSER_PART_CIRCLE
                                                                          : RESEAU_COMPOSER_PART_SAVED_SEGMENT;

  if (has_part (self, kind, item->id))
    return;
  _reseau_composer_add_part (self, part_new (kind, item->id, item->name));
}

static gboolean
drop_cb (GtkDropTarget  *target,
         const GValue   *value,
         double          x,
         double          y,
         ReseauComposer *self)
{
  ReseauSidebarItem *item = g_value_get_boxed (value);

  if (item == NULL)
    return FALSE;
  add_sidebar_item (self, item);
  return TRUE;
}

/* The keyboard's way to add a circle: a menu of those not already there. */
static void
create_circle_menu_cb (GtkMenuButton  *button,
                       ReseauComposer *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GPtrArray) circles = reseau_store_list_circles (self->store, NULL);

  for (guint i = 0; circles != NULL && i < circles->len; i++)
    {
      ReseauCircle *circle = g_ptr_array_index (circles, i);
      g_autoptr(GMenuItem) item = NULL;

      if (has_part (self, RESEAU_COMPOSER_PART_CIRCLE, reseau_circle_get_id (circle)))
        continue;
      item = g_menu_item_new (reseau_circle_get_name (circle), NULL);
      g_menu_item_set_action_and_target_value (item, "composer.add-circle",
                                               g_variant_new_int64 (reseau_circle_get_id (circle)));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

void
_reseau_composer_init_recipients (ReseauComposer *self)
{
  GtkDropTarget *target = gtk_drop_target_new (RESEAU_TYPE_SIDEBAR_ITEM, GDK_ACTION_COPY);

  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (self->recipients_area, GTK_EVENT_CONTROLLER (target));
  gtk_menu_button_set_create_popup_func (self->add_circle_button,
                                         (GtkMenuButtonCreatePopupFunc)create_circle_menu_cb, self, NULL);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  _reseau_composer_refresh_recipients (self);
}

/* Public ------------------------------------------------------------------------------------ */

void
_reseau_composer_add_part (ReseauComposer     *self,
                           ReseauComposerPart *part)
{
  g_ptr_array_add (self->parts, part);
  _reseau_composer_refresh_recipients (self);
  _reseau_composer_changed (self);
}

void
_reseau_composer_clear_parts (ReseauComposer *self)
{
  g_ptr_array_set_size (self->parts, 0);
}

void
reseau_composer_add_circle (ReseauComposer *self,
                            gint64          circle_id)
{
  g_autofree char *name = NULL;

  g_return_if_fail (RESEAU_IS_COMPOSER (self));

  if (has_part (self, RESEAU_COMPOSER_PART_CIRCLE, circle_id) || (name = circle_name (self, circle_id)) == NULL)
    return;
  _reseau_composer_add_part (self, part_new (RESEAU_COMPOSER_PART_CIRCLE, circle_id, name));
}

void
reseau_composer_set_recipients_segment (ReseauComposer *self,
                                        ReseauSegment  *segment)
{
  g_return_if_fail (RESEAU_IS_COMPOSER (self));
  g_return_if_fail (RESEAU_IS_SEGMENT (segment));

  _reseau_composer_clear_parts (self);
  add_segment_parts (self, segment);
  _reseau_composer_refresh_recipients (self);
  _reseau_composer_changed (self);
}

void
reseau_composer_set_recipients_ids (ReseauComposer *self,
                                    const gint64   *ids,
                                    guint           n_ids)
{
  g_return_if_fail (RESEAU_IS_COMPOSER (self));

  _reseau_composer_clear_parts (self);
  if (n_ids > 0)
    add_ids_part (self, ids, n_ids);
  _reseau_composer_refresh_recipients (self);
  _reseau_composer_changed (self);
}
