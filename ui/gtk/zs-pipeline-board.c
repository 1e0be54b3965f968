/* zs-pipeline-board.c: the projects as cards in one column per stage
 *
 * A card moves to another stage by drag and drop onto a column or by the
 * “Move to…” menu on the card; both go through zs_store_move_project(),
 * asking for a reason where the stage needs one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "zs-pipeline-board.h"
#include "zs-gtk-util-private.h"
#include "zs-stage-move-dialog.h"

#define N_STAGES (ZS_STAGE_LOST + 1)
/* A column shows the oldest projects of its stage and says how many more. */
#define MAX_CARDS 50
/* Ten columns of this fit beside the sidebar in a 1400 px window. */
#define COLUMN_MIN_WIDTH 104

typedef struct
{
  GtkLabel   *title;
  GtkLabel   *figures;   /* the projects and their investment */
  GtkListBox *cards;
  GtkLabel   *more;
  GArray     *project_ids;
  gint64      total;
  double      planned;
  double      realised;
} Column;

typedef struct
{
  gint64 count;
  double planned;
  double realised;
} StageSum;

struct _ZsPipelineBoard
{
  GtkWidget   parent_instance;

  ZsStore    *store;
  char       *park;
  GHashTable *firm_names;   /* id → name, of the firms on cards */
  GCancellable *cancellable;
  Column      columns[N_STAGES];
  guint       reload_id;
};

G_DEFINE_FINAL_TYPE (ZsPipelineBoard, zs_pipeline_board, GTK_TYPE_WIDGET)

/* Read with the projects, off the main thread. */
static const char *
firm_name (ZsPipelineBoard *self,
           gint64           firm_id)
{
  const char *name = g_hash_table_lookup (self->firm_names, &firm_id);

  return name != NULL ? name : "";
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 gpointer       user_data)
{
  gint64 id = GPOINTER_TO_SIZE (user_data);

  return gdk_content_provider_new_typed (G_TYPE_INT64, id);
}

static GMenuModel *
create_move_menu (gint64 project_id)
{
  GMenu *menu = g_menu_new ();

  for (ZsStage stage = ZS_STAGE_LEAD; stage <= ZS_STAGE_LOST; stage++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (zs_stage_get_label (stage), NULL);

      g_menu_item_set_action_and_target (item, "board.move", "(xs)", project_id,
                                         zs_enum_to_nick (ZS_TYPE_STAGE, stage));
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

static char *
format_investment (double wan)
{
  /* Translators: an amount in 10,000 yuan (万元) */
  return g_strdup_printf (_("%.0f ×10k yuan"), wan);
}

static GtkWidget *
create_card (ZsPipelineBoard *self,
             ZsProject       *project)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *title = gtk_label_new (zs_project_get_title (project));
  GtkWidget *firm = gtk_label_new (firm_name (self, zs_project_get_firm_id (project)));
  g_autofree char *amount = format_investment (zs_project_get_planned_investment (project));
  GtkWidget *money = gtk_label_new (amount);
  GtkWidget *menu_button = gtk_menu_button_new ();
  g_autoptr(GMenuModel) menu = create_move_menu (zs_project_get_id (project));
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), menu);
  zs_gtk_set_tooltip (menu_button, _("Move to…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Move to…"), -1);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_valign (menu_button, GTK_ALIGN_END);

  gtk_label_set_xalign (GTK_LABEL (firm), 0);
  gtk_label_set_ellipsize (GTK_LABEL (firm), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (firm, gtk_label_get_label (GTK_LABEL (firm)));
  gtk_widget_add_css_class (firm, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (money), 0);
  /* an amount breaks between number and unit, never inside the number */
  gtk_label_set_wrap (GTK_LABEL (money), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (money), PANGO_WRAP_WORD);
  gtk_widget_set_hexpand (money, TRUE);
  gtk_widget_add_css_class (money, "caption");
  gtk_widget_add_css_class (money, "numeric");
  /* the menu under the title, so that the title has the card's width */
  gtk_box_append (GTK_BOX (bottom), money);
  gtk_box_append (GTK_BOX (bottom), menu_button);

  gtk_box_append (GTK_BOX (card), title);
  gtk_box_append (GTK_BOX (card), firm);
  gtk_box_append (GTK_BOX (card), bottom);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_hexpand (card, TRUE);
  g_object_set (card, "margin-start", 3, "margin-end", 3, "margin-top", 3, "margin-bottom", 3, NULL);
  g_object_set (title, "margin-start", 6, "margin-end", 6, "margin-top", 6, NULL);
  gtk_widget_set_margin_start (firm, 6);
  gtk_widget_set_margin_end (firm, 6);
  gtk_widget_set_margin_start (bottom, 6);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb),
                    GSIZE_TO_POINTER (zs_project_get_id (project)));
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (source));
  return card;
}

