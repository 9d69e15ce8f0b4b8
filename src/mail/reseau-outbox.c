/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-outbox"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "reseau-outbox.h"
#include "reseau-template.h"

G_DEFINE_QUARK (reseau-outbox-error-quark, reseau_outbox_error)

/* A definition is "ids:1,2,3" for a fixed selection, or "segment:" followed by the
 * segment's own serialization. */
#define IDS_PREFIX     "ids:"
#define SEGMENT_PREFIX "segment:"

char *
reseau_outbox_definition_for_segment (ReseauSegment *segment)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (RESEAU_IS_SEGMENT (segment), NULL);
  text = reseau_segment_serialize (segment);
  return g_strconcat (SEGMENT_PREFIX, text, NULL);
}

char *
reseau_outbox_definition_for_ids (const gint64 *ids,
                                  guint         n_ids)
{
  GString *text = g_string_new (IDS_PREFIX);

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
  return g_string_free (text, FALSE);
}

static GArray *
parse_ids (const char  *text,
           GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 id;

      if (parts[i][0] == '\0' && parts[i + 1] == NULL && i == 0)
        break;
      if (!g_ascii_string_to_signed (parts[i], 10, 1, G_MAXINT64, &id, NULL))
        {
          g_set_error (error, RESEAU_OUTBOX_ERROR, RESEAU_OUTBOX_ERROR_INVALID_DEFINITION,
                       _("The list of recipients is damaged"));
          return NULL;
        }
      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

GArray *
reseau_outbox_resolve_definition (ReseauStore  *store,
                                  const char   *definition,
                                  GError      **error)
{
  g_return_val_if_fail (RESEAU_IS_STORE (store), NULL);

  if (definition != NULL && g_str_has_prefix (definition, IDS_PREFIX))
    {
      g_autoptr(GArray) ids = parse_ids (definition + strlen (IDS_PREFIX), error);

      if (ids == NULL)
        return NULL;
      return reseau_store_filter_live_contacts (store, (gint64 *)(gpointer)ids->data, ids->len, error);
    }
  if (definition != NULL && g_str_has_prefix (definition, SEGMENT_PREFIX))
    {
      g_autoptr(ReseauSegment) segment = reseau_segment_deserialize (definition + strlen (SEGMENT_PREFIX), error);

      if (segment == NULL)
        return NULL;
      return reseau_store_segment_ids (store, segment, RESEAU_SORT_GIVEN_NAME, error);
    }
  g_set_error (error, RESEAU_OUTBOX_ERROR, RESEAU_OUTBOX_ERROR_NO_RECIPIENTS,
               _("Choose who to write to"));
  return NULL;
}

static ReseauTemplate *
parse_template (const char  *text,
                const char  *what,
                GError     **error)
{
  ReseauTemplate *template = reseau_template_new (text ? text : "", error);

  if (template == NULL)
    g_prefix_error (error, "%s", what);
  return template;
}

gboolean
reseau_outbox_check_templates (const char  *subject,
                               const char  *body,
                               GError     **error)
{
  g_autoptr(ReseauTemplate) s = parse_template (subject, _("Subject: "), error);
  g_autoptr(ReseauTemplate) b = NULL;

  if (s == NULL)
    return FALSE;
  b = parse_template (body, _("Message: "), error);
  return b != NULL;
}

gboolean
reseau_outbox_render (const ReseauCampaign  *campaign,
                      ReseauContact         *contact,
                      char                 **subject,
                      char                 **body,
                      GError               **error)
{
  g_autoptr(ReseauTemplate) s = NULL;
  g_autoptr(ReseauTemplate) b = NULL;

  g_return_val_if_fail (campaign != NULL, FALSE);
  g_return_val_if_fail (RESEAU_IS_CONTACT (contact), FALSE);

  if ((s = parse_template (campaign->subject, _("Subject: "), error)) == NULL ||
      (b = parse_template (campaign->body, _("Message: "), error)) == NULL)
    return FALSE;
  if (subject != NULL)
    *subject = reseau_template_render (s, contact);
  if (body != NULL)
    *body = reseau_template_render (b, contact);
  return TRUE;
}

gint64
reseau_outbox_save_draft (ReseauStore           *store,
                          const ReseauCampaign  *campaign,
                          gint64                 now,
                          GError               **error)
{
  g_return_val_if_fail (RESEAU_IS_STORE (store), 0);
  return reseau_store_save_draft (store, campaign, now, error);
}

static gboolean
check_draft (ReseauStore           *store,
             const ReseauCampaign  *campaign,
             GError               **error)
{
  g_autoptr(ReseauAccountRecord) account = NULL;
  g_autofree char *subject = g_strstrip (g_strdup (campaign->subject));

  if (campaign->state != RESEAU_CAMPAIGN_DRAFT)
    {
      g_set_error (error, RESEAU_OUTBOX_ERROR, RESEAU_OUTBOX_ERROR_INVALID_STATE,
                   _("This campaign was already scheduled"));
      return FALSE;
    }
  if (campaign->account_id == 0 ||
      (account = reseau_store_load_account (store, campaign->account_id, NULL)) == NULL)
    {
      g_set_error (error, RESEAU_OUTBOX_ERROR, RESEAU_OUTBOX_ERROR_NO_ACCOUNT,
                   _("Choose the account to send from, or add one in Preferences"));
      return FALSE;
    }
  if (subject[0] == '\0')
    {
      g_set_error (error, RESEAU_OUTBOX_ERROR, RESEAU_OUTBOX_ERROR_EMPTY_SUBJECT,
                   _("Write a subject"));
      return FALSE;
    }
  return reseau_outbox_check_templates (campaign->subject, campaign->body, error);
}

/* Snapshots in the strings of @keep, which outlives the array of snapshots. */
static GArray *
build_snapshot (ReseauStore                *store,
                const ReseauCampaign       *campaign,
                const ReseauEtiquetteRule  *rule,
                GArray                     *ids,
                ReseauEtiquetteResult      *etiquette,
                GPtrArray                  *keep,
                ReseauScheduleSummary      *summary,
                GError                    **error)
{
  g_autoptr(GArray) snapshot = g_array_sized_new (FALSE, TRUE, sizeof (ReseauRecipientSnapshot), ids->len);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(ReseauContact) contact = reseau_store_load_contact (store, id, TRUE, error);
      ReseauRecipientSnapshot r = { id, NULL, NULL, NULL };
      const char *address;
      char *name;

      if (contact == NULL)
        return NULL;
      name = reseau_contact_dup_name (contact);
      g_ptr_array_add (keep, name);
      r.name = name;
      address = reseau_contact_get_first_value (contact, RESEAU_VALUE_EMAIL);
      if (address != NULL)
        {
          char *copy = g_strdup (address);

          g_ptr_array_add (keep, copy);
          r.address = copy;
        }

      if (address == NULL || address[0] == '\0')
        {
          r.skip_reason = _("No email address");
          summary->n_no_email++;
        }
      else if (!campaign->include_over_cap && reseau_etiquette_result_contains (etiquette, id))
        {
          guint n = reseau_etiquette_result_get_count (etiquette, id);
          char *reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "Already written to %u time in the last %u days",
                                                       "Already written to %u times in the last %u days", n),
                                          n, rule->window_days);

          g_ptr_array_add (keep, reason);
          r.skip_reason = reason;
          summary->n_over_cap++;
        }
      else
        summary->n_queued++;
      g_array_append_val (snapshot, r);
    }
  return g_steal_pointer (&snapshot);
}

