/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-segment-area"

#include "config.h"

#include <glib/gi18n.h>

#include "reseau-dnd.h"
#include "reseau-segment-area.h"

struct _ReseauSegmentArea
{
  AdwPreferencesGroup   parent_instance;

  ReseauSegmentCircles  set;
  ReseauStore          *store;
  ReseauSegment        *segment;
  gint64                saved_id;

  guint                 refresh_id;

  GtkListBox           *list;
  GtkListBox           *choices;
  GtkPopover           *popover;
};

G_DEFINE_FINAL_TYPE (ReseauSegmentArea, reseau_segment_area, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_SET,
  N_PROPS
};

enum {
  REFUSED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *titles[] = { N_("In Any of These Circles"), N_("In All of These Circles"),
                                N_("Not in These Circles") };

static void
refuse (ReseauSegmentArea *self,
        const char        *message)
{
  g_signal_emit (self, signals[REFUSED], 0, message);
}

/* Rows */

static void
remove_clicked_cb (GtkButton         *button,
                   ReseauSegmentArea *self)
{
  int kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "kind"));
  gint64 *id = g_object_get_data (G_OBJECT (button), "id");

  if (kind == RESEAU_SIDEBAR_ITEM_CIRCLE)
    reseau_segment_remove_circle (self->segment, self->set, *id);
  else
    reseau_segment_remove_segment (self->segment, self->set, *id);
}

static GtkWidget *
item_row_new (const char *name,
              const char *subtitle,
              const char *icon,
              const char *emoji)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *prefix = emoji != NULL ? gtk_label_new (emoji) : gtk_image_new_from_icon_name (icon);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), prefix);
  return row;
}

/* Returns: (transfer full) (nullable): the saved segment's name, if it still exists */
static char *
saved_segment_name (ReseauStore *store,
                    gint64       id)
{
  g_autoptr(GPtrArray) saved = reseau_store_list_segments (store, NULL);

  for (guint i = 0; saved != NULL && i < saved->len; i++)
    {
      ReseauSavedSegment *s = g_ptr_array_index (saved, i);

      if (s->id == id)
        return g_strdup (s->name);
    }
  return NULL;
}

