/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "reseau-contact-list.h"
#include "reseau-contact-page.h"
#include "reseau-window.h"

G_BEGIN_DECLS

/* Shared by the sibling files of ReseauWindow (reseau-window-*.c). */
struct _ReseauWindow
{
  AdwApplicationWindow  parent_instance;

  ReseauStore          *store;
  ReseauContactList    *contacts;
  GtkMultiSelection    *selection;
  GArray               *trashed_ids;  /* waiting for their toast to go */
  AdwToast             *delete_toast;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwNavigationSplitView *outer_split;
  AdwNavigationSplitView *inner_split;
  GtkLabel             *all_count_label;
  GtkListBox           *sidebar_list;
  GtkListBoxRow        *all_contacts_row;
  AdwNavigationPage    *list_page;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkStack             *list_stack;
  GtkListView          *list_view;
  GtkActionBar         *selection_bar;
  GtkLabel             *selection_label;
  GtkStack             *card_stack;
  ReseauContactPage    *contact_page;
  AdwStatusPage        *error_page;
  GtkWidget            *loading_spinner;
  guint                 loading_timeout_id;
};

/* reseau-window-interchange.c */
void  _reseau_window_class_init_interchange (GtkWidgetClass *widget_class);
void  _reseau_window_init_interchange     (ReseauWindow  *self);
void  _reseau_window_import_files         (ReseauWindow  *self,
                                           GFile        **files,
                                           guint          n_files);

G_END_DECLS