gboolean
reseau_outbox_schedule (ReseauStore                *store,
                        gint64                      campaign_id,
                        gint64                      when,
                        const ReseauEtiquetteRule  *rule,
                        const char                 *today,
                        gint64                      now,
                        ReseauScheduleSummary      *summary,
                        GError                    **error)
{
  g_autoptr(ReseauCampaign) campaign = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) snapshot = NULL;
  g_autoptr(ReseauEtiquetteResult) etiquette = NULL;
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  ReseauScheduleSummary local_summary = { 0 };

  g_return_val_if_fail (RESEAU_IS_STORE (store), FALSE);
  g_return_val_if_fail (rule != NULL && today != NULL, FALSE);

  if ((campaign = reseau_store_load_campaign (store, campaign_id, error)) == NULL ||
      !check_draft (store, campaign, error) ||
      (ids = reseau_outbox_resolve_definition (store, campaign->recipients, error)) == NULL)
    return FALSE;
  if (ids->len == 0)
    {
      g_set_error (error, RESEAU_OUTBOX_ERROR, RESEAU_OUTBOX_ERROR_NO_RECIPIENTS,
                   _("Nobody is in the chosen recipients"));
      return FALSE;
    }
  etiquette = reseau_etiquette_check (store, rule, (gint64 *)(gpointer)ids->data, ids->len, today, error);
  if (etiquette == NULL)
    return FALSE;
  snapshot = build_snapshot (store, campaign, rule, ids, etiquette, keep, &local_summary, error);
  if (snapshot == NULL)
    return FALSE;
  if (local_summary.n_queued == 0)
    {
      g_set_error (error, RESEAU_OUTBOX_ERROR, RESEAU_OUTBOX_ERROR_NO_RECIPIENTS,
                   local_summary.n_no_email == ids->len ? _("None of the recipients has an email address")
                                                        : _("Every recipient would be skipped"));
      return FALSE;
    }
  if (!reseau_store_schedule_campaign (store, campaign_id, MAX (when, now),
                                       (ReseauRecipientSnapshot *)(gpointer)snapshot->data,
                                       snapshot->len, now, error))
    return FALSE;
  if (summary != NULL)
    *summary = local_summary;
  return TRUE;
}

