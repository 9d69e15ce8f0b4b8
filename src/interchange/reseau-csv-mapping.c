/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "reseau-csv-mapping"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "reseau-csv-private.h"
#include "reseau-text.h"
#include "reseau-validate.h"

/* What the columns of a CSV hold, guessed from the header row, and how a row becomes a
 * contact. Names are compared case- and accent-folded, so "Prénom" matches "prenom". */

#define TEXT(f)          { RESEAU_CSV_TEXT, RESEAU_FIELD_##f, 0, 0, 0 }
#define VALUE(k, t, g)   { RESEAU_CSV_VALUE, 0, RESEAU_VALUE_##k, RESEAU_VALUE_TYPE_##t, g }
#define PART(p, t, g)    { RESEAU_CSV_##p, 0, RESEAU_VALUE_ADDRESS, RESEAU_VALUE_TYPE_##t, g }

/* Outlook's three addresses, apart from Google's numbered ones. */
enum { GROUP_BUSINESS = 101, GROUP_HOME, GROUP_OTHER };

static const struct {
  const char      *name;
  ReseauCsvColumn  column;
} known_columns[] = {
  { "name", TEXT (DISPLAY_NAME) }, { "full name", TEXT (DISPLAY_NAME) },
  { "display name", TEXT (DISPLAY_NAME) }, { "nom complet", TEXT (DISPLAY_NAME) },
  { "name prefix", TEXT (PREFIX) }, { "prefix", TEXT (PREFIX) }, { "civilite", TEXT (PREFIX) },
  { "first name", TEXT (GIVEN) }, { "given name", TEXT (GIVEN) }, { "firstname", TEXT (GIVEN) },
  { "prenom", TEXT (GIVEN) },
  { "middle name", TEXT (ADDITIONAL) }, { "additional name", TEXT (ADDITIONAL) },
  { "last name", TEXT (FAMILY) }, { "family name", TEXT (FAMILY) }, { "surname", TEXT (FAMILY) },
  { "lastname", TEXT (FAMILY) }, { "nom", TEXT (FAMILY) }, { "nom de famille", TEXT (FAMILY) },
  { "name suffix", TEXT (SUFFIX) }, { "suffix", TEXT (SUFFIX) },
  { "nickname", TEXT (NICKNAME) }, { "surnom", TEXT (NICKNAME) },
  { "company", TEXT (ORGANIZATION) }, { "organization", TEXT (ORGANIZATION) },
  { "organisation", TEXT (ORGANIZATION) }, { "organization name", TEXT (ORGANIZATION) },
  { "organization 1 - name", TEXT (ORGANIZATION) }, { "societe", TEXT (ORGANIZATION) },
  { "entreprise", TEXT (ORGANIZATION) },
  { "department", TEXT (DEPARTMENT) }, { "organization department", TEXT (DEPARTMENT) },
  { "organization 1 - department", TEXT (DEPARTMENT) }, { "service", TEXT (DEPARTMENT) },
  { "job title", TEXT (TITLE) }, { "position", TEXT (TITLE) }, { "title", TEXT (TITLE) },
  { "organization title", TEXT (TITLE) }, { "organization 1 - title", TEXT (TITLE) },
  { "fonction", TEXT (TITLE) }, { "poste", TEXT (TITLE) },
  { "birthday", TEXT (BIRTHDAY) }, { "date of birth", TEXT (BIRTHDAY) },
  { "anniversaire", TEXT (BIRTHDAY) }, { "date de naissance", TEXT (BIRTHDAY) },
  { "notes", TEXT (NOTES) }, { "note", TEXT (NOTES) }, { "remarques", TEXT (NOTES) },
  { "commentaire", TEXT (NOTES) }, { "commentaires", TEXT (NOTES) },
  { "where met", TEXT (MET_WHERE) }, { "lieu de rencontre", TEXT (MET_WHERE) },
  { "connected on", TEXT (MET_ON) }, { "met on", TEXT (MET_ON) },
  { "date de rencontre", TEXT (MET_ON) },
  { "email", VALUE (EMAIL, OTHER, 0) }, { "e-mail", VALUE (EMAIL, OTHER, 0) },
  { "email address", VALUE (EMAIL, OTHER, 0) }, { "e-mail address", VALUE (EMAIL, OTHER, 0) },
  { "e-mail 2 address", VALUE (EMAIL, OTHER, 0) }, { "e-mail 3 address", VALUE (EMAIL, OTHER, 0) },
  { "mail", VALUE (EMAIL, OTHER, 0) }, { "courriel", VALUE (EMAIL, OTHER, 0) },
  { "adresse e-mail", VALUE (EMAIL, OTHER, 0) }, { "adresse email", VALUE (EMAIL, OTHER, 0) },
  { "phone", VALUE (PHONE, OTHER, 0) }, { "phone number", VALUE (PHONE, OTHER, 0) },
  { "telephone", VALUE (PHONE, OTHER, 0) }, { "tel", VALUE (PHONE, OTHER, 0) },
  { "primary phone", VALUE (PHONE, OTHER, 0) }, { "other phone", VALUE (PHONE, OTHER, 0) },
  { "mobile", VALUE (PHONE, MOBILE, 0) }, { "mobile phone", VALUE (PHONE, MOBILE, 0) },
  { "portable", VALUE (PHONE, MOBILE, 0) }, { "telephone mobile", VALUE (PHONE, MOBILE, 0) },
  { "home phone", VALUE (PHONE, HOME, 0) }, { "home phone 2", VALUE (PHONE, HOME, 0) },
  { "business phone", VALUE (PHONE, WORK, 0) }, { "business phone 2", VALUE (PHONE, WORK, 0) },
  { "company main phone", VALUE (PHONE, WORK, 0) },
  { "url", VALUE (URL, OTHER, 0) }, { "website", VALUE (URL, OTHER, 0) },
  { "web page", VALUE (URL, OTHER, 0) }, { "personal web page", VALUE (URL, HOME, 0) },
  { "site web", VALUE (URL, OTHER, 0) }, { "site internet", VALUE (URL, OTHER, 0) },
  { "address", VALUE (ADDRESS, OTHER, 0) }, { "street", VALUE (ADDRESS, OTHER, 0) },
  { "adresse", VALUE (ADDRESS, OTHER, 0) }, { "rue", VALUE (ADDRESS, OTHER, 0) },
  { "city", PART (LOCALITY, OTHER, 0) }, { "ville", PART (LOCALITY, OTHER, 0) },
  { "state", PART (REGION, OTHER, 0) }, { "region", PART (REGION, OTHER, 0) },
  { "postal code", PART (POSTAL_CODE, OTHER, 0) }, { "zip", PART (POSTAL_CODE, OTHER, 0) },
  { "zip code", PART (POSTAL_CODE, OTHER, 0) }, { "code postal", PART (POSTAL_CODE, OTHER, 0) },
  { "country", PART (COUNTRY, OTHER, 0) }, { "pays", PART (COUNTRY, OTHER, 0) },
  { "categories", { RESEAU_CSV_CATEGORIES, 0, 0, 0, 0 } },
  { "labels", { RESEAU_CSV_CATEGORIES, 0, 0, 0, 0 } },
  { "group membership", { RESEAU_CSV_CATEGORIES, 0, 0, 0, 0 } },
  { "groups", { RESEAU_CSV_CATEGORIES, 0, 0, 0, 0 } },
  { "groupes", { RESEAU_CSV_CATEGORIES, 0, 0, 0, 0 } },
  { "tags", { RESEAU_CSV_CATEGORIES, 0, 0, 0, 0 } },
};

