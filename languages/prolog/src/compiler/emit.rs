//! Predicates to framework bytecode in continuation-passing style.
//!
//! Every predicate `p/N` becomes one code object with `N + 1` parameters:
//! `r0` is the **success continuation** `K` (a closure of no arguments),
//! `r1..rN` the arguments. The protocol every code object follows:
//!
//! - **success** is *calling* `K`; the rest of the program runs inside that call;
//! - **failure** is *returning* `false`; the caller undoes the trail to its
//!   mark and tries its next alternative;
//! - a **cut** whose continuation later fails returns the cut marker (the
//!   frame depth of the predicate that owns the cut); every clause-choice
//!   loop on the way returns it unchanged until the frame at that depth,
//!   which turns it into a failure of the whole predicate;
//! - `true` returned means "stop": the outermost continuation (a directive,
//!   `once`-like drivers, the toplevel) wants no more solutions.
//!
//! A clause body `G1, G2, ..., Gn` is cut at its first *call* (a goal that
//! takes a continuation): what follows becomes a closure capturing the
//! clause variables it needs, passed as that call's continuation. Goals run
//! in line (unification, arithmetic, type tests, output) stay in the same
//! code object and jump to the failure path when they fail.
//!
//! The last call of a clause is a `TailCall` whenever no alternative is left
//! (the last candidate clause, or after a neck cut), so deterministic
//! recursion runs in constant frame space: the continuation chain grows on
//! the heap instead, and is collected as it is consumed. First-argument
//! indexing decides which clauses are candidates, so `app([],..)` versus
//! `app([H|T],..)` never leaves a choice point.

use super::normalize::Goal;
use crate::reader::Term;
use workbench_framework::bytecode::builder::CodeBuilder;
use workbench_framework::bytecode::{
    BinOp, CallSite, Capture, Code, CodeId, Const, GlobalId, Globals, Handler, Instr, Label, Params, Reg, UnOp,
};
use workbench_framework::diagnostic::Diagnostic;
use workbench_framework::span::Span;

/// A clause ready for code generation.
#[derive(Clone, Debug)]
pub struct ClauseIr {
    /// The head's arguments.
    pub head: Vec<Term>,
    /// The flattened body.
    pub goals: Vec<Goal>,
    /// Number of clause variables (numbered `0..nvars`).
    pub nvars: usize,
    /// The clause's source.
    pub span: Span,
}

/// What a failure does at this point of the code.
#[derive(Clone, Debug)]
enum Fail {
    /// Jump to the next clause (the jumps collect in `Frame::next_jumps`).
    Next,
    /// No alternatives left: return `false`.
    ReturnFalse,
    /// After a cut whose owner is deeper than us: return the marker in this register.
    ReturnCut(Reg),
}

/// How the final call of a clause is made.
#[derive(Clone, Copy, Debug)]
enum Finish {
    /// `TailCall`: nothing is left to do here.
    Tail,
    /// `Call`; a failure goes to the next clause, anything else is returned.
    Try,
    /// `Call`; a failure becomes the cut marker in this register.
    Convert(Reg),
}

/// One code object being emitted with its clause-variable registers.
struct Frame {
    b: CodeBuilder,
    /// Clause variable (and the two extra slots, see [`Emitter::k_slot`]) to register.
    vars: Vec<Option<Reg>>,
    /// The predicate's own frame (not a continuation closure).
    in_pred: bool,
    span: Span,
    /// The code object's name (for the names of its continuations).
    name: String,
    /// Jumps to the next clause, patched when its label is known.
    next_jumps: Vec<Label>,
    /// A register loaded with `false` at entry, for failure tests and returns.
    false_reg: Option<Reg>,
    /// Registers known to hold numbers (results of `is/2` in this clause):
    /// arithmetic uses them without `$eval`.
    numeric: Vec<Reg>,
}

/// An operand of a call: written straight into its argument slot.
#[derive(Clone, Debug)]
enum Opd {
    /// A value already in a register.
    Reg(Reg),
    /// A constant.
    Const(Const),
}

/// Emits the code objects of one compilation unit.
pub struct Emitter<'a> {
    /// Code objects made so far (indices are `CodeId`s of the unit).
    pub codes: Vec<Code>,
    /// The global names of the run.
    pub globals: &'a mut Globals,
}

type Emit<T> = Result<T, Diagnostic>;

fn build_error(span: Span) -> impl Fn(workbench_framework::bytecode::builder::BuildError) -> Diagnostic {
    move |e| Diagnostic::new("SyntaxError", format!("clause too large to compile: {e:?}"), Some(span))
}

impl Frame {
    fn reg(&mut self) -> Emit<Reg> {
        let span = self.span;
        self.b.alloc_reg().map_err(build_error(span))
    }

    fn emit(&mut self, i: Instr) -> Label {
        self.b.emit(i, self.span)
    }

    /// The register holding `false` (loaded once at entry where possible).
    fn falsy(&mut self) -> Emit<Reg> {
        match self.false_reg {
            Some(r) => Ok(r),
            None => self.konst(Const::Bool(false)),
        }
    }

    fn konst(&mut self, c: Const) -> Emit<Reg> {
        let span = self.span;
        let k = self.b.constant(c).map_err(build_error(span))?;
        let dst = self.reg()?;
        self.emit(Instr::LoadConst { dst, k });
        Ok(dst)
    }
}

