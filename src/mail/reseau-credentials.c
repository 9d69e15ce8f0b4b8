/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-credentials"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "reseau-credentials.h"

/* Passwords through libsecret only, as Epiphany does: a static schema, one item per
 * account. Nothing here logs a password or puts it in an error message. */

const SecretSchema *
reseau_credentials_get_schema (void)
{
  static const SecretSchema schema = {
    "org.example.Reseau.Account", SECRET_SCHEMA_DONT_MATCH_NAME,
    {
      { "account-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "NULL", 0 },
    }
  };

  return &schema;
}

static char *
account_key (gint64 account_id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, account_id);
}

static char *
make_label (ReseauAccount *account)
{
  g_autofree char *who = reseau_account_dup_label (account);

  /* Translators: the name of the password in the keyring (Passwords and Keys) */
  return g_strdup_printf (_("Réseau: %s"), who);
}

/* libsecret's own messages say "secret service"; say what failed in the user's terms. */
static void
prefix_error (GError     **error,
              const char  *what)
{
  if (error != NULL && *error != NULL && !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_prefix_error (error, "%s", what);
}

static void
return_prefixed_error (GTask      *task,
                       GError     *error,
                       const char *what)
{
  prefix_error (&error, what);
  g_task_return_error (task, error);
}

gboolean
reseau_credentials_store_sync (ReseauAccount  *account,
                               const char     *password,
                               GCancellable   *cancellable,
                               GError        **error)
{
  g_autofree char *key = NULL;
  g_autofree char *label = NULL;
  gboolean ok;

  g_return_val_if_fail (RESEAU_IS_ACCOUNT (account), FALSE);
  g_return_val_if_fail (reseau_account_get_id (account) > 0, FALSE);
  g_return_val_if_fail (password != NULL, FALSE);

  key = account_key (reseau_account_get_id (account));
  label = make_label (account);
  ok = secret_password_store_sync (reseau_credentials_get_schema (), SECRET_COLLECTION_DEFAULT,
                                   label, password, cancellable, error, "account-id", key, NULL);
  if (!ok)
    prefix_error (error, _("The password could not be saved in the keyring: "));
  return ok;
}

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(GTask) task = data;
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    return_prefixed_error (task, error, _("The password could not be saved in the keyring: "));
  else
    g_task_return_boolean (task, TRUE);
}

void
reseau_credentials_store (ReseauAccount       *account,
                          const char          *password,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autofree char *key = NULL;
  g_autofree char *label = NULL;
  GTask *task;

  g_return_if_fail (RESEAU_IS_ACCOUNT (account));
  g_return_if_fail (reseau_account_get_id (account) > 0);
  g_return_if_fail (password != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, reseau_credentials_store);
  key = account_key (reseau_account_get_id (account));
  label = make_label (account);
  secret_password_store (reseau_credentials_get_schema (), SECRET_COLLECTION_DEFAULT, label,
                         password, cancellable, stored_cb, task, "account-id", key, NULL);
}

gboolean
reseau_credentials_store_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

char *
reseau_credentials_lookup_sync (gint64         account_id,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autofree char *key = account_key (account_id);
  GError *local_error = NULL;
  char *password;

  password = secret_password_lookup_sync (reseau_credentials_get_schema (), cancellable,
                                          &local_error, "account-id", key, NULL);
  if (local_error != NULL)
    {
      prefix_error (&local_error, _("The keyring could not be read: "));
      g_propagate_error (error, local_error);
    }
  return password;
}

static void
looked_up_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(GTask) task = data;
  GError *error = NULL;
  char *password = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    return_prefixed_error (task, error, _("The keyring could not be read: "));
  else
    g_task_return_pointer (task, password, (GDestroyNotify)secret_password_free);
}

void
reseau_credentials_lookup (gint64               account_id,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autofree char *key = account_key (account_id);
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, reseau_credentials_lookup);
  secret_password_lookup (reseau_credentials_get_schema (), cancellable, looked_up_cb, task,
                          "account-id", key, NULL);
}

char *
reseau_credentials_lookup_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Clearing a password that was never stored is not an error. */
gboolean
reseau_credentials_clear_sync (gint64         account_id,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autofree char *key = account_key (account_id);
  GError *local_error = NULL;

  secret_password_clear_sync (reseau_credentials_get_schema (), cancellable, &local_error,
                              "account-id", key, NULL);
  if (local_error != NULL)
    {
      prefix_error (&local_error, _("The password could not be removed from the keyring: "));
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

static void
cleared_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr(GTask) task = data;
  GError *error = NULL;

  secret_password_clear_finish (result, &error);
  if (error != NULL)
    return_prefixed_error (task, error, _("The password could not be removed from the keyring: "));
  else
    g_task_return_boolean (task, TRUE);
}

void
reseau_credentials_clear (gint64               account_id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autofree char *key = account_key (account_id);
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, reseau_credentials_clear);
  secret_password_clear (reseau_credentials_get_schema (), cancellable, cleared_cb, task,
                         "account-id", key, NULL);
}

gboolean
reseau_credentials_clear_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