/* Work for a worker thread with its own connection to the store's file: SQLite connections
 * are not shared between threads, and the caller's stays free for the window. */
typedef gboolean (*OwnConnectionFunc) (ReseauStore   *store,
                                       gpointer       data,
                                       GCancellable  *cancellable,
                                       GError       **error);

typedef struct
{
  char              *path;
  OwnConnectionFunc  func;
  gpointer           data;
  GDestroyNotify     data_free;
} OwnConnection;

static void
own_connection_free (OwnConnection *own)
{
  g_free (own->path);
  g_clear_pointer (&own->data, own->data_free);
  g_free (own);
}

static void
own_connection_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  OwnConnection *own = task_data;
  g_autoptr(ReseauStore) store = NULL;
  GError *error = NULL;

  if (!g_cancellable_set_error_if_cancelled (cancellable, &error) &&
      (store = reseau_store_open (own->path, &error)) != NULL &&
      own->func (store, own->data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
run_with_own_connection (ReseauStore         *store,
                         gpointer             source_tag,
                         OwnConnectionFunc    func,
                         gpointer             data,
                         GDestroyNotify       data_free,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  OwnConnection *own = g_new0 (OwnConnection, 1);

  own->path = g_strdup (reseau_store_get_path (store));
  own->func = func;
  own->data = data;
  own->data_free = data_free;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, own, (GDestroyNotify)own_connection_free);
  g_task_run_in_thread (task, own_connection_thread);
}

/* Returns: (transfer none): the data of a run_with_own_connection() that succeeded */
static gpointer
own_connection_finish (GAsyncResult  *result,
                       gpointer       source_tag,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  return ((OwnConnection *)g_task_get_task_data (G_TASK (result)))->data;
}

typedef struct
{
  gint64                 campaign_id;
  gint64                 when;
  ReseauEtiquetteRule    rule;
  char                  *today;
  gint64                 now;
  ReseauScheduleSummary  summary;
} ScheduleData;

static void
schedule_data_free (ScheduleData *data)
{
  g_free (data->today);
  g_free (data);
}

static gboolean
schedule_with (ReseauStore   *store,
               gpointer       user_data,
               GCancellable  *cancellable,
               GError       **error)
{
  ScheduleData *data = user_data;

  return reseau_outbox_schedule (store, data->campaign_id, data->when, &data->rule, data->today, data->now,
                                 &data->summary, error);
}

void
reseau_outbox_schedule_async (ReseauStore                *store,
                              gint64                      campaign_id,
                              gint64                      when,
                              const ReseauEtiquetteRule  *rule,
                              const char                 *today,
                              gint64                      now,
                              GCancellable               *cancellable,
                              GAsyncReadyCallback         callback,
                              gpointer                    user_data)
{
  ScheduleData *data;

  g_return_if_fail (RESEAU_IS_STORE (store));
  g_return_if_fail (rule != NULL && today != NULL);

  data = g_new0 (ScheduleData, 1);
  data->campaign_id = campaign_id;
  data->when = when;
  data->rule = *rule;
  data->today = g_strdup (today);
  data->now = now;
  run_with_own_connection (store, reseau_outbox_schedule_async, schedule_with, data,
                           (GDestroyNotify)schedule_data_free, cancellable, callback, user_data);
}

gboolean
reseau_outbox_schedule_finish (GAsyncResult           *result,
                               ReseauScheduleSummary  *summary,
                               GError                **error)
{
  ScheduleData *data = own_connection_finish (result, reseau_outbox_schedule_async, error);

  if (data == NULL)
    return FALSE;
  if (summary != NULL)
    *summary = data->summary;
  return TRUE;
}

/* Recipient summaries ------------------------------------------------------------------------ */

void
reseau_recipient_summary_free (ReseauRecipientSummary *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->with_email, g_array_unref);
  g_clear_pointer (&self->no_email, g_array_unref);
  g_clear_pointer (&self->no_email_names, g_ptr_array_unref);
  g_clear_pointer (&self->etiquette, reseau_etiquette_result_free);
  g_free (self);
}

