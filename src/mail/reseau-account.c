/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-account"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "reseau-account.h"
#include "reseau-credentials.h"
#include "reseau-mail-address.h"

struct _ReseauAccount
{
  GObject                parent_instance;

  gint64                 id;
  char                  *display_name;
  char                  *address;
  char                  *host;
  guint                  port;
  ReseauAccountSecurity  security;
  char                  *user_name;
};

G_DEFINE_FINAL_TYPE (ReseauAccount, reseau_account, G_TYPE_OBJECT)

G_DEFINE_QUARK (reseau-account-error-quark, reseau_account_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_DISPLAY_NAME,
  PROP_ADDRESS,
  PROP_HOST,
  PROP_PORT,
  PROP_SECURITY,
  PROP_USER_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
reseau_account_finalize (GObject *object)
{
  ReseauAccount *self = (ReseauAccount *)object;

  g_free (self->display_name);
  g_free (self->address);
  g_free (self->host);
  g_free (self->user_name);

  G_OBJECT_CLASS (reseau_account_parent_class)->finalize (object);
}

static void
reseau_account_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ReseauAccount *self = RESEAU_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:           g_value_set_int64 (value, self->id); break;
    case PROP_DISPLAY_NAME: g_value_set_string (value, self->display_name); break;
    case PROP_ADDRESS:      g_value_set_string (value, self->address); break;
    case PROP_HOST:         g_value_set_string (value, self->host); break;
    case PROP_PORT:         g_value_set_uint (value, self->port); break;
    case PROP_SECURITY:     g_value_set_int (value, self->security); break;
    case PROP_USER_NAME:    g_value_set_string (value, self->user_name); break;
    default:                G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reseau_account_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ReseauAccount *self = RESEAU_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_DISPLAY_NAME: reseau_account_set_display_name (self, g_value_get_string (value)); break;
    case PROP_ADDRESS:      reseau_account_set_address (self, g_value_get_string (value)); break;
    case PROP_HOST:         reseau_account_set_host (self, g_value_get_string (value)); break;
    case PROP_PORT:         reseau_account_set_port (self, g_value_get_uint (value)); break;
    case PROP_SECURITY:     reseau_account_set_security (self, g_value_get_int (value)); break;
    case PROP_USER_NAME:    reseau_account_set_user_name (self, g_value_get_string (value)); break;
    default:                G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reseau_account_class_init (ReseauAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = reseau_account_finalize;
  object_class->get_property = reseau_account_get_property;
  object_class->set_property = reseau_account_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, "", flags);
  properties[PROP_ADDRESS] = g_param_spec_string ("address", NULL, NULL, "", flags);
  properties[PROP_HOST] = g_param_spec_string ("host", NULL, NULL, "", flags);
  properties[PROP_PORT] = g_param_spec_uint ("port", NULL, NULL, 0, G_MAXUINT, 587, flags);
  properties[PROP_SECURITY] = g_param_spec_int ("security", NULL, NULL,
                                                RESEAU_ACCOUNT_SECURITY_STARTTLS,
                                                RESEAU_ACCOUNT_SECURITY_NONE,
                                                RESEAU_ACCOUNT_SECURITY_STARTTLS, flags);
  properties[PROP_USER_NAME] = g_param_spec_string ("user-name", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
reseau_account_init (ReseauAccount *self)
{
  self->display_name = g_strdup ("");
  self->address = g_strdup ("");
  self->host = g_strdup ("");
  self->user_name = g_strdup ("");
  self->port = 587;
  self->security = RESEAU_ACCOUNT_SECURITY_STARTTLS;
}

ReseauAccount *
reseau_account_new (void)
{
  return g_object_new (RESEAU_TYPE_ACCOUNT, NULL);
}

ReseauAccount *
reseau_account_new_from_record (const ReseauAccountRecord *record)
{
  ReseauAccount *self = reseau_account_new ();

  g_return_val_if_fail (record != NULL, self);

  self->id = record->id;
  g_set_str (&self->display_name, record->display_name);
  g_set_str (&self->address, record->address);
  g_set_str (&self->host, record->host);
  g_set_str (&self->user_name, record->user_name);
  self->port = record->port;
  self->security = CLAMP (record->security, RESEAU_ACCOUNT_SECURITY_STARTTLS, RESEAU_ACCOUNT_SECURITY_NONE);
  return self;
}

ReseauAccountRecord *
reseau_account_to_record (ReseauAccount *self)
{
  ReseauAccountRecord *record = g_new0 (ReseauAccountRecord, 1);

  record->id = self->id;
  record->display_name = g_strdup (self->display_name);
  record->address = g_strdup (self->address);
  record->host = g_strdup (self->host);
  record->port = self->port;
  record->security = self->security;
  record->user_name = g_strdup (self->user_name);
  return record;
}

gint64
reseau_account_get_id (ReseauAccount *self)
{
  g_return_val_if_fail (RESEAU_IS_ACCOUNT (self), 0);
  return self->id;
}

#define DEFINE_STRING_PROPERTY(name, PROP) \
  const char * \
  reseau_account_get_##name (ReseauAccount *self) \
  { \
    g_return_val_if_fail (RESEAU_IS_ACCOUNT (self), NULL); \
    return self->name; \
  } \
  void \
  reseau_account_set_##name (ReseauAccount *self, \
                             const char    *value) \
  { \
    g_return_if_fail (RESEAU_IS_ACCOUNT (self)); \
    if (g_set_str (&self->name, value ? value : "")) \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]); \
  }

