/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-import-mapping"

#include "config.h"

#include <glib/gi18n.h>

#include "reseau-import-mapping.h"
#include "reseau-validate.h"

/* The column-mapping step of an import: for a CSV whose header Réseau does not recognise,
 * one row per column says what it holds, guessed from its name and changed by the user;
 * a grid shows the first rows as they are in the file. */

#define PREVIEW_ROWS    3
#define SAMPLE_LENGTH   40

struct _ReseauImportMapping
{
  AdwBin                parent_instance;

  GArray               *mapping;   /* ReseauCsvColumn, one per column */
  GPtrArray            *rows;      /* AdwComboRow, one per column */
  GPtrArray            *headings;  /* GtkLabel under each column name in the grid */
  AdwPreferencesGroup  *columns_group;
  GtkGrid              *preview_grid;
};

G_DEFINE_FINAL_TYPE (ReseauImportMapping, reseau_import_mapping, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define TEXT(f)      { RESEAU_CSV_TEXT, RESEAU_FIELD_##f, 0, RESEAU_VALUE_TYPE_OTHER, 0 }
#define VALUE(k, t)  { RESEAU_CSV_VALUE, 0, RESEAU_VALUE_##k, RESEAU_VALUE_TYPE_##t, 0 }
#define PART(p)      { RESEAU_CSV_##p, 0, RESEAU_VALUE_ADDRESS, RESEAU_VALUE_TYPE_OTHER, 0 }

/* What a column can be set to. A text field's label comes from the card editor's. */
static const struct {
  const char      *label;  /* NULL: the text field's label */
  ReseauCsvColumn  column;
} choices[] = {
  { N_("Ignore"), { RESEAU_CSV_IGNORE, 0, 0, 0, 0 } },
  { NULL, TEXT (GIVEN) },
  { NULL, TEXT (FAMILY) },
  { N_("Full name"), TEXT (DISPLAY_NAME) },
  { NULL, TEXT (NICKNAME) },
  { N_("Email"), VALUE (EMAIL, OTHER) },
  { N_("Phone"), VALUE (PHONE, OTHER) },
  { N_("Mobile phone"), VALUE (PHONE, MOBILE) },
  { NULL, TEXT (ORGANIZATION) },
  { NULL, TEXT (DEPARTMENT) },
  { NULL, TEXT (TITLE) },
  { N_("Website"), VALUE (URL, OTHER) },
  { N_("Street"), VALUE (ADDRESS, OTHER) },
  { N_("City"), PART (LOCALITY) },
  { N_("Postal code"), PART (POSTAL_CODE) },
  { N_("Region"), PART (REGION) },
  { N_("Country"), PART (COUNTRY) },
  { NULL, TEXT (BIRTHDAY) },
  { NULL, TEXT (MET_ON) },
  { NULL, TEXT (NOTES) },
  { N_("Circles"), { RESEAU_CSV_CATEGORIES, 0, 0, 0, 0 } },
};

static const char *
choice_label (guint i)
{
  return choices[i].label != NULL ? _(choices[i].label) : reseau_text_field_label (choices[i].column.field);
}

/* The choice a guessed column shows; G_MAXUINT when none says what it is. */
static guint
find_choice (const ReseauCsvColumn *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      const ReseauCsvColumn *c = &choices[i].column;

      if (c->target != column->target)
        continue;
      if (c->target == RESEAU_CSV_TEXT && c->field != column->field)
        continue;
      if (c->target == RESEAU_CSV_VALUE &&
          (c->kind != column->kind ||
           (c->kind == RESEAU_VALUE_PHONE && (c->type == RESEAU_VALUE_TYPE_MOBILE) != (column->type == RESEAU_VALUE_TYPE_MOBILE))))
        continue;
      return i;
    }
  return G_MAXUINT;
}

static gboolean
column_names_someone (const ReseauCsvColumn *column)
{
  if (column->target == RESEAU_CSV_TEXT)
    return column->field == RESEAU_FIELD_GIVEN || column->field == RESEAU_FIELD_FAMILY ||
           column->field == RESEAU_FIELD_DISPLAY_NAME || column->field == RESEAU_FIELD_ORGANIZATION;
  return column->target == RESEAU_CSV_VALUE && column->kind == RESEAU_VALUE_EMAIL;
}

/* Whether the mapping can make a contact at all: a name, an organisation or an email. */
gboolean
reseau_import_mapping_has_name (ReseauImportMapping *self)
{
  g_return_val_if_fail (RESEAU_IS_IMPORT_MAPPING (self), FALSE);

  for (guint i = 0; self->mapping != NULL && i < self->mapping->len; i++)
    if (column_names_someone (&g_array_index (self->mapping, ReseauCsvColumn, i)))
      return TRUE;
  return FALSE;
}

static void
row_selected_cb (AdwComboRow         *row,
                 GParamSpec          *pspec,
                 ReseauImportMapping *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));
  guint choice = adw_combo_row_get_selected (row);

  g_assert (column < self->mapping->len && choice < G_N_ELEMENTS (choices));
  g_array_index (self->mapping, ReseauCsvColumn, column) = choices[choice].column;
  gtk_label_set_label (g_ptr_array_index (self->headings, column), choice_label (choice));
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The first values of column @i, for the row's subtitle: what the column holds in practice. */
static char *
sample_values (ReseauCsvPreview *preview,
               guint             i)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint r = 0; r < preview->rows->len; r++)
    {
      GStrv fields = g_ptr_array_index (preview->rows, r);

      if (i >= g_strv_length (fields) || fields[i][0] == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, fields[i]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkStringList *
choice_model (void)
{
  GtkStringList *model = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    gtk_string_list_append (model, choice_label (i));
  return model;
}

static void
add_column_row (ReseauImportMapping *self,
                ReseauCsvPreview    *preview,
                guint                i)
{
  g_autoptr(GtkStringList) model = choice_model ();
  g_autofree char *samples = sample_values (preview, i);
  ReseauCsvColumn *column = &g_array_index (self->mapping, ReseauCsvColumn, i);
  guint choice = find_choice (column);
  GtkWidget *row = adw_combo_row_new ();

  if (choice == G_MAXUINT)
    {
      choice = 0;
      *column = choices[0].column;
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), preview->header[i][0] ? preview->header[i] : "—");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), samples);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), choice);
  g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (i));
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (row_selected_cb), self, 0);
  adw_preferences_group_add (self->columns_group, row);
  g_ptr_array_add (self->rows, row);
}

