/* units.c: the unit of a table that declares none, from what the report
 * shows: the heading of its section ("Driftredovisning, tkr"), the
 * report's own word on the unit of its figures ("Om inte annat anges
 * redovisas alla belopp i tusental kronor"), the convention that a
 * financial statement without a unit is in kronor, and a relation that
 * holds with another table only when the two are read in related units.
 * A table whose rows carry units of their own (a key-figure table of
 * amounts, shares and kr/kvm) or that holds counts has no one unit. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "table.h"
#include "util.h"

void units_set(table *t, const char *unit, char *evidence)
{
    free(t->unit_effective);
    t->unit_effective = unit ? xstrdup(unit) : NULL;
    free(t->unit_evidence);
    t->unit_evidence = evidence;
}

/* Rows or columns with a unit of their own, or counts: no one unit. */
static bool has_mixed_units(const table *t)
{
    if (t->counts)
        return true;
    for (size_t r = 0; r < t->n_rows; r++)
        if (t->rows[r].unit || t->rows[r].counts == COUNT_WHOLE)
            return true;
    for (size_t k = 0; k < t->n_columns; k++)
        if (t->columns[k].unit || t->columns[k].counts == COUNT_WHOLE)
            return true;
    return false;
}

/* Every figure in whole kronor or öre (no decimals, or two). */
static bool printed_in_kronor(const table *t)
{
    size_t figures = 0;
    for (size_t r = 0; r < t->n_rows; r++)
        for (size_t k = 0; k < t->n_columns; k++) {
            const table_cell *c = &t->rows[r].cells[k];
            if (!c->has_value)
                continue;
            if (c->decimals != 0 && c->decimals != 2)
                return false;
            figures++;
        }
    return figures > 0;
}

/* A financial statement or a note: by its title, or by the heading of
 * the section it stands in (a note's table under "Not 2 Nettoomsättning"). */
static bool is_statement(const table *t, const arsred_patterns *patterns)
{
    if (table_text_matches(patterns, "table.key-figures", t->title))
        return false;
    return table_text_matches(patterns, "table.statement", t->title) ||
           table_text_matches(patterns, "table.statement", t->section);
}

void units_from_report(arsred_document *doc, const arsred_patterns *patterns)
{
    for (size_t i = 0; i < doc->n_tables; i++) {
        table *t = &doc->tables[i];
        if (t->unit_effective) {
            if (!t->unit_evidence)
                t->unit_evidence = xstrdup("declared");
            continue;
        }
        if (has_mixed_units(t))
            continue;
        const char *section_unit = table_unit_in(t->section, patterns);
        strbuf sb;
        strbuf_init(&sb);
        if (section_unit && strcmp(section_unit, "%") != 0) {
            strbuf_addf(&sb, "the heading of its section (\"%s\")", t->section);
            units_set(t, section_unit, strbuf_take(&sb));
        } else if (!is_statement(t, patterns)) {
            strbuf_release(&sb);
        } else if (doc->default_unit) {
            strbuf_addf(&sb, "the report's own word on its figures (page %d)",
                        doc->default_unit_page);
            units_set(t, doc->default_unit, strbuf_take(&sb));
        } else if (printed_in_kronor(t)) {
            strbuf_adds(&sb, "a financial statement that declares no unit is in kronor");
            units_set(t, "kr", strbuf_take(&sb));
        } else {
            strbuf_release(&sb);
        }
    }
}

void units_from_relations(arsred_document *doc)
{
    for (size_t i = 0; i < doc->n_checks; i++) {
        const check *c = &doc->checks[i];
        if (c->rule != RULE_SAME || c->result == CHECK_MISMATCH || c->n_terms != 1)
            continue;
        table *found = &doc->tables[c->found_cell.table];
        table *other = &doc->tables[c->terms[0].cell.table];
        double factor = fabs(c->terms[0].coef); /* other's figure × factor = found's */
        table *unknown = !found->unit_effective ? found : !other->unit_effective ? other : NULL;
        table *known = unknown == found ? other : found;
        if (!unknown || !known->unit_effective || has_mixed_units(unknown))
            continue;
        /* found in u_f: other × factor = found, so u_other = u_found × factor */
        const char *unit = unknown == other ? check_unit_named(check_unit_factor(known->unit_effective) * factor)
                                            : check_unit_named(check_unit_factor(known->unit_effective) / factor);
        if (!unit)
            continue;
        strbuf sb;
        strbuf_init(&sb);
        strbuf_addf(&sb, "agrees with %s (%s) in %s", table_name(known),
                    known->unit_effective, unit);
        units_set(unknown, unit, strbuf_take(&sb));
    }
}