DEFINE_STRING_PROPERTY (display_name, PROP_DISPLAY_NAME)
DEFINE_STRING_PROPERTY (address, PROP_ADDRESS)
DEFINE_STRING_PROPERTY (host, PROP_HOST)
DEFINE_STRING_PROPERTY (user_name, PROP_USER_NAME)

guint
reseau_account_get_port (ReseauAccount *self)
{
  g_return_val_if_fail (RESEAU_IS_ACCOUNT (self), 0);
  return self->port;
}

void
reseau_account_set_port (ReseauAccount *self,
                         guint          port)
{
  g_return_if_fail (RESEAU_IS_ACCOUNT (self));
  if (self->port == port)
    return;
  self->port = port;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PORT]);
}

ReseauAccountSecurity
reseau_account_get_security (ReseauAccount *self)
{
  g_return_val_if_fail (RESEAU_IS_ACCOUNT (self), RESEAU_ACCOUNT_SECURITY_STARTTLS);
  return self->security;
}

void
reseau_account_set_security (ReseauAccount         *self,
                             ReseauAccountSecurity  security)
{
  g_return_if_fail (RESEAU_IS_ACCOUNT (self));
  g_return_if_fail (security <= RESEAU_ACCOUNT_SECURITY_NONE);
  if (self->security == security)
    return;
  self->security = security;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECURITY]);
}

guint
reseau_account_security_default_port (ReseauAccountSecurity security)
{
  switch (security)
    {
    case RESEAU_ACCOUNT_SECURITY_TLS:  return 465;
    case RESEAU_ACCOUNT_SECURITY_NONE: return 25;
    case RESEAU_ACCOUNT_SECURITY_STARTTLS:
    default:                           return 587;
    }
}

char *
reseau_account_dup_label (ReseauAccount *self)
{
  g_return_val_if_fail (RESEAU_IS_ACCOUNT (self), NULL);

  if (self->user_name[0] == '\0')
    return g_strdup_printf ("%s@%s", self->address, self->host);
  /* A user name that is already an address ("me@example.org") reads as "me@example.org
   * on smtp.example.org" rather than with a second @. */
  if (strchr (self->user_name, '@') != NULL)
    return g_strdup_printf ("%s (%s)", self->user_name, self->host);
  return g_strdup_printf ("%s@%s", self->user_name, self->host);
}