static GtkWidget *
grid_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* The grid scrolls sideways rather than cut every value short in a narrow window; only
   * a long value is shortened. */
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (g_utf8_strlen (text, -1) > SAMPLE_LENGTH)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), SAMPLE_LENGTH);
      gtk_label_set_max_width_chars (GTK_LABEL (label), SAMPLE_LENGTH);
    }
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
fill_grid (ReseauImportMapping *self,
           ReseauCsvPreview    *preview)
{
  guint n = g_strv_length (preview->header);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *heading = grid_label (choice_label (find_choice (&g_array_index (self->mapping, ReseauCsvColumn, i))),
                                       "caption");

      gtk_grid_attach (self->preview_grid, grid_label (preview->header[i], "heading"), i, 0, 1, 1);
      gtk_widget_add_css_class (heading, "dim-label");
      gtk_grid_attach (self->preview_grid, heading, i, 1, 1, 1);
      g_ptr_array_add (self->headings, heading);
      for (guint r = 0; r < MIN (preview->rows->len, PREVIEW_ROWS); r++)
        {
          GStrv fields = g_ptr_array_index (preview->rows, r);

          gtk_grid_attach (self->preview_grid, grid_label (i < g_strv_length (fields) ? fields[i] : "", NULL),
                           i, r + 2, 1, 1);
        }
    }
}

static void
clear (ReseauImportMapping *self)
{
  GtkWidget *child;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->columns_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->headings, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);
  g_clear_pointer (&self->mapping, g_array_unref);
}

/* Shows the columns of @preview, whose file is called @file_name, with their guessed meaning. */
void
reseau_import_mapping_set_preview (ReseauImportMapping *self,
                                   const char          *file_name,
                                   ReseauCsvPreview    *preview)
{
  g_autofree char *description = NULL;
  guint n;

  g_return_if_fail (RESEAU_IS_IMPORT_MAPPING (self));
  g_return_if_fail (preview != NULL);

  clear (self);
  n = g_strv_length (preview->header);
  self->mapping = g_array_sized_new (FALSE, TRUE, sizeof (ReseauCsvColumn), n);
  g_array_append_vals (self->mapping, preview->mapping->data, MIN (n, preview->mapping->len));
  g_array_set_size (self->mapping, n);

  /* Translators: %s is a file name. */
  description = g_strdup_printf (_("Choose what each column of “%s” holds"), file_name);
  adw_preferences_group_set_description (self->columns_group, description);
  for (guint i = 0; i < n; i++)
    add_column_row (self, preview, i);
  fill_grid (self, preview);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Returns: (transfer full) (element-type ReseauCsvColumn): the mapping as the user set it */
GArray *
reseau_import_mapping_get_mapping (ReseauImportMapping *self)
{
  g_return_val_if_fail (RESEAU_IS_IMPORT_MAPPING (self), NULL);
  g_return_val_if_fail (self->mapping != NULL, NULL);

  return g_array_ref (self->mapping);
}

static void
reseau_import_mapping_dispose (GObject *object)
{
  ReseauImportMapping *self = RESEAU_IMPORT_MAPPING (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RESEAU_TYPE_IMPORT_MAPPING);
  g_clear_pointer (&self->mapping, g_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->headings, g_ptr_array_unref);

  G_OBJECT_CLASS (reseau_import_mapping_parent_class)->dispose (object);
}

static void
reseau_import_mapping_class_init (ReseauImportMappingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reseau_import_mapping_dispose;

  /* Emitted when a column's meaning changes, and when a new file's columns are shown. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Reseau/reseau-import-mapping.ui");
  gtk_widget_class_bind_template_child (widget_class, ReseauImportMapping, columns_group);
  gtk_widget_class_bind_template_child (widget_class, ReseauImportMapping, preview_grid);
}

static void
reseau_import_mapping_init (ReseauImportMapping *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->headings = g_ptr_array_new ();
}