static GtkWidget *
chosen_row_new (ReseauSegmentArea *self,
                int                kind,
                gint64             id,
                const char        *name,
                ReseauCircle      *circle)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *label = g_strdup_printf (_("Remove “%s”"), name);
  GtkWidget *row, *button;

  if (circle != NULL)
    {
      guint n = reseau_circle_get_member_count (circle);

      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Circle · %u person", "Circle · %u people", n), n);
      row = item_row_new (name, subtitle, "system-users-symbolic", reseau_circle_get_emoji (circle));
    }
  else
    row = item_row_new (name, _("Saved segment"), "edit-find-symbolic", NULL);

  button = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_set_tooltip_text (button, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  g_object_set_data (G_OBJECT (button), "kind", GINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (button), "id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static GtkWidget *
empty_row_new (void)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (_("Drag circles or segments here"));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

/* Circles and saved segments that are gone are said by the builder's banner, not listed. */
static void
refresh (ReseauSegmentArea *self)
{
  g_autoptr(GPtrArray) circles = NULL;
  g_autoptr(GPtrArray) saved = NULL;
  GArray *circle_ids, *saved_ids;
  guint shown = 0;

  gtk_list_box_remove_all (self->list);
  if (self->segment == NULL || self->store == NULL)
    return;
  circles = reseau_store_list_circles (self->store, NULL);
  saved = reseau_store_list_segments (self->store, NULL);
  circle_ids = reseau_segment_get_circles (self->segment, self->set);
  saved_ids = reseau_segment_get_segments (self->segment, self->set);
  for (guint i = 0; i < circle_ids->len; i++)
    for (guint k = 0; circles != NULL && k < circles->len; k++)
      {
        ReseauCircle *circle = g_ptr_array_index (circles, k);

        if (reseau_circle_get_id (circle) != g_array_index (circle_ids, gint64, i))
          continue;
        gtk_list_box_append (self->list, chosen_row_new (self, RESEAU_SIDEBAR_ITEM_CIRCLE, reseau_circle_get_id (circle),
                                                         reseau_circle_get_name (circle), circle));
        shown++;
      }
  for (guint i = 0; i < saved_ids->len; i++)
    for (guint k = 0; saved != NULL && k < saved->len; k++)
      {
        ReseauSavedSegment *s = g_ptr_array_index (saved, k);

        if (s->id != g_array_index (saved_ids, gint64, i))
          continue;
        gtk_list_box_append (self->list, chosen_row_new (self, RESEAU_SIDEBAR_ITEM_SEGMENT, s->id, s->name, NULL));
        shown++;
      }
  if (shown == 0)
    gtk_list_box_append (self->list, empty_row_new ());
}

static gboolean
refresh_cb (gpointer data)
{
  ReseauSegmentArea *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* A renamed or emptied circle shows in its row; an empty set has nothing to update. The
 * member counts cost a query over every circle: one per burst of changes, not per change. */
static void
store_changed_cb (ReseauSegmentArea *self)
{
  if (self->segment == NULL || self->refresh_id != 0 ||
      (reseau_segment_get_circles (self->segment, self->set)->len == 0 &&
       reseau_segment_get_segments (self->segment, self->set)->len == 0))
    return;
  self->refresh_id = g_idle_add (refresh_cb, self);
}

/* Adding */

static gboolean
contains (GArray *ids,
          gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

gboolean
reseau_segment_area_add (ReseauSegmentArea *self,
                         int                kind,
                         gint64             id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReseauCircle) circle = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (RESEAU_IS_SEGMENT_AREA (self), FALSE);
  g_return_val_if_fail (self->segment != NULL, FALSE);

  if (kind == RESEAU_SIDEBAR_ITEM_CIRCLE)
    {
      if ((circle = reseau_store_load_circle (self->store, id, &error)) == NULL)
        {
          refuse (self, error->message);
          return FALSE;
        }
      /* A circle is in one set at a time: dropping it elsewhere moves it. */
      for (ReseauSegmentCircles set = 0; set < RESEAU_SEGMENT_N_CIRCLE_SETS; set++)
        if (set != self->set)
          reseau_segment_remove_circle (self->segment, set, id);
      reseau_segment_add_circle (self->segment, self->set, id);
      return TRUE;
    }

  if (id == self->saved_id)
    {
      refuse (self, _("A segment cannot include itself"));
      return FALSE;
    }
  if ((name = saved_segment_name (self->store, id)) == NULL)
    {
      refuse (self, _("This segment no longer exists"));
      return FALSE;
    }
  if (contains (reseau_segment_get_segments (self->segment, self->set), id))
    return TRUE;
  reseau_segment_add_segment (self->segment, self->set, id);
  if (!reseau_store_check_segment (self->store, self->saved_id, self->segment, &error))
    {
      reseau_segment_remove_segment (self->segment, self->set, id);
      refuse (self, error->message);
      return FALSE;
    }
  for (ReseauSegmentCircles set = 0; set < RESEAU_SEGMENT_N_CIRCLE_SETS; set++)
    if (set != self->set)
      reseau_segment_remove_segment (self->segment, set, id);
  return TRUE;
}

static gboolean
drop_cb (GtkDropTarget     *target,
         const GValue      *value,
         double             x,
         double             y,
         ReseauSegmentArea *self)
{
  ReseauSidebarItem *item = g_value_get_boxed (value);

  if (item == NULL || self->segment == NULL)
    return FALSE;
  return reseau_segment_area_add (self, item->kind, item->id);
}

static void
choice_activated_cb (GtkListBox        *box,
                     GtkListBoxRow     *row,
                     ReseauSegmentArea *self)
{
  int kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "kind"));
  gint64 *id = g_object_get_data (G_OBJECT (row), "id");

  gtk_popover_popdown (self->popover);
  reseau_segment_area_add (self, kind, *id);
}

static void
add_choice (ReseauSegmentArea *self,
            int                kind,
            gint64             id,
            const char        *name,
            const char        *emoji)
{
  GtkWidget *row = item_row_new (name, NULL, kind == RESEAU_SIDEBAR_ITEM_CIRCLE ? "system-users-symbolic"
                                                                                : "edit-find-symbolic", emoji);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "kind", GINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (row), "id", g_memdup2 (&id, sizeof id), g_free);
  gtk_list_box_append (self->choices, row);
}

