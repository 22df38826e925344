//! The taint space: the standard space with a set of labels on every value.
//!
//! `--space taint` runs the standard space with taint tracking switched on
//! ([`StandardConfig::taint`](super::StandardConfig::taint)). It is a *layer inside* the standard space, not
//! a space that wraps another one, because every language's natives are
//! written against `Interp<StandardSpace>` (see ARCHITECTURE.md, Departures).
//!
//! **Representation.** A clean value is what it always is. A labelled value is
//! a heap box, `Body::Tainted { value, labels }` of type [`TypeId::TAINTED`]:
//! the plain value (never itself a box) and an interned [`LabelSetId`] (see
//! [`super::labels`]). Containers are never unwrapped on the way in, so a list
//! holding a labelled element is itself clean and its element keeps its labels.
//!
//! **The one rule.** Every entry point of the space (`binary`, `unary`,
//! `get_item`, `get_attr`, `iter`, `next`, the calls of natives, ...) does the
//! same thing in taint mode: it opens a *scope*, takes the labels off its
//! operands (recording them in the scope), runs the ordinary operation on the
//! plain values — the multimethod registry is untouched and stays the single
//! source of truth — and puts the union of everything the scope recorded on the
//! result. Reads the operation does itself are recorded too: a multimethod
//! called with a labelled argument ([`call_mm`](super::call_mm) unwraps it), a
//! native reading a labelled string or int out of a container (`str_of`,
//! `int_of`, ... look through the box and record). Entry points that return a
//! Rust value (a `bool`, a `String`) leave what they recorded to the
//! enclosing scope, so the text `print` builds from a labelled element is
//! labelled when it reaches [`Space::check_output`].
//!
//! **Natives** follow the rule at the native-call boundary, with a [`Flow`]
//! per native that says which arguments it reads and which it stores:
//! `list.append(x)` stores `x` as it is ([`Flow::Stores`]), `input()` labels
//! what it reads ([`Flow::Reads`]), `str.format` is formatting
//! ([`Flow::Formats`], whose propagation rule is the replaceable
//! [`FormatRule`]), and `taint`/`declassify` manage labels themselves.
//!
//! **Refusals** are TaintErrors (not catchable): output of labelled data, and
//! a branch (a conditional jump, the exit test of a `for` loop) on labelled
//! data unless `--taint-implicit=allow`.
//!
//! When taint is off, `StandardSpace::taint` is `None` and every check is one
//! predictable branch on that field, placed after the inline fast paths.

use super::labels::{LabelSetId, LabelTable};
use super::{StandardSpace, Vm};
use crate::bytecode::BinOp;
use crate::interp::BUILTINS;
use crate::language::{Arity, NativeFn};
use crate::object::{Body, TypeId, Value};
use crate::space::{Callee, ErrorKind, NativeId, OpError, Space};
use crate::span::Span;
use std::cell::RefCell;
use std::sync::OnceLock;

/// What to do with a branch on labelled data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Implicit {
    /// Refuse it with a TaintError (the default).
    #[default]
    Refuse,
    /// Allow it (`--taint-implicit=allow`).
    Allow,
}

/// The options of `--space taint`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct TaintOptions {
    /// Label everything read from stdin, files and the command line (`--taint-input`).
    pub input: bool,
    /// Branches on labelled data.
    pub implicit: Implicit,
}

/// How a native's arguments flow into its result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Flow {
    /// The default: every argument is read; the result carries all their labels.
    #[default]
    Derives,
    /// Arguments from index `from` on are stored (in a container, or in the
    /// receiver) with their labels; the earlier ones are read.
    Stores {
        /// The first stored argument.
        from: u8,
    },
    /// String formatting: argument `template` is the template; the result's
    /// labels come from the [`FormatRule`].
    Formats {
        /// The index of the template argument.
        template: u8,
    },
    /// An input: like `Derives`, and with `--taint-input` the result is labelled
    /// with this name at the call's span.
    Reads(&'static str),
    /// The native asks only about its arguments' types (`type(x)`,
    /// `isinstance`): labels protect a value's contents, not its type, so the
    /// arguments' labels are not read.
    Inspects,
    /// The native handles labels itself (`taint`, `declassify`).
    Manages,
}

/// The propagation rule of string formatting: the labels of a formatted
/// string, given the template's labels and the labels of each value put into
/// it. A coursework assignment replaces it (see [`set_format_rule`]).
pub type FormatRule = fn(&mut LabelTable, LabelSetId, &[LabelSetId]) -> LabelSetId;

