/* zs-record-form.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <zhaoshang.h>

G_BEGIN_DECLS

/**
 * ZsFormFieldKind:
 * @ZS_FORM_FIELD_TEXT: one line of text; empty is %NULL
 * @ZS_FORM_FIELD_MULTILINE: several lines of text
 * @ZS_FORM_FIELD_NUMBER: a decimal number (a double property)
 * @ZS_FORM_FIELD_INTEGER: a whole number (an int or int64 property)
 * @ZS_FORM_FIELD_ENUM: one value of an enumeration, from a drop-down
 * @ZS_FORM_FIELD_CHOICE: one code of a list, or none, from a drop-down
 * @ZS_FORM_FIELD_LIST: codes or names separated by commas (a strv property)
 * @ZS_FORM_FIELD_DATE: a date as YYYY-MM-DD
 * @ZS_FORM_FIELD_FIRM: a firm (an int64 id property, 0 for none), found by
 *   name or credit code
 *
 * How a field of a record is edited.
 */
typedef enum
{
  ZS_FORM_FIELD_TEXT,
  ZS_FORM_FIELD_MULTILINE,
  ZS_FORM_FIELD_NUMBER,
  ZS_FORM_FIELD_INTEGER,
  ZS_FORM_FIELD_ENUM,
  ZS_FORM_FIELD_CHOICE,
  ZS_FORM_FIELD_LIST,
  ZS_FORM_FIELD_DATE,
  ZS_FORM_FIELD_FIRM,
} ZsFormFieldKind;

#define ZS_TYPE_RECORD_FORM (zs_record_form_get_type ())

G_DECLARE_FINAL_TYPE (ZsRecordForm, zs_record_form, ZS, RECORD_FORM, GtkWidget)

GtkWidget  *zs_record_form_new              (void);
void        zs_record_form_add_field        (ZsRecordForm       *self,
                                             const char         *property,
                                             const char         *label,
                                             ZsFormFieldKind         kind);
void        zs_record_form_add_enum_field   (ZsRecordForm       *self,
                                             const char         *property,
                                             const char         *label,
                                             GType               enum_type,
                                             const char * const *value_labels);
void        zs_record_form_add_choice_field (ZsRecordForm       *self,
                                             const char         *property,
                                             const char         *label,
                                             const char * const *codes,
                                             const char * const *names);
void        zs_record_form_add_firm_field   (ZsRecordForm       *self,
                                             const char         *property,
                                             const char         *label,
                                             ZsStore            *store);
void        zs_record_form_add_list_chooser (ZsRecordForm       *self,
                                             const char         *property,
                                             const char         *button_label,
                                             const char * const *codes,
                                             const char * const *names,
                                             const char * const *groups);
void        zs_record_form_set_list_names   (ZsRecordForm       *self,
                                             const char         *property,
                                             GHashTable         *names);
void        zs_record_form_add_alias        (ZsRecordForm       *self,
                                             const char         *field,
                                             const char         *property);
void        zs_record_form_set_record       (ZsRecordForm       *self,
                                             GObject            *record);
gboolean    zs_record_form_apply            (ZsRecordForm       *self,
                                             GObject            *record);
gboolean    zs_record_form_show_error       (ZsRecordForm       *self,
                                             const GError       *error);
void        zs_record_form_clear_errors     (ZsRecordForm       *self);
GtkWidget  *zs_record_form_get_input        (ZsRecordForm       *self,
                                             const char         *property);
const char *zs_record_form_get_error_text   (ZsRecordForm       *self,
                                             const char         *property);
GPtrArray  *zs_record_form_dup_rows         (ZsRecordForm       *self);
GHashTable *zs_record_form_dup_labels       (ZsRecordForm       *self);
char       *zs_record_form_get_text         (ZsRecordForm       *self,
                                             const char         *property);
void        zs_record_form_set_text         (ZsRecordForm       *self,
                                             const char         *property,
                                             const char         *text);

G_END_DECLS