/* Outlook's "Business Street 2", "Home City", "Other Country/Region"… */
static gboolean
guess_outlook_address (const char      *name,
                       ReseauCsvColumn *column)
{
  static const struct { const char *prefix; ReseauValueType type; guint group; } places[] = {
    { "business ", RESEAU_VALUE_TYPE_WORK, GROUP_BUSINESS },
    { "home ", RESEAU_VALUE_TYPE_HOME, GROUP_HOME },
    { "other ", RESEAU_VALUE_TYPE_OTHER, GROUP_OTHER },
  };
  static const struct { const char *suffix; ReseauCsvTarget target; } parts[] = {
    { "street", RESEAU_CSV_VALUE }, { "street 2", RESEAU_CSV_VALUE },
    { "street 3", RESEAU_CSV_VALUE }, { "city", RESEAU_CSV_LOCALITY },
    { "state", RESEAU_CSV_REGION }, { "postal code", RESEAU_CSV_POSTAL_CODE },
    { "country/region", RESEAU_CSV_COUNTRY }, { "country", RESEAU_CSV_COUNTRY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      if (!g_str_has_prefix (name, places[i].prefix))
        continue;
      for (guint j = 0; j < G_N_ELEMENTS (parts); j++)
        if (g_str_equal (name + strlen (places[i].prefix), parts[j].suffix))
          {
            *column = (ReseauCsvColumn) { parts[j].target, 0, RESEAU_VALUE_ADDRESS,
                                          places[i].type, places[i].group };
            return TRUE;
          }
    }
  return FALSE;
}

/* Google's numbered columns: "E-mail 2 - Value", "Phone 1 - Label", "Address 1 - City". */
static gboolean
guess_google_numbered (const char      *name,
                       ReseauCsvColumn *column)
{
  static const struct { const char *kind_name; ReseauValueKind kind; } kinds[] = {
    { "e-mail", RESEAU_VALUE_EMAIL }, { "phone", RESEAU_VALUE_PHONE },
    { "website", RESEAU_VALUE_URL }, { "address", RESEAU_VALUE_ADDRESS },
  };
  static const struct { const char *part; ReseauCsvTarget target; } parts[] = {
    { "value", RESEAU_CSV_VALUE }, { "label", RESEAU_CSV_VALUE_LABEL },
    { "type", RESEAU_CSV_VALUE_LABEL }, { "street", RESEAU_CSV_VALUE },
    { "extended address", RESEAU_CSV_VALUE }, { "po box", RESEAU_CSV_VALUE },
    { "city", RESEAU_CSV_LOCALITY }, { "region", RESEAU_CSV_REGION },
    { "postal code", RESEAU_CSV_POSTAL_CODE }, { "country", RESEAU_CSV_COUNTRY },
  };
  char kind_name[16], part[32];
  guint group;
  int consumed = 0;

  if (sscanf (name, "%15[a-z-] %u - %31[a-z ]%n", kind_name, &group, part, &consumed) != 3 ||
      name[consumed] != '\0' || group == 0 || group > 99)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    for (guint j = 0; j < G_N_ELEMENTS (parts); j++)
      if (g_str_equal (kind_name, kinds[i].kind_name) && g_str_equal (part, parts[j].part) &&
          (kinds[i].kind == RESEAU_VALUE_ADDRESS || j < 3))
        {
          *column = (ReseauCsvColumn) { parts[j].target, 0, kinds[i].kind,
                                        RESEAU_VALUE_TYPE_OTHER, group };
          return TRUE;
        }
  return FALSE;
}

/**
 * reseau_csv_column_guess:
 *
 * Guesses what the column named @header holds. Returns %FALSE (and an IGNORE column) when
 * the name is not known.
 */
gboolean
reseau_csv_column_guess (const char      *header,
                         ReseauCsvFormat  format,
                         ReseauCsvColumn *column)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (header != NULL, FALSE);
  g_return_val_if_fail (column != NULL, FALSE);

  name = reseau_text_fold (header);
  g_strstrip (name);
  *column = (ReseauCsvColumn) { RESEAU_CSV_IGNORE, 0, 0, 0, 0 };

  /* Outlook's "Title" is Mr or Ms; everywhere else it is a job title. LinkedIn's URL is the
   * person's profile. */
  if (format == RESEAU_CSV_FORMAT_OUTLOOK && g_str_equal (name, "title"))
    *column = (ReseauCsvColumn) TEXT (PREFIX);
  else if (format == RESEAU_CSV_FORMAT_LINKEDIN && g_str_equal (name, "url"))
    *column = (ReseauCsvColumn) VALUE (URL, PROFILE, 0);
  else if (guess_outlook_address (name, column) || guess_google_numbered (name, column))
    return TRUE;
  else
    for (guint i = 0; i < G_N_ELEMENTS (known_columns); i++)
      if (g_str_equal (name, known_columns[i].name))
        {
          *column = known_columns[i].column;
          break;
        }
  return column->target != RESEAU_CSV_IGNORE;
}

