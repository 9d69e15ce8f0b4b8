/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-window-outbox"

#include "config.h"

#include <glib/gi18n.h>

#include "reseau-outbox-page.h"
#include "reseau-window-outbox.h"
#include "reseau-window-private.h"

/* The outbox lives in the window's main stack, beside the contacts, created on first use;
 * the window itself knows nothing of it. */

static void
outbox_close_cb (ReseauWindow *self)
{
  gtk_stack_set_visible_child_name (self->main_stack, "main");
}

static ReseauOutboxPage *
ensure_outbox (ReseauWindow *self)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->main_stack, "outbox");
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (page != NULL)
    return RESEAU_OUTBOX_PAGE (page);
  if (self->store == NULL || !RESEAU_IS_APPLICATION (app))
    return NULL;
  page = GTK_WIDGET (reseau_outbox_page_new (RESEAU_APPLICATION (app), self->store));
  g_signal_connect_object (page, "close", G_CALLBACK (outbox_close_cb), self, G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->main_stack, page, "outbox");
  return RESEAU_OUTBOX_PAGE (page);
}

void
_reseau_window_show_outbox (ReseauWindow *self)
{
  ReseauOutboxPage *page;

  g_return_if_fail (RESEAU_IS_WINDOW (self));

  if ((page = ensure_outbox (self)) == NULL)
    return;
  reseau_outbox_page_refresh (page);
  gtk_stack_set_visible_child (self->main_stack, GTK_WIDGET (page));
}

void
_reseau_window_show_campaign (ReseauWindow *self,
                              gint64        campaign_id)
{
  ReseauOutboxPage *page;

  g_return_if_fail (RESEAU_IS_WINDOW (self));

  if ((page = ensure_outbox (self)) == NULL)
    return;
  _reseau_window_show_outbox (self);
  reseau_outbox_page_show_campaign (page, campaign_id);
}

guint
_reseau_window_outbox_count (ReseauWindow *self)
{
  g_return_val_if_fail (RESEAU_IS_WINDOW (self), 0);

  return self->store != NULL ? reseau_outbox_count_pending (self->store) : 0;
}
