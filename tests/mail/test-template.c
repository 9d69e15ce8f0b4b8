/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-template"

#include "config.h"

#include <locale.h>

#include "reseau-template.h"

static ReseauContact *
make_frederic (void)
{
  ReseauContact *contact = reseau_contact_new ();
  ReseauContactValue *address;

  reseau_contact_set_text (contact, RESEAU_FIELD_GIVEN, "Frédéric");
  reseau_contact_set_text (contact, RESEAU_FIELD_FAMILY, "Martinet");
  reseau_contact_set_text (contact, RESEAU_FIELD_ORGANIZATION, "Coopérative Œuvre");
  reseau_contact_set_text (contact, RESEAU_FIELD_TITLE, "Ingénieur");
  reseau_contact_add_value (contact, reseau_contact_value_new (RESEAU_VALUE_ADDRESS,
                                                               RESEAU_VALUE_TYPE_HOME, ""));
  address = reseau_contact_value_new (RESEAU_VALUE_ADDRESS, RESEAU_VALUE_TYPE_WORK, "3 rue des Lilas");
  address->locality = g_strdup ("Saint-Étienne");
  reseau_contact_add_value (contact, address);
  return contact;
}

static ReseauContact *
make_nameless (void)
{
  ReseauContact *contact = reseau_contact_new ();

  reseau_contact_set_text (contact, RESEAU_FIELD_ORGANIZATION, "ACME");
  reseau_contact_add_value (contact, reseau_contact_value_new (RESEAU_VALUE_EMAIL,
                                                               RESEAU_VALUE_TYPE_WORK,
                                                               "contact@acme.example"));
  return contact;
}

static void
test_render_table (void)
{
  static const struct { const char *text; const char *frederic; const char *nameless; } rows[] = {
    { "", "", "" },
    { "Bonjour", "Bonjour", "Bonjour" },
    { "Bonjour {first_name},", "Bonjour Frédéric,", "Bonjour ," },
    { "Bonjour {first_name|à toi},", "Bonjour Frédéric,", "Bonjour à toi," },
    { "{full_name|Madame, Monsieur}", "Frédéric Martinet", "Madame, Monsieur" },
    { "{last_name} ({organization}, {title})", "Martinet (Coopérative Œuvre, Ingénieur)", " (ACME, )" },
    { "Rendez-vous à {locality|Paris} ?", "Rendez-vous à Saint-Étienne ?", "Rendez-vous à Paris ?" },
    { "{{first_name}} is literal", "{first_name} is literal", "{first_name} is literal" },
    { "a {{ b }} c", "a { b } c", "a { b } c" },
    { "{{{first_name}}}", "{Frédéric}", "{}" },
    { "{ First_Name | x|y }", "Frédéric", " x|y " },
    { "{first_name|}!", "Frédéric!", "!" },
    { "Ligne 1\n{first_name}\nLigne 3", "Ligne 1\nFrédéric\nLigne 3", "Ligne 1\n\nLigne 3" },
    { "{first_name}{last_name}", "FrédéricMartinet", "" },
  };
  g_autoptr(ReseauContact) frederic = make_frederic ();
  g_autoptr(ReseauContact) nameless = make_nameless ();

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ReseauTemplate) template = reseau_template_new (rows[i].text, &error);
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      g_test_message ("template %u: %s", i, rows[i].text);
      g_assert_no_error (error);
      a = reseau_template_render (template, frederic);
      b = reseau_template_render (template, nameless);
      g_assert_cmpstr (a, ==, rows[i].frederic);
      g_assert_cmpstr (b, ==, rows[i].nameless);
    }
}

static void
test_full_name (void)
{
  g_autoptr(ReseauTemplate) template = reseau_template_new ("{full_name|?}", NULL);
  g_autoptr(ReseauContact) contact = reseau_contact_new ();
  g_autofree char *nickname = NULL;
  g_autofree char *parts = NULL;
  g_autofree char *display = NULL;

  reseau_contact_set_text (contact, RESEAU_FIELD_NICKNAME, "Fred");
  nickname = reseau_template_render (template, contact);
  g_assert_cmpstr (nickname, ==, "Fred");

  reseau_contact_set_text (contact, RESEAU_FIELD_PREFIX, "Dr");
  reseau_contact_set_text (contact, RESEAU_FIELD_GIVEN, "Zoé");
  reseau_contact_set_text (contact, RESEAU_FIELD_FAMILY, "Laurent-Nguyễn");
  parts = reseau_template_render (template, contact);
  g_assert_cmpstr (parts, ==, "Dr Zoé Laurent-Nguyễn");

  reseau_contact_set_text (contact, RESEAU_FIELD_DISPLAY_NAME, "Zoé L.");
  display = reseau_template_render (template, contact);
  g_assert_cmpstr (display, ==, "Zoé L.");
}

