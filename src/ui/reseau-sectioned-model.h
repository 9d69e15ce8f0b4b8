/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "reseau-contact-list.h"

G_BEGIN_DECLS

#define RESEAU_TYPE_SECTIONED_MODEL (reseau_sectioned_model_get_type ())

G_DECLARE_FINAL_TYPE (ReseauSectionedModel, reseau_sectioned_model, RESEAU, SECTIONED_MODEL, GObject)

ReseauSectionedModel *reseau_sectioned_model_new (ReseauContactList *contacts);

G_END_DECLS