static void
clear_column (Column *column)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (column->cards))) != NULL)
    gtk_list_box_remove (column->cards, child);
  g_array_set_size (column->project_ids, 0);
}

/* What a reload reads, in a worker. */
typedef struct
{
  char       *park;
  GHashTable *sums;                 /* stage nick → StageSum */
  GPtrArray  *projects[N_STAGES];   /* the cards of each column */
  GHashTable *firm_names;           /* firm id → name, of the cards */
} BoardData;

static void
board_data_free (BoardData *data)
{
  g_free (data->park);
  g_clear_pointer (&data->sums, g_hash_table_unref);
  for (guint i = 0; i < N_STAGES; i++)
    g_clear_pointer (&data->projects[i], g_ptr_array_unref);
  g_clear_pointer (&data->firm_names, g_hash_table_unref);
  g_free (data);
}

static GHashTable *
sum_by_stage (ZsStore     *store,
              const char  *park,
              GError     **error)
{
  g_autoptr(GVariant) rows = zs_store_sum_projects_by_stage (store, park, error);
  GHashTable *sums;
  GVariantIter iter;
  const char *stage;
  StageSum sum;

  if (rows == NULL)
    return NULL;
  sums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_variant_iter_init (&iter, rows);
  while (g_variant_iter_next (&iter, "{&s(xdd)}", &stage, &sum.count, &sum.planned, &sum.realised))
    g_hash_table_insert (sums, g_strdup (stage), g_memdup2 (&sum, sizeof sum));
  return sums;
}

static gboolean
read_firm_names (ZsStore    *store,
                 GPtrArray  *projects,
                 GHashTable *names,
                 GError    **error)
{
  for (guint i = 0; i < projects->len; i++)
    {
      gint64 firm_id = zs_project_get_firm_id (g_ptr_array_index (projects, i));
      g_autoptr(ZsFirm) firm = NULL;

      if (firm_id == 0 || g_hash_table_contains (names, &firm_id))
        continue;
      if ((firm = zs_store_get_firm (store, firm_id, error)) == NULL)
        return FALSE;
      g_hash_table_insert (names, g_memdup2 (&firm_id, sizeof firm_id), g_strdup (zs_firm_get_name (firm)));
    }
  return TRUE;
}

/* In a worker: the sums per stage, each column's first cards and their firms' names. */
static gpointer
read_board (ZsStore       *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  BoardData *board = data;

  if ((board->sums = sum_by_stage (store, board->park, error)) == NULL)
    return NULL;
  board->firm_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (ZsStage stage = ZS_STAGE_LEAD; stage <= ZS_STAGE_LOST; stage++)
    {
      const char *nick = zs_enum_to_nick (ZS_TYPE_STAGE, stage);

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          (board->projects[stage] = zs_store_list_projects (store, 0, nick, board->park, 0, MAX_CARDS, error)) == NULL ||
          !read_firm_names (store, board->projects[stage], board->firm_names, error))
        return NULL;
    }
  /* the result is the task data, kept until shown */
  return board;
}

/* The column's heading: how many projects and how much they invest. */
static void
show_figures (Column  *column,
              ZsStage  stage)
{
  g_autofree char *title = NULL;
  g_autofree char *figures = NULL;
  g_autofree char *planned = format_investment (column->planned);
  g_autofree char *realised = format_investment (column->realised);

  /* Translators: a column of the pipeline board: stage name and number of projects */
  title = g_strdup_printf (_("%s (%" PRId64 ")"), zs_stage_get_label (stage), column->total);
  gtk_label_set_label (column->title, title);
  /* Translators: under a pipeline column's name with its number of
   * projects: their planned and realised investment, each an amount such
   * as “20900 ×10k yuan” */
  figures = g_strdup_printf (_("Planned %s\nRealised %s"), planned, realised);
  gtk_label_set_label (column->figures, figures);
}

