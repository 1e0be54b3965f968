/* zs-import-fields.c: which column is which field, and what its text means
 *
 * Spreadsheets from other offices name their columns in Chinese or English,
 * with units in brackets, and write values the way people type them: 500万,
 * 2026/3/1, 民营, 霍尔果斯市. This file turns them into model values, with
 * errors that name the field and the value.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zs-enums.h"
#include "zs-error.h"
#include "zs-firm-name.h"
#include "zs-import-private.h"
#include "zs-uscc.h"
#include "zs-text-private.h"

static const ZsImportField firm_fields[] = {
  { "name", "name", ZS_IMPORT_KIND_TEXT, "企业名称|名称|公司名称|单位名称|企业|公司|name|company|companyname|firm|firmname" },
  { "uscc", "uscc", ZS_IMPORT_KIND_USCC, "统一社会信用代码|信用代码|社会信用代码|统一代码|uscc|creditcode|unifiedsocialcreditcode" },
  { "name_other", "name-other", ZS_IMPORT_KIND_TEXT, "外文名称|英文名称|俄文名称|哈萨克文名称|外文名|englishname|othername|nameother" },
  { "ownership", "ownership", ZS_IMPORT_KIND_OWNERSHIP, "企业类型|所有制|经济类型|企业性质|登记注册类型|ownership|type" },
  { "country", "country", ZS_IMPORT_KIND_COUNTRY, "国家|国别|国家地区|注册国|country" },
  { "region_code", "region-code", ZS_IMPORT_KIND_REGION, "所在地区|地区|行政区划代码|地区代码|所在地|区域|region|regioncode" },
  { "address", "address", ZS_IMPORT_KIND_TEXT, "地址|注册地址|企业地址|住所|address" },
  { "registered_capital", "registered-capital", ZS_IMPORT_KIND_NUMBER, "注册资本|注册资金|注册资本万元|registeredcapital|capital" },
  { "business_scope", "business-scope", ZS_IMPORT_KIND_TEXT, "经营范围|主营业务|businessscope|scope" },
  { "sectors", "sectors", ZS_IMPORT_KIND_SECTORS, "所属行业|行业|产业|行业类别|所属产业|sector|sectors|industry" },
  { "website", "website", ZS_IMPORT_KIND_TEXT, "网址|网站|官网|website|web|url" },
  { "notes", "notes", ZS_IMPORT_KIND_TEXT, "备注|说明|notes|note|remark|remarks" },
  { "contact_name", NULL, ZS_IMPORT_KIND_EXTRA, "联系人|联系人姓名|contact|contactname|contactperson" },
  { "contact_phone", NULL, ZS_IMPORT_KIND_EXTRA, "联系电话|电话|手机|联系方式|phone|telephone|mobile|tel" },
  { "id", NULL, ZS_IMPORT_KIND_IGNORED, "id" },
  { "created_at", NULL, ZS_IMPORT_KIND_IGNORED, "createdat" },
  { "updated_at", NULL, ZS_IMPORT_KIND_IGNORED, "updatedat" },
  { NULL }
};

static const ZsImportField contact_fields[] = {
  { "firm", "firm-id", ZS_IMPORT_KIND_FIRM, "企业|企业名称|公司|统一社会信用代码|firm|firmid|company|uscc" },
  { "name", "name", ZS_IMPORT_KIND_TEXT, "姓名|联系人|名字|name|contact" },
  { "title", "title", ZS_IMPORT_KIND_TEXT, "职务|职位|头衔|title|position" },
  { "phone", "phone", ZS_IMPORT_KIND_TEXT, "电话|联系电话|手机|phone|mobile|tel" },
  { "email", "email", ZS_IMPORT_KIND_TEXT, "邮箱|电子邮件|email|mail" },
  { "notes", "notes", ZS_IMPORT_KIND_TEXT, "备注|notes|remark" },
  { "id", NULL, ZS_IMPORT_KIND_IGNORED, "id" },
  { NULL }
};

static const ZsImportField project_fields[] = {
  { "firm", "firm-id", ZS_IMPORT_KIND_FIRM, "企业|企业名称|投资方|统一社会信用代码|firm|firmid|company|investor|uscc" },
  { "title", "title", ZS_IMPORT_KIND_TEXT, "项目名称|项目|名称|title|project|name" },
  { "sectors", "sectors", ZS_IMPORT_KIND_SECTORS, "所属行业|行业|产业|sector|sectors|industry" },
  { "park_code", "park-code", ZS_IMPORT_KIND_PARK, "园区|落户园区|所在园区|park|parkcode" },
  { "stage", "stage", ZS_IMPORT_KIND_STAGE, "阶段|项目阶段|进展|stage" },
  { "planned_investment", "planned-investment", ZS_IMPORT_KIND_NUMBER, "计划投资|计划投资额|总投资|投资额|plannedinvestment|investment" },
  { "realised_investment", "realised-investment", ZS_IMPORT_KIND_NUMBER, "到资|实际到资|到位资金|realisedinvestment|realizedinvestment" },
  { "planned_jobs", "planned-jobs", ZS_IMPORT_KIND_INTEGER, "计划就业|就业人数|带动就业|plannedjobs|jobs" },
  { "land_mu", "land-mu", ZS_IMPORT_KIND_NUMBER, "用地|用地面积|占地|用地亩|landmu|land" },
  { "source_channel", "source-channel", ZS_IMPORT_KIND_CHANNEL, "来源|招商方式|来源渠道|sourcechannel|channel|source" },
  { "owner", "owner", ZS_IMPORT_KIND_TEXT, "负责人|责任人|跟进人|owner" },
  { "clause", "clause", ZS_IMPORT_KIND_INTEGER, "条款|对应条款|clause" },
  { "id", NULL, ZS_IMPORT_KIND_IGNORED, "id" },
  { "referrer_firm_id", NULL, ZS_IMPORT_KIND_IGNORED, "referrerfirmid" },
  { "created_at", NULL, ZS_IMPORT_KIND_IGNORED, "createdat" },
  { "updated_at", NULL, ZS_IMPORT_KIND_IGNORED, "updatedat" },
  { NULL }
};

static const ZsImportField activity_fields[] = {
  { "firm", "firm-id", ZS_IMPORT_KIND_FIRM, "企业|企业名称|统一社会信用代码|firm|firmid|company|uscc" },
  { "kind", "kind", ZS_IMPORT_KIND_ACTIVITY_KIND, "方式|类型|活动类型|kind|type" },
  { "date", "date", ZS_IMPORT_KIND_DATE, "日期|时间|date" },
  { "who", "who", ZS_IMPORT_KIND_TEXT, "经办人|人员|who|staff" },
  { "notes", "notes", ZS_IMPORT_KIND_TEXT, "内容|情况|备注|notes" },
  { "next_follow_up", "next-follow-up", ZS_IMPORT_KIND_DATE, "下次跟进|跟进日期|nextfollowup|followup" },
  { "id", NULL, ZS_IMPORT_KIND_IGNORED, "id" },
  { "project_id", NULL, ZS_IMPORT_KIND_IGNORED, "projectid" },
  { "created_at", NULL, ZS_IMPORT_KIND_IGNORED, "createdat" },
  { NULL }
};

const ZsImportField *
_zs_import_fields (ZsImportEntity entity)
{
  switch (entity)
    {
    case ZS_IMPORT_ENTITY_CONTACTS: return contact_fields;
    case ZS_IMPORT_ENTITY_PROJECTS: return project_fields;
    case ZS_IMPORT_ENTITY_ACTIVITIES: return activity_fields;
    case ZS_IMPORT_ENTITY_FIRMS:
    default: return firm_fields;
    }
}

GType
_zs_import_entity_type (ZsImportEntity entity)
{
  switch (entity)
    {
    case ZS_IMPORT_ENTITY_CONTACTS: return ZS_TYPE_CONTACT;
    case ZS_IMPORT_ENTITY_PROJECTS: return ZS_TYPE_PROJECT;
    case ZS_IMPORT_ENTITY_ACTIVITIES: return ZS_TYPE_ACTIVITY;
    case ZS_IMPORT_ENTITY_FIRMS:
    default: return ZS_TYPE_FIRM;
    }
}

const char *
_zs_import_entity_name (ZsImportEntity entity)
{
  static const char * const names[] = { "firm", "contact", "project", "activity" };

  return names[entity];
}

/**
 * zs_import_entity_get_fields:
 * @entity: what is imported
 *
 * Returns: (transfer none) (array zero-terminated=1): the field names a
 *   column can be mapped to with zs_import_job_add_mapping()
 */
