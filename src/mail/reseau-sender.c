/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-sender"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "reseau-account.h"
#include "reseau-credentials.h"
#include "reseau-message.h"
#include "reseau-outbox.h"
#include "reseau-sender.h"
#include "reseau-smtp-transport.h"
#include "reseau-store-outbox.h"
#include "reseau-template.h"

struct _ReseauSender
{
  GObject          parent_instance;

  char            *store_path;
  guint            throttle;
  guint            max_attempts;
  ReseauClockFunc  clock;
  gpointer         clock_data;
  gint64           campaign_id;
  guint            connect_timeout;
  guint            idle_timeout;
  gboolean         skip_late;
  gboolean         running;
};

G_DEFINE_FINAL_TYPE (ReseauSender, reseau_sender, G_TYPE_OBJECT)

enum {
  PROGRESS,
  CAMPAIGN_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Seconds before the 1st, 2nd, 3rd… retry of a temporary failure. */
static const gint64 backoff[] = { 60, 5 * 60, 15 * 60, 60 * 60 };

/* Everything the worker thread uses: copied from the sender when the run starts. */
typedef struct
{
  ReseauSender      *sender;      /* for signals only, emitted on @context */
  GMainContext      *context;
  char              *store_path;
  guint              throttle;
  guint              max_attempts;
  ReseauClockFunc    clock;
  gpointer           clock_data;
  gint64             only_campaign;
  guint              connect_timeout;
  guint              idle_timeout;
  gboolean           skip_late;
  ReseauStore       *store;
  ReseauSendSummary *summary;
} Run;

static void
run_free (Run *run)
{
  g_clear_object (&run->sender);
  g_clear_pointer (&run->context, g_main_context_unref);
  g_clear_object (&run->store);
  g_clear_pointer (&run->summary, reseau_send_summary_free);
  g_free (run->store_path);
  g_free (run);
}

void
reseau_send_summary_free (ReseauSendSummary *summary)
{
  if (summary == NULL)
    return;
  g_clear_pointer (&summary->problems, g_ptr_array_unref);
  g_free (summary);
}

static gint64
run_now (Run *run)
{
  return run->clock ? run->clock (run->clock_data) : g_get_real_time () / G_USEC_PER_SEC;
}

/* ---------------------------------------------------------------------------------------- */
/* Signals, posted to the caller's main context */

typedef struct
{
  ReseauSender *sender;
  guint         signal;
  gint64        campaign_id;
  guint         done;
  guint         total;
} Emission;

static gboolean
emit_cb (gpointer data)
{
  Emission *emission = data;

  if (emission->signal == PROGRESS)
    g_signal_emit (emission->sender, signals[PROGRESS], 0, emission->campaign_id,
                   emission->done, emission->total);
  else
    g_signal_emit (emission->sender, signals[CAMPAIGN_CHANGED], 0, emission->campaign_id);
  return G_SOURCE_REMOVE;
}

static void
emission_free (gpointer data)
{
  Emission *emission = data;

  g_object_unref (emission->sender);
  g_free (emission);
}

static void
post (Run    *run,
      guint   signal,
      gint64  campaign_id,
      guint   done,
      guint   total)
{
  Emission *emission = g_new0 (Emission, 1);

  emission->sender = g_object_ref (run->sender);
  emission->signal = signal;
  emission->campaign_id = campaign_id;
  emission->done = done;
  emission->total = total;
  g_main_context_invoke_full (run->context, G_PRIORITY_DEFAULT, emit_cb, emission, emission_free);
}

/* ---------------------------------------------------------------------------------------- */
/* One campaign */

typedef struct
{
  ReseauCampaign      *campaign;
  ReseauAccountRecord *account;
  ReseauTemplate      *subject;
  ReseauTemplate      *body;
  ReseauSmtpTransport *transport;
  guint                done;
  guint                total;
} Job;

static void
job_clear (Job *job)
{
  g_clear_pointer (&job->campaign, reseau_campaign_free);
  g_clear_pointer (&job->account, reseau_account_record_free);
  g_clear_object (&job->subject);
  g_clear_object (&job->body);
  if (job->transport != NULL)
    reseau_smtp_transport_disconnect (job->transport);
  g_clear_object (&job->transport);
}

static gboolean
pause_campaign (Run         *run,
                Job         *job,
                const char  *reason,
                GError     **error)
{
  g_autofree char *problem = NULL;

  if (!reseau_store_set_campaign_state (run->store, job->campaign->id, RESEAU_CAMPAIGN_PAUSED,
                                        reason, run_now (run), error))
    return FALSE;
  /* Translators: "“Subject of the campaign”: The server refused the password" */
  problem = g_strdup_printf (_("“%s” was paused: %s"), job->campaign->subject, reason);
  g_ptr_array_add (run->summary->problems, g_steal_pointer (&problem));
  run->summary->n_paused++;
  post (run, CAMPAIGN_CHANGED, job->campaign->id, 0, 0);
  return TRUE;
}

/* Account, password, templates and transport; FALSE with @error unset when the campaign
 * was paused for a reason the user must fix. */
static gboolean
prepare_job (Run           *run,
             Job           *job,
             gint64         campaign_id,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  char *password;

  if ((job->campaign = reseau_store_load_campaign (run->store, campaign_id, error)) == NULL)
    return FALSE;
  for (int s = RESEAU_RECIPIENT_QUEUED; s < RESEAU_RECIPIENT_N_STATES; s++)
    if (s != RESEAU_RECIPIENT_SKIPPED)
      job->total += job->campaign->counts[s];
  job->done = job->campaign->counts[RESEAU_RECIPIENT_SENT] +
              job->campaign->counts[RESEAU_RECIPIENT_FAILED_PERMANENT] +
              job->campaign->counts[RESEAU_RECIPIENT_UNCONFIRMED];

  if (job->campaign->account_id == 0 ||
      (job->account = reseau_store_load_account (run->store, job->campaign->account_id, NULL)) == NULL)
    {
      pause_campaign (run, job, _("It has no sending account: choose one"), error);
      return FALSE;
    }

  if ((job->subject = reseau_template_new (job->campaign->subject, &local_error)) == NULL ||
      (job->body = reseau_template_new (job->campaign->body, &local_error)) == NULL)
    {
      pause_campaign (run, job, local_error->message, error);
      return FALSE;
    }

  password = reseau_credentials_lookup_sync (job->account->id, cancellable, &local_error);
  if (local_error != NULL || (password == NULL && job->account->user_name[0] != '\0'))
    {
      pause_campaign (run, job, local_error ? local_error->message
                                            : _("No password is saved for its account: enter it in Preferences"),
                      error);
      return FALSE;
    }
  job->transport = reseau_smtp_transport_new (job->account->host, job->account->port,
                                              (ReseauSmtpSecurity)job->account->security,
                                              job->account->user_name, password);
  secret_password_free (password);
  reseau_smtp_transport_set_timeouts (job->transport, run->connect_timeout, run->idle_timeout);
  return TRUE;
}

static gboolean
still_sending (Run     *run,
               gint64   campaign_id,
               GError **error)
{
  ReseauCampaignState state = reseau_store_get_campaign_state (run->store, campaign_id, error);

  return state == RESEAU_CAMPAIGN_SCHEDULED || state == RESEAU_CAMPAIGN_SENDING;
}

/* Waits for the throttle in steps short enough to notice a cancellation. */
static gboolean
wait_throttle (Run           *run,
               Job           *job,
               GCancellable  *cancellable,
               GError       **error)
{
  for (;;)
    {
      gint64 delay = reseau_store_throttle_delay (run->store, job->account->id, run->throttle,
                                                  run_now (run), error);

      if (delay < 0)
        return FALSE;
      if (delay == 0)
        return TRUE;
      /* Asks again after each short nap rather than sleeping @delay: the clock is the
       * sender's (a test's may run fast). */
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      g_usleep (G_USEC_PER_SEC / 10);
    }
}

typedef enum { NEXT, STOP_PAUSED, STOP_FAILED } Outcome;

/* The server did not take the message: what that means for this recipient. */
static Outcome
record_failure (Run              *run,
                Job              *job,
                ReseauRecipient  *r,
                const GError     *send_error,
                GError          **error)
{
  gint64 now = run_now (run);
  guint attempts = r->attempts + 1;

  if (g_error_matches (send_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Stopped while the server had part or all of it: only the server knows. */
      return reseau_store_mark_failed (run->store, r->id, RESEAU_RECIPIENT_UNCONFIRMED,
                                       _("Sending was stopped midway: the message may or may not have arrived"),
                                       0, now, error) ? STOP_PAUSED : STOP_FAILED;
    }
  if (g_error_matches (send_error, RESEAU_SMTP_ERROR, RESEAU_SMTP_ERROR_UNCONFIRMED))
    {
      /* The server had all of it and never answered: resending could deliver it twice. */
      job->done++;
      run->summary->n_unconfirmed++;
      reseau_smtp_transport_disconnect (job->transport);
      return reseau_store_mark_failed (run->store, r->id, RESEAU_RECIPIENT_UNCONFIRMED,
                                       send_error->message, 0, now, error) ? NEXT : STOP_FAILED;
    }
  if (send_error->domain == RESEAU_SMTP_ERROR && reseau_smtp_error_affects_account (send_error))
    {
      /* Nothing was accepted for this recipient: it waits, queued, for the account to work. */
      if (!reseau_store_unmark_sending (run->store, r->id, now, error) ||
          !pause_campaign (run, job, send_error->message, error))
        return STOP_FAILED;
      return STOP_PAUSED;
    }
  job->done++;
  if (send_error->domain == RESEAU_SMTP_ERROR && reseau_smtp_error_is_temporary (send_error) &&
      attempts < run->max_attempts)
    {
      gint64 wait = backoff[MIN (attempts - 1, G_N_ELEMENTS (backoff) - 1)];

      job->done--;
      run->summary->n_failed_temporary++;
      reseau_smtp_transport_disconnect (job->transport);
      return reseau_store_mark_failed (run->store, r->id, RESEAU_RECIPIENT_FAILED_TEMPORARY,
                                       send_error->message, now + wait, now, error) ? NEXT : STOP_FAILED;
    }
  run->summary->n_failed_permanent++;
  if (send_error->domain == RESEAU_SMTP_ERROR && reseau_smtp_error_is_temporary (send_error))
    {
      g_autofree char *reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%s (gave up after %u attempt)",
                                                              "%s (gave up after %u attempts)", attempts),
                                                 send_error->message, attempts);

      reseau_smtp_transport_disconnect (job->transport);
      return reseau_store_mark_failed (run->store, r->id, RESEAU_RECIPIENT_FAILED_PERMANENT,
                                       reason, 0, now, error) ? NEXT : STOP_FAILED;
    }
  return reseau_store_mark_failed (run->store, r->id, RESEAU_RECIPIENT_FAILED_PERMANENT,
                                   send_error->message, 0, now, error) ? NEXT : STOP_FAILED;
}