impl<'a> Emitter<'a> {
    /// An emitter adding globals to `globals`.
    pub fn new(globals: &'a mut Globals) -> Emitter<'a> {
        Emitter {
            codes: Vec::new(),
            globals,
        }
    }

    fn reserve(&mut self) -> CodeId {
        self.codes.push(Code::default());
        CodeId(self.codes.len() as u32 - 1)
    }

    /// The slot of the continuation among a clause's variables.
    fn k_slot(nvars: usize) -> usize {
        nvars
    }

    /// The slot of the predicate's own cut marker.
    fn d_slot(nvars: usize) -> usize {
        nvars + 1
    }

    /// Calls the native global `name` on `args`; returns the result register.
    fn native(&mut self, fr: &mut Frame, name: &str, args: &[Reg]) -> Emit<Reg> {
        let g = self.globals.intern(name);
        let f = fr.reg()?;
        fr.emit(Instr::LoadGlobal { dst: f, g });
        for a in args {
            let r = fr.reg()?;
            fr.emit(Instr::Move { dst: r, src: *a });
        }
        fr.emit(Instr::Call {
            dst: f,
            f,
            args: Reg(f.0 + 1),
            argc: args.len() as u8,
        });
        Ok(f)
    }

    /// Calls the native global `name` with operands written straight into the
    /// argument slots (no temporary register and `Move` per constant).
    fn native_k(&mut self, fr: &mut Frame, name: &str, args: &[Opd]) -> Emit<Reg> {
        let g = self.globals.intern(name);
        let f = fr.reg()?;
        fr.emit(Instr::LoadGlobal { dst: f, g });
        let mut slots = Vec::with_capacity(args.len());
        for _ in args {
            slots.push(fr.reg()?);
        }
        for (slot, a) in slots.iter().zip(args) {
            match a {
                Opd::Reg(r) => {
                    fr.emit(Instr::Move { dst: *slot, src: *r });
                }
                Opd::Const(c) => {
                    let span = fr.span;
                    let k = fr.b.constant(c.clone()).map_err(build_error(span))?;
                    fr.emit(Instr::LoadConst { dst: *slot, k });
                }
            }
        }
        fr.emit(Instr::Call {
            dst: f,
            f,
            args: Reg(f.0 + 1),
            argc: args.len() as u8,
        });
        Ok(f)
    }

    /// An atomic term as a constant operand.
    fn atomic_const(t: &Term) -> Option<Const> {
        Some(match t {
            Term::Atom(a) => Const::Str(a.as_str().into()),
            Term::Int(i) => Const::Int(*i),
            Term::BigInt(b) => Const::BigInt(b.to_string()),
            Term::Float(f) => Const::Float(*f),
            _ => return None,
        })
    }

    /// Emits the failure action.
    fn fail(&mut self, fr: &mut Frame, fail: &mut Fail) -> Emit<()> {
        match fail {
            Fail::Next => {
                let l = fr.emit(Instr::Jump { target: Label(0) });
                fr.next_jumps.push(l);
            }
            Fail::ReturnFalse => {
                let r = fr.falsy()?;
                fr.emit(Instr::Return { src: r });
            }
            Fail::ReturnCut(m) => {
                let m = *m;
                fr.emit(Instr::Return { src: m });
            }
        }
        Ok(())
    }

    /// Fails when `cond` is false.
    fn fail_unless(&mut self, fr: &mut Frame, cond: Reg, fail: &mut Fail) -> Emit<()> {
        if let Fail::Next = fail {
            let l = fr.emit(Instr::JumpIfFalse { cond, target: Label(0) });
            fr.next_jumps.push(l);
            return Ok(());
        }
        let skip = fr.emit(Instr::JumpIfTrue { cond, target: Label(0) });
        self.fail(fr, fail)?;
        let here = fr.b.here();
        fr.b.patch(skip, here);
        Ok(())
    }

    /// Fails when `cond` is true.
    fn fail_if(&mut self, fr: &mut Frame, cond: Reg, fail: &mut Fail) -> Emit<()> {
        if let Fail::Next = fail {
            let l = fr.emit(Instr::JumpIfTrue { cond, target: Label(0) });
            fr.next_jumps.push(l);
            return Ok(());
        }
        let skip = fr.emit(Instr::JumpIfFalse { cond, target: Label(0) });
        self.fail(fr, fail)?;
        let here = fr.b.here();
        fr.b.patch(skip, here);
        Ok(())
    }

    /// A register holding term `t`, building it (and making fresh variables) as needed.
    fn term(&mut self, fr: &mut Frame, t: &Term) -> Emit<Reg> {
        match t {
            Term::Var(v) => match fr.vars[*v] {
                Some(r) => Ok(r),
                None => {
                    let r = self.native(fr, "$new_var", &[])?;
                    fr.vars[*v] = Some(r);
                    Ok(r)
                }
            },
            Term::Atom(a) => fr.konst(Const::Str(a.as_str().into())),
            Term::Int(i) => fr.konst(Const::Int(*i)),
            Term::BigInt(b) => fr.konst(Const::BigInt(b.to_string())),
            Term::Float(f) => fr.konst(Const::Float(*f)),
            Term::Compound(name, args) => {
                let mut opds = vec![Opd::Const(Const::Str(name.as_str().into()))];
                for a in args {
                    opds.push(match Self::atomic_const(a) {
                        Some(c) => Opd::Const(c),
                        None => Opd::Reg(self.term(fr, a)?),
                    });
                }
                self.native_k(fr, "$mk", &opds)
            }
        }
    }

    /// Unifies the value in `r` with head argument pattern `t`.
    fn head_arg(&mut self, fr: &mut Frame, r: Reg, t: &Term, fail: &mut Fail) -> Emit<()> {
        match t {
            Term::Var(v) => match fr.vars[*v] {
                None => {
                    fr.vars[*v] = Some(r);
                    Ok(())
                }
                Some(old) => {
                    let ok = self.native(fr, "$unify", &[r, old])?;
                    self.fail_unless(fr, ok, fail)
                }
            },
            Term::Compound(name, args) => {
                // `$get_struct(X, Name, A1, ..., An)`: each Ai is the value the
                // argument must unify with (a bound variable, an atomic
                // constant), or `none` for a first-occurrence variable or a
                // nested compound, read afterwards with `GetItem`.
                let mut opds = vec![Opd::Reg(r), Opd::Const(Const::Str(name.as_str().into()))];
                let mut later = Vec::new();
                for (j, a) in args.iter().enumerate() {
                    let known = match a {
                        Term::Var(v) => fr.vars[*v].map(Opd::Reg),
                        Term::Compound(..) => None,
                        atomic => Self::atomic_const(atomic).map(Opd::Const),
                    };
                    match known {
                        Some(k) => opds.push(k),
                        None => {
                            opds.push(Opd::Const(Const::None));
                            later.push(j);
                        }
                    }
                }
                let c = self.native_k(fr, "$get_struct", &opds)?;
                let f = fr.falsy()?;
                let t = fr.reg()?;
                fr.emit(Instr::Binary {
                    op: BinOp::Is,
                    dst: t,
                    a: c,
                    b: f,
                });
                self.fail_if(fr, t, fail)?;
                for j in later {
                    let key = fr.konst(Const::Int(j as i64 + 1))?;
                    let x = fr.reg()?;
                    fr.emit(Instr::GetItem { dst: x, obj: c, key });
                    self.head_arg(fr, x, &args[j], fail)?;
                }
                Ok(())
            }
            atomic => {
                let k = Self::atomic_const(atomic).expect("atomic");
                let ok = self.native_k(fr, "$unify", &[Opd::Reg(r), Opd::Const(k)])?;
                self.fail_unless(fr, ok, fail)
            }
        }
    }

    /// Evaluates an arithmetic expression into a register holding a number.
    fn eval(&mut self, fr: &mut Frame, e: &Term) -> Emit<Reg> {
        let bin = |name: &str| -> Option<BinOp> {
            Some(match name {
                "+" => BinOp::Add,
                "-" => BinOp::Sub,
                "*" => BinOp::Mul,
                _ => return None,
            })
        };
        match e {
            Term::Var(v) if fr.vars[*v].is_some_and(|r| fr.numeric.contains(&r)) => Ok(fr.vars[*v].expect("checked")),
            Term::Int(i) => fr.konst(Const::Int(*i)),
            Term::Float(f) => fr.konst(Const::Float(*f)),
            Term::BigInt(b) => fr.konst(Const::BigInt(b.to_string())),
            Term::Compound(f, args) if args.len() == 2 && bin(f).is_some() => {
                let a = self.eval(fr, &args[0])?;
                let b = self.eval(fr, &args[1])?;
                let dst = fr.reg()?;
                let op = bin(f).expect("checked");
                fr.emit(Instr::Binary { op, dst, a, b });
                Ok(dst)
            }
            Term::Compound(f, args) if args.len() == 1 && f == "-" => {
                let a = self.eval(fr, &args[0])?;
                let dst = fr.reg()?;
                fr.emit(Instr::Unary { op: UnOp::Neg, dst, a });
                Ok(dst)
            }
            Term::Compound(f, args)
                if args.len() == 2
                    && matches!(
                        f.as_str(),
                        "/" | "//"
                            | "mod"
                            | "rem"
                            | "min"
                            | "max"
                            | "**"
                            | "^"
                            | ">>"
                            | "<<"
                            | "/\\"
                            | "\\/"
                            | "xor"
                            | "div"
                            | "atan2"
                            | "copysign"
                            | "gcd"
                            | "truncate"
                    ) =>
            {
                let a = self.eval(fr, &args[0])?;
                let b = self.eval(fr, &args[1])?;
                let op = fr.konst(Const::Str(f.as_str().into()))?;
                self.native(fr, "$arith2", &[op, a, b])
            }
            other => {
                let t = self.term(fr, other)?;
                self.native(fr, "$eval", &[t])
            }
        }
    }

    /// Emits goals from `goals`; the code ends by calling the continuation.
    fn goals(
        &mut self,
        fr: &mut Frame,
        goals: &[Goal],
        nvars: usize,
        mut fail: Fail,
        mut finish: Finish,
    ) -> Emit<Fail> {
        let k_slot = Self::k_slot(nvars);
        for (i, g) in goals.iter().enumerate() {
            match g {
                Goal::Inline(native, args) => {
                    let mut opds = Vec::with_capacity(args.len());
                    for a in args {
                        opds.push(match Self::atomic_const(a) {
                            Some(c) => Opd::Const(c),
                            None => Opd::Reg(self.term(fr, a)?),
                        });
                    }
                    let ok = self.native_k(fr, native, &opds)?;
                    self.fail_unless(fr, ok, &mut fail)?;
                }
                Goal::Unify(a, b) => match (a, b) {
                    (Term::Var(v), t) | (t, Term::Var(v)) if fr.vars[*v].is_none() && !occurs(*v, t) => {
                        let r = self.term(fr, t)?;
                        fr.vars[*v] = Some(r);
                    }
                    _ => {
                        let ra = self.term(fr, a)?;
                        let rb = self.term(fr, b)?;
                        let ok = self.native(fr, "$unify", &[ra, rb])?;
                        self.fail_unless(fr, ok, &mut fail)?;
                    }
                },
                Goal::Is(x, e) => {
                    let r = self.eval(fr, e)?;
                    match x {
                        Term::Var(v) if fr.vars[*v].is_none() => {
                            fr.vars[*v] = Some(r);
                            fr.numeric.push(r);
                        }
                        _ => {
                            let rx = self.term(fr, x)?;
                            let ok = self.native(fr, "$unify", &[rx, r])?;
                            self.fail_unless(fr, ok, &mut fail)?;
                        }
                    }
                }
                Goal::Compare(op, a, b) => {
                    let ra = self.eval(fr, a)?;
                    let rb = self.eval(fr, b)?;
                    let op = match *op {
                        "<" => BinOp::Lt,
                        ">" => BinOp::Gt,
                        "<=" => BinOp::Le,
                        ">=" => BinOp::Ge,
                        "==" => BinOp::Eq,
                        _ => BinOp::Ne,
                    };
                    let dst = fr.reg()?;
                    fr.emit(Instr::Binary { op, dst, a: ra, b: rb });
                    self.fail_unless(fr, dst, &mut fail)?;
                }
                Goal::Fail => {
                    self.fail(fr, &mut fail)?;
                    return Ok(fail);
                }
                Goal::CutOwn if fr.in_pred => {
                    // A neck cut: no call has run yet, so the only alternatives
                    // to drop are this predicate's other clauses.
                    fail = Fail::ReturnFalse;
                    finish = Finish::Tail;
                }
                Goal::CutOwn | Goal::CutTo(_) => {
                    let m = match g {
                        Goal::CutTo(t) => self.term(fr, t)?,
                        _ => fr.vars[Self::d_slot(nvars)].expect("the cut marker is captured"),
                    };
                    fail = Fail::ReturnCut(m);
                    finish = Finish::Convert(m);
                }
                Goal::Marker(t) => {
                    let d = match fr.vars[Self::d_slot(nvars)] {
                        Some(d) => d,
                        None => self.native(fr, "$depth", &[])?,
                    };
                    match t {
                        Term::Var(v) if fr.vars[*v].is_none() => fr.vars[*v] = Some(d),
                        _ => {
                            let r = self.term(fr, t)?;
                            let ok = self.native(fr, "$unify", &[r, d])?;
                            self.fail_unless(fr, ok, &mut fail)?;
                        }
                    }
                }
                Goal::Call(..) | Goal::Invoke(_) | Goal::Catch(..) => {
                    let rest = &goals[i + 1..];
                    // Arguments first: their fresh variables are then captured by the continuation.
                    let mut regs = Vec::new();
                    match g {
                        Goal::Call(_, args) => {
                            for a in args {
                                regs.push(self.term(fr, a)?);
                            }
                        }
                        Goal::Invoke(t) => regs.push(self.term(fr, t)?),
                        Goal::Catch(a, b, c) => {
                            for t in [a, b, c] {
                                regs.push(self.term(fr, t)?);
                            }
                        }
                        _ => unreachable!("matched above"),
                    }
                    let k = if rest.is_empty() {
                        fr.vars[k_slot].expect("the continuation is always available")
                    } else {
                        self.continuation(fr, rest, nvars)?
                    };
                    let result = match g {
                        Goal::Call(name, args) => {
                            let g = self.globals.intern(&format!("{}/{}", name, args.len()));
                            let mut all = vec![k];
                            all.extend_from_slice(&regs);
                            self.call_global(fr, g, &all, finish)?
                        }
                        Goal::Invoke(_) => self.invoke(fr, k, regs[0], finish)?,
                        _ => self.catch(fr, k, &regs, nvars)?,
                    };
                    return self.finish(fr, result, fail, finish);
                }
            }
        }
        let k = fr.vars[k_slot].expect("the continuation is always available");
        let result = self.call_raw(fr, k, &[], finish)?;
        self.finish(fr, result, fail, finish)
    }

    /// Emits a call of `f` with continuation `k` and `args`; returns the result
    /// register, or `None` for a tail call.
    fn call(&mut self, fr: &mut Frame, f: Reg, k: Reg, args: &[Reg], finish: Finish) -> Emit<Option<Reg>> {
        let mut all = vec![k];
        all.extend_from_slice(args);
        self.call_raw(fr, f, &all, finish)
    }

    /// Calls the predicate in global `g` on `args`, loading it straight into the call slot.
    fn call_global(&mut self, fr: &mut Frame, g: GlobalId, args: &[Reg], finish: Finish) -> Emit<Option<Reg>> {
        let fbase = fr.reg()?;
        fr.emit(Instr::LoadGlobal { dst: fbase, g });
        self.call_from(fr, fbase, args, finish)
    }

    /// Calls `f` on exactly `args` (a continuation is called with none).
    fn call_raw(&mut self, fr: &mut Frame, f: Reg, args: &[Reg], finish: Finish) -> Emit<Option<Reg>> {
        let fbase = fr.reg()?;
        fr.emit(Instr::Move { dst: fbase, src: f });
        self.call_from(fr, fbase, args, finish)
    }

    /// Emits the call of the callee already in `fbase` (the next registers are free).
    fn call_from(&mut self, fr: &mut Frame, fbase: Reg, args: &[Reg], finish: Finish) -> Emit<Option<Reg>> {
        let first = Reg(fbase.0 + 1);
        for a in args {
            let r = fr.reg()?;
            fr.emit(Instr::Move { dst: r, src: *a });
        }
        let argc = args.len() as u8;
        match finish {
            Finish::Tail => {
                fr.emit(Instr::TailCall {
                    f: fbase,
                    args: first,
                    argc,
                });
                Ok(None)
            }
            _ => {
                fr.emit(Instr::Call {
                    dst: fbase,
                    f: fbase,
                    args: first,
                    argc,
                });
                Ok(Some(fbase))
            }
        }
    }

    /// `'$invoke'(G)`: calls the predicate G names with G's arguments spread.
    fn invoke(&mut self, fr: &mut Frame, k: Reg, goal: Reg, finish: Finish) -> Emit<Option<Reg>> {
        let f = self.native(fr, "$pred_of", &[goal])?;
        let args = self.native(fr, "$args_of", &[goal])?;
        let fbase = fr.reg()?;
        fr.emit(Instr::Move { dst: fbase, src: f });
        let first = fr.reg()?;
        fr.emit(Instr::Move { dst: first, src: k });
        let star = fr.reg()?;
        fr.emit(Instr::Move { dst: star, src: args });
        let tail = matches!(finish, Finish::Tail);
        let site = fr.b.add_call_site(CallSite {
            dst: fbase,
            f: fbase,
            args: first,
            positional: 1,
            star: true,
            keywords: Vec::new(),
            star_star: false,
            tail,
        });
        fr.emit(Instr::CallEx { site });
        Ok(if tail { None } else { Some(fbase) })
    }

    /// The catch/3 frame: runs `call(G)` inside a handler region. The
    /// continuation is wrapped so that exceptions raised after G succeeded
    /// (in the rest of the program) pass through: a flag cell says whether
    /// control is inside G.
    fn catch(&mut self, fr: &mut Frame, k: Reg, regs: &[Reg], _nvars: usize) -> Emit<Option<Reg>> {
        let (goal, catcher, recovery) = (regs[0], regs[1], regs[2]);
        let t = fr.konst(Const::Bool(true))?;
        let flag = fr.reg()?;
        fr.emit(Instr::NewCell { dst: flag, src: t });
        let kcell = fr.reg()?;
        fr.emit(Instr::NewCell { dst: kcell, src: k });
        // The wrapper continuation: flag := false; r = K(); flag := true; return r.
        let id = self.reserve();
        let mut w = Frame {
            b: CodeBuilder::new("$catch_exit", 0, fr.span),
            vars: Vec::new(),
            in_pred: false,
            span: fr.span,
            name: "$catch_exit".into(),
            next_jumps: Vec::new(),
            false_reg: None,
            numeric: Vec::new(),
        };
        w.b.set_params(Params::positional(0));
        w.b.add_capture(Capture::Local(flag));
        w.b.add_capture(Capture::Local(kcell));
        let f = w.konst(Const::Bool(false))?;
        w.emit(Instr::StoreFree { idx: 0, src: f });
        let kk = w.reg()?;
        w.emit(Instr::LoadFree { dst: kk, idx: 1 });
        let base = w.reg()?;
        w.emit(Instr::Move { dst: base, src: kk });
        w.emit(Instr::Call {
            dst: base,
            f: base,
            args: Reg(base.0 + 1),
            argc: 0,
        });
        let tt = w.konst(Const::Bool(true))?;
        w.emit(Instr::StoreFree { idx: 0, src: tt });
        w.emit(Instr::Return { src: base });
        self.codes[id.0 as usize] = w.b.finish();
        let wrapper = fr.reg()?;
        fr.emit(Instr::MakeClosure { dst: wrapper, code: id });
        let mark = self.native(fr, "$mark", &[])?;
        let g = self.globals.intern("call/1");
        let callf = fr.reg()?;
        fr.emit(Instr::LoadGlobal { dst: callf, g });
        let exc = fr.reg()?;
        let start = fr.b.here();
        let result = self
            .call(fr, callf, wrapper, &[goal], Finish::Try)?
            .expect("a plain call");
        let end = fr.b.here();
        let done = fr.emit(Instr::Jump { target: Label(0) });
        let handler = fr.b.here();
        fr.b.add_handler(Handler {
            start,
            end,
            target: handler,
            dst: exc,
        });
        let inside = fr.reg()?;
        fr.emit(Instr::LoadCell {
            dst: inside,
            cell: flag,
        });
        let reraise = fr.emit(Instr::JumpIfFalse {
            cond: inside,
            target: Label(0),
        });
        self.native(fr, "$undo", &[mark])?;
        let ok = self.native(fr, "$catch_unify", &[catcher, exc])?;
        let reraise2 = fr.emit(Instr::JumpIfFalse {
            cond: ok,
            target: Label(0),
        });
        let r = self
            .call(fr, callf, k, &[recovery], Finish::Try)?
            .expect("a plain call");
        fr.emit(Instr::Move { dst: result, src: r });
        let done2 = fr.emit(Instr::Jump { target: Label(0) });
        let l = fr.b.here();
        fr.b.patch(reraise, l);
        fr.b.patch(reraise2, l);
        fr.emit(Instr::Raise { src: exc });
        let l = fr.b.here();
        fr.b.patch(done, l);
        fr.b.patch(done2, l);
        Ok(Some(result))
    }

    /// What happens with the result of the final call.
    fn finish(&mut self, fr: &mut Frame, result: Option<Reg>, mut fail: Fail, finish: Finish) -> Emit<Fail> {
        let Some(r) = result else {
            return Ok(fail);
        };
        match finish {
            Finish::Tail => {
                fr.emit(Instr::Return { src: r });
            }
            Finish::Try => {
                // A plain failure (the common case) goes straight to the next
                // clause. Anything else goes through `$cutres`, which maps a cut
                // that ended in the callee to `false` (next clause), this
                // predicate's own cut to `none` (fail without trying more
                // clauses), and passes the rest through.
                let f = fr.falsy()?;
                for value in [r, Reg(0)] {
                    let value = if value == r {
                        r
                    } else {
                        self.native(fr, "$cutres", &[r])?
                    };
                    let t = fr.reg()?;
                    fr.emit(Instr::Binary {
                        op: BinOp::Is,
                        dst: t,
                        a: value,
                        b: f,
                    });
                    if matches!(fail, Fail::Next) {
                        let l = fr.emit(Instr::JumpIfTrue {
                            cond: t,
                            target: Label(0),
                        });
                        fr.next_jumps.push(l);
                    } else {
                        let not_failed = fr.reg()?;
                        fr.emit(Instr::Unary {
                            op: UnOp::Not,
                            dst: not_failed,
                            a: t,
                        });
                        self.fail_unless(fr, not_failed, &mut fail)?;
                    }
                    if value != r {
                        fr.emit(Instr::Return { src: value });
                    }
                }
            }
            Finish::Convert(m) => {
                let skip = fr.emit(Instr::JumpIfTrue {
                    cond: r,
                    target: Label(0),
                });
                fr.emit(Instr::Return { src: m });
                let l = fr.b.here();
                fr.b.patch(skip, l);
                fr.emit(Instr::Return { src: r });
            }
        }
        Ok(fail)
    }

    /// Makes the continuation closure for `rest`; returns its register.
    fn continuation(&mut self, fr: &mut Frame, rest: &[Goal], nvars: usize) -> Emit<Reg> {
        let mut used = Vec::new();
        for g in rest {
            goal_vars(g, &mut |v| {
                if !used.contains(&v) {
                    used.push(v)
                }
            });
            if matches!(g, Goal::CutOwn | Goal::Marker(_)) && !used.contains(&Self::d_slot(nvars)) {
                used.push(Self::d_slot(nvars));
            }
        }
        used.push(Self::k_slot(nvars));
        let captured: Vec<usize> = used.into_iter().filter(|v| fr.vars[*v].is_some()).collect();
        let id = self.reserve();
        let name = format!("{}>", fr.name);
        let mut child = Frame {
            b: CodeBuilder::new(name.clone(), 0, fr.span),
            vars: vec![None; nvars + 2],
            in_pred: false,
            span: fr.span,
            name,
            next_jumps: Vec::new(),
            false_reg: None,
            numeric: Vec::new(),
        };
        child.b.set_params(Params::positional(0));
        for (idx, v) in captured.iter().enumerate() {
            let src = fr.vars[*v].expect("filtered to bound variables");
            let cell = fr.reg()?;
            fr.emit(Instr::NewCell { dst: cell, src });
            child.b.add_capture(Capture::Local(cell));
            let dst = child.reg()?;
            child.emit(Instr::LoadFree { dst, idx: idx as u16 });
            child.vars[*v] = Some(dst);
            if fr.numeric.contains(&src) {
                child.numeric.push(dst);
            }
        }
        child.false_reg = Some(child.konst(Const::Bool(false))?);
        self.goals(&mut child, rest, nvars, Fail::ReturnFalse, Finish::Tail)?;
        self.codes[id.0 as usize] = child.b.finish();
        let dst = fr.reg()?;
        fr.emit(Instr::MakeClosure { dst, code: id });
        Ok(dst)
    }

    /// Compiles predicate `name/arity` from its clauses; returns its code id.
    pub fn predicate(&mut self, name: &str, arity: usize, clauses: &[ClauseIr], span: Span) -> Emit<CodeId> {
        let id = self.reserve();
        let mut fr = Frame {
            b: CodeBuilder::new(format!("{name}/{arity}"), arity as u16 + 1, span),
            vars: Vec::new(),
            in_pred: true,
            span,
            name: format!("{name}/{arity}"),
            next_jumps: Vec::new(),
            false_reg: None,
            numeric: Vec::new(),
        };
        fr.b.set_params(Params::positional(arity as u16 + 1));
        // Before the dispatch, so every path has it.
        fr.false_reg = Some(fr.konst(Const::Bool(false))?);
        let sets = candidate_sets(clauses, arity);
        let needs_mark = sets.iter().any(|(_, s)| s.len() > 1);
        let needs_d = clauses.iter().any(needs_marker);
        // The trail mark is taken where a set with alternatives starts, so a
        // call that indexing makes deterministic does not pay for it.
        let mark = if needs_mark { Some(fr.reg()?) } else { None };
        let depth = if needs_d {
            Some(self.native(&mut fr, "$depth", &[])?)
        } else {
            None
        };
        // Dispatch on the first argument.
        let mut entries: Vec<(usize, Label)> = Vec::new();
        let mut switch_mark: Option<Reg> = None;
        if sets.len() > 1 {
            // `$switch(A1, key2, key3, ...)` returns `mark * 256 + set`: the
            // trail mark (so sets with alternatives need no `$mark` call) and
            // the index of A1's candidate set: 0 when A1 is unbound (every
            // clause), 1 when no key matches.
            let mut opds = vec![Opd::Reg(Reg(1))];
            for (k, _) in sets.iter().skip(2) {
                opds.push(Opd::Const(k.clone().expect("keyed sets have keys")));
            }
            let switched = self.native_k(&mut fr, "$switch", &opds)?;
            switch_mark = Some(switched);
            let k256 = fr.konst(Const::Int(256))?;
            let which = fr.reg()?;
            fr.emit(Instr::Binary {
                op: BinOp::Mod,
                dst: which,
                a: switched,
                b: k256,
            });
            // Keyed sets first (calls usually come with a bound first argument),
            // then "unbound"; "no key matched" is the fall-through.
            let order: Vec<usize> = (2..sets.len()).chain([0]).collect();
            for i in order {
                let c = fr.konst(Const::Int(i as i64))?;
                let t = fr.reg()?;
                fr.emit(Instr::Binary {
                    op: BinOp::Is,
                    dst: t,
                    a: which,
                    b: c,
                });
                let l = fr.emit(Instr::JumpIfTrue {
                    cond: t,
                    target: Label(0),
                });
                entries.push((i, l));
            }
            let l = fr.emit(Instr::Jump { target: Label(0) });
            entries.push((1, l));
        }
        let regs_mark = fr.b.reg_mark();
        let mut emitted: Vec<(Vec<usize>, Label)> = Vec::new();
        let mut set_labels = vec![Label(0); sets.len()];
        for (si, (_, set)) in sets.iter().enumerate() {
            if let Some((_, l)) = emitted.iter().find(|(s, _)| s == set) {
                set_labels[si] = *l;
                continue;
            }
            let start = fr.b.here();
            set_labels[si] = start;
            emitted.push((set.clone(), start));
            if set.is_empty() {
                let r = fr.konst(Const::Bool(false))?;
                fr.emit(Instr::Return { src: r });
                continue;
            }
            if set.len() > 1 {
                fr.b.reset_regs(regs_mark);
                let dst = mark.expect("a set with alternatives needs a mark");
                match switch_mark {
                    Some(encoded) => {
                        fr.emit(Instr::Move { dst, src: encoded });
                    }
                    None => {
                        let m = self.native(&mut fr, "$mark", &[])?;
                        fr.emit(Instr::Move { dst, src: m });
                    }
                }
            }
            for (pos, ci) in set.iter().enumerate() {
                let last = pos + 1 == set.len();
                let c = &clauses[*ci];
                fr.b.reset_regs(regs_mark);
                fr.span = c.span;
                fr.vars = vec![None; c.nvars + 2];
                fr.numeric.clear();
                fr.vars[Self::k_slot(c.nvars)] = Some(Reg(0));
                fr.vars[Self::d_slot(c.nvars)] = depth;
                let mut fail = if last { Fail::ReturnFalse } else { Fail::Next };
                let finish = if last { Finish::Tail } else { Finish::Try };
                for (i, t) in c.head.iter().enumerate() {
                    self.head_arg(&mut fr, Reg(i as u16 + 1), t, &mut fail)?;
                }
                self.goals(&mut fr, &c.goals, c.nvars, fail, finish)?;
                if !last {
                    let next = fr.b.here();
                    for j in std::mem::take(&mut fr.next_jumps) {
                        fr.b.patch(j, next);
                    }
                    let undo = if switch_mark.is_some() {
                        "$undo_switched"
                    } else {
                        "$undo"
                    };
                    self.native(&mut fr, undo, &[mark.expect("a choice needs a mark")])?;
                }
            }
        }
        for (si, l) in entries {
            fr.b.patch(l, set_labels[si]);
        }
        if clauses.is_empty() {
            let r = fr.konst(Const::Bool(false))?;
            fr.emit(Instr::Return { src: r });
        }
        self.codes[id.0 as usize] = fr.b.finish();
        Ok(id)
    }
}

/// Does a clause need its predicate's cut marker in a register (a cut after a call, or `'$marker'`)?
fn needs_marker(c: &ClauseIr) -> bool {
    let mut seen_call = false;
    for g in &c.goals {
        match g {
            Goal::Call(..) | Goal::Invoke(_) | Goal::Catch(..) => seen_call = true,
            Goal::CutOwn if seen_call => return true,
            Goal::Marker(_) => return true,
            _ => {}
        }
    }
    false
}

fn occurs(v: usize, t: &Term) -> bool {
    let mut found = false;
    t.for_each_var(&mut |x| found |= x == v);
    found
}

fn goal_vars(g: &Goal, f: &mut impl FnMut(usize)) {
    match g {
        Goal::Call(_, args) | Goal::Inline(_, args) => args.iter().for_each(|a| a.for_each_var(f)),
        Goal::Unify(a, b) | Goal::Is(a, b) | Goal::Compare(_, a, b) => {
            a.for_each_var(f);
            b.for_each_var(f);
        }
        Goal::CutTo(t) | Goal::Marker(t) | Goal::Invoke(t) => t.for_each_var(f),
        Goal::Catch(a, b, c) => {
            a.for_each_var(f);
            b.for_each_var(f);
            c.for_each_var(f);
        }
        Goal::CutOwn | Goal::Fail => {}
    }
}

/// The first-argument index key of a clause (`None`: a variable, matches everything).
fn key_of(head: &[Term]) -> Option<Const> {
    match head.first()? {
        Term::Atom(a) => Some(Const::Str(a.as_str().into())),
        Term::Int(i) => Some(Const::Int(*i)),
        Term::Float(f) => Some(Const::Float(*f)),
        Term::Compound(f, _) => Some(Const::Str(f.as_str().into())),
        Term::BigInt(_) | Term::Var(_) => None,
    }
}

/// The candidate clause lists: `[all, unmatched-key, key1, key2, ...]` with their keys.
/// A single list means no dispatch.
fn candidate_sets(clauses: &[ClauseIr], arity: usize) -> Vec<(Option<Const>, Vec<usize>)> {
    let all: Vec<usize> = (0..clauses.len()).collect();
    if arity == 0 || clauses.len() < 2 {
        return vec![(None, all)];
    }
    let keys: Vec<Option<Const>> = clauses.iter().map(|c| key_of(&c.head)).collect();
    if keys.iter().all(Option::is_none) {
        return vec![(None, all)];
    }
    let mut distinct: Vec<Const> = Vec::new();
    for k in keys.iter().flatten() {
        if !distinct.contains(k) {
            distinct.push(k.clone());
        }
    }
    let unkeyed: Vec<usize> = all.iter().copied().filter(|i| keys[*i].is_none()).collect();
    let mut sets = vec![(None, all.clone()), (None, unkeyed)];
    let mut total = clauses.len();
    for k in distinct {
        let set: Vec<usize> = all
            .iter()
            .copied()
            .filter(|i| keys[*i].is_none() || keys[*i].as_ref() == Some(&k))
            .collect();
        total += set.len();
        sets.push((Some(k), set));
    }
    if total > 4 * clauses.len() + 16 || sets.len() > 64 {
        return vec![(None, all)];
    }
    sets
}

/// One thing the unit's top-level code does, in order.
#[derive(Clone, Debug)]
pub enum Step {
    /// Bind global `name/arity` to the predicate's code.
    Define(String, usize, CodeId),
    /// Run a goal through `'$directive'/2` (errors and failures are reported,
    /// loading goes on); the flag says it is an initialization goal.
    Directive(Term, usize, Span, bool),
    /// Run a goal through `'$query'/2` with the variable names (the REPL).
    Query(Term, Vec<String>, usize, Span),
    /// Register the dynamic-predicate stub of arity `n` (the prelude only).
    Stub(usize),
    /// Warn about singleton variables: source line and the names.
    Singletons(usize, Vec<String>),
}

impl Emitter<'_> {
    /// The top-level code of a unit: define its predicates, then run its directives.
    pub fn main_code(&mut self, steps: &[Step], span: Span, finish: bool) -> Emit<CodeId> {
        let id = self.reserve();
        let mut fr = Frame {
            b: CodeBuilder::new("<module>", 0, span),
            vars: Vec::new(),
            in_pred: false,
            span,
            name: "<module>".into(),
            next_jumps: Vec::new(),
            false_reg: None,
            numeric: Vec::new(),
        };
        fr.b.set_params(Params::positional(0));
        // Register 0 holds a cell for the dynamic stubs' template closures.
        let cell_reg = fr.reg()?;
        let none = fr.konst(Const::None)?;
        fr.emit(Instr::NewCell {
            dst: cell_reg,
            src: none,
        });
        let mark = fr.b.reg_mark();
        for step in steps {
            fr.b.reset_regs(mark);
            match step {
                Step::Define(name, arity, code) => {
                    let r = fr.reg()?;
                    fr.emit(Instr::MakeClosure { dst: r, code: *code });
                    let g = self.globals.intern(&format!("{name}/{arity}"));
                    fr.emit(Instr::StoreGlobal { g, src: r });
                }
                Step::Directive(goal, nvars, span, _) | Step::Query(goal, _, nvars, span) => {
                    fr.span = *span;
                    fr.vars = vec![None; nvars + 2];
                    fr.numeric.clear();
                    let g = self.term(&mut fr, goal)?;
                    let mut args = vec![g];
                    let pred = if let Step::Query(_, names, ..) = step {
                        // ['X'=X, ...] for the answer.
                        let mut pairs = Vec::new();
                        for (i, n) in names.iter().enumerate() {
                            if n == "_" || n.starts_with('_') {
                                continue;
                            }
                            pairs.push(Term::compound("=", vec![Term::atom(n), Term::Var(i)]));
                        }
                        let list = Term::list(pairs, Term::atom("[]"));
                        args.push(self.term(&mut fr, &list)?);
                        "$query/2"
                    } else {
                        let init = matches!(step, Step::Directive(.., true));
                        args.push(fr.konst(Const::Str(if init { "initialization" } else { "directive" }.into()))?);
                        "$directive/2"
                    };
                    let k = fr.reg()?;
                    let succeed = self.globals.intern("$succeed");
                    fr.emit(Instr::LoadGlobal { dst: k, g: succeed });
                    let f = fr.reg()?;
                    let g = self.globals.intern(pred);
                    fr.emit(Instr::LoadGlobal { dst: f, g });
                    self.call(&mut fr, f, k, &args, Finish::Try)?;
                }
                Step::Singletons(line, names) => {
                    let l = fr.konst(Const::Int(*line as i64))?;
                    let list = Term::list(names.iter().map(|n| Term::atom(n)).collect(), Term::atom("[]"));
                    fr.vars = Vec::new();
                    fr.numeric.clear();
                    let names = self.term(&mut fr, &list)?;
                    self.native(&mut fr, "$warn_singletons", &[l, names])?;
                }
                Step::Stub(n) => {
                    let stub = self.dyn_stub(*n, cell_reg, span)?;
                    let r = fr.reg()?;
                    fr.emit(Instr::MakeClosure { dst: r, code: stub });
                    let n = fr.konst(Const::Int(*n as i64))?;
                    self.native(&mut fr, "$register_stub", &[n, r])?;
                }
            }
        }
        self.native(&mut fr, "$loaded", &[])?;
        if finish {
            // A program file: exit with status 1 if a directive failed or raised.
            self.native(&mut fr, "$finish", &[])?;
        }
        let r = fr.konst(Const::None)?;
        fr.emit(Instr::Return { src: r });
        self.codes[id.0 as usize] = fr.b.finish();
        Ok(id)
    }