static FORMAT_RULE: OnceLock<FormatRule> = OnceLock::new();

/// Replaces the formatting rule for this process (once, before any run).
/// Returns false if a rule was already set.
pub fn set_format_rule(rule: FormatRule) -> bool {
    FORMAT_RULE.set(rule).is_ok()
}

/// The formatting rule in force: [`union_rule`] unless one was set.
pub fn format_rule() -> FormatRule {
    FORMAT_RULE.get().copied().unwrap_or(union_rule)
}

/// The standard rule: a formatted string carries the labels of its template
/// and of every value formatted into it.
pub fn union_rule(table: &mut LabelTable, template: LabelSetId, args: &[LabelSetId]) -> LabelSetId {
    args.iter().fold(template, |acc, &a| table.union(acc, a))
}

/// The taint state of a standard space running with `--space taint`.
#[derive(Debug)]
pub struct Taint {
    /// The options.
    pub options: TaintOptions,
    /// Every label and set of the run.
    pub labels: LabelTable,
    /// The label sets read since the innermost scope opened (a stack: a
    /// scope is a mark into it). In a `RefCell` so that readers with a
    /// shared borrow of the space (`str_of`) can record.
    seen: RefCell<Vec<LabelSetId>>,
    /// Open scopes.
    depth: usize,
    /// The marks of the running natives' scopes, innermost last.
    native_marks: Vec<usize>,
    /// Flows of natives by id (missing: [`Flow::Derives`]).
    flows: Vec<Flow>,
}

impl Taint {
    /// A fresh state.
    pub fn new(options: TaintOptions) -> Taint {
        Taint {
            options,
            labels: LabelTable::new(),
            seen: RefCell::new(Vec::new()),
            depth: 0,
            native_marks: Vec::new(),
            flows: Vec::new(),
        }
    }

    /// The flow of native `id`.
    pub fn flow(&self, id: NativeId) -> Flow {
        self.flows.get(id.0 as usize).copied().unwrap_or_default()
    }

    fn record(&self, set: LabelSetId) {
        if !set.is_empty() {
            self.seen.borrow_mut().push(set);
        }
    }
}

// ---- the representation ------------------------------------------------------------

impl StandardSpace {
    /// True if the space tracks taint (`--space taint`).
    #[inline]
    pub fn taint_enabled(&self) -> bool {
        self.taint.is_some()
    }

    /// The taint state, if taint is on.
    pub fn taint_state(&mut self) -> Option<&mut Taint> {
        self.taint.as_deref_mut()
    }

    /// The labels of `v` (empty for a clean value), without recording them.
    pub fn labels_of(&self, v: Value) -> LabelSetId {
        match v.as_ref().map(|r| &self.heap.get(r).body) {
            Some(Body::Tainted { labels, .. }) => *labels,
            _ => LabelSetId::EMPTY,
        }
    }

    /// The plain value inside `v` (`v` itself if it is clean), without recording.
    #[inline]
    pub fn plain_of(&self, v: Value) -> Value {
        match v.as_ref().map(|r| &self.heap.get(r).body) {
            Some(Body::Tainted { value, .. }) => *value,
            _ => v,
        }
    }

    /// Records that the running operation read data labelled `set`.
    #[inline]
    pub(crate) fn note_labels(&self, set: LabelSetId) {
        if let Some(t) = &self.taint {
            t.record(set);
        }
    }

    /// The plain value inside `v`, recording its labels in the running scope.
    pub fn untaint(&self, v: Value) -> Value {
        match v.as_ref().map(|r| &self.heap.get(r).body) {
            Some(Body::Tainted { value, labels }) => {
                self.note_labels(*labels);
                *value
            }
            _ => v,
        }
    }

    /// `v` with `set` added to its labels (a new box; `v` itself is unchanged).
    pub fn with_labels(&mut self, v: Value, set: LabelSetId) -> Result<Value, OpError> {
        if set.is_empty() {
            return Ok(v);
        }
        let Some(t) = self.taint.as_deref_mut() else {
            return Ok(v);
        };
        let (value, labels) = match v.as_ref().map(|r| &self.heap.get(r).body) {
            Some(Body::Tainted { value, labels }) => (*value, t.labels.union(*labels, set)),
            _ => (v, set),
        };
        self.heap.alloc(TypeId::TAINTED, Body::Tainted { value, labels })
    }

    /// `v` labelled `name` at `span` (what `taint(v, name)` returns).
    pub fn add_label(&mut self, v: Value, name: &str, span: Option<Span>) -> Result<Value, OpError> {
        let Some(t) = self.taint.as_deref_mut() else {
            return Ok(v);
        };
        let l = t.labels.label(name, span);
        let set = t.labels.set_of(&[l]);
        self.with_labels(v, set)
    }