static GBytes *
build_message (Run              *run,
               Job              *job,
               ReseauRecipient  *r,
               ReseauContact    *contact,
               char            **subject,
               char            **message_id,
               GError          **error)
{
  g_autofree char *body = reseau_template_render (job->body, contact);
  ReseauMessageParts parts = { 0 };

  *subject = reseau_template_render (job->subject, contact);
  *message_id = r->message_id[0] != '\0'
              ? g_strdup (r->message_id)
              : reseau_message_make_id (job->campaign->id, r->contact_id, job->account->address);
  parts.from_name = job->account->display_name[0] != '\0' ? job->account->display_name : NULL;
  parts.from_address = job->account->address;
  parts.to_name = r->name[0] != '\0' ? r->name : NULL;
  parts.to_address = r->address;
  parts.subject = *subject;
  parts.body = body;
  parts.message_id = *message_id;
  return reseau_message_build (&parts, error);
}

/* One recipient: "sending" is committed before the server sees anything, "sent" only
 * after its 250. */
static Outcome
send_one (Run              *run,
          Job              *job,
          ReseauRecipient  *r,
          GCancellable     *cancellable,
          GError          **error)
{
  g_autoptr(ReseauContact) contact = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) message = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *message_id = NULL;

  if (r->contact_id == 0 ||
      (contact = reseau_store_load_contact (run->store, r->contact_id, TRUE, &local_error)) == NULL)
    {
      job->done++;
      return reseau_store_mark_failed (run->store, r->id, RESEAU_RECIPIENT_SKIPPED,
                                       _("The contact was deleted"), 0, run_now (run), error)
             ? NEXT : STOP_FAILED;
    }
  message = build_message (run, job, r, contact, &subject, &message_id, &local_error);
  if (message == NULL)
    {
      /* CR/LF from a merge field, an invalid address: this recipient only, and nothing
       * went to the server. */
      job->done++;
      run->summary->n_failed_permanent++;
      return reseau_store_mark_failed (run->store, r->id, RESEAU_RECIPIENT_FAILED_PERMANENT,
                                       local_error->message, 0, run_now (run), error)
             ? NEXT : STOP_FAILED;
    }
  if (!wait_throttle (run, job, cancellable, error) ||
      !reseau_store_mark_sending (run->store, r->id, message_id, subject,
                                  job->account->id, run_now (run), error))
    return STOP_FAILED;
  if (!reseau_smtp_transport_send (job->transport, job->account->address, r->address, message,
                                   cancellable, &local_error))
    return record_failure (run, job, r, local_error, error);
  job->done++;
  run->summary->n_sent++;
  return reseau_store_mark_sent (run->store, r->id, run_now (run), error) ? NEXT : STOP_FAILED;
}