const char * const *
zs_import_entity_get_fields (ZsImportEntity entity)
{
  static GStrv names[4];

  if (names[entity] == NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (const ZsImportField *f = _zs_import_fields (entity); f->field != NULL; f++)
        if (f->kind != ZS_IMPORT_KIND_IGNORED)
          g_strv_builder_add (builder, f->field);
      names[entity] = g_strv_builder_end (builder);
    }
  return (const char * const *) names[entity];
}

const ZsImportField *
_zs_import_find_field (ZsImportEntity  entity,
                       const char     *name)
{
  for (const ZsImportField *f = _zs_import_fields (entity); f->field != NULL; f++)
    if (g_str_equal (f->field, name))
      return f;
  return NULL;
}

/* Headers meet synonyms without case, width, blanks, underscores or units
 * in brackets: 注册资本（万元） is 注册资本. */
static char *
normalize_header (const char *header,
                  gboolean    drop_brackets)
{
  g_autofree char *nfkc = _zs_text_nfkc (header, -1);
  g_autofree char *folded = g_utf8_casefold (nfkc ? nfkc : header, -1);
  g_autoptr(GString) out = g_string_new (NULL);
  int depth = 0;

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '(' || c == '[')
        depth++;
      else if ((c == ')' || c == ']') && depth > 0)
        depth--;
      else if ((depth == 0 || !drop_brackets) && g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const ZsImportField *
match_normalized (ZsImportEntity  entity,
                  const char     *key)
{
  for (const ZsImportField *f = _zs_import_fields (entity); f->field != NULL; f++)
    {
      g_auto(GStrv) synonyms = g_strsplit (f->synonyms, "|", -1);
      g_autofree char *own = normalize_header (f->field, TRUE);

      if (g_str_equal (own, key) || g_strv_contains ((const char * const *) synonyms, key))
        return f;
    }
  return NULL;
}

const ZsImportField *
_zs_import_match_header (ZsImportEntity  entity,
                         const char     *header)
{
  g_autofree char *whole = normalize_header (header, FALSE);
  g_autofree char *bare = normalize_header (header, TRUE);
  const ZsImportField *field = match_normalized (entity, whole);

  if (field == NULL && bare[0] != '\0')
    field = match_normalized (entity, bare);
  return field;
}

struct _ZsImportLookups
{
  ZsStore    *store;
  GHashTable *sectors;   /* code, name, synonym → code, or codes joined by '|' when several */
  GHashTable *regions;   /* name → code */
  GHashTable *parks;     /* code, name → code */
  GHashTable *sector_names;  /* code → name, for the candidates of a warning */
  GHashTable *region_names;
  GPtrArray  *sector_keys;   /* names and synonyms, then their codes: for the best match */
  GPtrArray  *region_keys;
  GHashTable *label_map;     /* "field\x1fnormalised label" → code (--map-sector, --map-region) */
  gboolean    keep_unmapped; /* an unmapped label is a warning, not a refused row */
  GPtrArray  *row_unmapped;  /* ZsImportUnmapped of the row being parsed */
  /* A file names the same few sectors and regions row after row: each
   * text is resolved once (up to MAX_RESOLVED texts). */
  GHashTable *resolved_sectors;  /* text → Resolved */
  GHashTable *resolved_regions;  /* text → Resolved */
};

#define MAX_RESOLVED 4096

/* What a cell's text resolved to: the codes, and the labels that matched
 * no code or several. */
typedef struct {
  GStrv      codes;
  GPtrArray *unmapped;   /* ZsImportUnmapped */
} Resolved;

static void
resolved_free (Resolved *resolved)
{
  g_strfreev (resolved->codes);
  g_clear_pointer (&resolved->unmapped, g_ptr_array_unref);
  g_free (resolved);
}

static void
unmapped_clear (ZsImportUnmapped *unmapped)
{
  g_free (unmapped->field);
  g_free (unmapped->label);
  g_strfreev (unmapped->candidates);
  g_strfreev (unmapped->candidate_names);
}

ZsImportUnmapped *
_zs_import_unmapped_ref (ZsImportUnmapped *unmapped)
{
  return g_rc_box_acquire (unmapped);
}

void
_zs_import_unmapped_unref (ZsImportUnmapped *unmapped)
{
  g_rc_box_release_full (unmapped, (GDestroyNotify) unmapped_clear);
}

void
_zs_import_lookups_free (ZsImportLookups *lookups)
{
  g_clear_pointer (&lookups->sectors, g_hash_table_unref);
  g_clear_pointer (&lookups->regions, g_hash_table_unref);
  g_clear_pointer (&lookups->parks, g_hash_table_unref);
  g_clear_pointer (&lookups->sector_names, g_hash_table_unref);
  g_clear_pointer (&lookups->region_names, g_hash_table_unref);
  g_clear_pointer (&lookups->sector_keys, g_ptr_array_unref);
  g_clear_pointer (&lookups->region_keys, g_ptr_array_unref);
  g_clear_pointer (&lookups->label_map, g_hash_table_unref);
  g_clear_pointer (&lookups->row_unmapped, g_ptr_array_unref);
  g_clear_pointer (&lookups->resolved_sectors, g_hash_table_unref);
  g_clear_pointer (&lookups->resolved_regions, g_hash_table_unref);
  g_free (lookups);
}

static void
add_name (GHashTable *table,
          const char *name,
          const char *code)
{
  g_autofree char *key = NULL;
  const char *known;

  if (name == NULL || name[0] == '\0')
    return;
  key = normalize_header (name, FALSE);
  known = g_hash_table_lookup (table, key);
  /* Two sectors under one name: both are candidates, the user chooses. */
  if (known != NULL)
    {
      g_auto(GStrv) codes = g_strsplit (known, "|", -1);

      if (!g_strv_contains ((const char * const *) codes, code))
        g_hash_table_replace (table, g_steal_pointer (&key), g_strconcat (known, "|", code, NULL));
    }
  else
    g_hash_table_insert (table, g_steal_pointer (&key), g_strdup (code));
}

/* A name or synonym for the best match: the normalised key, then its code. */
static void
add_key (GPtrArray  *keys,
         const char *name,
         const char *code)
{
  if (keys == NULL || name == NULL || name[0] == '\0')
    return;
  g_ptr_array_add (keys, normalize_header (name, FALSE));
  g_ptr_array_add (keys, g_strdup (code));
}

static gboolean
load_names (ZsStore      *store,
            ZsReference   reference,
            GHashTable   *table,
            GHashTable   *names,
            GPtrArray    *keys,
            GError      **error)
{
  g_autoptr(GPtrArray) rows = _zs_store_list_reference_names (store, reference, error);

  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      g_autoptr(JsonParser) parser = json_parser_new ();

      add_name (table, row[0], row[0]);
      add_name (table, row[1], row[0]);
      add_key (keys, row[1], row[0]);
      if (names != NULL && row[1] != NULL)
        g_hash_table_replace (names, g_strdup (row[0]), g_strdup (row[1]));
      if (row[2] != NULL && row[2][0] == '[' && json_parser_load_from_data (parser, row[2], -1, NULL))
        {
          JsonArray *synonyms = json_node_get_array (json_parser_get_root (parser));

          for (guint j = 0; j < json_array_get_length (synonyms); j++)
            {
              add_name (table, json_array_get_string_element (synonyms, j), row[0]);
              add_key (keys, json_array_get_string_element (synonyms, j), row[0]);
            }
        }
    }
  return TRUE;
}

