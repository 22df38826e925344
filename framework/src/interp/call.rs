//! Calls: binding arguments to parameters, and entering guest frames.
//!
//! Most calls are simple: positional arguments already sit in the registers
//! where the callee's parameters live, and the only check is their number.
//! Everything else — defaults, keyword arguments, `*args`, `**kwargs` — goes
//! through [`Interp::bind_args`], which follows Python's rules (the most
//! demanding of our languages) and produces the parameter registers' values.

use super::{Frame, Interp, LoadedCode};
use crate::bytecode::{CallSite, Code, CodeId, Reg};
use crate::language::Arity;
use crate::space::{BuildKind, ErrorKind, NativeId, OpError, Space};
use std::rc::Rc;

/// Keyword arguments: name and value, in call order.
pub type Keywords<W> = Vec<(String, W)>;

/// Positional and keyword arguments collected from a call site.
pub(super) type Gathered<W> = (Vec<W>, Keywords<W>);

/// What entering a guest function produced.
pub(super) enum Started<W> {
    /// A frame was pushed (or the running one replaced): continue there.
    Frame(Rc<LoadedCode<W>>),
    /// A generator function made its generator: this is the call's value.
    Value(W),
}

/// Where the values of a new frame's parameter registers come from.
pub(super) enum ArgValues<W> {
    /// Already in place at the new frame's base (a simple call).
    InPlace(usize),
    /// In the registers `from..from + count` (a simple tail call moving them down).
    Moved { from: usize, count: usize },
    /// Bound by [`Interp::bind_args`].
    Bound(Vec<W>),
}

impl<S: Space> Interp<S> {
    /// Enters guest `code` with its frame at `base`. A tail call replaces the
    /// running frame; otherwise a frame is pushed whose result goes to `ret`.
    pub(super) fn start_guest(
        &mut self,
        code: CodeId,
        closure: S::W,
        args: ArgValues<S::W>,
        base: usize,
        ret: Reg,
        tail: bool,
    ) -> Result<Started<S::W>, OpError> {
        let target = self.codes[code.0 as usize].clone();
        let args = match args {
            ArgValues::InPlace(n) | ArgValues::Moved { count: n, .. }
                if !target.code.params.is_simple() || n != target.code.arity as usize =>
            {
                let from = match args {
                    ArgValues::Moved { from, .. } => from,
                    _ => base,
                };
                if target.code.params.is_simple() {
                    return Err(self.arity_error(&target.code, n));
                }
                let positional = self.regs[from..from + n].to_vec();
                let mark = self.native_roots.len();
                let bound = self.bind_args(&target.code, &closure, positional, Vec::new());
                self.native_roots.truncate(mark);
                ArgValues::Bound(bound?)
            }
            other => other,
        };
        if target.code.generator {
            let values = match args {
                ArgValues::InPlace(n) => self.regs[base..base + n].to_vec(),
                ArgValues::Moved { from, count } => self.regs[from..from + count].to_vec(),
                ArgValues::Bound(values) => values,
            };
            return Ok(Started::Value(self.new_generator(code, closure, values)?));
        }
        if !tail && self.frames.len() >= self.limits.max_depth {
            return Err(OpError::new(ErrorKind::Recursion, "maximum recursion depth exceeded"));
        }
        let nregs = target.code.nregs as usize;
        let none = self.fresh_register(code);
        let placed = match args {
            ArgValues::InPlace(n) => n,
            ArgValues::Moved { from, count } => {
                for i in 0..count {
                    self.regs[base + i] = self.regs[from + i].clone();
                }
                count
            }
            ArgValues::Bound(values) => {
                let n = values.len();
                if self.regs.len() < base + n {
                    self.regs.resize(base + n, none.clone());
                }
                for (i, v) in values.into_iter().enumerate() {
                    self.regs[base + i] = v;
                }
                n
            }
        };
        let need = base + nregs.max(placed);
        if self.regs.len() < need {
            self.regs.resize(need, none.clone());
        }
        for r in &mut self.regs[base + placed..need] {
            *r = none.clone();
        }
        if tail {
            let fr = self.frames.last_mut().expect("a running frame");
            fr.code = code;
            fr.closure = closure;
            fr.pc = 0;
        } else {
            self.frames.push(Frame {
                code,
                pc: 0,
                base: base as u32,
                ret,
                closure,
            });
        }
        Ok(Started::Frame(target))
    }

