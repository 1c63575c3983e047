/* SPDX-License-Identifier: MIT */
/* score-private.h: the evaluator's internals, shared by its files and the roster writer. */
#ifndef ROTA_SCORE_PRIVATE_H
#define ROTA_SCORE_PRIVATE_H

#include "roster-private.h"

/* Append the roster file's "score" object ({"hard", "soft", "terms"}) and
 * its "violations" array, laid out as roster-json.c writes them (each term
 * and each violation one line, indented by indent spaces). */
void rotap_score_append_json(GString *out, const RotaScore *score, int indent);
void rotap_violations_append_json(GString *out, const RotaScore *score, int indent);

/*
 * Layout of the two appenders above, precisely: the value starts where the
 * caller left off (after "key": ); each term or violation is one line
 * indented by indent spaces; the closing bracket goes on its own line
 * indented by indent - 2 spaces; nothing follows it (no comma, no newline).
 * With no terms or no violations the array is written "[]" inline.
 */

/*
 * The constraint names in the order of docs/model-json.md: every hard name, then
 * every soft one.  Terms, violations and the solver's incremental score
 * all use this order.
 */
typedef enum {
    ROTAP_TERM_OFF,
    ROTAP_TERM_ELIGIBILITY,
    ROTAP_TERM_DOUBLE_BOOKING,
    ROTAP_TERM_OVER_MAX,
    ROTAP_TERM_MIN_REST,
    ROTAP_TERM_FORBIDDEN_SUCCESSION,
    ROTAP_TERM_MAX_SHIFTS,
    ROTAP_TERM_MIN_MINUTES,
    ROTAP_TERM_MAX_MINUTES,
    ROTAP_TERM_MAX_SHIFTS_WEEK,
    ROTAP_TERM_MAX_MINUTES_WEEK,
    ROTAP_TERM_MIN_CONSECUTIVE,
    ROTAP_TERM_MAX_CONSECUTIVE,
    ROTAP_TERM_MIN_DAYS_OFF,
    ROTAP_TERM_MAX_WEEKENDS,
    ROTAP_TERM_ONSITE_MISSING,
    ROTAP_TERM_ONSITE_UNSTAFFED,
    ROTAP_TERM_ONSITE_EXTRA,
    ROTAP_TERM_LOCKED,
    ROTAP_TERM_UNCOVERED, /* the first soft term */
    ROTAP_TERM_OVER,
    ROTAP_TERM_QUOTA,
    ROTAP_TERM_DEPUTY_ONSITE,
    ROTAP_TERM_REQUEST,
    ROTAP_TERM_FAIRNESS,
    ROTAP_TERM_CHANGE,
    ROTAP_N_TERMS
} RotapTerm;

#define ROTAP_TERM_IS_HARD(term) ((term) < ROTAP_TERM_UNCOVERED)

/* "off", "eligibility", ... as docs/model-json.md spells them (static strings). */
const char *rotap_term_name(RotapTerm term);

/* Why a violation happened, where a name has several causes (arg[0]). */
typedef enum {
    ROTAP_WHY_NOT_ELIGIBLE,    /* eligibility: not in the cell's who/owner list */
    ROTAP_WHY_NO_CELL,         /* eligibility: the duty does not run there */
    ROTAP_WHY_NOT_HEAD,        /* eligibility: on-site by neither head nor deputy */
    ROTAP_WHY_NO_OWNER,        /* eligibility: on-site at a segment no unit owns */
    ROTAP_WHY_ALL_OFF,         /* onsite_unstaffed: head and every deputy off */
    ROTAP_WHY_NO_HEAD_ALL_OFF, /* onsite_unstaffed: no head, every deputy off */
    ROTAP_WHY_NOBODY           /* onsite_unstaffed: neither head nor deputy */
} RotapWhy;

/*
 * One violation as the checks record it: the public fields, the term, and
 * up to four figures that only the message needs (their meaning depends on
 * the term; see score-messages.c).  seq keeps the sort total.
 */
typedef struct {
    RotaViolation v;
    RotapTerm term;
    gboolean onsite_duty; /* v.duty is ROTA_DUTY_ONSITE, not "none" */
    int seq;
    gint64 arg[4];
} RotapFinding;

struct _RotaScore {
    gint extra_refs; /* references beyond the owner's: rotap_extra_ref() */
    RotaModel *model; /* a reference: ids for messages and JSON */
    int hard;
    gint64 soft;
    int term_count[ROTAP_N_TERMS];      /* by RotapTerm */
    gint64 term_penalty[ROTAP_N_TERMS]; /* by RotapTerm */
    int n_terms;
    RotapTerm terms[ROTAP_N_TERMS]; /* the terms that occur, in order */
    GArray *findings;               /* RotapFinding, in violation order */
    GStringChunk *text;             /* the messages; NULL without messages */
};

