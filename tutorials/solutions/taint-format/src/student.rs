//! Reference solution of the `taint-format` assignment (a drop-in replacement
//! for `tutorials/assignments/taint-format/src/student.rs`; keep it out of the
//! hand-out).
//!
//! The formatted text is made of the template's text and of each value's
//! text, so it depends on all of them: its labels are the union of the
//! template's labels and of every value's labels. Dropping the values' labels
//! lets `f"{secret}"` be printed; dropping the template's lets a secret choose
//! the format (`taint("{}!", ...).format(1)`).

use workbench_framework::space::standard::labels::{LabelSetId, LabelTable};

/// The labels of a formatted string: template ∪ every argument.
pub fn format_labels(table: &mut LabelTable, template: LabelSetId, args: &[LabelSetId]) -> LabelSetId {
    let mut labels = template;
    for &a in args {
        labels = table.union(labels, a);
    }
    labels
}
