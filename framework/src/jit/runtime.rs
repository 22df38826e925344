//! What compiled code calls, and what happens when it returns.
//!
//! Compiled code talks to the interpreter through a [`JitCtx`] it receives
//! as its only argument: where the registers are, the instruction budget,
//! the heap's allocation counters, and the helper table. Every operation the
//! trace did not lower to machine instructions is a call of [`helper`], which
//! runs the *same* space operation the main loop would have run.
//!
//! Frames stay real while compiled code runs: an inlined call pushes the
//! callee's [`Frame`](crate::interp::Frame) through a helper, and its return
//! pops it. So leaving the trace (a failed guard, an error) only has to write
//! back the registers the snapshot lists and set the top frame's `pc`: the
//! main loop then carries on at exactly that instruction.

use super::ir::Helper;
use crate::interp::{Frame, Interp};
use crate::object::Value;
use crate::space::standard::StandardSpace;
use crate::space::{Callee, ErrorKind, OpError, Space};
use std::mem::offset_of;

type Vm = Interp<StandardSpace>;

/// The context compiled code receives. Its layout is fixed (`repr(C)`): the
/// code generator reads the fields at the offsets below.
#[repr(C)]
pub struct JitCtx {
    /// The trace's first register (`&regs[base]`), refreshed after every helper.
    pub regs: *mut u64,
    /// Set to 1 by a helper whose operation raised (the error waits in the JIT).
    pub failed: u64,
    /// The interpreter's remaining instruction budget.
    pub fuel: *mut u64,
    /// The heap's bytes allocated since the last collection.
    pub gc_allocated: *const usize,
    /// The heap's threshold for the next collection.
    pub gc_next: *const usize,
    /// The interpreter.
    pub vm: *mut Vm,
    /// Absolute index of the trace's first register.
    pub base: usize,
    /// Registers the traces may touch from `base` on (the most any trace needs).
    pub slots: usize,
}

/// Offset of [`JitCtx::regs`].
pub const CTX_REGS: i32 = offset_of!(JitCtx, regs) as i32;
/// Offset of [`JitCtx::failed`].
pub const CTX_FAILED: i32 = offset_of!(JitCtx, failed) as i32;
/// Offset of [`JitCtx::fuel`].
pub const CTX_FUEL: i32 = offset_of!(JitCtx, fuel) as i32;
/// Offset of [`JitCtx::gc_allocated`].
pub const CTX_GC_ALLOCATED: i32 = offset_of!(JitCtx, gc_allocated) as i32;
/// Offset of [`JitCtx::gc_next`].
pub const CTX_GC_NEXT: i32 = offset_of!(JitCtx, gc_next) as i32;

/// Makes sure the register stack covers the trace's slots and points `ctx.regs` at them.
pub fn refresh(vm: &mut Vm, ctx: &mut JitCtx) {
    let need = ctx.base + ctx.slots;
    if vm.regs.len() < need {
        vm.regs.resize(need, Value::NONE);
    }
    // SAFETY: `base < need <= regs.len()`, so the pointer stays inside the vector's buffer.
    ctx.regs = unsafe { vm.regs.as_mut_ptr().add(ctx.base) } as *mut u64;
}

/// The one entry point compiled code calls for every helper.
///
/// # Safety
/// `ctx` must be the context the runner built for the running trace (valid, unaliased).
pub unsafe extern "C" fn helper(ctx: *mut JitCtx, table: *const Helper, index: u64, a: u64, b: u64, c: u64) -> u64 {
    // SAFETY: compiled code passes the context the runner built for this call; it lives on
    // the runner's stack for the whole call, and nothing else accesses it meanwhile.
    let ctx = unsafe { &mut *ctx };
    // SAFETY: the runner gave up its own use of the interpreter while compiled code runs
    // (it only holds the raw pointer), so this is the one live reference.
    let vm = unsafe { &mut *ctx.vm };
    // SAFETY: `table` is the running trace's helper table (its buffer never moves, and the JIT
    // keeps every trace alive for the whole run); compiled code only passes indexes it was
    // generated with, each below the table's length.
    let h = unsafe { *table.add(index as usize) };
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mark = vm.native_roots.len();
        let r = run(
            vm,
            ctx,
            h,
            Value::from_bits(a),
            Value::from_bits(b),
            Value::from_bits(c),
        );
        vm.native_roots.truncate(mark);
        r
    }));
    let result = result.unwrap_or_else(|_| Err(OpError::new(ErrorKind::Value, "internal error in a JIT helper")));
    refresh(vm, ctx);
    match result {
        Ok(v) => v,
        Err(e) => fail(vm, ctx, e),
    }
}

fn fail(vm: &mut Vm, ctx: &mut JitCtx, e: OpError) -> u64 {
    if let Some(jit) = vm.jit.as_mut() {
        jit.pending_error = Some(e);
    }
    ctx.failed = 1;
    0
}