    /// Collects a `CallEx` site's arguments: positional values (with `*x`
    /// spread) and keyword pairs (with `**m` spread). Values are rooted in
    /// `native_roots`; the caller truncates it afterwards.
    pub(super) fn gather_args(&mut self, site: &CallSite, base: usize) -> Result<Gathered<S::W>, OpError> {
        let mut next = base + site.args.0 as usize;
        let mut positional: Vec<S::W> = self.regs[next..next + site.positional as usize].to_vec();
        next += site.positional as usize;
        if site.star {
            let spread = self.regs[next].clone();
            next += 1;
            let it = S::iter(self, spread)?;
            self.native_roots.push(it.clone());
            while let Some(x) = S::next(self, it.clone())? {
                self.native_roots.push(x.clone());
                positional.push(x);
            }
        }
        let mut keywords: Vec<(String, S::W)> = Vec::with_capacity(site.keywords.len());
        for name in &site.keywords {
            keywords.push((name.clone(), self.regs[next].clone()));
            next += 1;
        }
        if site.star_star {
            let mapping = self.regs[next].clone();
            self.native_roots.push(mapping.clone());
            let it = S::iter(self, mapping.clone())?;
            self.native_roots.push(it.clone());
            while let Some(key) = S::next(self, it.clone())? {
                let Some(name) = self.space.as_str(&key) else {
                    return Err(OpError::type_error("keywords must be strings"));
                };
                if keywords.iter().any(|(k, _)| *k == name) {
                    return Err(OpError::type_error(format!(
                        "got multiple values for keyword argument '{name}'"
                    )));
                }
                let value = S::get_item(self, mapping.clone(), key)?;
                self.native_roots.push(value.clone());
                keywords.push((name, value));
            }
        }
        Ok((positional, keywords))
    }

