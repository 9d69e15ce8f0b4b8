#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-po.sh SRCDIR — the French translation is complete and POTFILES.in is right.
#
#  1. Every file under src/ (*.c, *.ui) and data/ (*.in) with translatable
#     strings is listed in po/POTFILES.in, and every listed file exists.
#  2. po/fr.po compiles with msgfmt --check and has no fuzzy or untranslated
#     message, also after merging it with the strings the sources hold today
#     (so a new string without a French translation fails here too).

set -u

top=${1:?usage: check-po.sh SRCDIR}
cd "$top" || exit 2
potfiles=po/POTFILES.in
po=po/fr.po
failed=0

fail() {
  printf 'FAIL: %s\n' "$*"
  failed=1
}

listed() {
  sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$potfiles"
}

[ -f "$potfiles" ] || { fail "$potfiles does not exist"; exit 1; }

# 1. POTFILES.in against the tree.
for f in $(listed); do
  [ -f "$f" ] || fail "$potfiles lists $f, which does not exist"
done

marks='(^|[^A-Za-z0-9_])(_|N_|C_|NC_|Q_)\(|ngettext[[:space:]]*\(|translatable="yes"'
candidates=$( { find src -type f \( -name '*.c' -o -name '*.ui' \) 2>/dev/null
                find data -type f -name '*.in' 2>/dev/null; } | LC_ALL=C sort)
for f in $candidates; do
  case $f in
    # Desktop and metainfo files are translated whole, by key or element.
    *.desktop.in|*.metainfo.xml.in) needs=1 ;;
    *) if grep -Eq "$marks" "$f"; then needs=1; else needs=0; fi ;;
  esac
  if [ "$needs" = 1 ] && ! listed | grep -Fxq "$f"; then
    fail "$f has translatable strings but is not listed in $potfiles"
  fi
done

# 2. The French catalogue.
if [ ! -f "$po" ]; then
  fail "$po does not exist: Réseau must ship a complete French translation"
  exit 1
fi

stats=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1) || {
  printf '%s\n' "$stats"
  fail "msgfmt --check rejects $po"
  exit 1
}
printf '%s: %s\n' "$po" "$stats"
case $stats in
  *fuzzy*) fail "$po has fuzzy translations" ;;
esac
case $stats in
  *untranslated*) fail "$po has untranslated messages" ;;
esac

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
listed >"$tmp/files"
# The keywords of meson's i18n 'glib' preset.
if ! xgettext --from-code=UTF-8 --add-comments --files-from="$tmp/files" --directory=. \
       --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=Q_:1g \
       --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
       --keyword=ngettext:1,2 \
       --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
       --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
       --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
       --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
       -o "$tmp/reseau.pot" 2>"$tmp/xgettext.log"; then
  cat "$tmp/xgettext.log"
  fail "xgettext cannot extract the strings of the files in $potfiles"
  exit 1
fi
if [ -f "$tmp/reseau.pot" ]; then
  msgmerge --quiet --no-fuzzy-matching -o "$tmp/fr.po" "$po" "$tmp/reseau.pot" || {
    fail "msgmerge failed"
    exit 1
  }
  merged=$(msgfmt --statistics -o /dev/null "$tmp/fr.po" 2>&1)
  printf 'merged with the sources: %s\n' "$merged"
  case $merged in
    *untranslated*|*fuzzy*)
      fail "$po lacks translations of strings in the sources (update it with msgmerge):"
      for which in --untranslated --only-fuzzy; do
        msgattrib "$which" --no-obsolete -o - "$tmp/fr.po" 2>/dev/null |
          sed -n 's/^msgid //p' | grep -vx '""' | head -20
      done
      ;;
  esac
fi

exit "$failed"
