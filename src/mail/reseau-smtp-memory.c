/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-smtp-memory"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
# include <malloc.h>
#endif

#include "reseau-smtp-private.h"

/* libcurl keeps its own copies of the user name and password (and builds the AUTH lines
 * in its buffers) and frees them without clearing them. Giving it allocation functions
 * that clear every block they free keeps the password out of freed heap memory, where a
 * later crash dump or a use-after-free elsewhere could find it. */

#ifdef __GLIBC__
static void
clearing_free (void *block)
{
  if (block == NULL)
    return;
  explicit_bzero (block, malloc_usable_size (block));
  free (block);
}

static void *
clearing_realloc (void   *block,
                  size_t  size)
{
  void *moved;

  if (block == NULL)
    return malloc (size);
  if ((moved = malloc (size > 0 ? size : 1)) == NULL)
    return NULL;
  memcpy (moved, block, MIN (size, malloc_usable_size (block)));
  clearing_free (block);
  return moved;
}
#endif

/* Called once, before any other libcurl call of the process. */
void
_reseau_smtp_global_init (void)
{
#ifdef __GLIBC__
  curl_global_init_mem (CURL_GLOBAL_DEFAULT, malloc, clearing_free, clearing_realloc, strdup, calloc);
#else
  curl_global_init (CURL_GLOBAL_DEFAULT);
#endif
}