ZsImportLookups *
_zs_import_lookups_new (ZsStore  *store,
                        GError  **error)
{
  g_autoptr(ZsImportLookups) lookups = g_new0 (ZsImportLookups, 1);

  lookups->store = store;
  lookups->sectors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lookups->regions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lookups->parks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lookups->sector_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lookups->region_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lookups->sector_keys = g_ptr_array_new_with_free_func (g_free);
  lookups->region_keys = g_ptr_array_new_with_free_func (g_free);
  lookups->label_map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lookups->row_unmapped = g_ptr_array_new_with_free_func ((GDestroyNotify) _zs_import_unmapped_unref);
  lookups->resolved_sectors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) resolved_free);
  lookups->resolved_regions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) resolved_free);

  if (!load_names (store, ZS_REFERENCE_SECTORS, lookups->sectors, lookups->sector_names, lookups->sector_keys, error) ||
      !load_names (store, ZS_REFERENCE_REGIONS, lookups->regions, lookups->region_names, lookups->region_keys, error) ||
      !load_names (store, ZS_REFERENCE_PARKS, lookups->parks, NULL, NULL, error))
    return NULL;
  return g_steal_pointer (&lookups);
}

/**
 * _zs_import_lookups_set_keep_unmapped:
 *
 * With @keep, a sector or region text that names no code, or several, is
 * left out of the record and listed by _zs_import_lookups_take_unmapped()
 * instead of refusing the row.
 */
