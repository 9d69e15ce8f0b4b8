/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "reseau-store-outbox.h"

G_BEGIN_DECLS

#define RESEAU_TYPE_COMPOSER_PREVIEW (reseau_composer_preview_get_type ())

G_DECLARE_FINAL_TYPE (ReseauComposerPreview, reseau_composer_preview, RESEAU, COMPOSER_PREVIEW, AdwDialog)

/*
 * The messages a campaign would send, one recipient at a time ("3 of 52 — Frédéric
 * Martinet"), rendered exactly as the sender will (reseau_outbox_render()).
 */
ReseauComposerPreview *reseau_composer_preview_new      (ReseauStore           *store,
                                                         const ReseauCampaign  *campaign,
                                                         GArray                *ids);
guint                  reseau_composer_preview_get_position (ReseauComposerPreview *self);
void                   reseau_composer_preview_set_position (ReseauComposerPreview *self,
                                                         guint                  position);

G_END_DECLS