static gboolean
has_column (GPtrArray  *folded,
            const char *name)
{
  return g_ptr_array_find_with_equal_func (folded, name, g_str_equal, NULL);
}

/* LinkedIn's Connections.csv (with or without its URL column), Google Contacts' old and new
 * exports, and Outlook's. */
ReseauCsvFormat
_reseau_csv_guess_format (const char * const *header)
{
  g_autoptr(GPtrArray) h = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; header[i] != NULL; i++)
    g_ptr_array_add (h, g_strstrip (reseau_text_fold (header[i])));

  if (has_column (h, "first name") && has_column (h, "last name") &&
      has_column (h, "email address") && has_column (h, "connected on"))
    return RESEAU_CSV_FORMAT_LINKEDIN;
  if (has_column (h, "e-mail 1 - value") ||
      (has_column (h, "given name") && has_column (h, "group membership")))
    return RESEAU_CSV_FORMAT_GOOGLE;
  if (has_column (h, "e-mail address") &&
      (has_column (h, "business phone") || has_column (h, "mobile phone") ||
       has_column (h, "job title")))
    return RESEAU_CSV_FORMAT_OUTLOOK;
  return RESEAU_CSV_FORMAT_GENERIC;
}

/* The values of one kind and group being assembled from their columns. */
typedef struct
{
  ReseauValueKind  kind;
  guint            group;
  GPtrArray       *values;   /* ReseauContactValue, their types from their columns */
  char            *label;
  GString         *street;
  char            *parts[4];
} Slot;

