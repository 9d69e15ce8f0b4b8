/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What test-accounts.c and test-outbox.c share: a window on a fresh database, finding
 * widgets by what a person sees, real clicks and real typing through xdotool.
 */

#pragma once

#include <adwaita.h>

#include "reseau-application.h"
#include "reseau-window.h"

G_BEGIN_DECLS

typedef struct
{
  char              *dir;
  char              *db;
  int                width;
  ReseauApplication *app;
  ReseauWindow      *window;
  ReseauStore       *store;
} MailFixture;

typedef gboolean (*MailMatch) (GtkWidget *widget, gconstpointer data);

void        mail_fixture_set_up    (MailFixture   *f,
                                    gconstpointer  data);
void        mail_fixture_tear_down (MailFixture   *f,
                                    gconstpointer  data);

GtkWidget  *mail_find              (GtkWidget     *root,
                                    MailMatch      match,
                                    gconstpointer  data);
/* Waits up to 20 s for a drawable widget matching in the window (dialogs included). */
GtkWidget  *mail_wait_for          (MailFixture   *f,
                                    MailMatch      match,
                                    gconstpointer  data,
                                    const char    *what);
void        mail_settle            (guint          ms);
void        mail_click             (GtkWidget     *widget);
/* Clicks @widget, selects all it holds and types @text for real. */
void        mail_type_into         (GtkWidget     *widget,
                                    const char    *text);
void        mail_screenshot        (MailFixture   *f,
                                    const char    *what);

gboolean    mail_is_button_labelled (GtkWidget *widget, gconstpointer label);
gboolean    mail_is_row_titled      (GtkWidget *widget, gconstpointer title);
gboolean    mail_is_label_containing (GtkWidget *widget, gconstpointer text);
gboolean    mail_is_type            (GtkWidget *widget, gconstpointer gtype_pointer);

/* Sets the locale and text domain the way main.c does, then gtk_test_init(). */
void        mail_test_init          (int *argc, char ***argv);

G_END_DECLS
