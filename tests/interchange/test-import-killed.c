/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "import-test-utils.h"

/* A process killed with SIGKILL in the middle of a large import leaves a database that
 * passes PRAGMA integrity_check and holds either all of that import or none of it. A child
 * process imports 20,000 cards and is killed at chosen points: by itself from its progress
 * function at a share of the commit, right after the commit reported success, or by the
 * parent some milliseconds after the commit started. */

#define N_CARDS 20000
#define N_SEED  3

static const char seed_csv[] =
  "First Name,Last Name,Email Address,Company,Position\n"
  "Camille,Martin,camille@example.fr,Dupont,Avocate\n"
  "Jean,Dupuis,jean@example.fr,Renault,Ingénieur\n"
  "Sophie,Bernard,sophie@example.org,Freelance,Designer\n";

typedef enum
{
  EXPECT_NONE,
  EXPECT_ALL,
  EXPECT_EITHER,
} Outcome;

typedef struct
{
  const char *kill_at;   /* percentage of the commit, "after", or "parent" */
  guint       delay_ms;  /* for "parent": after the commit starts */
  Outcome     outcome;
} KillPoint;

static const KillPoint points[] = {
  { "1", 0, EXPECT_NONE },
  { "50", 0, EXPECT_EITHER },
  { "100", 0, EXPECT_EITHER },
  { "after", 0, EXPECT_ALL },
  { "parent", 5, EXPECT_EITHER },
  { "parent", 60, EXPECT_EITHER },
  { "parent", 400, EXPECT_EITHER },
};

/* The child. */

static guint kill_percent;

static void
child_progress_cb (guint64  done,
                   guint64  total,
                   gpointer data)
{
  static gboolean announced;

  if (!announced)
    {
      announced = TRUE;
      g_print ("committing\n");
      fflush (stdout);
    }
  if (kill_percent > 0 && done * 100 >= total * kill_percent)
    kill (getpid (), SIGKILL);
}

static int
run_child (const char *db,
           const char *path,
           const char *kill_at)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ReseauImportJob) job = reseau_import_job_new (db);
  g_autoptr(ReseauImportSummary) prepared = NULL;
  g_autoptr(ReseauImportSummary) done = NULL;
  g_autoptr(GError) error = NULL;

  prepared = import_test_prepare (job, &file, 1, &error);
  g_assert_no_error (error);
  if (g_ascii_isdigit (kill_at[0]))
    kill_percent = MAX (1, atoi (kill_at));
  reseau_import_job_set_progress_func (job, child_progress_cb, NULL, NULL);
  done = import_test_commit (job, FALSE, NULL, &error);
  g_assert_no_error (error);
  if (g_str_equal (kill_at, "after"))
    kill (getpid (), SIGKILL);
  return 0;
}

/* The parent. */

static gboolean
run_and_kill (const char      *db,
              const char      *path,
              const KillPoint *point)
{
  const char *argv[] = { g_get_prgname (), "--import-child", db, path, point->kill_at, NULL };
  g_autoptr(GError) error = NULL;
  char line[64] = "";
  GPid pid;
  int out_fd, status;
  FILE *out;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);
  out = fdopen (out_fd, "r");
  if (g_str_equal (point->kill_at, "parent"))
    {
      g_assert_nonnull (fgets (line, sizeof line, out));
      g_assert_cmpstr (line, ==, "committing\n");
      g_usleep (point->delay_ms * 1000);
      kill (pid, SIGKILL);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  fclose (out);
  g_spawn_close_pid (pid);

  /* The child must have died by the signal, except when the parent's delay outlived the
   * whole import. */
  if (!g_str_equal (point->kill_at, "parent"))
    g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
  else
    g_assert_true ((WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL) ||
                   (WIFEXITED (status) && WEXITSTATUS (status) == 0));
  return WIFSIGNALED (status);
}

static void
test_killed (void)
{
  g_autofree char *cards = import_test_generate_cards (N_CARDS);
  guint seen[2] = { 0, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      g_autofree char *dir = import_test_make_dir ();
      g_autofree char *db = g_build_filename (dir, "reseau.db", NULL);
      g_autoptr(GFile) seed = import_test_write_file (dir, "seed.csv", seed_csv);
      g_autoptr(GFile) file = import_test_write_file (dir, "large.vcf", cards);
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(ReseauImportSummary) seeded = import_test_import (db, &seed, 1, NULL);
      g_autofree char *before = import_test_dump (db);
      g_autofree char *check = NULL;
      gboolean killed;
      guint n;

      killed = run_and_kill (db, path, &points[i]);
      check = import_test_integrity (db);
      g_assert_cmpstr (check, ==, "ok");
      n = import_test_count_contacts (db);
      g_test_message ("kill at %s (%u ms): %s, %u contacts", points[i].kill_at, points[i].delay_ms,
                      killed ? "killed" : "finished", n);
      if (n == N_SEED)
        {
          g_autofree char *after = import_test_dump (db);

          g_assert_cmpstr (before, ==, after);
          seen[0]++;
        }
      else
        {
          g_assert_cmpuint (n, ==, N_SEED + N_CARDS);
          seen[1]++;
        }
      if (points[i].outcome != EXPECT_EITHER)
        g_assert_cmpuint (n, ==, points[i].outcome == EXPECT_ALL ? N_SEED + N_CARDS : N_SEED);
      import_test_remove_dir (dir);
    }
  g_assert_cmpuint (seen[0], >, 0);
  g_assert_cmpuint (seen[1], >, 0);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 5 && g_str_equal (argv[1], "--import-child"))
    return run_child (argv[2], argv[3], argv[4]);

  g_test_init (&argc, &argv, NULL);
  g_set_prgname (argv[0]);

  g_test_add_func ("/import/killed", test_killed);

  return g_test_run ();
}