static void
slot_free (Slot *slot)
{
  g_ptr_array_unref (slot->values);
  g_free (slot->label);
  g_string_free (slot->street, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (slot->parts); i++)
    g_free (slot->parts[i]);
  g_free (slot);
}

static Slot *
find_slot (GPtrArray             *slots,
           const ReseauCsvColumn *column)
{
  Slot *slot;

  for (guint i = 0; i < slots->len; i++)
    {
      slot = g_ptr_array_index (slots, i);
      if (slot->kind == column->kind && slot->group == column->group)
        return slot;
    }
  slot = g_new0 (Slot, 1);
  slot->kind = column->kind;
  slot->group = column->group;
  slot->values = g_ptr_array_new_with_free_func ((GDestroyNotify)reseau_contact_value_free);
  slot->street = g_string_new (NULL);
  g_ptr_array_add (slots, slot);
  return slot;
}

/* "* Work" (Google marks the primary value with a star), "Travail", "cell"… */
static gboolean
type_from_label (const char      *label,
                 ReseauValueType *type)
{
  static const struct { const char *name; ReseauValueType type; } names[] = {
    { "work", RESEAU_VALUE_TYPE_WORK }, { "business", RESEAU_VALUE_TYPE_WORK },
    { "travail", RESEAU_VALUE_TYPE_WORK }, { "bureau", RESEAU_VALUE_TYPE_WORK },
    { "home", RESEAU_VALUE_TYPE_HOME }, { "domicile", RESEAU_VALUE_TYPE_HOME },
    { "mobile", RESEAU_VALUE_TYPE_MOBILE }, { "cell", RESEAU_VALUE_TYPE_MOBILE },
    { "portable", RESEAU_VALUE_TYPE_MOBILE }, { "profile", RESEAU_VALUE_TYPE_PROFILE },
    { "other", RESEAU_VALUE_TYPE_OTHER }, { "autre", RESEAU_VALUE_TYPE_OTHER },
  };
  g_autofree char *folded = reseau_text_fold (label);
  const char *name = g_strstrip (folded);

  if (g_str_has_prefix (name, "* "))
    name += 2;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (name, names[i].name))
      {
        *type = names[i].type;
        return TRUE;
      }
  return FALSE;
}