/* The names of the first @max_names of @no_email: a few loads, whatever the segment's size. */
static GPtrArray *
load_names (ReseauStore  *store,
            GArray       *no_email,
            guint         max_names)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < no_email->len && names->len < max_names; i++)
    {
      g_autoptr(ReseauContact) contact = reseau_store_load_contact (store, g_array_index (no_email, gint64, i),
                                                                   FALSE, NULL);

      if (contact != NULL)
        g_ptr_array_add (names, reseau_contact_dup_name (contact));
    }
  return names;
}

ReseauRecipientSummary *
reseau_outbox_summarize (ReseauStore                *store,
                         const gint64               *ids,
                         guint                       n_ids,
                         const ReseauEtiquetteRule  *rule,
                         const char                 *today,
                         guint                       max_names,
                         GCancellable               *cancellable,
                         GError                    **error)
{
  g_autoptr(ReseauRecipientSummary) summary = g_new0 (ReseauRecipientSummary, 1);
  guint k = 0;

  g_return_val_if_fail (RESEAU_IS_STORE (store), NULL);
  g_return_val_if_fail (rule != NULL && today != NULL, NULL);

  if ((summary->with_email = reseau_store_filter_with_email (store, ids, n_ids, error)) == NULL)
    return NULL;
  /* with_email keeps the order of @ids: what it skips has no address. */
  summary->no_email = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < n_ids; i++)
    {
      if (k < summary->with_email->len && g_array_index (summary->with_email, gint64, k) == ids[i])
        k++;
      else
        g_array_append_val (summary->no_email, ids[i]);
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  summary->no_email_names = load_names (store, summary->no_email, max_names);
  summary->etiquette = reseau_etiquette_check (store, rule, (gint64 *)(gpointer)summary->with_email->data,
                                               summary->with_email->len, today, error);
  if (summary->etiquette == NULL)
    return NULL;
  return g_steal_pointer (&summary);
}