void
_zs_import_lookups_set_keep_unmapped (ZsImportLookups *lookups,
                                      gboolean         keep)
{
  lookups->keep_unmapped = keep;
}

static char *
label_key (const char *field,
           const char *label)
{
  g_autofree char *key = normalize_header (label, FALSE);

  return g_strconcat (field, "\x1f", key, NULL);
}

/**
 * _zs_import_lookups_map_label:
 * @field: "sectors" or "region_code"
 * @label: a text of the file
 * @code: the code it means
 *
 * Returns: %FALSE if @code is not a sector (region) code
 */
gboolean
_zs_import_lookups_map_label (ZsImportLookups  *lookups,
                              const char       *field,
                              const char       *label,
                              const char       *code,
                              GError          **error)
{
  gboolean sectors = g_str_equal (field, "sectors");
  GHashTable *names = sectors ? lookups->sector_names : lookups->region_names;

  if (!g_hash_table_contains (names, code))
    {
      g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID,
                   sectors ? _("--map-sector: “%s” is not a sector code (see “zhaoshang-cli sectors list”)")
                           : _("--map-region: “%s” is not a region code (see “zhaoshang-cli regions list”)"),
                   code);
      return FALSE;
    }
  g_hash_table_replace (lookups->label_map, label_key (field, label), g_strdup (code));
  /* A text resolved before the mapping is resolved again. */
  g_hash_table_remove_all (sectors ? lookups->resolved_sectors : lookups->resolved_regions);
  return TRUE;
}

/**
 * _zs_import_lookups_take_unmapped:
 *
 * Returns: (transfer container) (nullable): the labels of the last row
 *   that were left out, as #ZsImportUnmapped, or %NULL if none; the list
 *   starts empty again
 */
GPtrArray *
_zs_import_lookups_take_unmapped (ZsImportLookups *lookups)
{
  GPtrArray *taken = lookups->row_unmapped;

  /* most rows leave nothing out: no allocation for them */
  if (taken->len == 0)
    return NULL;
  lookups->row_unmapped = g_ptr_array_new_with_free_func ((GDestroyNotify) _zs_import_unmapped_unref);
  return taken;
}

static gboolean
invalid (GError     **error,
         const char  *field,
         const char  *text,
         const char  *why)
{
  g_set_error (error, ZS_ERROR, ZS_ERROR_INVALID, "%s: “%s” %s", field, text, why);
  return FALSE;
}

/* 500, 1,000.5, 500万, 500万元, 2亿, 3000000元: amounts are kept in 万元. */
static gboolean
parse_amount (const char  *field,
              const char  *text,
              double      *out,
              GError     **error)
{
  static const struct { const char *suffix; double factor; } units[] = {
    { "万元", 1 }, { "万", 1 }, { "亿元", 10000 }, { "亿", 10000 }, { "元", 0.0001 },
  };
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autofree char *nfkc = _zs_text_nfkc (text, -1);
  double factor = 1;
  char *end = NULL;

  for (const char *p = nfkc; *p; p = g_utf8_next_char (p))
    if (*p != ',' && !g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (digits, g_utf8_get_char (p));

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_str_has_suffix (digits->str, units[i].suffix))
      {
        g_string_truncate (digits, digits->len - strlen (units[i].suffix));
        factor = units[i].factor;
        break;
      }

  *out = g_ascii_strtod (digits->str, &end);
  if (digits->len == 0 || end == NULL || *end != '\0')
    return invalid (error, field, text, _("is not a number"));
  *out *= factor;
  return TRUE;
}