/* The menu lists what the set does not name yet, circles first. */
static void
popover_show_cb (ReseauSegmentArea *self)
{
  g_autoptr(GPtrArray) circles = NULL;
  g_autoptr(GPtrArray) saved = NULL;

  gtk_list_box_remove_all (self->choices);
  if (self->store == NULL || self->segment == NULL)
    return;
  circles = reseau_store_list_circles (self->store, NULL);
  saved = reseau_store_list_segments (self->store, NULL);
  for (guint i = 0; circles != NULL && i < circles->len; i++)
    {
      ReseauCircle *circle = g_ptr_array_index (circles, i);

      if (!contains (reseau_segment_get_circles (self->segment, self->set), reseau_circle_get_id (circle)))
        add_choice (self, RESEAU_SIDEBAR_ITEM_CIRCLE, reseau_circle_get_id (circle),
                    reseau_circle_get_name (circle), reseau_circle_get_emoji (circle));
    }
  for (guint i = 0; saved != NULL && i < saved->len; i++)
    {
      ReseauSavedSegment *s = g_ptr_array_index (saved, i);

      if (s->id != self->saved_id && !contains (reseau_segment_get_segments (self->segment, self->set), s->id))
        add_choice (self, RESEAU_SIDEBAR_ITEM_SEGMENT, s->id, s->name, NULL);
    }
}

static GtkWidget *
add_button_new (ReseauSegmentArea *self)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *placeholder = gtk_label_new (_("No circles or segments to add"));

  gtk_menu_button_set_child (GTK_MENU_BUTTON (button),
                             g_object_new (ADW_TYPE_BUTTON_CONTENT, "icon-name", "list-add-symbolic",
                                           "label", _("_Add"), "use-underline", TRUE, NULL));
  gtk_widget_set_tooltip_text (button, _("Add a circle or a saved segment"));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);

  self->choices = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->choices, placeholder);
  gtk_list_box_set_selection_mode (self->choices, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->choices), "navigation-sidebar");
  g_signal_connect_object (self->choices, "row-activated", G_CALLBACK (choice_activated_cb), self, 0);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->choices));
  gtk_widget_set_size_request (scroller, 240, -1);

  self->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->popover, scroller);
  g_signal_connect_object (self->popover, "show", G_CALLBACK (popover_show_cb), self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), GTK_WIDGET (self->popover));
  return button;
}

/* Set-up */

void
reseau_segment_area_bind (ReseauSegmentArea *self,
                          ReseauStore       *store,
                          ReseauSegment     *segment,
                          gint64             saved_id)
{
  g_return_if_fail (RESEAU_IS_SEGMENT_AREA (self));

  if (self->segment != NULL)
    g_signal_handlers_disconnect_by_data (self->segment, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  g_set_object (&self->segment, segment);
  self->saved_id = saved_id;
  if (segment != NULL)
    g_signal_connect_object (segment, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  refresh (self);
}

ReseauSegmentCircles
reseau_segment_area_get_set (ReseauSegmentArea *self)
{
  g_return_val_if_fail (RESEAU_IS_SEGMENT_AREA (self), 0);
  return self->set;
}

static void
reseau_segment_area_dispose (GObject *object)
{
  ReseauSegmentArea *self = RESEAU_SEGMENT_AREA (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->segment);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (reseau_segment_area_parent_class)->dispose (object);
}

static void
reseau_segment_area_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ReseauSegmentArea *self = RESEAU_SEGMENT_AREA (object);

  switch (prop_id)
    {
    case PROP_SET:
      g_value_set_int (value, self->set);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reseau_segment_area_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ReseauSegmentArea *self = RESEAU_SEGMENT_AREA (object);

  switch (prop_id)
    {
    case PROP_SET:
      self->set = g_value_get_int (value);
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _(titles[self->set]));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reseau_segment_area_class_init (ReseauSegmentAreaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = reseau_segment_area_dispose;
  object_class->get_property = reseau_segment_area_get_property;
  object_class->set_property = reseau_segment_area_set_property;

  /* A ReseauSegmentCircles. */
  properties[PROP_SET] = g_param_spec_int ("set", NULL, NULL, 0, RESEAU_SEGMENT_N_CIRCLE_SETS - 1, 0,
                                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ReseauSegmentArea::refused:
   * @message: why, translated
   */
  signals[REFUSED] = g_signal_new ("refused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
reseau_segment_area_init (ReseauSegmentArea *self)
{
  GtkDropTarget *target = gtk_drop_target_new (RESEAU_TYPE_SIDEBAR_ITEM, GDK_ACTION_COPY);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->list));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), add_button_new (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "segment-area");

  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

GtkWidget *
reseau_segment_area_new (ReseauSegmentCircles set)
{
  g_return_val_if_fail (set < RESEAU_SEGMENT_N_CIRCLE_SETS, NULL);
  return g_object_new (RESEAU_TYPE_SEGMENT_AREA, "set", set, NULL);
}