static void
fill_column (ZsPipelineBoard *self,
             ZsStage          stage,
             BoardData       *board)
{
  Column *column = &self->columns[stage];
  StageSum *sum = g_hash_table_lookup (board->sums, zs_enum_to_nick (ZS_TYPE_STAGE, stage));
  GPtrArray *projects = board->projects[stage];
  g_autofree char *more = NULL;

  clear_column (column);
  column->total = sum != NULL ? sum->count : 0;
  column->planned = sum != NULL ? sum->planned : 0;
  column->realised = sum != NULL ? sum->realised : 0;
  for (guint i = 0; i < projects->len; i++)
    {
      ZsProject *project = g_ptr_array_index (projects, i);
      gint64 id = zs_project_get_id (project);

      gtk_list_box_append (column->cards, create_card (self, project));
      g_array_append_val (column->project_ids, id);
    }

  show_figures (column, stage);
  more = g_strdup_printf (ngettext ("and %d more", "and %d more", (int) (column->total - column->project_ids->len)),
                          (int) (column->total - column->project_ids->len));
  gtk_label_set_label (column->more, more);
  gtk_widget_set_visible (GTK_WIDGET (column->more), column->total > column->project_ids->len);
}

static void
show_board (gpointer      owner,
            gpointer      result,
            const GError *error)
{
  ZsPipelineBoard *self = owner;
  BoardData *board = result;

  if (error != NULL)
    {
      zs_gtk_show_error (GTK_WIDGET (self), _("Cannot list the projects"), error);
      return;
    }
  g_hash_table_remove_all (self->firm_names);
  {
    GHashTableIter iter;
    gpointer id, name;

    g_hash_table_iter_init (&iter, board->firm_names);
    while (g_hash_table_iter_next (&iter, &id, &name))
      g_hash_table_insert (self->firm_names, g_memdup2 (id, sizeof (gint64)), g_strdup (name));
  }
  for (ZsStage stage = ZS_STAGE_LEAD; stage <= ZS_STAGE_LOST; stage++)
    fill_column (self, stage, board);
}

/**
 * zs_pipeline_board_reload:
 * @self: a #ZsPipelineBoard
 *
 * Reads the projects again, off the main thread; done by itself when the
 * store changes.
 */
void
zs_pipeline_board_reload (ZsPipelineBoard *self)
{
  BoardData *board;

  g_return_if_fail (ZS_IS_PIPELINE_BOARD (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  board = g_new0 (BoardData, 1);
  board->park = g_strdup (self->park);
  zs_gtk_read_in_thread (self, &self->cancellable, self->store, read_board, board,
                         (GDestroyNotify) board_data_free, show_board, NULL);
}

/* TRUE while a read is pending: tests wait for it. */
gboolean
zs_pipeline_board_is_loading (ZsPipelineBoard *self)
{
  g_return_val_if_fail (ZS_IS_PIPELINE_BOARD (self), FALSE);
  return self->cancellable != NULL || self->reload_id != 0;
}

static void
store_changed_cb (ZsPipelineBoard *self,
                  const char      *entity,
                  gint64           id,
                  ZsChangeKind     kind)
{
  if (self->reload_id == 0 && (g_strcmp0 (entity, "project") == 0 || g_strcmp0 (entity, "firm") == 0))
    zs_gtk_queue_reload (&self->reload_id, (ZsGtkReloadFunc) zs_pipeline_board_reload, self);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  ZsPipelineBoard *self = g_object_get_data (G_OBJECT (target), "board");

  zs_pipeline_board_drop (self, g_value_get_int64 (value), GPOINTER_TO_INT (user_data));
  return TRUE;
}

static GtkWidget *
create_column (ZsPipelineBoard *self,
               ZsStage          stage)
{
  Column *column = &self->columns[stage];
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);

  column->project_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  column->title = GTK_LABEL (gtk_label_new (zs_stage_get_label (stage)));
  gtk_widget_add_css_class (GTK_WIDGET (column->title), "heading");
  gtk_label_set_wrap (column->title, TRUE);
  gtk_label_set_wrap_mode (column->title, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (column->title, GTK_JUSTIFY_CENTER);
  column->figures = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (column->figures, TRUE);
  gtk_label_set_wrap_mode (column->figures, PANGO_WRAP_WORD);
  gtk_label_set_justify (column->figures, GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (column->figures), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (column->figures), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (column->figures), "dim-label");
  column->cards = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (column->cards, GTK_SELECTION_NONE);
  /* the cards take the column's width */
  gtk_widget_add_css_class (GTK_WIDGET (column->cards), "background");
  column->more = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (column->more), "dim-label");

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (column->cards));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (column->title));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (column->figures));
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (column->more));
  gtk_widget_set_size_request (box, COLUMN_MIN_WIDTH, -1);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_add_css_class (box, "view");
  g_object_set (box, "margin-top", 6, "margin-bottom", 6, NULL);

  g_object_set_data (G_OBJECT (target), "board", self);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), GINT_TO_POINTER (stage));
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (target));
  return box;
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ZsPipelineBoard *self = ZS_PIPELINE_BOARD (widget);
  const char *nick;
  gint64 id;
  ZsStage stage;

  g_variant_get (parameter, "(x&s)", &id, &nick);
  if (zs_stage_parse (nick, &stage, NULL))
    zs_pipeline_board_drop (self, id, stage);
}