/* Lists in a cell are separated by ; , 、 / or | (half- or full-width). */
static GStrv
split_list (const char *text)
{
  g_autoptr(GString) normalized = g_string_new (text);

  g_string_replace (normalized, "；", ";", 0);
  g_string_replace (normalized, "，", ";", 0);
  g_string_replace (normalized, "、", ";", 0);
  return g_strsplit_set (normalized->str, ";,/|", -1);
}

/* Takes @resolved; returns whether @resolved_texts keeps it (else the
 * caller frees it after use). */
static gboolean
remember_resolved (GHashTable *resolved_texts,
                   const char *text,
                   Resolved   *resolved)
{
  if (g_hash_table_size (resolved_texts) >= MAX_RESOLVED)
    return FALSE;
  g_hash_table_insert (resolved_texts, g_strdup (text), resolved);
  return TRUE;
}

/* The codes of the names or synonyms that best match @key: the longest
 * one contained in @key, or in which @key (of two characters or more) is
 * contained. Several codes when several match equally well. */
static GStrv
best_matches (GPtrArray  *keys,
              const char *key)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) best = g_ptr_array_new ();
  glong key_length = g_utf8_strlen (key, -1);
  glong best_score = 0;

  for (guint i = 0; i + 1 < keys->len; i += 2)
    {
      const char *name = keys->pdata[i];
      const char *code = keys->pdata[i + 1];
      glong score = 0;

      if (name[0] == '\0')
        continue;
      if (strstr (key, name) != NULL)
        score = g_utf8_strlen (name, -1);
      else if (key_length >= 2 && strstr (name, key) != NULL)
        score = key_length;
      if (score == 0 || score < best_score)
        continue;
      if (score > best_score)
        {
          g_ptr_array_set_size (best, 0);
          best_score = score;
        }
      if (!g_ptr_array_find_with_equal_func (best, code, g_str_equal, NULL))
        g_ptr_array_add (best, (gpointer) code);
    }
  for (guint i = 0; i < best->len; i++)
    g_strv_builder_add (builder, best->pdata[i]);
  return g_strv_builder_end (builder);
}

static ZsImportUnmapped *
unmapped_new (const char  *field,
              const char  *label,
              GStrv        candidates,
              GHashTable  *names)
{
  ZsImportUnmapped *unmapped = g_rc_box_new0 (ZsImportUnmapped);
  g_autoptr(GStrvBuilder) candidate_names = g_strv_builder_new ();

  unmapped->field = g_strdup (field);
  unmapped->label = g_strstrip (g_strdup (label));
  unmapped->candidates = candidates;
  for (guint i = 0; candidates[i] != NULL; i++)
    {
      const char *name = g_hash_table_lookup (names, candidates[i]);

      g_strv_builder_add (candidate_names, name ? name : "");
    }
  unmapped->candidate_names = g_strv_builder_end (candidate_names);
  return unmapped;
}

/* One label: as the user mapped it, else the exact code, name or synonym,
 * else the best unique match. NULL with @unmapped set when it names no
 * code or several. */
static char *
resolve_label (ZsImportLookups   *lookups,
               const char        *field,
               const char        *label,
               ZsImportUnmapped **unmapped)
{
  gboolean sectors = g_str_equal (field, "sectors");
  GHashTable *table = sectors ? lookups->sectors : lookups->regions;
  g_autofree char *key = normalize_header (label, FALSE);
  g_autofree char *mapped_key = label_key (field, label);
  const char *code = g_hash_table_lookup (lookups->label_map, mapped_key);
  GStrv candidates;

  if (code != NULL)
    return g_strdup (code);
  code = g_hash_table_lookup (table, key);
  if (code != NULL && strchr (code, '|') == NULL)
    return g_strdup (code);
  if (code != NULL)
    candidates = g_strsplit (code, "|", -1);
  else
    candidates = best_matches (sectors ? lookups->sector_keys : lookups->region_keys, key);
  if (candidates[0] != NULL && candidates[1] == NULL)
    {
      char *only = g_strdup (candidates[0]);

      g_strfreev (candidates);
      return only;
    }
  *unmapped = unmapped_new (field, label, candidates,
                            sectors ? lookups->sector_names : lookups->region_names);
  return NULL;
}

static Resolved *
resolve_sectors (ZsImportLookups *lookups,
                 const char      *text)
{
  g_auto(GStrv) parts = split_list (text);
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  Resolved *resolved = g_new0 (Resolved, 1);

  resolved->unmapped = g_ptr_array_new_with_free_func ((GDestroyNotify) _zs_import_unmapped_unref);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *key = normalize_header (parts[i], FALSE);
      ZsImportUnmapped *unmapped = NULL;
      char *code;

      if (key[0] == '\0')
        continue;
      code = resolve_label (lookups, "sectors", parts[i], &unmapped);
      if (code == NULL)
        g_ptr_array_add (resolved->unmapped, unmapped);
      else if (g_ptr_array_find_with_equal_func (seen, code, g_str_equal, NULL))
        g_free (code);
      else
        {
          g_strv_builder_add (codes, code);
          g_ptr_array_add (seen, code);
        }
    }
  resolved->codes = g_strv_builder_end (codes);
  return resolved;
}