/*
 * A roster's assignments grouped by (person, day): with g = p * n_days + d,
 * the assignments of person p on day d are list[start[g] .. start[g + 1] - 1]
 * (indices into asg), in time order (shift start, then shift id, segment
 * id and duty), so that the result never depends on the roster's order.
 */
typedef struct {
    const RotaAssignment *asg;
    int n_asg;
    int *start; /* n_people * n_days + 1 */
    int *list;  /* n_asg */
} RotapPersonDays;

/* The working state of one evaluation, shared by the check files. */
typedef struct {
    const RotaModel *model;
    RotapPersonDays pd;
    RotapPersonDays prev; /* the previous roster's, or all NULL */
    gboolean has_prev;
    int *cell_of;    /* by assignment: its cell, -1 for on-site ones */
    gint64 *minutes; /* by person: non-on-site duty minutes (fairness) */
    GArray *findings;
    struct _RotapFreeCheck *free_check; /* for the free counts of messages, or NULL */
} RotapScoreCtx;

static inline int
rotap_pd_begin(const RotapPersonDays *pd, const RotaModel *model, int person, int day)
{
    return pd->start[(gsize)person * model->n_days + day];
}

static inline int
rotap_pd_end(const RotapPersonDays *pd, const RotaModel *model, int person, int day)
{
    return pd->start[(gsize)person * model->n_days + day + 1];
}

/* Record a violation with every index -1 and no figures; the caller fills
 * in what applies.  The pointer is valid until the next record. */
RotapFinding *rotap_score_record(RotapScoreCtx *ctx, RotapTerm term, gint64 penalty);
/* Record a violation about one assignment (its day, shift, segment,
 * person and duty). */
RotapFinding *rotap_score_record_assignment(RotapScoreCtx *ctx, RotapTerm term,
                                            gint64 penalty, const RotaAssignment *a);

/* The checks, each adding its findings to ctx (see docs/concepts.md). */
void rotap_score_check_cells(RotapScoreCtx *ctx);  /* eligibility, over_max, uncovered,
                                                      over, quota */
void rotap_score_check_people(RotapScoreCtx *ctx); /* off, double_booking, rest,
                                                      successions, limits, runs,
                                                      weekends */
void rotap_score_check_wishes(RotapScoreCtx *ctx); /* request, fairness */
void rotap_score_check_onsite(RotapScoreCtx *ctx); /* on-site eligibility and the
                                                      on-site hour */
/* locked and change, against ctx->prev. */
void rotap_score_check_changes(RotapScoreCtx *ctx);

/*
 * Whether person could take one more place in cell on day without a new
 * hard violation, judged on the roster of ctx alone (score-free.c): the
 * day free, the cell due, the person eligible and not off, and no hard
 * term's count or size raised.  Built for the "eligible people free"
 * figure of uncovered places; ctx must outlive it.
 */
typedef struct _RotapFreeCheck RotapFreeCheck;
RotapFreeCheck *rotap_free_check_new(const RotapScoreCtx *ctx);
void rotap_free_check_free(RotapFreeCheck *fc);
gboolean rotap_free_check_can_take(RotapFreeCheck *fc, int cell, int person, int day);

/* Eligible people free for an uncovered cell (its message) by
 * ctx->free_check, memoised in memo, made by rotap_score_free_memo_new()
 * and owned by the caller. */
GHashTable *rotap_score_free_memo_new(void);
int rotap_score_count_free(const RotapScoreCtx *ctx, int cell, GHashTable *memo);

/* Write the English and Chinese message of every finding of score. */
void rotap_score_write_messages(RotaScore *score, const RotapScoreCtx *ctx);

/*
 * rota_score_new() without the messages (message fields NULL): the same
 * totals, terms and violations, for checking incremental scores in bulk.
 */
RotaScore *rotap_score_new_without_messages(const RotaRoster *roster,
                                            const RotaRoster *previous);

/*
 * An evaluation's working state with every check run (findings unsorted),
 * for tests that ask score-free.c about a roster; free it with
 * rotap_score_ctx_free().
 */
RotapScoreCtx *rotap_score_ctx_new(const RotaRoster *roster, const RotaRoster *previous);
void rotap_score_ctx_free(RotapScoreCtx *ctx);

#endif
