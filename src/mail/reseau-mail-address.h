/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gunichar  _reseau_mail_find_control    (const char  *text);
char     *_reseau_mail_address_to_ascii (const char  *address,
                                         GError     **error);
gboolean  _reseau_mail_host_is_local    (const char  *host);

G_END_DECLS