/* The row's unmapped labels are listed, or, if the row must not go without
 * them, the first one refuses it. */
static gboolean
report_unmapped (ZsImportLookups  *lookups,
                 Resolved         *resolved,
                 const char       *unknown,
                 const char       *several,
                 GError          **error)
{
  for (guint i = 0; i < resolved->unmapped->len; i++)
    {
      ZsImportUnmapped *unmapped = resolved->unmapped->pdata[i];

      if (!lookups->keep_unmapped)
        return invalid (error, unmapped->field, unmapped->label,
                        unmapped->candidates[0] != NULL && unmapped->candidates[1] != NULL ? several : unknown);
      g_ptr_array_add (lookups->row_unmapped, _zs_import_unmapped_ref (unmapped));
    }
  return TRUE;
}

static gboolean
parse_sectors (ZsImportLookups  *lookups,
               const char       *text,
               GValue           *value,
               GError          **error)
{
  Resolved *resolved = g_hash_table_lookup (lookups->resolved_sectors, text);
  Resolved *owned = NULL;
  gboolean ok;

  if (resolved == NULL)
    {
      resolved = resolve_sectors (lookups, text);
      if (!remember_resolved (lookups->resolved_sectors, text, resolved))
        owned = resolved;
    }
  ok = report_unmapped (lookups, resolved, _("is not a sector of the taxonomy"),
                        _("names more than one sector; give its code"), error);
  if (ok)
    g_value_set_boxed (value, resolved->codes);
  g_clear_pointer (&owned, resolved_free);
  return ok;
}

static gboolean
all_digits (const char *text)
{
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return text[0] != '\0';
}

static Resolved *
resolve_region (ZsImportLookups *lookups,
                const char      *text)
{
  Resolved *resolved = g_new0 (Resolved, 1);
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  ZsImportUnmapped *unmapped = NULL;
  char *code;

  resolved->unmapped = g_ptr_array_new_with_free_func ((GDestroyNotify) _zs_import_unmapped_unref);
  /* Codes pass through; the store checks their shape. */
  if (all_digits (text))
    code = g_strdup (text);
  else
    code = resolve_label (lookups, "region_code", text, &unmapped);
  if (code != NULL)
    {
      g_strv_builder_add (codes, code);
      g_free (code);
    }
  else
    g_ptr_array_add (resolved->unmapped, unmapped);
  resolved->codes = g_strv_builder_end (codes);
  return resolved;
}

static gboolean
parse_region (ZsImportLookups  *lookups,
              const char       *text,
              GValue           *value,
              GError          **error)
{
  Resolved *resolved = g_hash_table_lookup (lookups->resolved_regions, text);
  Resolved *owned = NULL;

  if (resolved == NULL)
    {
      resolved = resolve_region (lookups, text);
      if (!remember_resolved (lookups->resolved_regions, text, resolved))
        owned = resolved;
    }
  if (resolved->codes[0] != NULL)
    g_value_set_string (value, resolved->codes[0]);
  else if (lookups->keep_unmapped)
    report_unmapped (lookups, resolved, NULL, NULL, error);
  else
    /* as before: the store refuses the text, naming the field */
    g_value_set_string (value, text);
  g_clear_pointer (&owned, resolved_free);
  return TRUE;
}

static gboolean
parse_park (ZsImportLookups  *lookups,
            const char       *text,
            GValue           *value,
            GError          **error)
{
  g_autofree char *key = normalize_header (text, FALSE);
  const char *code = g_hash_table_lookup (lookups->parks, key);

  if (code == NULL || strchr (code, '|') != NULL)
    return invalid (error, "park_code", text, _("is not a known park"));
  g_value_set_string (value, code);
  return TRUE;
}

static const struct {
  GType       (*type) (void);
  const char   *text;
  const char   *nick;
} chinese_nicks[] = {
  { zs_ownership_get_type, "民营", "private" },
  { zs_ownership_get_type, "私营", "private" },
  { zs_ownership_get_type, "私营企业", "private" },
  { zs_ownership_get_type, "民营企业", "private" },
  { zs_ownership_get_type, "国有", "state-owned" },
  { zs_ownership_get_type, "国有企业", "state-owned" },
  { zs_ownership_get_type, "国企", "state-owned" },
  { zs_ownership_get_type, "央企", "state-owned" },
  { zs_ownership_get_type, "外商投资", "foreign-invested" },
  { zs_ownership_get_type, "外资", "foreign-invested" },
  { zs_ownership_get_type, "外商独资", "foreign-invested" },
  { zs_ownership_get_type, "港澳台投资", "hmt-invested" },
  { zs_ownership_get_type, "港澳台", "hmt-invested" },
  { zs_ownership_get_type, "集体", "collective" },
  { zs_ownership_get_type, "集体企业", "collective" },
  { zs_ownership_get_type, "合资", "joint-venture" },
  { zs_ownership_get_type, "中外合资", "joint-venture" },
  { zs_ownership_get_type, "其他", "other" },
  { zs_source_channel_get_type, "直接", "direct" },
  { zs_source_channel_get_type, "以商招商", "referral" },
  { zs_source_channel_get_type, "展会", "fair" },
  { zs_source_channel_get_type, "展会招商", "fair" },
  { zs_source_channel_get_type, "中介", "agency" },
  { zs_source_channel_get_type, "专业招商机构", "agency" },
  { zs_source_channel_get_type, "飞地", "flying-zone" },
  { zs_source_channel_get_type, "异地孵化", "incubation" },
  { zs_source_channel_get_type, "网络", "online" },
  { zs_source_channel_get_type, "其他", "other" },
  { zs_activity_kind_get_type, "拜访", "visit" },
  { zs_activity_kind_get_type, "走访", "visit" },
  { zs_activity_kind_get_type, "电话", "call" },
  { zs_activity_kind_get_type, "会议", "meeting" },
  { zs_activity_kind_get_type, "会谈", "meeting" },
  { zs_activity_kind_get_type, "展会", "fair" },
  { zs_activity_kind_get_type, "邮件", "email" },
};