    /// What an input native read, labelled `source` if the run labels inputs (`--taint-input`).
    pub fn label_input(&mut self, v: Value, source: &str, span: Option<Span>) -> Result<Value, OpError> {
        match &self.taint {
            Some(t) if t.options.input => self.add_label(v, source, span),
            _ => Ok(v),
        }
    }

    /// Opens a scope; returns its mark.
    fn taint_open(&mut self) -> usize {
        let t = self.taint.as_deref_mut().expect("taint is on");
        if t.depth == 0 {
            // What the main loop's own reads left behind belongs to no one.
            t.seen.get_mut().clear();
        }
        t.depth += 1;
        t.seen.get_mut().len()
    }

    /// Closes the scope opened at `mark`; returns the union of what it recorded.
    fn taint_close(&mut self, mark: usize) -> LabelSetId {
        let t = self.taint.as_deref_mut().expect("taint is on");
        t.depth = t.depth.saturating_sub(1);
        let seen = t.seen.get_mut();
        let mark = mark.min(seen.len());
        let read: Vec<LabelSetId> = seen.drain(mark..).collect();
        t.labels.union_all(&read)
    }

    /// The error for labelled data reaching `what`.
    fn taint_error(&self, set: LabelSetId, what: &str) -> OpError {
        let Some(t) = &self.taint else {
            return OpError::new(ErrorKind::Taint, what.to_string());
        };
        let names: Vec<String> = t.labels.names(set).iter().map(|n| format!("'{n}'")).collect();
        let mut e = OpError::new(
            ErrorKind::Taint,
            format!("{what} a value labelled {}", names.join(" and ")),
        );
        for &l in t.labels.members(set).iter().take(4) {
            let label = t.labels.get(l);
            if let Some(span) = label.span {
                e.related.push((span, format!("labelled '{}' here", label.name)));
            }
        }
        e
    }
}

// ---- the rule at the entry points ----------------------------------------------------

/// Closes the scope at `mark` and labels the result with what it read.
fn close_wrap(vm: &mut Vm, mark: usize, r: Result<Value, OpError>) -> Result<Value, OpError> {
    let set = vm.space.taint_close(mark);
    let v = r?;
    vm.space.with_labels(v, set)
}

/// Runs `op` on the plain forms of `args` in a scope and labels its result.
pub(crate) fn derive<const N: usize>(
    vm: &mut Vm,
    args: [Value; N],
    op: impl FnOnce(&mut Vm, [Value; N]) -> Result<Value, OpError>,
) -> Result<Value, OpError> {
    let mark = vm.space.taint_open();
    let plain = args.map(|a| vm.space.untaint(a));
    let r = op(vm, plain);
    close_wrap(vm, mark, r)
}

/// Runs `op` in a scope whose reads are dropped (stores: `x[k] = v`, `x.a = v`).
pub(crate) fn in_scope<T>(vm: &mut Vm, op: impl FnOnce(&mut Vm) -> Result<T, OpError>) -> Result<T, OpError> {
    let mark = vm.space.taint_open();
    let r = op(vm);
    vm.space.taint_close(mark);
    r
}

/// `a op b`: the rule, except that `str % x` is formatting (see [`FormatRule`]).
pub(crate) fn binary(vm: &mut Vm, op: BinOp, a: Value, b: Value) -> Result<Value, OpError> {
    let formatting = op == BinOp::Mod && vm.space.type_of(vm.space.plain_of(a)) == TypeId::STR;
    if !formatting {
        return derive(vm, [a, b], |vm, [a, b]| StandardSpace::plain_binary(vm, op, a, b));
    }
    let template = vm.space.labels_of(a);
    let mark = vm.space.taint_open();
    let (a, b) = (vm.space.plain_of(a), vm.space.untaint(b));
    let r = match plain_items(vm, b) {
        Ok(b) => StandardSpace::plain_binary(vm, op, a, b),
        Err(e) => Err(e),
    };
    close_format(vm, mark, template, r)
}

