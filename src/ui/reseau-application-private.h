/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "reseau-application.h"

G_BEGIN_DECLS

int _reseau_application_run_transfer (ReseauApplication       *self,
                                      GApplicationCommandLine *cmdline,
                                      GVariantDict            *options,
                                      const char              *store_path);

G_END_DECLS