static gboolean
parse_enum (GType         type,
            const char   *field,
            const char   *text,
            GValue       *value,
            GError      **error)
{
  int parsed;

  for (guint i = 0; i < G_N_ELEMENTS (chinese_nicks); i++)
    if (chinese_nicks[i].type () == type && g_str_equal (chinese_nicks[i].text, text))
      text = chinese_nicks[i].nick;

  if (!zs_enum_from_nick (type, field, text, &parsed, error))
    return FALSE;
  g_value_set_enum (value, parsed);
  return TRUE;
}

static const struct { const char *name; const char *code; } countries[] = {
  { "中国", "CN" }, { "哈萨克斯坦", "KZ" }, { "俄罗斯", "RU" }, { "香港", "HK" }, { "中国香港", "HK" },
  { "澳门", "MO" }, { "中国澳门", "MO" }, { "台湾", "TW" }, { "中国台湾", "TW" }, { "乌兹别克斯坦", "UZ" },
  { "吉尔吉斯斯坦", "KG" }, { "塔吉克斯坦", "TJ" }, { "土库曼斯坦", "TM" }, { "蒙古", "MN" },
  { "德国", "DE" }, { "美国", "US" }, { "日本", "JP" }, { "韩国", "KR" }, { "新加坡", "SG" },
  { "英国", "GB" }, { "法国", "FR" }, { "意大利", "IT" }, { "土耳其", "TR" }, { "巴基斯坦", "PK" },
};

static const char *
country_code (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    if (g_str_equal (countries[i].name, text))
      return countries[i].code;
  return text;
}

/* YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYYMMDD, or an Excel day number. */
static gboolean
parse_date (const char  *field,
            const char  *text,
            GValue      *value,
            GError     **error)
{
  int y = 0, m = 0, d = 0;
  char sep1, sep2, tail;
  char *end = NULL;
  double serial = g_ascii_strtod (text, &end);

  if (end != NULL && *end == '\0' && serial > 20000 && serial < 80000 && strlen (text) != 8)
    {
      g_autoptr(GDate) date = g_date_new_dmy (30, G_DATE_DECEMBER, 1899);

      g_date_add_days (date, (guint) serial);
      y = g_date_get_year (date);
      m = g_date_get_month (date);
      d = g_date_get_day (date);
    }
  else if (!(sscanf (text, "%4d%c%2d%c%2d%c", &y, &sep1, &m, &sep2, &d, &tail) == 5 &&
             sep1 == sep2 && strchr ("-/.", sep1) != NULL) &&
           !(strlen (text) == 8 && sscanf (text, "%4d%2d%2d%c", &y, &m, &d, &tail) == 3))
    y = 0;
  if (!g_date_valid_dmy (d, m, y))
    return invalid (error, field, text, _("is not a date (expected YYYY-MM-DD)"));
  g_value_take_string (value, g_strdup_printf ("%04d-%02d-%02d", y, m, d));
  return TRUE;
}

static gboolean
parse_firm (ZsImportLookups  *lookups,
            const char       *text,
            GValue           *value,
            GError          **error)
{
  g_autofree char *uscc = zs_uscc_normalize (text);
  gint64 id = _zs_store_find_firm_by_uscc (lookups->store, uscc, error);

  if (id == 0)
    id = _zs_store_find_firm_by_name (lookups->store, text, error);
  if (id < 0)
    return FALSE;
  if (id == 0)
    return invalid (error, "firm", text, _("is not the code or name of a firm in the database"));
  g_value_set_int64 (value, id);
  return TRUE;
}

/* The integer a number in a code cell stands for: 9.1440300957988E+17,
 * 9165010090795374E2, 914403009579880284.0. NULL if @code is not written
 * as a number with a point or an exponent, "" if it is not a whole number
 * of sensible length. @exact tells whether every digit was written out
 * (none filled in with zeros by the exponent). */