/* Google joins several values of one column with " ::: ". */
static void
slot_add_values (Slot                  *slot,
                 const ReseauCsvColumn *column,
                 const char            *text)
{
  g_auto(GStrv) values = g_strsplit (text, " ::: ", -1);

  for (guint i = 0; values[i] != NULL; i++)
    {
      const char *value = g_strstrip (values[i]);

      if (*value != '\0')
        g_ptr_array_add (slot->values, reseau_contact_value_new (column->kind, column->type, value));
    }
}

static void
slot_set (Slot                  *slot,
          const ReseauCsvColumn *column,
          const char            *text)
{
  switch (column->target)
    {
    case RESEAU_CSV_VALUE:
      if (column->kind != RESEAU_VALUE_ADDRESS)
        {
          slot_add_values (slot, column, text);
          break;
        }
      if (slot->street->len > 0)
        g_string_append_c (slot->street, '\n');
      g_string_append (slot->street, text);
      if (slot->values->len == 0)
        g_ptr_array_add (slot->values, reseau_contact_value_new (column->kind, column->type, ""));
      break;
    case RESEAU_CSV_VALUE_LABEL:
      g_set_str (&slot->label, text);
      break;
    case RESEAU_CSV_LOCALITY:
    case RESEAU_CSV_REGION:
    case RESEAU_CSV_POSTAL_CODE:
    case RESEAU_CSV_COUNTRY:
      g_set_str (&slot->parts[column->target - RESEAU_CSV_LOCALITY], text);
      if (slot->values->len == 0)
        g_ptr_array_add (slot->values, reseau_contact_value_new (column->kind, column->type, ""));
      break;
    case RESEAU_CSV_IGNORE:
    case RESEAU_CSV_TEXT:
    case RESEAU_CSV_CATEGORIES:
    default:
      g_assert_not_reached ();
    }
}

static void
slot_finish (Slot          *slot,
             ReseauContact *contact)
{
  ReseauValueType label_type;
  gboolean labelled = slot->label != NULL && type_from_label (slot->label, &label_type);

  for (guint i = 0; i < slot->values->len; i++)
    {
      ReseauContactValue *value = reseau_contact_value_copy (g_ptr_array_index (slot->values, i));

      if (labelled)
        value->type = label_type;
      if (value->kind == RESEAU_VALUE_URL && value->type == RESEAU_VALUE_TYPE_OTHER)
        value->type = reseau_value_type_for_url (value->value);
      if (value->kind == RESEAU_VALUE_ADDRESS)
        {
          g_free (value->value);
          value->value = g_strdup (slot->street->str);
          value->locality = g_strdup (slot->parts[0]);
          value->region = g_strdup (slot->parts[1]);
          value->postal_code = g_strdup (slot->parts[2]);
          value->country = g_strdup (slot->parts[3]);
        }
      reseau_contact_add_value (contact, value);
    }
}

/* Google's system groups are starred ("* myContacts", "* starred"); the others are the
 * user's labels. */
static void
add_categories (GPtrArray  *categories,
                const char *text)
{
  const char *separator = strstr (text, " ::: ") ? " ::: " : strchr (text, ';') ? ";" : ",";
  g_auto(GStrv) names = g_strsplit (text, separator, -1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = g_strstrip (names[i]);

      if (*name != '\0' && !g_str_has_prefix (name, "* ") &&
          !g_ptr_array_find_with_equal_func (categories, name, g_str_equal, NULL))
        g_ptr_array_add (categories, g_strdup (name));
    }
}

