/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the import and export UI tests share: a window on a fresh database, widget look-ups,
 * waiting for the dialogs' pages, files and contacts to start from.
 */

#pragma once

#include "reseau-application.h"
#include "reseau-window-private.h"

G_BEGIN_DECLS

typedef struct
{
  char              *dir;
  int                width;
  ReseauApplication *app;
  ReseauWindow      *window;
  ReseauStore       *store;
} Fixture;

typedef gboolean (*Match) (GtkWidget *widget, gconstpointer data);

void         fixture_set_up      (Fixture         *f,
                                  gconstpointer   data);
void         fixture_tear_down   (Fixture         *f,
                                  gconstpointer   data);
GtkWidget *  find_widget         (GtkWidget       *root,
                                  Match           match,
                                  gconstpointer   data);
gboolean     is_button_labelled  (GtkWidget       *widget,
                                  gconstpointer   label);
gboolean     is_row_titled       (GtkWidget       *widget,
                                  gconstpointer   prefix);
gboolean     is_label_containing (GtkWidget       *widget,
                                  gconstpointer   text);
GtkWidget *  wait_for            (Fixture         *f,
                                  Match           match,
                                  gconstpointer   data,
                                  const char      *what);
void         settle              (guint           ms);
void         click_button        (Fixture         *f,
                                  const char      *label);
AdwDialog *  visible_dialog      (Fixture         *f);
void         wait_dialog_closed  (Fixture         *f);
void         wait_count          (Fixture         *f,
                                  guint           n);
void         screenshot          (Fixture         *f,
                                  const char      *what);
GFile *      write_file          (Fixture         *f,
                                  const char      *name,
                                  const char      *text);
gint64       add_contact         (Fixture         *f,
                                  const char      *given,
                                  const char      *family,
                                  const char      *email,
                                  const char      *organization,
                                  const char      *title);
char *       find_contact_text   (Fixture         *f,
                                  const char      *email,
                                  ReseauTextField field);
const char * dialog_page         (Fixture         *f);
gboolean     page_is             (gpointer        data);
void         wait_page           (Fixture         *f,
                                  const char      *page);
gboolean     is_file_chooser     (gpointer        data);

G_END_DECLS