    /// Binds arguments to `code`'s parameters; returns the values of its
    /// parameter registers. Messages follow CPython's.
    pub(super) fn bind_args(
        &mut self,
        code: &Code,
        closure: &S::W,
        positional: Vec<S::W>,
        keywords: Vec<(String, S::W)>,
    ) -> Result<Vec<S::W>, OpError> {
        let p = &code.params;
        let name = &code.name;
        let npos = p.positional as usize;
        let named = npos + p.kwonly as usize;
        let mut slots: Vec<Option<S::W>> = vec![None; named];
        let mut extra = Vec::new();
        let given = positional.len();
        for (i, v) in positional.into_iter().enumerate() {
            if i < npos {
                slots[i] = Some(v);
            } else if p.varargs {
                extra.push(v);
            }
        }
        let mut extra_kw = Vec::new();
        for (key, v) in keywords {
            let found = p
                .names
                .iter()
                .enumerate()
                .skip(p.posonly as usize)
                .find(|(_, n)| **n == key);
            match found {
                Some((i, _)) if i < named => {
                    if slots[i].is_some() {
                        return Err(OpError::type_error(format!(
                            "{name}() got multiple values for argument '{key}'"
                        )));
                    }
                    slots[i] = Some(v);
                }
                _ if p.varkw => extra_kw.push((key, v)),
                _ => {
                    return Err(OpError::type_error(format!(
                        "{name}() got an unexpected keyword argument '{key}'"
                    )))
                }
            }
        }
        // Like CPython, count positional arguments only after the keywords were bound.
        if given > npos && !p.varargs {
            let optional = p.defaults.iter().filter(|&&d| (d as usize) < npos).count();
            let (takes, plural) = match optional {
                0 => (format!("{npos}"), if npos == 1 { "" } else { "s" }),
                k => (format!("from {} to {npos}", npos - k), "s"),
            };
            let kwonly_given = slots[npos..].iter().filter(|s| s.is_some()).count();
            let kwonly = match kwonly_given {
                0 => String::new(),
                k => format!(
                    " positional argument{} (and {k} keyword-only argument{})",
                    if given == 1 { "" } else { "s" },
                    if k == 1 { "" } else { "s" }
                ),
            };
            return Err(OpError::type_error(format!(
                "{name}() takes {takes} positional argument{plural} but {given}{kwonly} {} given",
                if given == 1 && kwonly_given == 0 { "was" } else { "were" }
            )));
        }
        let ncaps = code.captures.len() as u16;
        for (j, &i) in p.defaults.iter().enumerate() {
            if slots[i as usize].is_none() {
                slots[i as usize] = Some(self.space.closure_cell(closure, ncaps + j as u16));
            }
        }
        for (range, what) in [(0..npos, "positional"), (npos..named, "keyword-only")] {
            let missing: Vec<String> = range
                .filter(|&i| slots[i].is_none())
                .map(|i| format!("'{}'", p.names.get(i).map_or("?", String::as_str)))
                .collect();
            if !missing.is_empty() {
                let list = match missing.len() {
                    1 => missing[0].clone(),
                    2 => format!("{} and {}", missing[0], missing[1]),
                    n => format!("{}, and {}", missing[..n - 1].join(", "), missing[n - 1]),
                };
                let plural = if missing.len() == 1 { "" } else { "s" };
                return Err(OpError::type_error(format!(
                    "{name}() missing {} required {what} argument{plural}: {list}",
                    missing.len()
                )));
            }
        }
        let mut values: Vec<S::W> = slots.into_iter().flatten().collect();
        if p.varargs {
            let tuple = S::build(self, BuildKind::Tuple, &extra)?;
            self.native_roots.push(tuple.clone());
            values.push(tuple);
        }
        if p.varkw {
            let mut items = Vec::with_capacity(extra_kw.len() * 2);
            for (k, v) in extra_kw {
                items.push(self.space.str(&k)?);
                items.push(v);
            }
            values.push(S::build(self, BuildKind::Dict, &items)?);
        }
        Ok(values)
    }

    /// Calls a native with gathered arguments; keyword arguments wait in
    /// `native_keywords` for the native to [`take`](Interp::take_keywords).
    pub(super) fn call_native_with(
        &mut self,
        id: NativeId,
        positional: Vec<S::W>,
        keywords: Vec<(String, S::W)>,
    ) -> Result<S::W, OpError> {
        let (name, arity, func) = {
            let n = &self.natives[id.0 as usize];
            (n.name, n.arity, n.func)
        };
        if !arity.accepts(positional.len()) {
            return Err(native_arity_error(name, arity, positional.len()));
        }
        let mark = self.native_roots.len();
        self.native_roots.extend(positional.iter().cloned());
        self.native_roots.extend(keywords.iter().map(|(_, v)| v.clone()));
        let saved = std::mem::replace(&mut self.native_keywords, keywords);
        let result = func(self, &positional);
        let unused = std::mem::replace(&mut self.native_keywords, saved);
        self.native_roots.truncate(mark);
        match (result, unused.first()) {
            (Ok(_), Some((key, _))) => Err(OpError::type_error(format!(
                "{name}() got an unexpected keyword argument '{key}'"
            ))),
            (r, _) => r,
        }
    }

    /// The keyword arguments of the running native call (it owns them now).
    pub fn take_keywords(&mut self) -> Vec<(String, S::W)> {
        std::mem::take(&mut self.native_keywords)
    }
}

/// "f() takes exactly 1 argument (2 given)", CPython's wording for builtins.
pub(super) fn native_arity_error(name: &str, arity: Arity, given: usize) -> OpError {
    let want = match arity {
        Arity::Exact(k) => format!("exactly {k}"),
        Arity::AtLeast(k) => format!("at least {k}"),
    };
    OpError::type_error(format!("{name}() takes {want} argument(s) ({given} given)"))
}