static gboolean
send_campaign (Run           *run,
               gint64         campaign_id,
               GCancellable  *cancellable,
               GError       **error)
{
  Job job = { 0 };
  gboolean ok = TRUE;

  if (!prepare_job (run, &job, campaign_id, cancellable, error))
    {
      job_clear (&job);
      return error == NULL || *error == NULL;
    }
  post (run, CAMPAIGN_CHANGED, campaign_id, 0, 0);
  for (;;)
    {
      g_autoptr(ReseauRecipient) r = NULL;
      Outcome outcome;

      if (g_cancellable_is_cancelled (cancellable))
        break;
      /* Paused or cancelled from the outbox meanwhile, through another connection. */
      if (!still_sending (run, campaign_id, error))
        {
          ok = error == NULL || *error == NULL;
          break;
        }
      if ((r = reseau_store_next_recipient (run->store, campaign_id, run_now (run), error)) == NULL)
        {
          ok = error == NULL || *error == NULL;
          break;
        }
      outcome = send_one (run, &job, r, cancellable, error);
      post (run, PROGRESS, campaign_id, job.done, job.total);
      if (outcome != NEXT)
        {
          ok = outcome != STOP_FAILED;
          break;
        }
    }
  if (ok && reseau_store_settle_campaign (run->store, campaign_id, run_now (run), error) == (ReseauCampaignState)-1)
    ok = FALSE;
  post (run, CAMPAIGN_CHANGED, campaign_id, 0, 0);
  job_clear (&job);
  return ok;
}