/// Boxes a double that does not fit inline (a heap float); used at exits.
///
/// # Safety
/// As for [`helper`].
pub unsafe extern "C" fn box_float(ctx: *mut JitCtx, bits: u64) -> u64 {
    // SAFETY: as in `helper`.
    let ctx = unsafe { &mut *ctx };
    // SAFETY: as in `helper`.
    let vm = unsafe { &mut *ctx.vm };
    match vm.space.float_value(f64::from_bits(bits)) {
        Ok(v) => v.bits(),
        Err(e) => {
            if let Some(jit) = vm.jit.as_mut() {
                jit.pending_error.get_or_insert(e);
            }
            Value::NONE.bits()
        }
    }
}

fn run(vm: &mut Vm, ctx: &mut JitCtx, h: Helper, a: Value, b: Value, c: Value) -> Result<u64, OpError> {
    let none = Value::NONE.bits();
    Ok(match h {
        Helper::Binary(op) => StandardSpace::binary(vm, op, a, b)?.bits(),
        Helper::Unary(op) => StandardSpace::unary(vm, op, a)?.bits(),
        Helper::Truth => StandardSpace::truth(vm, &a)? as u64,
        Helper::GetItem => StandardSpace::get_item(vm, a, b)?.bits(),
        Helper::SetItem => {
            StandardSpace::set_item(vm, a, b, c)?;
            none
        }
        Helper::GetAttr => StandardSpace::get_attr(vm, b, &a)?.bits(),
        Helper::GetMethod => match StandardSpace::get_method(vm, &b, &a)? {
            Some(f) => f.bits(),
            None => Value::EXHAUSTED.bits(),
        },
        Helper::SetAttr => {
            StandardSpace::set_attr(vm, b, &a, c)?;
            none
        }
        Helper::LoadGlobal { ns, g } => vm.global_slot(ns, g)?.bits(),
        Helper::StoreGlobal { ns, g } => {
            vm.set_global_slot(ns, g, a);
            none
        }
        Helper::Next => match StandardSpace::next(vm, a)? {
            Some(v) => v.bits(),
            None => Value::EXHAUSTED.bits(),
        },
        Helper::Iter => StandardSpace::iter(vm, a)?.bits(),
        Helper::Append => {
            StandardSpace::append(vm, a, b)?;
            none
        }
        Helper::Build { kind, first, count } => {
            let start = ctx.base + first as usize;
            let items: Vec<Value> = vm.regs[start..start + count as usize].to_vec();
            StandardSpace::build(vm, kind, &items)?.bits()
        }
        Helper::Unpack { first, count } => {
            let items = StandardSpace::unpack(vm, a, count as usize)?;
            let start = ctx.base + first as usize;
            for (i, v) in items.into_iter().enumerate() {
                vm.regs[start + i] = v;
            }
            none
        }
        Helper::CellGet => vm.space.cell_get(&a).bits(),
        Helper::CellSet => {
            vm.space.cell_set(&a, b);
            none
        }
        Helper::NewCell => vm.space.new_cell(a)?.bits(),
        Helper::FreeCell(idx) => {
            let closure = vm.frames.last().map(|f| f.closure).unwrap_or(Value::NONE);
            vm.space.closure_cell(&closure, idx).bits()
        }
        Helper::CallNative { args, argc } => match vm.space.callee(&a)? {
            Callee::Native(id) => vm.call_native_at(id, ctx.base + args as usize, argc as usize)?.bits(),
            _ => return Err(OpError::new(ErrorKind::Value, "JIT: native call of a non-native")),
        },
        Helper::PushFrame {
            code,
            args,
            argc,
            ret,
            return_pc,
        } => {
            if vm.frames.len() >= vm.max_depth() {
                return Err(OpError::new(ErrorKind::Recursion, "maximum recursion depth exceeded"));
            }
            if vm.space.gc_wanted() {
                vm.collect_now()?;
            }
            let first = ctx.base + args as usize;
            let code_ref = &vm.codes[code.0 as usize].code;
            let (nregs, fresh) = (code_ref.nregs as usize, code_ref.unbound_locals);
            let fresh = if fresh { Value::UNBOUND } else { Value::NONE };
            let need = first + nregs;
            if vm.regs.len() < need {
                vm.regs.resize(need, fresh);
            }
            for r in &mut vm.regs[first + argc as usize..need] {
                *r = fresh;
            }
            if let Some(caller) = vm.frames.last_mut() {
                caller.pc = return_pc;
            }
            vm.frames.push(Frame {
                code,
                pc: 0,
                base: first as u32,
                ret: crate::bytecode::Reg(ret),
                closure: a,
            });
            none
        }
        Helper::PopFrame => {
            vm.frames.pop();
            none
        }
        Helper::BoundFunc => match vm.space.callee(&a) {
            Ok(Callee::Bound { func, .. }) => func.bits(),
            _ => Value::EXHAUSTED.bits(),
        },
        Helper::BoundSelf => match vm.space.callee(&a)? {
            Callee::Bound { receiver, .. } => receiver.bits(),
            _ => return Err(OpError::new(ErrorKind::Value, "JIT: receiver of an unbound value")),
        },
    })
}