/// A tuple whose items are labelled becomes a tuple of the plain items (their
/// labels recorded): formatting reads the items, and a `%d` must see an int.
fn plain_items(vm: &mut Vm, v: Value) -> Result<Value, OpError> {
    if vm.space.type_of(v) != TypeId::TUPLE {
        return Ok(v);
    }
    let items: Vec<Value> = match v.as_ref().map(|r| &vm.space.heap.get(r).body) {
        Some(Body::Fields(items)) if items.iter().any(|&i| vm.space.type_of(i) == TypeId::TAINTED) => {
            items.iter().map(|&i| vm.space.untaint(i)).collect()
        }
        _ => return Ok(v),
    };
    vm.space
        .heap
        .alloc(TypeId::TUPLE, Body::Fields(items.into_boxed_slice()))
}

fn close_format(vm: &mut Vm, mark: usize, template: LabelSetId, r: Result<Value, OpError>) -> Result<Value, OpError> {
    let args = vm.space.taint_close(mark);
    let v = r?;
    let rule = format_rule();
    let t = vm.space.taint.as_deref_mut().expect("taint is on");
    let set = rule(&mut t.labels, template, &[args]);
    vm.space.with_labels(v, set)
}

/// The truth value a conditional jump branches on: refused on labelled data
/// unless implicit flows are allowed.
pub(crate) fn branch(vm: &mut Vm, a: Value) -> Result<bool, OpError> {
    let mark = vm.space.taint_open();
    let plain = vm.space.untaint(a);
    let r = StandardSpace::plain_truth(vm, plain);
    let set = vm.space.taint_close(mark);
    let t = r?;
    let allow = vm
        .space
        .taint
        .as_ref()
        .is_some_and(|t| t.options.implicit == Implicit::Allow);
    if !set.is_empty() && !allow {
        let mut e = vm.space.taint_error(set, "refused to branch on");
        e.message
            .push_str(" (an implicit flow; run with --taint-implicit=allow to permit it)");
        return Err(e);
    }
    Ok(t)
}

/// The next item of a `for` loop: deciding whether the loop goes on is a branch.
pub(crate) fn loop_next(vm: &mut Vm, iter: Value) -> Result<Option<Value>, OpError> {
    let set = vm.space.labels_of(iter);
    let allow = vm
        .space
        .taint
        .as_ref()
        .is_some_and(|t| t.options.implicit == Implicit::Allow);
    if !set.is_empty() && !allow {
        let mut e = vm.space.taint_error(set, "refused to loop over");
        e.message
            .push_str(" (an implicit flow; run with --taint-implicit=allow to permit it)");
        return Err(e);
    }
    next(vm, iter)
}

/// The next item of an iterator: the item keeps its labels and gains the iterator's.
pub(crate) fn next(vm: &mut Vm, iter: Value) -> Result<Option<Value>, OpError> {
    let mark = vm.space.taint_open();
    let plain = vm.space.untaint(iter);
    let r = StandardSpace::plain_next(vm, plain);
    let set = vm.space.taint_close(mark);
    match r? {
        Some(v) => Ok(Some(vm.space.with_labels(v, set)?)),
        None => Ok(None),
    }
}

impl StandardSpace {
    /// The labels of `from` and of everything the running native has read so
    /// far: the labels of text it is about to write (empty when taint is off).
    /// A native that writes somewhere other than the output (a string port)
    /// puts these on what it wrote.
    pub fn labels_read(&mut self, from: &[Value]) -> LabelSetId {
        let mut sets: Vec<LabelSetId> = from.iter().map(|&w| self.labels_of(w)).collect();
        let Some(t) = self.taint.as_deref_mut() else {
            return LabelSetId::EMPTY;
        };
        let mark = t.native_marks.last().copied().unwrap_or(0);
        let seen = t.seen.get_mut();
        sets.extend_from_slice(&seen[mark.min(seen.len())..]);
        t.labels.union_all(&sets)
    }
}

/// May text read from `from` (and from what the running native read) be output?
pub(crate) fn check_output(space: &mut StandardSpace, from: &[Value]) -> Result<(), OpError> {
    let set = space.labels_read(from);
    if set.is_empty() {
        return Ok(());
    }
    Err(space.taint_error(set, "refused to output"))
}

/// A multimethod call with labelled arguments: the plain arguments instead,
/// except where the multimethod stores an argument (the value of `setitem`
/// and `setattr`, the key of a dict's `setitem`). `None` if nothing is labelled.
pub(crate) fn call_mm_args(vm: &Vm, mm: crate::multimethod::MmId, args: &[Value]) -> Option<Vec<Value>> {
    let space = &vm.space;
    if !args.iter().any(|&a| space.type_of(a) == TypeId::TAINTED) {
        return None;
    }
    let ops = space.ops();
    let kept = if mm == ops.setitem {
        if space.type_of(space.plain_of(args[0])) == TypeId::DICT {
            1
        } else {
            2
        }
    } else if mm == ops.setattr {
        2
    } else {
        usize::MAX
    };
    let plain: Vec<Value> = args
        .iter()
        .enumerate()
        .map(|(i, &a)| if i >= kept { a } else { space.untaint(a) })
        .collect();
    (plain != args).then_some(plain)
}

