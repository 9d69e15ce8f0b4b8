/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-window-mail"

#include "config.h"

#include <glib/gi18n.h>

#include "reseau-application.h"
#include "reseau-composer.h"
#include "reseau-reconnect-page.h"
#include "reseau-segment-builder.h"
#include "reseau-window-private.h"

/* Writing from the window: the composer takes the place of the contacts beside the sidebar
 * (so circles can be dragged onto it) and gives it back when it is closed or has sent.
 * Entry points: win.compose (header bar), win.compose-circle and win.compose-saved-segment
 * (the sidebar's menus), win.compose-selected (the selection bar), win.compose-segment (the
 * segment builder), win.open-draft (the outbox), and the Reconnect page's ::write-requested. */

#define COMPOSER_KEY "reseau-window-composer"
#define CONTENT_KEY  "reseau-window-content"

static ReseauComposer *
get_composer (ReseauWindow *self)
{
  return g_object_get_data (G_OBJECT (self), COMPOSER_KEY);
}

static void
restore_content (ReseauWindow *self)
{
  AdwNavigationPage *content = g_object_get_data (G_OBJECT (self), CONTENT_KEY);

  if (content != NULL)
    adw_navigation_split_view_set_content (self->outer_split, content);
  g_object_set_data (G_OBJECT (self), COMPOSER_KEY, NULL);
}

static void
composer_closed_cb (ReseauWindow *self)
{
  ReseauComposer *composer = get_composer (self);

  if (composer != NULL && reseau_composer_save (composer) != 0)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Draft saved in the Outbox")));
  restore_content (self);
}

static void
composer_sent_cb (ReseauWindow *self,
                  gint64        campaign_id,
                  guint         n_queued,
                  gint64        when)
{
  GApplication *app = g_application_get_default ();
  g_autofree char *text = NULL;

  /* Short enough for a toast in French too; the outbox says when. */
  if (when == 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u message is on its way",
                                         "%u messages are on their way", n_queued), n_queued);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u message scheduled",
                                         "%u messages scheduled", n_queued), n_queued);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
  restore_content (self);
  if (RESEAU_IS_APPLICATION (app))
    reseau_application_wake_sender (RESEAU_APPLICATION (app));
}

/* Returns: (transfer none): the composer, shown in the content pane */
static ReseauComposer *
open_composer (ReseauWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  ReseauComposer *composer = get_composer (self);

  if (composer != NULL)
    return composer;
  if (self->store == NULL || !RESEAU_IS_APPLICATION (app))
    return NULL;

  composer = reseau_composer_new (self->store, reseau_application_get_settings (RESEAU_APPLICATION (app)));
  g_object_set_data_full (G_OBJECT (self), COMPOSER_KEY, g_object_ref_sink (composer), g_object_unref);
  g_signal_connect_object (composer, "closed", G_CALLBACK (composer_closed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (composer, "sent", G_CALLBACK (composer_sent_cb), self, G_CONNECT_SWAPPED);
  if (g_object_get_data (G_OBJECT (self), CONTENT_KEY) == NULL)
    g_object_set_data_full (G_OBJECT (self), CONTENT_KEY,
                            g_object_ref (adw_navigation_split_view_get_content (self->outer_split)),
                            g_object_unref);
  adw_navigation_split_view_set_content (self->outer_split, ADW_NAVIGATION_PAGE (composer));
  adw_navigation_split_view_set_show_content (self->outer_split, TRUE);
  return composer;
}

void
_reseau_window_compose_segment (ReseauWindow  *self,
                                ReseauSegment *segment)
{
  ReseauComposer *composer = open_composer (self);

  if (composer != NULL && segment != NULL)
    reseau_composer_set_recipients_segment (composer, segment);
}

void
_reseau_window_compose_ids (ReseauWindow *self,
                            const gint64 *ids,
                            guint         n_ids)
{
  ReseauComposer *composer = open_composer (self);

  if (composer != NULL)
    reseau_composer_set_recipients_ids (composer, ids, n_ids);
}

/* Actions ----------------------------------------------------------------------------------- */

static void
compose_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  ReseauWindow *self = user_data;
  ReseauComposer *composer = get_composer (self);

  if (composer != NULL)
    return;
  composer = open_composer (self);
  /* Writing while a circle is shown starts with that circle. */
  if (composer != NULL && self->view == RESEAU_SIDEBAR_VIEW_CIRCLE)
    reseau_composer_add_circle (composer, self->view_id);
}

/* A circle's or a saved segment's menu in the sidebar: any of that one. */
static void
compose_circle_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  ReseauWindow *self = user_data;
  g_autoptr(ReseauSegment) segment = reseau_segment_new ();

  if (g_str_equal (g_action_get_name (G_ACTION (action)), "compose-circle"))
    reseau_segment_add_circle (segment, RESEAU_SEGMENT_ANY_OF, g_variant_get_int64 (param));
  else
    reseau_segment_add_segment (segment, RESEAU_SEGMENT_ANY_OF, g_variant_get_int64 (param));
  _reseau_window_compose_segment (self, segment);
}

static void
compose_selected_action (GSimpleAction *action,
                         GVariant      *param,
                         gpointer       user_data)
{
  ReseauWindow *self = user_data;
  g_autoptr(GArray) ids = _reseau_window_selected_ids (self);

  if (ids->len > 0)
    _reseau_window_compose_ids (self, (const gint64 *)(gpointer)ids->data, ids->len);
}

static void
compose_segment_action (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  ReseauWindow *self = user_data;

  if (self->segment_builder != NULL)
    _reseau_window_compose_segment (self, reseau_segment_builder_get_segment (RESEAU_SEGMENT_BUILDER (self->segment_builder)));
}

static void
open_draft_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  ReseauWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  ReseauComposer *composer = open_composer (self);

  if (composer != NULL && !reseau_composer_load_draft (composer, g_variant_get_int64 (param), &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      restore_content (self);
    }
}

static void
write_requested_cb (ReseauWindow *self,
                    GArray       *ids)
{
  _reseau_window_compose_ids (self, (const gint64 *)(gpointer)ids->data, ids->len);
}

/* The Reconnect page is created when first shown: connect to it then. */
static void
pane_changed_cb (ReseauWindow *self)
{
  if (self->reconnect_page == NULL || g_object_get_data (G_OBJECT (self->reconnect_page), COMPOSER_KEY) != NULL)
    return;
  g_object_set_data (G_OBJECT (self->reconnect_page), COMPOSER_KEY, GINT_TO_POINTER (TRUE));
  g_signal_connect_object (self->reconnect_page, "write-requested", G_CALLBACK (write_requested_cb), self,
                           G_CONNECT_SWAPPED);
}

static const GActionEntry mail_actions[] = {
  { "compose", compose_action },
  { "compose-circle", compose_circle_action, "x" },
  { "compose-saved-segment", compose_circle_action, "x" },
  { "compose-selected", compose_selected_action },
  { "compose-segment", compose_segment_action },
  { "open-draft", open_draft_action, "x" },
};

void
_reseau_window_setup_mail (ReseauWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), mail_actions, G_N_ELEMENTS (mail_actions), self);
  if (self->pane_stack != NULL)
    g_signal_connect_object (self->pane_stack, "notify::visible-child", G_CALLBACK (pane_changed_cb), self,
                             G_CONNECT_SWAPPED);
}
