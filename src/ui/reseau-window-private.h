/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "reseau-contact-list.h"
#include "reseau-contact-page.h"
#include "reseau-window.h"

G_BEGIN_DECLS

/* What the content list shows, chosen in the sidebar. */
typedef enum
{
  RESEAU_SIDEBAR_VIEW_ALL,
  RESEAU_SIDEBAR_VIEW_RECONNECT,
  RESEAU_SIDEBAR_VIEW_NO_CIRCLE,
  RESEAU_SIDEBAR_VIEW_CIRCLE,
  RESEAU_SIDEBAR_VIEW_SEGMENT,
  RESEAU_SIDEBAR_VIEW_NEW_CIRCLE,
  RESEAU_SIDEBAR_VIEW_NEW_SEGMENT,
} ReseauSidebarView;

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

  /* Sidebar and circles: reseau-window-sidebar.c, reseau-window-circles.c */
  GtkListBoxRow        *reconnect_row;
  GtkListBoxRow        *no_circle_row;
  GtkLabel             *reconnect_count_label;
  GtkLabel             *no_circle_count_label;
  GtkMenuButton        *circle_menu_button;
  GtkMenuButton        *add_to_circle_button;
  GtkButton            *remove_from_circle_button;
  GtkWidget            *new_circle_row;
  GtkWidget            *new_segment_row;
  GPtrArray            *circle_rows;        /* GtkListBoxRow, in sidebar order */
  GPtrArray            *segment_rows;       /* GtkListBoxRow, in sidebar order */
  AdwStatusPage        *empty_view_page;
  guint                 sidebar_refresh_id;
  ReseauSidebarView     view;
  gint64                view_id;            /* the circle or saved segment shown */
  GArray               *new_circle_members; /* dropped on "New Circle…" */
  gint64                trashed_circle;     /* waiting for its toast to go */
  AdwToast             *circle_toast;
  AdwToast             *membership_toast;   /* the last one shown (weak) */
  GtkWidget            *context_row;        /* the contact row whose menu is open (weak) */
  GtkStack             *pane_stack;         /* the list, Reconnect or the segment builder */
  GtkWidget            *reconnect_page;
  GtkWidget            *segment_builder;
};

/* reseau-window.c */
void  _reseau_window_update_list_state    (ReseauWindow  *self);
void  _reseau_window_show_contact         (ReseauWindow  *self,
                                           gint64         id,
                                           gboolean       navigate);
GArray *_reseau_window_selected_ids       (ReseauWindow  *self);

/* reseau-window-sidebar.c */
void  _reseau_window_class_init_sidebar   (GtkWidgetClass *widget_class);
void  _reseau_window_init_sidebar         (ReseauWindow  *self);
void  _reseau_window_dispose_sidebar      (ReseauWindow  *self);
void  _reseau_window_sidebar_set_store    (ReseauWindow  *self);
void  _reseau_window_refresh_sidebar      (ReseauWindow  *self);
void  _reseau_window_show_all_contacts    (ReseauWindow  *self);
const char *_reseau_window_circle_name    (ReseauWindow  *self,
                                           gint64         circle_id);
void  _reseau_window_select_view          (ReseauWindow      *self,
                                           ReseauSidebarView  view,
                                           gint64             id);

/* reseau-window-views.c */
void  _reseau_window_class_init_views     (GtkWidgetClass    *widget_class);
void  _reseau_window_init_views           (ReseauWindow      *self);
void  _reseau_window_views_set_store      (ReseauWindow      *self);
void  _reseau_window_show_view            (ReseauWindow      *self,
                                           ReseauSidebarView  view,
                                           gint64             id,
                                           const char        *name);
void  _reseau_window_edit_segment         (ReseauWindow      *self,
                                           gint64             saved_id);

/* reseau-window-circle-menu.c */
void  _reseau_window_class_init_circle_menu (GtkWidgetClass *widget_class);
void  _reseau_window_dispose_circle_menu  (ReseauWindow      *self);
void  _reseau_window_popup_item_menu      (ReseauWindow      *self,
                                           GtkWidget         *row,
                                           ReseauSidebarView  view,
                                           gint64             id,
                                           double             x,
                                           double             y);
void  _reseau_window_update_circle_actions (ReseauWindow *self);

/* reseau-window-circles.c */
void  _reseau_window_class_init_circles   (GtkWidgetClass *widget_class);
void  _reseau_window_init_circles         (ReseauWindow  *self);
void  _reseau_window_dispose_circles      (ReseauWindow  *self);
void  _reseau_window_add_to_circle        (ReseauWindow  *self,
                                           gint64         circle_id,
                                           const gint64  *ids,
                                           guint          n_ids,
                                           gint64         from_circle,
                                           gboolean       move);
void  _reseau_window_new_circle_with      (ReseauWindow  *self,
                                           const gint64  *ids,
                                           guint          n_ids);
void  _reseau_window_popup_contact_menu   (ReseauWindow  *self,
                                           GtkListItem   *item,
                                           GtkWidget     *row,
                                           double         x,
                                           double         y);

/* reseau-window-dnd.c */
void  _reseau_window_setup_row_factory    (ReseauWindow       *self,
                                           GtkListItemFactory *factory);
void  _reseau_window_add_circle_drop      (ReseauWindow  *self,
                                           GtkWidget     *row,
                                           gint64         circle_id);
void  _reseau_window_popup                (GtkPopover    *popover,
                                           GtkWidget     *row,
                                           double         x,
                                           double         y);

/* reseau-window-interchange.c */
void  _reseau_window_class_init_interchange (GtkWidgetClass *widget_class);
void  _reseau_window_init_interchange     (ReseauWindow  *self);
void  _reseau_window_import_files         (ReseauWindow  *self,
                                           GFile        **files,
                                           guint          n_files);

/* reseau-window-mail.c */
void  _reseau_window_setup_mail           (ReseauWindow  *self);
void  _reseau_window_compose_segment      (ReseauWindow  *self,
                                           ReseauSegment *segment);
void  _reseau_window_compose_ids          (ReseauWindow  *self,
                                           const gint64  *ids,
                                           guint          n_ids);

G_END_DECLS