static char *
number_digits (const char *code,
               gboolean   *exact)
{
  g_autoptr(GString) mantissa = g_string_new (NULL);
  g_autoptr(GString) digits = NULL;
  const char *p = code;
  gboolean point = FALSE;
  glong integer_digits = 0, exponent = 0, at;
  char *end = NULL;

  for (; g_ascii_isdigit (*p) || (*p == '.' && !point); p++)
    if (*p == '.')
      point = TRUE;
    else
      {
        g_string_append_c (mantissa, *p);
        integer_digits += point ? 0 : 1;
      }
  if (mantissa->len == 0 || (*p != 'E' && *p != '\0') || (*p == '\0' && !point))
    return NULL;
  if (*p == 'E')
    {
      if (!(g_ascii_isdigit (p[1]) || ((p[1] == '+' || p[1] == '-') && g_ascii_isdigit (p[2]))))
        return NULL;
      exponent = strtol (p + 1, &end, 10);
      if (*end != '\0')
        return NULL;
      if (exponent > 64 || exponent < -64)
        return g_strdup ("");
    }
  at = integer_digits + exponent;  /* digits before the point */
  if (at < 0)
    at = 0;
  for (glong i = at; i < (glong) mantissa->len; i++)
    if (mantissa->str[i] != '0')
      return g_strdup ("");  /* a fraction */
  digits = g_string_new_len (mantissa->str, MIN (at, (glong) mantissa->len));
  *exact = at <= (glong) mantissa->len;
  while ((glong) digits->len < at)
    g_string_append_c (digits, '0');
  while (digits->len > 1 && digits->str[0] == '0')
    g_string_erase (digits, 0, 1);
  return g_string_free (g_steal_pointer (&digits), FALSE);
}

/* An 18-digit text that is exactly a double's value: what a spreadsheet
 * writes for a code it held as a number and rounded (a code rarely is). */
static gboolean
rounded_by_float (const char *code)
{
  char printed[64];
  double number = g_ascii_strtod (code, NULL);

  g_snprintf (printed, sizeof printed, "%.0f", number);
  return number >= 9007199254740992.0 && g_str_equal (printed, code);
}

/* A code column that a spreadsheet took for numbers is read back exactly
 * when the number still holds every digit; otherwise the row is refused
 * with the cause and the fix. */
static gboolean
parse_uscc (const char  *text,
            GValue      *value,
            GError     **error)
{
  g_autofree char *code = zs_uscc_normalize (text);
  gboolean exact = FALSE;
  g_autofree char *digits = number_digits (code, &exact);

  if (digits == NULL)
    {
      if (strlen (code) == 18 && all_digits (code) && !zs_uscc_validate (code, NULL) && rounded_by_float (code))
        digits = g_strdup ("");
      else
        {
          g_value_take_string (value, g_steal_pointer (&code));
          return TRUE;
        }
    }
  if (strlen (digits) == 18 && (exact || zs_uscc_validate (digits, NULL)))
    {
      g_value_take_string (value, g_steal_pointer (&digits));
      return TRUE;
    }
  return invalid (error, "uscc", text,
                  _("was turned into a number by a spreadsheet, which lost digits of the code; "
                    "format the column as text in the spreadsheet and paste the codes again"));
}

/**
 * _zs_import_parse_value:
 *
 * Parses @text for @field into @value, initialised to the property's type.
 * The error names the field and the text.
 */
gboolean
_zs_import_parse_value (ZsImportLookups      *lookups,
                        const ZsImportField  *field,
                        const char           *text,
                        GValue               *value,
                        GError              **error)
{
  double number;

  switch (field->kind)
    {
    case ZS_IMPORT_KIND_NUMBER:
      if (!parse_amount (field->field, text, &number, error))
        return FALSE;
      g_value_set_double (value, number);
      return TRUE;
    case ZS_IMPORT_KIND_INTEGER:
      if (!parse_amount (field->field, text, &number, error))
        return FALSE;
      if (number != (int) number)
        return invalid (error, field->field, text, _("is not a whole number"));
      g_value_set_int (value, (int) number);
      return TRUE;
    case ZS_IMPORT_KIND_USCC:
      return parse_uscc (text, value, error);
    case ZS_IMPORT_KIND_SECTORS:
      return parse_sectors (lookups, text, value, error);
    case ZS_IMPORT_KIND_REGION:
      return parse_region (lookups, text, value, error);
    case ZS_IMPORT_KIND_PARK:
      return parse_park (lookups, text, value, error);
    case ZS_IMPORT_KIND_COUNTRY:
      g_value_set_string (value, country_code (text));
      return TRUE;
    case ZS_IMPORT_KIND_OWNERSHIP:
    case ZS_IMPORT_KIND_CHANNEL:
    case ZS_IMPORT_KIND_ACTIVITY_KIND:
      return parse_enum (G_VALUE_TYPE (value), field->field, text, value, error);
    case ZS_IMPORT_KIND_STAGE:
      {
        ZsStage stage;

        if (!zs_stage_parse (text, &stage, error))
          return FALSE;
        g_value_set_enum (value, stage);
        return TRUE;
      }
    case ZS_IMPORT_KIND_DATE:
      return parse_date (field->field, text, value, error);
    case ZS_IMPORT_KIND_FIRM:
      return parse_firm (lookups, text, value, error);
    case ZS_IMPORT_KIND_TEXT:
    case ZS_IMPORT_KIND_EXTRA:
    case ZS_IMPORT_KIND_IGNORED:
    default:
      g_value_set_string (value, text);
      return TRUE;
    }
}
