/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "reseau-composer.h"
#include "reseau-etiquette.h"
#include "reseau-outbox.h"

G_BEGIN_DECLS

/* One chip of the recipients: a circle or a saved segment (any of them), a segment from
 * the builder, or a fixed selection of people. */
typedef enum
{
  RESEAU_COMPOSER_PART_CIRCLE,
  RESEAU_COMPOSER_PART_SAVED_SEGMENT,
  RESEAU_COMPOSER_PART_SEGMENT,
  RESEAU_COMPOSER_PART_IDS,
} ReseauComposerPartKind;

typedef struct
{
  ReseauComposerPartKind  kind;
  gint64                  id;       /* circle or saved segment */
  char                   *name;
  ReseauSegment          *segment;  /* PART_SEGMENT */
  GArray                 *ids;      /* PART_IDS, (element-type gint64) */
} ReseauComposerPart;

/* Shared by the sibling files of ReseauComposer (reseau-composer-*.c). */
struct _ReseauComposer
{
  AdwNavigationPage      parent_instance;

  ReseauStore           *store;
  GSettings             *settings;
  ReseauCampaign        *campaign;      /* the draft; id 0 until first saved */
  GPtrArray             *parts;         /* ReseauComposerPart */
  GArray                *ids;           /* everyone the parts name, (element-type gint64) */
  GArray                *no_email;      /* those without an address */
  GArray                *sendable;      /* with an address and not skipped */
  GPtrArray             *no_email_rows;
  ReseauEtiquetteResult *etiquette;
  GPtrArray             *accounts;      /* ReseauAccount */
  GError                *template_error;
  gboolean               template_in_subject;
  gboolean               loading;       /* filling the widgets: no autosave */
  gboolean               dirty;
  gboolean               body_was_focused;
  gboolean               scheduling;    /* the outbox is taking its snapshot */
  gint64                 scheduled_for;
  GCancellable          *cancellable;
  guint                  save_id;
  guint                  refresh_id;
  GCancellable          *refresh_cancellable; /* the summary being computed, if any */

  AdwBanner             *banner;
  GtkButton             *send_button;
  GtkWidget             *recipients_area;
  AdwWrapBox            *chips_box;
  GtkLabel              *drop_hint;
  GtkWidget             *count_box;
  GtkWidget             *count_spinner;
  GtkLabel              *count_label;
  GtkMenuButton         *add_circle_button;
  AdwExpanderRow        *no_email_row;
  AdwActionRow          *etiquette_row;
  AdwSwitchRow          *include_over_cap_row;
  AdwActionRow          *large_row;
  GtkWidget             *warnings_list;
  AdwComboRow           *from_row;
  AdwActionRow          *no_account_row;
  AdwEntryRow           *subject_row;
  GtkTextView           *body_view;
  GtkMenuButton         *merge_button;
  GtkWidget             *problem_box;
  GtkLabel              *problem_label;
  AdwExpanderRow        *schedule_row;
  GtkMenuButton         *date_button;
  GtkCalendar           *calendar;
  AdwSpinRow            *hour_row;
  AdwSpinRow            *minute_row;
};

/* reseau-composer.c */
void     _reseau_composer_changed            (ReseauComposer *self);
void     _reseau_composer_update_send        (ReseauComposer *self);

/* reseau-composer-text.c */
void     _reseau_composer_init_text          (ReseauComposer *self);
char    *_reseau_composer_dup_body           (ReseauComposer *self);
void     _reseau_composer_check_templates    (ReseauComposer *self);
void     _reseau_composer_show_problem_action (GtkWidget     *widget,
                                              const char     *action_name,
                                              GVariant       *param);
void     _reseau_composer_insert_field_action (GtkWidget     *widget,
                                              const char     *action_name,
                                              GVariant       *param);

/* reseau-composer-recipients.c */
void     _reseau_composer_part_free          (ReseauComposerPart *part);
void     _reseau_composer_init_recipients    (ReseauComposer *self);
void     _reseau_composer_add_part           (ReseauComposer *self,
                                              ReseauComposerPart *part);
void     _reseau_composer_clear_parts        (ReseauComposer *self);
char    *_reseau_composer_dup_definition     (ReseauComposer *self);
void     _reseau_composer_restore_definition (ReseauComposer *self,
                                              const char     *definition);
void     _reseau_composer_refresh_recipients (ReseauComposer *self);
ReseauEtiquetteRule _reseau_composer_rule    (ReseauComposer *self);
char    *_reseau_composer_today              (void);

/* reseau-composer-schedule.c */
void     _reseau_composer_init_schedule      (ReseauComposer *self);
void     _reseau_composer_update_schedule    (ReseauComposer *self);
/* Unix seconds UTC, 0 for now. */
gint64   _reseau_composer_send_time          (ReseauComposer *self);
char    *_reseau_composer_describe_time      (ReseauComposer *self);

G_END_DECLS