/* ---------------------------------------------------------------------------------------- */
/* The run */

/* One sender per database, across processes: two would both see a recipient "queued" and
 * both send it. The lock goes with the process, even on SIGKILL. */
static int
take_lock (const char  *store_path,
           GError     **error)
{
  g_autofree char *path = g_strconcat (store_path, ".send-lock", NULL);
  int fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot prepare sending: %s"), g_strerror (saved));
      return -1;
    }
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                   _("Another Réseau is already sending these messages"));
      return -1;
    }
  return fd;
}

static gboolean
run_all (Run           *run,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(GArray) due = NULL;
  g_autoptr(GArray) late = NULL;

  if ((run->store = reseau_store_open (run->store_path, error)) == NULL ||
      !reseau_store_recover_sending (run->store, run_now (run), &run->summary->n_unconfirmed, error) ||
      (due = reseau_store_due_campaigns (run->store, run_now (run), error)) == NULL ||
      (late = reseau_outbox_late_campaigns (run->store, run_now (run), error)) == NULL)
    return FALSE;
  for (guint i = 0; i < due->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      gint64 id = g_array_index (due, gint64, i);
      gboolean is_late = FALSE;

      for (guint j = 0; run->skip_late && j < late->len; j++)
        is_late |= g_array_index (late, gint64, j) == id;
      if ((run->only_campaign != 0 && id != run->only_campaign) || is_late)
        continue;
      if (!send_campaign (run, id, cancellable, error))
        return FALSE;
    }
  run->summary->next_due = reseau_store_next_due_time (run->store, error);
  return run->summary->next_due >= 0;
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Run *run = task_data;
  GError *error = NULL;
  int lock;

  if ((lock = take_lock (run->store_path, &error)) < 0)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!run_all (run, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&run->summary), (GDestroyNotify)reseau_send_summary_free);
  /* The connection closes before the lock goes, so the next sender sees every commit. */
  g_clear_object (&run->store);
  close (lock);
}