    /// The code of a dynamic predicate of arity `n`: builds the goal from the
    /// name in its captured cell and the arguments, then runs `'$dyn_call'/1`.
    fn dyn_stub(&mut self, n: usize, cell_reg: Reg, span: Span) -> Emit<CodeId> {
        let id = self.reserve();
        let mut fr = Frame {
            b: CodeBuilder::new(format!("$dyn/{n}"), n as u16 + 1, span),
            vars: Vec::new(),
            in_pred: true,
            span,
            name: format!("$dyn/{n}"),
            next_jumps: Vec::new(),
            false_reg: None,
            numeric: Vec::new(),
        };
        fr.b.set_params(Params::positional(n as u16 + 1));
        fr.b.add_capture(Capture::Local(cell_reg));
        let name = fr.reg()?;
        fr.emit(Instr::LoadFree { dst: name, idx: 0 });
        let goal = if n == 0 {
            name
        } else {
            let mut regs = vec![name];
            regs.extend((1..=n).map(|i| Reg(i as u16)));
            self.native(&mut fr, "$mk", &regs)?
        };
        let f = fr.reg()?;
        let g = self.globals.intern("$dyn_call/1");
        fr.emit(Instr::LoadGlobal { dst: f, g });
        self.call(&mut fr, f, Reg(0), &[goal], Finish::Tail)?;
        self.codes[id.0 as usize] = fr.b.finish();
        Ok(id)
    }
}
