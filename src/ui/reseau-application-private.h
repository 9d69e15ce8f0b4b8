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

/* reseau-application-sender.c: the one sender, its timer and the hold while mail waits. */
typedef struct _ReseauAppSending ReseauAppSending;

ReseauAppSending *_reseau_app_sending_new               (ReseauApplication *app);
void              _reseau_app_sending_free              (ReseauAppSending  *sending);
void              _reseau_application_start_sender      (ReseauApplication *self,
                                                         ReseauAppSending  *sending,
                                                         ReseauStore       *store,
                                                         const char        *store_path);
void              _reseau_application_sender_window_shown (ReseauAppSending *sending);
ReseauSender     *_reseau_app_sending_get_sender        (ReseauAppSending  *sending);
void              _reseau_app_sending_wake              (ReseauAppSending  *sending);

G_END_DECLS