static void
date_problem (GPtrArray       *problems,
              guint            line,
              ReseauTextField  field,
              const char      *text)
{
  g_autofree char *excerpt = g_utf8_make_valid (text, MIN (strlen (text), 40));

  g_ptr_array_add (problems,
                   reseau_import_problem_new (line, FALSE,
                                              g_error_new (RESEAU_CSV_ERROR, RESEAU_CSV_ERROR_INVALID_DATE,
                                                           _("Line %u: %s “%s” is not a full date; it was left out"),
                                                           line, reseau_text_field_label (field), excerpt)));
}

static void
set_text (ReseauContact         *contact,
          const ReseauCsvColumn *column,
          const char            *text,
          guint                  line,
          gboolean               day_first,
          GPtrArray             *problems)
{
  ReseauTextField field = column->field;
  const char *old = reseau_contact_get_text (contact, field);

  if (field == RESEAU_FIELD_BIRTHDAY || field == RESEAU_FIELD_MET_ON)
    {
      g_autofree char *date = reseau_csv_parse_date (text, day_first);

      if (date == NULL)
        date_problem (problems, line, field, text);
      else
        reseau_contact_set_text (contact, field, date);
    }
  else if (field == RESEAU_FIELD_NOTES && *old != '\0')
    {
      g_autofree char *both = g_strconcat (old, "\n\n", text, NULL);

      reseau_contact_set_text (contact, field, both);
    }
  else if (*old == '\0')
    {
      g_autofree char *clean = g_strdup (text);

      if (field != RESEAU_FIELD_NOTES)
        g_strdelimit (clean, "\r\n\t", ' ');
      reseau_contact_set_text (contact, field, clean);
    }
}

static gboolean
is_empty (ReseauContact *contact)
{
  for (ReseauTextField f = RESEAU_FIELD_DISPLAY_NAME; f <= RESEAU_FIELD_ORGANIZATION; f++)
    if (*reseau_contact_get_text (contact, f) != '\0')
      return FALSE;
  return reseau_contact_get_values (contact)->len == 0;
}

/**
 * _reseau_csv_build_contact:
 *
 * Maps one row onto a contact. Returns %NULL with @error set when the row holds nothing
 * the contact can be named by, or too many values.
 */
ReseauContact *
_reseau_csv_build_contact (const ReseauCsvColumn  *columns,
                           guint                   n_columns,
                           const char * const     *fields,
                           guint                   line,
                           gboolean                day_first,
                           GPtrArray              *problems,
                           GStrv                  *categories,
                           GError                **error)
{
  g_autoptr(ReseauContact) contact = reseau_contact_new ();
  g_autoptr(GPtrArray) slots = g_ptr_array_new_with_free_func ((GDestroyNotify)slot_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_null_terminated (0, g_free, TRUE);

  for (guint i = 0; i < n_columns && fields[i] != NULL; i++)
    {
      g_autofree char *text = g_strstrip (g_strdup (fields[i]));

      if (*text == '\0' || columns[i].target == RESEAU_CSV_IGNORE)
        continue;
      if (columns[i].target == RESEAU_CSV_TEXT)
        set_text (contact, &columns[i], text, line, day_first, problems);
      else if (columns[i].target == RESEAU_CSV_CATEGORIES)
        add_categories (names, text);
      else
        slot_set (find_slot (slots, &columns[i]), &columns[i], text);
    }
  for (guint i = 0; i < slots->len; i++)
    slot_finish (g_ptr_array_index (slots, i), contact);

  if (reseau_contact_get_values (contact)->len > RESEAU_MAX_VALUES)
    {
      g_set_error (error, RESEAU_CSV_ERROR, RESEAU_CSV_ERROR_TOO_MANY_VALUES,
                   _("Line %u: the row has more than %u emails, phones, links and addresses"),
                   line, RESEAU_MAX_VALUES);
      return NULL;
    }
  if (is_empty (contact))
    {
      g_set_error (error, RESEAU_CSV_ERROR, RESEAU_CSV_ERROR_EMPTY_RECORD,
                   _("Line %u: the row has no name, company, email, phone or address"), line);
      return NULL;
    }
  *categories = (GStrv)g_ptr_array_free (g_steal_pointer (&names), FALSE);
  return g_steal_pointer (&contact);
}
