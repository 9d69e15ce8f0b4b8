/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "reseau-career.h"
#include "reseau-store.h"

G_BEGIN_DECLS

char       *reseau_format_date                 (const char               *iso_date);
char       *reseau_format_month                (const char               *iso_date);
char       *reseau_format_position             (const ReseauPosition     *position);
char       *reseau_format_period               (const ReseauPosition     *position,
                                                gboolean                  current);
const char *reseau_format_tie                  (ReseauTie                 tie);
const char *reseau_format_value_type           (const ReseauContactValue *value);
char       *reseau_format_address              (const ReseauContactValue *value);
char       *reseau_format_email_change         (const ReseauHistoryEntry *entry);
const char *reseau_format_interaction_kind     (ReseauInteractionKind     kind);
const char *reseau_format_interaction_icon     (ReseauInteractionKind     kind);
char       *reseau_format_interaction_subtitle (const ReseauInteraction  *interaction);

G_END_DECLS