static gboolean
validate_host (const char  *host,
               GError     **error)
{
  if (host[0] == '\0')
    {
      g_set_error (error, RESEAU_ACCOUNT_ERROR, RESEAU_ACCOUNT_ERROR_INVALID_HOST,
                   _("Enter the name of the SMTP server, such as smtp.example.org"));
      return FALSE;
    }
  for (const char *p = host; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c) || c == '/' || c == '@')
        {
          g_set_error (error, RESEAU_ACCOUNT_ERROR, RESEAU_ACCOUNT_ERROR_INVALID_HOST,
                       _("The server name “%s” cannot contain spaces, “/” or “@”"), host);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
reseau_account_validate (ReseauAccount  *self,
                         GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *ascii = NULL;

  g_return_val_if_fail (RESEAU_IS_ACCOUNT (self), FALSE);

  if (!g_utf8_validate (self->display_name, -1, NULL) || _reseau_mail_find_control (self->display_name) != 0)
    {
      g_set_error (error, RESEAU_ACCOUNT_ERROR, RESEAU_ACCOUNT_ERROR_INVALID_TEXT,
                   _("The name cannot contain line breaks or control characters"));
      return FALSE;
    }
  if (self->address[0] == '\0')
    {
      g_set_error (error, RESEAU_ACCOUNT_ERROR, RESEAU_ACCOUNT_ERROR_INVALID_ADDRESS,
                   _("Enter the email address messages are sent from"));
      return FALSE;
    }
  if (_reseau_mail_find_control (self->address) != 0 ||
      (ascii = _reseau_mail_address_to_ascii (self->address, &local_error)) == NULL)
    {
      if (local_error != NULL)
        g_set_error_literal (error, RESEAU_ACCOUNT_ERROR, RESEAU_ACCOUNT_ERROR_INVALID_ADDRESS,
                             local_error->message);
      else
        g_set_error (error, RESEAU_ACCOUNT_ERROR, RESEAU_ACCOUNT_ERROR_INVALID_ADDRESS,
                     _("“%s” is not a valid email address"), self->address);
      return FALSE;
    }
  if (!validate_host (self->host, error))
    return FALSE;
  if (self->port < 1 || self->port > 65535)
    {
      g_set_error (error, RESEAU_ACCOUNT_ERROR, RESEAU_ACCOUNT_ERROR_INVALID_PORT,
                   _("The port must be a number from 1 to 65535 (usually 587 for STARTTLS, 465 for TLS)"));
      return FALSE;
    }
  if (self->security == RESEAU_ACCOUNT_SECURITY_NONE && !_reseau_mail_host_is_local (self->host))
    {
      g_set_error (error, RESEAU_ACCOUNT_ERROR, RESEAU_ACCOUNT_ERROR_INSECURE,
                   _("Without encryption your password and messages would cross the network readable by anyone: choose STARTTLS or TLS, or use a server on this computer (localhost)"));
      return FALSE;
    }
  if (_reseau_mail_find_control (self->user_name) != 0)
    {
      g_set_error (error, RESEAU_ACCOUNT_ERROR, RESEAU_ACCOUNT_ERROR_INVALID_TEXT,
                   _("The user name cannot contain line breaks or control characters"));
      return FALSE;
    }
  return TRUE;
}

gboolean
reseau_account_save (ReseauAccount  *self,
                     ReseauStore    *store,
                     GError        **error)
{
  g_autoptr(ReseauAccountRecord) record = NULL;
  gint64 id;

  g_return_val_if_fail (RESEAU_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (RESEAU_IS_STORE (store), FALSE);

  if (!reseau_account_validate (self, error))
    return FALSE;
  record = reseau_account_to_record (self);
  if ((id = reseau_store_save_account (store, record, error)) == 0)
    return FALSE;
  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
  return TRUE;
}

ReseauAccount *
reseau_account_load (ReseauStore  *store,
                     gint64        id,
                     GError      **error)
{
  g_autoptr(ReseauAccountRecord) record = reseau_store_load_account (store, id, error);

  return record ? reseau_account_new_from_record (record) : NULL;
}

GPtrArray *
reseau_account_list (ReseauStore  *store,
                     GError      **error)
{
  g_autoptr(GPtrArray) records = reseau_store_list_accounts (store, error);
  GPtrArray *accounts;

  if (records == NULL)
    return NULL;
  accounts = g_ptr_array_new_full (records->len, g_object_unref);
  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (accounts, reseau_account_new_from_record (g_ptr_array_index (records, i)));
  return accounts;
}

/* The secret goes first: a failure there leaves the account in place to try again, where
 * the other order could leave a password nobody can reach or clear from Réseau. */
gboolean
reseau_account_delete (ReseauAccount  *self,
                       ReseauStore    *store,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_return_val_if_fail (RESEAU_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (RESEAU_IS_STORE (store), FALSE);

  if (self->id == 0)
    return TRUE;
  if (!reseau_credentials_clear_sync (self->id, cancellable, error))
    return FALSE;
  return reseau_store_delete_account (store, self->id, error);
}

static void
secret_cleared_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(GTask) task = data;
  ReseauAccount *self = g_task_get_source_object (task);
  ReseauStore *store = g_task_get_task_data (task);
  GError *error = NULL;

  if (!reseau_credentials_clear_finish (result, &error) ||
      !reseau_store_delete_account (store, self->id, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* The keyring is asked in the background; the database row goes on the caller's thread,
 * where @store lives. */
void
reseau_account_delete_async (ReseauAccount       *self,
                             ReseauStore         *store,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RESEAU_IS_ACCOUNT (self));
  g_return_if_fail (RESEAU_IS_STORE (store));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, reseau_account_delete_async);
  g_task_set_task_data (task, g_object_ref (store), g_object_unref);
  if (self->id == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  reseau_credentials_clear (self->id, cancellable, secret_cleared_cb, g_steal_pointer (&task));
}

gboolean
reseau_account_delete_finish (ReseauAccount  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