/// The rule at the native-call boundary, by the native's [`Flow`].
pub(crate) fn run_native(
    vm: &mut Vm,
    id: NativeId,
    func: NativeFn<StandardSpace>,
    args: &[Value],
) -> Result<Value, OpError> {
    let flow = vm.space.taint.as_ref().map_or(Flow::Manages, |t| t.flow(id));
    let read_upto = match flow {
        Flow::Manages => return func(vm, args),
        Flow::Stores { from } => from as usize,
        _ => args.len(),
    };
    let template = match flow {
        Flow::Formats { template } => args.get(template as usize).map(|&a| (template as usize, a)),
        _ => None,
    };
    let mark = vm.space.taint_open();
    let plain: Vec<Value> = args
        .iter()
        .enumerate()
        .map(|(i, &a)| match template {
            Some((j, _)) if j == i => vm.space.plain_of(a),
            _ if flow == Flow::Inspects => vm.space.plain_of(a),
            _ if i < read_upto => vm.space.untaint(a),
            _ => a,
        })
        .collect();
    vm.space
        .taint
        .as_deref_mut()
        .expect("taint is on")
        .native_marks
        .push(mark);
    let r = func(vm, &plain);
    if let Some(t) = vm.space.taint.as_deref_mut() {
        t.native_marks.pop();
    }
    match (flow, template) {
        (Flow::Formats { .. }, Some((_, tmpl))) => {
            let labels = vm.space.labels_of(tmpl);
            close_format(vm, mark, labels, r)
        }
        (Flow::Reads(source), _) => {
            let v = close_wrap(vm, mark, r)?;
            let span = vm.current_call_span();
            vm.space.label_input(v, source, span)
        }
        _ => close_wrap(vm, mark, r),
    }
}

// ---- natives and flows ----------------------------------------------------------------

/// Declares the flow of the native function value `f` (nothing if taint is off
/// or `f` is not a native).
pub fn declare_flow(vm: &mut Vm, f: Value, flow: Flow) {
    if !vm.space.taint_enabled() {
        return;
    }
    if let Ok(Callee::Native(id)) = vm.space.callee(&f) {
        let t = vm.space.taint.as_deref_mut().expect("checked");
        let i = id.0 as usize;
        if t.flows.len() <= i {
            t.flows.resize(i + 1, Flow::Derives);
        }
        t.flows[i] = flow;
    }
}

/// Declares the flows of builtins by their global name (names that are not
/// bound are skipped).
pub fn declare_builtin_flows(vm: &mut Vm, table: &[(&str, Flow)]) {
    for &(name, flow) in table {
        if let Some(&f) = vm.global_in(BUILTINS, name) {
            declare_flow(vm, f, flow);
        }
    }
}

/// `taint(x, label)`: `x` with `label` added, applied at the call's span.
fn taint_native(vm: &mut Vm, args: &[Value]) -> Result<Value, OpError> {
    let label = vm.space.plain_of(args[1]);
    let name = match vm.space.str_of(label) {
        Some(s) => s.to_string(),
        None => StandardSpace::display(vm, &label)?,
    };
    if name.is_empty() {
        return Err(OpError::new(ErrorKind::Value, "a taint label cannot be empty"));
    }
    let span = vm.current_call_span();
    vm.space.add_label(args[0], &name, span)
}

/// `declassify(x)`: `x` without labels (a container's elements keep theirs).
fn declassify_native(vm: &mut Vm, args: &[Value]) -> Result<Value, OpError> {
    Ok(vm.space.plain_of(args[0]))
}

/// Installs `taint` and `declassify` as builtins (called when a taint space starts).
pub fn install(vm: &mut Vm) -> Result<(), OpError> {
    let natives: [(&'static str, Arity, NativeFn<StandardSpace>); 2] = [
        ("taint", Arity::Exact(2), taint_native),
        ("declassify", Arity::Exact(1), declassify_native),
    ];
    for (name, arity, func) in natives {
        let f = vm.make_native_fn(name, arity, func)?;
        vm.space.roots.push(f);
        vm.set_global_in(BUILTINS, name, f);
        declare_flow(vm, f, Flow::Manages);
    }
    Ok(())
}

#[cfg(test)]
#[path = "taint_tests.rs"]
mod tests;
