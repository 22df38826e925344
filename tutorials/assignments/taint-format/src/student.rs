//! YOUR CODE: the taint space's propagation rule for string formatting.
//!
//! In the taint space every value carries a set of labels, and every operation
//! gives its result the labels of its inputs. String formatting is the one
//! operation whose rule lives here: an f-string field (`f"{x:>5}"`), `format(x,
//! spec)`, `str.format`, `str.format_map` and `template % values` all ask this
//! function what labels the formatted string carries.
//!
//! - `template`: the labels of the template (the format string, or for an
//!   f-string field and `format()`, the format spec);
//! - `args`: the labels of the values formatted into it (one set per value,
//!   or one set for everything the formatting read);
//! - `table`: the run's label table: `table.union(a, b)` is `a ∪ b`,
//!   `table.members(s)` lists a set's labels, `LabelSetId::EMPTY` is `∅`.
//!
//! Return the labels of the result. See README.md for what the grader checks.

use workbench_framework::space::standard::labels::{LabelSetId, LabelTable};

/// The labels of a formatted string.
pub fn format_labels(table: &mut LabelTable, template: LabelSetId, args: &[LabelSetId]) -> LabelSetId {
    // This rule only keeps the template's labels: a secret formatted into a
    // string escapes. Fix it.
    let _ = (table, args);
    template
}