static void
zs_pipeline_board_dispose (GObject *object)
{
  ZsPipelineBoard *self = ZS_PIPELINE_BOARD (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  zs_gtk_unparent_children (GTK_WIDGET (self));
  zs_gtk_clear_connected (&self->store, self);
  for (guint i = 0; i < N_STAGES; i++)
    g_clear_pointer (&self->columns[i].project_ids, g_array_unref);

  G_OBJECT_CLASS (zs_pipeline_board_parent_class)->dispose (object);
}

static void
zs_pipeline_board_finalize (GObject *object)
{
  ZsPipelineBoard *self = ZS_PIPELINE_BOARD (object);

  g_free (self->park);
  g_hash_table_unref (self->firm_names);

  G_OBJECT_CLASS (zs_pipeline_board_parent_class)->finalize (object);
}

static void
zs_pipeline_board_class_init (ZsPipelineBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zs_pipeline_board_dispose;
  object_class->finalize = zs_pipeline_board_finalize;

  gtk_widget_class_install_action (widget_class, "board.move", "(xs)", move_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
zs_pipeline_board_init (ZsPipelineBoard *self)
{
  self->firm_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

/**
 * zs_pipeline_board_new:
 * @store: the store
 *
 * Returns: (transfer floating): the board
 */
GtkWidget *
zs_pipeline_board_new (ZsStore *store)
{
  ZsPipelineBoard *self;
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  g_return_val_if_fail (ZS_IS_STORE (store), NULL);

  self = g_object_new (ZS_TYPE_PIPELINE_BOARD, NULL);
  self->store = g_object_ref (store);
  /* every column as wide as the others, sharing the window's width */
  gtk_box_set_homogeneous (GTK_BOX (row), TRUE);
  for (ZsStage stage = ZS_STAGE_LEAD; stage <= ZS_STAGE_LOST; stage++)
    gtk_box_append (GTK_BOX (row), create_column (self, stage));
  gtk_widget_set_margin_start (row, 6);
  gtk_widget_set_margin_end (row, 6);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), row);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_widget_set_parent (scroller, GTK_WIDGET (self));

  g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
  zs_pipeline_board_reload (self);
  return GTK_WIDGET (self);
}

/**
 * zs_pipeline_board_set_park:
 * @self: a #ZsPipelineBoard
 * @park: (nullable): only the projects in this park
 */
void
zs_pipeline_board_set_park (ZsPipelineBoard *self,
                            const char      *park)
{
  g_return_if_fail (ZS_IS_PIPELINE_BOARD (self));

  if (park != NULL && park[0] == '\0')
    park = NULL;
  if (g_strcmp0 (self->park, park) == 0)
    return;
  g_free (self->park);
  self->park = g_strdup (park);
  zs_pipeline_board_reload (self);
}

/**
 * zs_pipeline_board_get_n_cards:
 * @self: a #ZsPipelineBoard
 * @stage: a column
 *
 * Returns: how many cards the column shows
 */
guint
zs_pipeline_board_get_n_cards (ZsPipelineBoard *self,
                               ZsStage          stage)
{
  g_return_val_if_fail (ZS_IS_PIPELINE_BOARD (self), 0);
  g_return_val_if_fail (stage < N_STAGES, 0);

  return self->columns[stage].project_ids->len;
}

/**
 * zs_pipeline_board_get_total:
 * @self: a #ZsPipelineBoard
 * @stage: a column
 *
 * Returns: how many projects are at @stage, shown or not
 */
gint64
zs_pipeline_board_get_total (ZsPipelineBoard *self,
                             ZsStage          stage)
{
  g_return_val_if_fail (ZS_IS_PIPELINE_BOARD (self), 0);
  g_return_val_if_fail (stage < N_STAGES, 0);

  return self->columns[stage].total;
}

/**
 * zs_pipeline_board_get_planned:
 * @self: a #ZsPipelineBoard
 * @stage: a column
 * @realised: (out) (optional): the realised investment of its projects
 *
 * Returns: the planned investment (万元) of the projects at @stage
 */
double
zs_pipeline_board_get_planned (ZsPipelineBoard *self,
                               ZsStage          stage,
                               double          *realised)
{
  g_return_val_if_fail (ZS_IS_PIPELINE_BOARD (self), 0);
  g_return_val_if_fail (stage < N_STAGES, 0);

  if (realised != NULL)
    *realised = self->columns[stage].realised;
  return self->columns[stage].planned;
}

/**
 * zs_pipeline_board_get_title_text:
 * @self: a #ZsPipelineBoard
 * @stage: a column
 *
 * Returns: the column's name with its number of projects
 */
const char *
zs_pipeline_board_get_title_text (ZsPipelineBoard *self,
                                  ZsStage          stage)
{
  g_return_val_if_fail (ZS_IS_PIPELINE_BOARD (self), NULL);
  g_return_val_if_fail (stage < N_STAGES, NULL);

  return gtk_label_get_label (self->columns[stage].title);
}

/**
 * zs_pipeline_board_get_figures_text:
 * @self: a #ZsPipelineBoard
 * @stage: a column
 *
 * Returns: what the column says under its name
 */
const char *
zs_pipeline_board_get_figures_text (ZsPipelineBoard *self,
                                    ZsStage          stage)
{
  g_return_val_if_fail (ZS_IS_PIPELINE_BOARD (self), NULL);
  g_return_val_if_fail (stage < N_STAGES, NULL);

  return gtk_label_get_label (self->columns[stage].figures);
}

/**
 * zs_pipeline_board_get_card_project:
 * @self: a #ZsPipelineBoard
 * @stage: a column
 * @index: a card of it
 *
 * Returns: the id of the project on the card
 */
gint64
zs_pipeline_board_get_card_project (ZsPipelineBoard *self,
                                    ZsStage          stage,
                                    guint            index)
{
  g_return_val_if_fail (ZS_IS_PIPELINE_BOARD (self), 0);
  g_return_val_if_fail (stage < N_STAGES, 0);
  g_return_val_if_fail (index < self->columns[stage].project_ids->len, 0);

  return g_array_index (self->columns[stage].project_ids, gint64, index);
}

/**
 * zs_pipeline_board_drop:
 * @self: a #ZsPipelineBoard
 * @project_id: the project of a card
 * @stage: the column it was dropped on, or chosen in its menu
 *
 * Moves the project, asking for a reason where @stage needs one.
 *
 * Returns: (transfer none) (nullable): the dialog asking, if any
 */
GtkWindow *
zs_pipeline_board_drop (ZsPipelineBoard *self,
                        gint64           project_id,
                        ZsStage          stage)
{
  g_autoptr(ZsProject) project = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ZS_IS_PIPELINE_BOARD (self), NULL);

  /* Dropping a card back on its own column is no move. */
  project = zs_store_get_project (self->store, project_id, &error);
  if (project == NULL)
    zs_gtk_show_error (GTK_WIDGET (self), _("Cannot move the project"), error);
  if (project == NULL || zs_project_get_stage (project) == stage)
    return NULL;
  return zs_stage_move_dialog_move_project (GTK_WIDGET (self), self->store, project_id, stage);
}