typedef struct
{
  GArray                 *ids;
  ReseauEtiquetteRule     rule;
  char                   *today;
  guint                   max_names;
  ReseauRecipientSummary *summary;
} SummarizeData;

static void
summarize_data_free (SummarizeData *data)
{
  g_array_unref (data->ids);
  g_free (data->today);
  reseau_recipient_summary_free (data->summary);
  g_free (data);
}

static gboolean
summarize_with (ReseauStore   *store,
                gpointer       user_data,
                GCancellable  *cancellable,
                GError       **error)
{
  SummarizeData *data = user_data;

  data->summary = reseau_outbox_summarize (store, (gint64 *)(gpointer)data->ids->data, data->ids->len,
                                           &data->rule, data->today, data->max_names, cancellable, error);
  return data->summary != NULL;
}

void
reseau_outbox_summarize_async (ReseauStore                *store,
                               const gint64               *ids,
                               guint                       n_ids,
                               const ReseauEtiquetteRule  *rule,
                               const char                 *today,
                               guint                       max_names,
                               GCancellable               *cancellable,
                               GAsyncReadyCallback         callback,
                               gpointer                    user_data)
{
  SummarizeData *data;

  g_return_if_fail (RESEAU_IS_STORE (store));
  g_return_if_fail (rule != NULL && today != NULL);

  data = g_new0 (SummarizeData, 1);
  data->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  g_array_append_vals (data->ids, ids, n_ids);
  data->rule = *rule;
  data->today = g_strdup (today);
  data->max_names = max_names;
  run_with_own_connection (store, reseau_outbox_summarize_async, summarize_with, data,
                           (GDestroyNotify)summarize_data_free, cancellable, callback, user_data);
}

ReseauRecipientSummary *
reseau_outbox_summarize_finish (GAsyncResult  *result,
                                GError       **error)
{
  SummarizeData *data = own_connection_finish (result, reseau_outbox_summarize_async, error);

  return data != NULL ? g_steal_pointer (&data->summary) : NULL;
}

static gboolean
require_state (ReseauStore          *store,
               gint64                campaign_id,
               guint                 allowed,
               const char           *message,
               ReseauCampaign      **out,
               GError              **error)
{
  g_autoptr(ReseauCampaign) campaign = reseau_store_load_campaign (store, campaign_id, error);

  if (campaign == NULL)
    return FALSE;
  if ((allowed & (1u << campaign->state)) == 0)
    {
      g_set_error_literal (error, RESEAU_OUTBOX_ERROR, RESEAU_OUTBOX_ERROR_INVALID_STATE, message);
      return FALSE;
    }
  if (out != NULL)
    *out = g_steal_pointer (&campaign);
  return TRUE;
}

#define STATE_BIT(s) (1u << RESEAU_CAMPAIGN_##s)

gboolean
reseau_outbox_cancel (ReseauStore  *store,
                      gint64        campaign_id,
                      gint64        now,
                      GError      **error)
{
  g_autoptr(GPtrArray) recipients = NULL;

  if (!require_state (store, campaign_id, STATE_BIT (SCHEDULED) | STATE_BIT (PAUSED) | STATE_BIT (DRAFT),
                      _("Only a scheduled or paused campaign can be cancelled"), NULL, error))
    return FALSE;
  if ((recipients = reseau_store_list_recipients (store, campaign_id, error)) == NULL ||
      !reseau_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < recipients->len; i++)
    {
      ReseauRecipient *r = g_ptr_array_index (recipients, i);

      if ((r->state == RESEAU_RECIPIENT_QUEUED || r->state == RESEAU_RECIPIENT_FAILED_TEMPORARY) &&
          !reseau_store_mark_failed (store, r->id, RESEAU_RECIPIENT_SKIPPED, _("Campaign cancelled"),
                                     0, now, error))
        goto fail;
    }
  if (!reseau_store_set_campaign_state (store, campaign_id, RESEAU_CAMPAIGN_CANCELLED, NULL, now, error))
    goto fail;
  return reseau_store_commit (store, error);

fail:
  reseau_store_rollback (store);
  return FALSE;
}