static void
reseau_sender_finalize (GObject *object)
{
  ReseauSender *self = (ReseauSender *)object;

  g_free (self->store_path);

  G_OBJECT_CLASS (reseau_sender_parent_class)->finalize (object);
}

static void
reseau_sender_class_init (ReseauSenderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = reseau_sender_finalize;

  signals[PROGRESS] = g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                    G_TYPE_INT64, G_TYPE_UINT, G_TYPE_UINT);
  signals[CAMPAIGN_CHANGED] = g_signal_new ("campaign-changed", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
reseau_sender_init (ReseauSender *self)
{
  self->throttle = RESEAU_SENDER_DEFAULT_THROTTLE;
  self->max_attempts = RESEAU_SENDER_DEFAULT_MAX_ATTEMPTS;
}

ReseauSender *
reseau_sender_new (const char *store_path)
{
  ReseauSender *self;

  g_return_val_if_fail (store_path != NULL, NULL);

  self = g_object_new (RESEAU_TYPE_SENDER, NULL);
  self->store_path = g_strdup (store_path);
  return self;
}

void
reseau_sender_set_throttle (ReseauSender *self,
                            guint         per_minute)
{
  g_return_if_fail (RESEAU_IS_SENDER (self));
  self->throttle = per_minute;
}

void
reseau_sender_set_max_attempts (ReseauSender *self,
                                guint         max_attempts)
{
  g_return_if_fail (RESEAU_IS_SENDER (self));
  self->max_attempts = MAX (max_attempts, 1);
}

void
reseau_sender_set_clock (ReseauSender    *self,
                         ReseauClockFunc  clock,
                         gpointer         user_data)
{
  g_return_if_fail (RESEAU_IS_SENDER (self));
  self->clock = clock;
  self->clock_data = user_data;
}

void
reseau_sender_set_timeouts (ReseauSender *self,
                            guint         connect_seconds,
                            guint         idle_seconds)
{
  g_return_if_fail (RESEAU_IS_SENDER (self));
  self->connect_timeout = connect_seconds;
  self->idle_timeout = idle_seconds;
}

void
reseau_sender_set_skip_late (ReseauSender *self,
                             gboolean      skip_late)
{
  g_return_if_fail (RESEAU_IS_SENDER (self));
  self->skip_late = skip_late;
}

void
reseau_sender_set_campaign (ReseauSender *self,
                            gint64        campaign_id)
{
  g_return_if_fail (RESEAU_IS_SENDER (self));
  self->campaign_id = campaign_id;
}

gboolean
reseau_sender_is_running (ReseauSender *self)
{
  g_return_val_if_fail (RESEAU_IS_SENDER (self), FALSE);
  return self->running;
}

void
reseau_sender_run_async (ReseauSender        *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Run *run;

  g_return_if_fail (RESEAU_IS_SENDER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, reseau_sender_run_async);
  if (self->running)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("Réseau is already sending these messages"));
      return;
    }
  run = g_new0 (Run, 1);
  run->sender = g_object_ref (self);
  run->context = g_main_context_ref_thread_default ();
  run->store_path = g_strdup (self->store_path);
  run->throttle = self->throttle;
  run->max_attempts = self->max_attempts;
  run->clock = self->clock;
  run->clock_data = self->clock_data;
  run->only_campaign = self->campaign_id;
  run->connect_timeout = self->connect_timeout;
  run->idle_timeout = self->idle_timeout;
  run->skip_late = self->skip_late;
  run->summary = g_new0 (ReseauSendSummary, 1);
  run->summary->problems = g_ptr_array_new_with_free_func (g_free);
  g_task_set_task_data (task, run, (GDestroyNotify)run_free);
  self->running = TRUE;
  g_task_run_in_thread (task, run_in_thread);
}

ReseauSendSummary *
reseau_sender_run_finish (ReseauSender  *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  self->running = FALSE;
  return g_task_propagate_pointer (G_TASK (result), error);
}