static void
test_errors (void)
{
  static const struct {
    const char *text;
    int code;
    guint line, column;
    gsize offset, length;
    const char *message;
  } rows[] = {
    { "Bonjour {fist_name},", RESEAU_TEMPLATE_ERROR_UNKNOWN_FIELD, 1, 9, 8, 11,
      "Line 1, column 9: unknown merge field “{fist_name}”; did you mean “{first_name}”?" },
    { "Bonjour,\nà {ville} !", RESEAU_TEMPLATE_ERROR_UNKNOWN_FIELD, 2, 3, 12, 7,
      "Line 2, column 3: unknown merge field “{ville}”" },
    { "é {first_name", RESEAU_TEMPLATE_ERROR_SYNTAX, 1, 3, 3, 1,
      "Line 1, column 3: “{” is not closed; write “{{” for a brace" },
    { "{first_name\n}", RESEAU_TEMPLATE_ERROR_SYNTAX, 1, 1, 0, 1, NULL },
    { "{a{first_name}}", RESEAU_TEMPLATE_ERROR_SYNTAX, 1, 1, 0, 1, NULL },
    { "ok }", RESEAU_TEMPLATE_ERROR_SYNTAX, 1, 4, 3, 1,
      "Line 1, column 4: “}” without a matching “{”; write “}}” for a brace" },
    { "x {} y", RESEAU_TEMPLATE_ERROR_SYNTAX, 1, 3, 2, 2,
      "Line 1, column 3: empty merge field “{}”" },
    { "x { |Bonjour} y", RESEAU_TEMPLATE_ERROR_SYNTAX, 1, 3, 2, 11, NULL },
    { "ok \xc3\x28", RESEAU_TEMPLATE_ERROR_SYNTAX, 1, 4, 3, 1, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) copy = NULL;
      g_autoptr(ReseauTemplate) template = reseau_template_new (rows[i].text, &error);
      guint line = 0, column = 0;
      gsize offset = 0, length = 0;

      g_test_message ("template %u: %s", i, rows[i].text);
      g_assert_null (template);
      g_assert_error (error, RESEAU_TEMPLATE_ERROR, rows[i].code);
      if (rows[i].message != NULL)
        g_assert_cmpstr (error->message, ==, rows[i].message);

      /* The position survives a copy, as when the error is passed through a GTask. */
      copy = g_error_copy (error);
      g_assert_true (reseau_template_error_get_position (copy, &line, &column, &offset, &length));
      g_assert_cmpuint (line, ==, rows[i].line);
      g_assert_cmpuint (column, ==, rows[i].column);
      g_assert_cmpuint (offset, ==, rows[i].offset);
      g_assert_cmpuint (length, ==, rows[i].length);
    }
}

static void
test_fields (void)
{
  g_autoptr(ReseauTemplate) template = reseau_template_new ("{organization} {title|}", NULL);
  const ReseauMergeField *fields;
  guint n = 0;

  fields = reseau_merge_fields (&n);
  g_assert_cmpuint (n, ==, 6);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("{%s}", fields[i].name);
      g_autoptr(ReseauTemplate) single = reseau_template_new (text, NULL);

      g_assert_nonnull (single);
      g_assert_true (reseau_template_uses_field (single, fields[i].name));
      g_assert_cmpstr (reseau_merge_field_get_label (&fields[i]), !=, "");
    }
  g_assert_true (reseau_template_uses_field (template, "organization"));
  g_assert_true (reseau_template_uses_field (template, "title"));
  g_assert_false (reseau_template_uses_field (template, "first_name"));
  g_assert_false (reseau_template_uses_field (template, "nonsense"));
  g_assert_cmpstr (reseau_template_get_text (template), ==, "{organization} {title|}");
  g_assert_false (reseau_template_error_get_position (NULL, NULL, NULL, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mail/template/render", test_render_table);
  g_test_add_func ("/mail/template/full-name", test_full_name);
  g_test_add_func ("/mail/template/errors", test_errors);
  g_test_add_func ("/mail/template/fields", test_fields);

  return g_test_run ();
}