/* A sender checks the campaign's state before each recipient: pausing one being sent
 * stops it after the message in flight. */
gboolean
reseau_outbox_pause (ReseauStore  *store,
                     gint64        campaign_id,
                     gint64        now,
                     GError      **error)
{
  return require_state (store, campaign_id, STATE_BIT (SCHEDULED) | STATE_BIT (SENDING),
                        _("Only a scheduled campaign can be paused"), NULL, error) &&
         reseau_store_set_campaign_state (store, campaign_id, RESEAU_CAMPAIGN_PAUSED, NULL, now, error);
}

gboolean
reseau_outbox_resume (ReseauStore  *store,
                      gint64        campaign_id,
                      gint64        now,
                      GError      **error)
{
  return require_state (store, campaign_id, STATE_BIT (PAUSED),
                        _("Only a paused campaign can be resumed"), NULL, error) &&
         reseau_store_set_campaign_state (store, campaign_id, RESEAU_CAMPAIGN_SCHEDULED, NULL, now, error);
}

gboolean
reseau_outbox_reschedule (ReseauStore  *store,
                          gint64        campaign_id,
                          gint64        when,
                          gint64        now,
                          GError      **error)
{
  return reseau_store_reschedule_campaign (store, campaign_id, MAX (when, now), now, error);
}

gboolean
reseau_outbox_retry_failed (ReseauStore  *store,
                            gint64        campaign_id,
                            gint64        now,
                            guint        *n_retried,
                            GError      **error)
{
  return reseau_store_retry_failed (store, campaign_id, now, n_retried, error);
}

gboolean
reseau_outbox_resolve_unconfirmed (ReseauStore  *store,
                                   gint64        recipient_id,
                                   gboolean      resend,
                                   gint64        now,
                                   GError      **error)
{
  return reseau_store_resolve_unconfirmed (store, recipient_id, resend, now, error);
}

GArray *
reseau_outbox_due_campaigns (ReseauStore  *store,
                             gint64        now,
                             GError      **error)
{
  return reseau_store_due_campaigns (store, now, error);
}

GArray *
reseau_outbox_late_campaigns (ReseauStore  *store,
                              gint64        now,
                              GError      **error)
{
  return reseau_store_late_campaigns (store, now, RESEAU_OUTBOX_LATE_AFTER, error);
}

const char *
reseau_recipient_state_to_string (ReseauRecipientState state)
{
  switch (state)
    {
    case RESEAU_RECIPIENT_QUEUED:           return C_("message state", "Queued");
    case RESEAU_RECIPIENT_SENDING:          return C_("message state", "Sending");
    case RESEAU_RECIPIENT_SENT:             return C_("message state", "Sent");
    case RESEAU_RECIPIENT_FAILED_TEMPORARY: return C_("message state", "Will Retry");
    case RESEAU_RECIPIENT_FAILED_PERMANENT: return C_("message state", "Failed");
    case RESEAU_RECIPIENT_UNCONFIRMED:      return C_("message state", "Unconfirmed");
    case RESEAU_RECIPIENT_SKIPPED:          return C_("message state", "Skipped");
    case RESEAU_RECIPIENT_N_STATES:
    default:                                return "";
    }
}

const char *
reseau_campaign_state_to_string (ReseauCampaignState state)
{
  switch (state)
    {
    case RESEAU_CAMPAIGN_DRAFT:     return C_("campaign state", "Draft");
    case RESEAU_CAMPAIGN_SCHEDULED: return C_("campaign state", "Scheduled");
    case RESEAU_CAMPAIGN_SENDING:   return C_("campaign state", "Sending");
    case RESEAU_CAMPAIGN_PAUSED:    return C_("campaign state", "Paused");
    case RESEAU_CAMPAIGN_DONE:      return C_("campaign state", "Done");
    case RESEAU_CAMPAIGN_CANCELLED: return C_("campaign state", "Cancelled");
    default:                        return "";
    }
}
