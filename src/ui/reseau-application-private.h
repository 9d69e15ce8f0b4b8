/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "reseau-application.h"

G_BEGIN_DECLS

/* reseau-application-cli.c */
char *_reseau_application_get_store_path          (GApplicationCommandLine *cmdline,
                                                   GVariantDict            *options);
int   _reseau_application_run_transfer            (ReseauApplication       *self,
                                                   GApplicationCommandLine *cmdline,
                                                   GVariantDict            *options,
                                                   const char              *store_path);
int   _reseau_application_handle_local_options_cb (GApplication            *app,
                                                   GVariantDict            *options,
                                                   gpointer                 user_data);

G_END_DECLS
