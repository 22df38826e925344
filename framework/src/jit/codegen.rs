//! The backend: trace IR to machine code with Cranelift.
//!
//! A compiled trace is one function `extern "C" fn(ctx: *mut JitCtx) -> u64`.
//! It returns the index of the exit it left through (see [`Compiled::exits`]).
//! Registers are read and written through `ctx.regs`, which is reloaded after
//! every helper call (a helper may run guest code that grows the register
//! stack). Each guard gets its own exit block, which boxes the snapshot's
//! values, writes them to their registers and returns the exit's index.
//!
//! The code path is ISA-generic: `cranelift_native` picks the host (x86-64
//! here, aarch64 on ARM machines) and nothing below depends on which it is.

use super::ir::{FloatOp, Helper, IntOp, Kind, Op, SnapId, Trace, Vid};
use super::runtime::{JitCtx, CTX_FAILED, CTX_FUEL, CTX_GC_ALLOCATED, CTX_GC_NEXT, CTX_REGS};
use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{types, AbiParam, BlockArg, InstBuilder, MemFlagsData, Signature, UserFuncName};
use cranelift_codegen::isa::CallConv;
use cranelift_codegen::settings::{self, Configurable};
use cranelift_codegen::{ir, Context};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext, Variable};
use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::{default_libcall_names, Linkage, Module};
use std::collections::HashMap;

/// The signature of every runtime helper: `(ctx, helper table, index, a, b, c) -> value`.
pub type HelperFn = unsafe extern "C" fn(*mut JitCtx, *const Helper, u64, u64, u64, u64) -> u64;

/// The signature of the box-a-double helper used at exits.
pub type BoxFloatFn = unsafe extern "C" fn(*mut JitCtx, u64) -> u64;

/// The trampoline that enters compiled code from Rust: `(ctx, trace entry) -> exit code`.
/// Traces use Cranelift's `tail` calling convention (so a linked exit jumps into a bridge
/// without growing the stack), which Rust cannot call directly.
pub type TrampolineFn = unsafe extern "C" fn(*mut JitCtx, *const u8) -> u64;

/// The exit code compiled code returns: `trace << 32 | exit`, or `trace << 32 | REFUSED`
/// when a trace would not start (budget short, a collection due) and nothing ran.
pub const REFUSED: u32 = u32::MAX;

/// Machine code for one trace and what its exits mean.
pub struct Compiled {
    /// The entry point (`tail` calling convention: enter through the trampoline).
    pub entry: *const u8,
    /// `exits[i]` is the snapshot behind exit `i` (what the function returns).
    pub exits: Vec<SnapId>,
    /// The helpers the code calls, by index. Its buffer never moves: the code holds its address.
    pub helpers: Vec<Helper>,
    /// `links[i]`: the code exit `i` continues in (a bridge, a loop), or 0 to return. The
    /// code reads this table, so linking a bridge is one store; its buffer never moves.
    pub links: Vec<u64>,
    /// Bytes of machine code.
    pub code_size: usize,
    /// The exit a trace ending in `Finish` leaves through at its end.
    pub finish_exit: Option<u32>,
}

impl Compiled {
    /// Makes exit `exit` continue in the code at `target`.
    pub fn link(&mut self, exit: u32, target: *const u8) {
        if let Some(slot) = self.links.get_mut(exit as usize) {
            *slot = target as u64;
        }
    }
}

/// The code generator: owns the JIT module (and so the executable memory).
pub struct Backend {
    module: JITModule,
    ctx: Context,
    fctx: FunctionBuilderContext,
    helper: HelperFn,
    box_float: BoxFloatFn,
    count: usize,
    /// Enters compiled code from Rust.
    pub trampoline: TrampolineFn,
}

/// Why compiling failed.
#[derive(Debug)]
pub struct CompileError(pub String);

impl Backend {
    /// A backend for the host machine, calling `helper` and `box_float` from compiled code.
    pub fn new(helper: HelperFn, box_float: BoxFloatFn) -> Result<Backend, CompileError> {
        let mut flags = settings::builder();
        let set = |f: &mut settings::Builder, k: &str, v: &str| f.set(k, v).map_err(|e| CompileError(e.to_string()));
        set(&mut flags, "opt_level", "speed")?;
        set(&mut flags, "use_colocated_libcalls", "false")?;
        set(&mut flags, "is_pic", "false")?;
        // Tail calls between traces rely on frame pointers.
        set(&mut flags, "preserve_frame_pointers", "true")?;
        // Cranelift's own IR verifier: in debug builds (tests), like ours.
        set(
            &mut flags,
            "enable_verifier",
            if cfg!(debug_assertions) { "true" } else { "false" },
        )?;
        let isa = cranelift_native::builder()
            .map_err(|e| CompileError(e.to_string()))?
            .finish(settings::Flags::new(flags))
            .map_err(|e| CompileError(e.to_string()))?;
        let mut module = JITModule::new(JITBuilder::with_isa(isa, default_libcall_names()));
        let mut ctx = module.make_context();
        let mut fctx = FunctionBuilderContext::new();
        let trampoline = Self::trampoline(&mut module, &mut ctx, &mut fctx)?;
        Ok(Backend {
            module,
            ctx,
            fctx,
            helper,
            box_float,
            count: 0,
            trampoline,
        })
    }

    /// `fn(ctx, entry) -> u64 { entry(ctx) }`, calling `entry` with the `tail` convention.
    fn trampoline(
        module: &mut JITModule,
        ctx: &mut Context,
        fctx: &mut FunctionBuilderContext,
    ) -> Result<TrampolineFn, CompileError> {
        let ptr = module.target_config().pointer_type();
        let mut sig = module.make_signature();
        sig.params.push(AbiParam::new(ptr));
        sig.params.push(AbiParam::new(ptr));
        sig.returns.push(AbiParam::new(types::I64));
        ctx.func.signature = sig;
        ctx.func.name = UserFuncName::user(1, 0);
        let frontend = module.target_config();
        {
            let mut b = FunctionBuilder::new(&mut ctx.func, fctx);
            let tail = b.import_signature(trace_signature(ptr));
            let entry = b.create_block();
            b.append_block_params_for_function_params(entry);
            b.switch_to_block(entry);
            let (c, f) = (b.block_params(entry)[0], b.block_params(entry)[1]);
            let call = b.ins().call_indirect(tail, f, &[c]);
            let r = b.inst_results(call)[0];
            b.ins().return_(&[r]);
            b.seal_all_blocks();
            b.finalize(frontend);
        }
        let id = module
            .declare_function("trampoline", Linkage::Local, &ctx.func.signature)
            .map_err(|e| CompileError(e.to_string()))?;
        module
            .define_function(id, ctx)
            .map_err(|e| CompileError(format!("{e:?}")))?;
        module.clear_context(ctx);
        module.finalize_definitions().map_err(|e| CompileError(e.to_string()))?;
        let raw = module.get_finalized_function(id);
        // SAFETY: the function just finalized has the C signature `fn(ptr, ptr) -> u64` built
        // above; the module owning its memory lives as long as the backend.
        Ok(unsafe { std::mem::transmute::<*const u8, TrampolineFn>(raw) })
    }

    /// Compiles a verified trace that will be trace number `id`.
    pub fn compile(&mut self, trace: &Trace, id: usize) -> Result<Compiled, CompileError> {
        let ptr = self.module.target_config().pointer_type();
        self.module.clear_context(&mut self.ctx);
        self.ctx.func.signature = trace_signature(ptr);
        self.count += 1;
        self.ctx.func.name = UserFuncName::user(0, self.count as u32);
        let mut helper_sig = Signature::new(self.module.isa().default_call_conv());
        for _ in 0..6 {
            helper_sig.params.push(AbiParam::new(types::I64));
        }
        helper_sig.returns.push(AbiParam::new(types::I64));
        let mut box_sig = Signature::new(self.module.isa().default_call_conv());
        box_sig.params.push(AbiParam::new(types::I64));
        box_sig.params.push(AbiParam::new(types::I64));
        box_sig.returns.push(AbiParam::new(types::I64));

        let mut exits = Vec::new();
        let calls = trace.ops.iter().filter(|e| matches!(e.op, Op::Call { .. })).count();
        let mut helpers = Vec::with_capacity(calls);
        // Every operation makes at most three exits; a finish and the entry check add two.
        let links = vec![0u64; trace.ops.len() * 3 + 4];
        let helpers_addr = helpers.as_ptr() as i64;
        let finish_exit;
        let frontend = self.module.target_config();
        {
            let mut b = FunctionBuilder::new(&mut self.ctx.func, &mut self.fctx);
            let helper_sig = b.import_signature(helper_sig);
            let box_sig = b.import_signature(box_sig);
            let tail_sig = b.import_signature(trace_signature(ptr));
            let entry = b.create_block();
            b.append_block_params_for_function_params(entry);
            b.switch_to_block(entry);
            let ctx = b.block_params(entry)[0];
            let regs = b.declare_var(types::I64);
            let loaded = b.ins().load(types::I64, MemFlagsData::trusted(), ctx, CTX_REGS);
            b.def_var(regs, loaded);
            let mut g = Gen {
                b,
                ctx,
                regs,
                vals: HashMap::new(),
                kinds: HashMap::new(),
                trace,
                exits: &mut exits,
                helpers: &mut helpers,
                helper_sig,
                box_sig,
                helper_addr: self.helper as usize as i64,
                box_addr: self.box_float as usize as i64,
                header: None,
                params: Vec::new(),
                pending_exits: Vec::new(),
                has_calls: calls > 0,
                tail_sig,
                id: (id as i64) << 32,
                links_addr: links.as_ptr() as i64,
                helpers_addr,
                finish_exit: None,
            };
            g.entry_check()?;
            for e in &trace.ops {
                g.op(e.id, &e.op)?;
            }
            g.emit_exits()?;
            finish_exit = g.finish_exit;
            g.b.seal_all_blocks();
            g.b.finalize(frontend);
        }
        let fid = self
            .module
            .declare_function(
                &format!("trace{}", self.count),
                Linkage::Local,
                &self.ctx.func.signature,
            )
            .map_err(|e| CompileError(e.to_string()))?;
        self.module
            .define_function(fid, &mut self.ctx)
            .map_err(|e| CompileError(format!("{e:?}")))?;
        let code_size = self.ctx.compiled_code().map(|c| c.code_buffer().len()).unwrap_or(0);
        self.module.clear_context(&mut self.ctx);
        self.module
            .finalize_definitions()
            .map_err(|e| CompileError(e.to_string()))?;
        let entry = self.module.get_finalized_function(fid);
        debug_assert!(helpers.len() <= calls, "the helper table never reallocates");
        Ok(Compiled {
            entry,
            exits,
            helpers,
            links,
            code_size,
            finish_exit,
        })
    }
}

/// `fn(ctx) -> u64` in the `tail` calling convention, shared by every trace.
fn trace_signature(ptr: ir::Type) -> Signature {
    let mut sig = Signature::new(CallConv::Tail);
    sig.params.push(AbiParam::new(ptr));
    sig.returns.push(AbiParam::new(types::I64));
    sig
}

struct Gen<'a, 'f> {
    b: FunctionBuilder<'f>,
    ctx: ir::Value,
    regs: Variable,
    vals: HashMap<Vid, ir::Value>,
    kinds: HashMap<Vid, Kind>,
    trace: &'a Trace,
    exits: &'a mut Vec<SnapId>,
    helpers: &'a mut Vec<Helper>,
    helper_sig: ir::SigRef,
    box_sig: ir::SigRef,
    helper_addr: i64,
    box_addr: i64,
    header: Option<ir::Block>,
    params: Vec<ir::Value>,
    has_calls: bool,
    pending_exits: Vec<(ir::Block, SnapId)>,
    tail_sig: ir::SigRef,
    id: i64,
    links_addr: i64,
    helpers_addr: i64,
    finish_exit: Option<u32>,
}

const SMALL_FLOAT_OFFSET: i64 = 896 << 53;

impl Gen<'_, '_> {
    fn val(&self, v: Vid) -> Result<ir::Value, CompileError> {
        self.vals
            .get(&v)
            .copied()
            .ok_or_else(|| CompileError(format!("{v} used before it is defined")))
    }

    fn def(&mut self, id: Vid, kind: Kind, v: ir::Value) {
        self.vals.insert(id, v);
        self.kinds.insert(id, kind);
    }

    fn iconst(&mut self, x: i64) -> ir::Value {
        self.b.ins().iconst(types::I64, x)
    }

    /// Leaves through `snap` when `fail` (an i8 condition) is true.
    fn guard_fail_if(&mut self, fail: ir::Value, snap: SnapId) -> Result<(), CompileError> {
        let exit = self.exit_block(snap)?;
        let cont = self.b.create_block();
        self.b.ins().brif(fail, exit, &[], cont, &[]);
        self.b.switch_to_block(cont);
        Ok(())
    }

    /// An exit block for one site, filled in after the main path (see [`Gen::emit_exits`]).
    fn exit_block(&mut self, snap: SnapId) -> Result<ir::Block, CompileError> {
        let block = self.b.create_block();
        self.b.set_cold_block(block);
        self.pending_exits.push((block, snap));
        Ok(block)
    }

    /// Fills every exit block: write the snapshot back, return the exit's index.
    fn emit_exits(&mut self) -> Result<(), CompileError> {
        for (block, snap) in std::mem::take(&mut self.pending_exits) {
            self.b.switch_to_block(block);
            self.write_back(snap)?;
            self.leave(snap);
        }
        Ok(())
    }

    /// Ends an exit: continue in the code linked to it, if any, else return its number.
    fn leave(&mut self, snap: SnapId) {
        let index = self.exits.len() as i64;
        self.exits.push(snap);
        let table = self.iconst(self.links_addr);
        let target = self
            .b
            .ins()
            .load(types::I64, MemFlagsData::trusted(), table, (index * 8) as i32);
        let linked = self.b.create_block();
        let unlinked = self.b.create_block();
        self.b.ins().brif(target, linked, &[], unlinked, &[]);
        self.b.switch_to_block(linked);
        // Refund the part of this pass that did not run, as the runner does on a return.
        let refund = self.trace.length as i64 - self.trace.snaps[snap.0 as usize].executed as i64;
        if refund > 0 {
            let (p, fuel) = self.ctx_word(CTX_FUEL);
            let back = self.b.ins().iadd_imm_s(fuel, refund);
            self.b.ins().store(MemFlagsData::trusted(), back, p, 0);
        }
        self.b.ins().return_call_indirect(self.tail_sig, target, &[self.ctx]);
        self.b.switch_to_block(unlinked);
        let r = self.iconst(self.id | index);
        self.b.ins().return_(&[r]);
    }

    /// The word a context field points at: `(pointer, *pointer)`.
    fn ctx_word(&mut self, offset: i32) -> (ir::Value, ir::Value) {
        let p = self.b.ins().load(types::I64, MemFlagsData::trusted(), self.ctx, offset);
        let v = self.b.ins().load(types::I64, MemFlagsData::trusted(), p, 0);
        (p, v)
    }

    /// True (an i8) when the heap wants a collection.
    fn gc_due(&mut self) -> ir::Value {
        let (_, allocated) = self.ctx_word(CTX_GC_ALLOCATED);
        let (_, next) = self.ctx_word(CTX_GC_NEXT);
        self.b.ins().icmp(IntCC::UnsignedGreaterThanOrEqual, allocated, next)
    }

    /// At the start: pay this pass's instructions, or refuse (nothing has run yet) when the
    /// budget is short or a collection is due.
    fn entry_check(&mut self) -> Result<(), CompileError> {
        let refuse = self.b.create_block();
        self.b.set_cold_block(refuse);
        if self.has_calls {
            let want = self.gc_due();
            let go = self.b.create_block();
            self.b.ins().brif(want, refuse, &[], go, &[]);
            self.b.switch_to_block(go);
        }
        let length = self.trace.length as i64;
        let (p, fuel) = self.ctx_word(CTX_FUEL);
        let short = self.b.ins().icmp_imm_s(IntCC::UnsignedLessThan, fuel, length);
        let go = self.b.create_block();
        self.b.ins().brif(short, refuse, &[], go, &[]);
        self.b.switch_to_block(refuse);
        let r = self.iconst(self.id | REFUSED as i64);
        self.b.ins().return_(&[r]);
        self.b.switch_to_block(go);
        let paid = self.b.ins().iadd_imm_s(fuel, -length);
        self.b.ins().store(MemFlagsData::trusted(), paid, p, 0);
        Ok(())
    }

    fn write_back(&mut self, snap: SnapId) -> Result<(), CompileError> {
        let writes = self.trace.snaps[snap.0 as usize].writes.clone();
        for (slot, v) in writes {
            let kind = *self
                .kinds
                .get(&v)
                .ok_or_else(|| CompileError(format!("exit writes {v}, which is not defined there")))?;
            let x = self.val(v)?;
            let bits = self.box_value(x, kind);
            let regs = self.b.use_var(self.regs);
            self.b
                .ins()
                .store(MemFlagsData::trusted(), bits, regs, (slot * 8) as i32);
        }
        Ok(())
    }

    /// The wrapped form of a value of any kind.
    fn box_value(&mut self, x: ir::Value, kind: Kind) -> ir::Value {
        match kind {
            Kind::Boxed => x,
            Kind::Int => {
                let s = self.b.ins().ishl_imm_s(x, 1);
                self.b.ins().bor_imm_s(s, 1)
            }
            Kind::Bool => {
                let t = self.iconst(crate::object::Value::TRUE.bits() as i64);
                let f = self.iconst(crate::object::Value::FALSE.bits() as i64);
                self.b.ins().select(x, t, f)
            }
            Kind::Float => self.box_float(x),
        }
    }

    /// Inline float encoding, or the runtime's boxed float where it does not fit.
    fn box_float(&mut self, x: ir::Value) -> ir::Value {
        let bits = self.b.ins().bitcast(types::I64, MemFlagsData::new(), x);
        let rot = self.b.ins().rotl_imm_s(bits, 1);
        let zero_like = self.b.ins().icmp_imm_s(IntCC::UnsignedLessThanOrEqual, rot, 1);
        let shifted = self.b.ins().iadd_imm_s(rot, -SMALL_FLOAT_OFFSET);
        let top = self.b.ins().ushr_imm_s(shifted, 61);
        let top_ok = self.b.ins().icmp_imm_s(IntCC::Equal, top, 0);
        let gt1 = self.b.ins().icmp_imm_s(IntCC::UnsignedGreaterThan, shifted, 1);
        let in_range = self.b.ins().band(top_ok, gt1);
        let ok = self.b.ins().bor(zero_like, in_range);
        let chosen = self.b.ins().select(zero_like, rot, shifted);
        let sh = self.b.ins().ishl_imm_s(chosen, 3);
        let inline = self.b.ins().bor_imm_s(sh, 4);
        let slow = self.b.create_block();
        let done = self.b.create_block();
        let out = self.b.append_block_param(done, types::I64);
        self.b.ins().brif(ok, done, &[BlockArg::Value(inline)], slow, &[]);
        self.b.switch_to_block(slow);
        self.b.set_cold_block(slow);
        let f = self.iconst(self.box_addr);
        let call = self.b.ins().call_indirect(self.box_sig, f, &[self.ctx, bits]);
        let r = self.b.inst_results(call)[0];
        self.b.ins().jump(done, &[BlockArg::Value(r)]);
        self.b.switch_to_block(done);
        out
    }

    fn unbox_float(&mut self, bits: ir::Value) -> ir::Value {
        let rot = self.b.ins().ushr_imm_s(bits, 3);
        let adj = self.b.ins().iadd_imm_s(rot, SMALL_FLOAT_OFFSET);
        let big = self.b.ins().icmp_imm_s(IntCC::UnsignedGreaterThan, rot, 1);
        let r = self.b.ins().select(big, adj, rot);
        let back = self.b.ins().rotr_imm_s(r, 1);
        self.b.ins().bitcast(types::F64, MemFlagsData::new(), back)
    }

    /// Leaves unless `r` fits a small int (63 bits).
    fn guard_small(&mut self, r: ir::Value, snap: SnapId) -> Result<(), CompileError> {
        let s = self.b.ins().ishl_imm_s(r, 1);
        let back = self.b.ins().sshr_imm_s(s, 1);
        let bad = self.b.ins().icmp(IntCC::NotEqual, back, r);
        self.guard_fail_if(bad, snap)
    }

    fn call_helper(&mut self, helper: Helper, args: &[ir::Value], snap: SnapId) -> Result<ir::Value, CompileError> {
        let index = self.helpers.len() as i64;
        self.helpers.push(helper);
        let mut argv = vec![self.ctx, self.iconst(self.helpers_addr), self.iconst(index)];
        for i in 0..3 {
            argv.push(match args.get(i) {
                Some(v) => *v,
                None => self.iconst(0),
            });
        }
        let f = self.iconst(self.helper_addr);
        let call = self.b.ins().call_indirect(self.helper_sig, f, &argv);
        let r = self.b.inst_results(call)[0];
        let loaded = self
            .b
            .ins()
            .load(types::I64, MemFlagsData::trusted(), self.ctx, CTX_REGS);
        self.b.def_var(self.regs, loaded);
        let failed = self
            .b
            .ins()
            .load(types::I8, MemFlagsData::trusted(), self.ctx, CTX_FAILED);
        self.guard_fail_if(failed, snap)?;
        Ok(r)
    }

    fn op(&mut self, id: Vid, op: &Op) -> Result<(), CompileError> {
        match op {
            Op::LoadSlot { slot } | Op::ReloadSlot { slot } => {
                let regs = self.b.use_var(self.regs);
                let v = self
                    .b
                    .ins()
                    .load(types::I64, MemFlagsData::trusted(), regs, (*slot * 8) as i32);
                self.def(id, Kind::Boxed, v);
            }
            Op::StoreSlot { slot, v } => {
                let x = self.val(*v)?;
                let regs = self.b.use_var(self.regs);
                self.b.ins().store(MemFlagsData::trusted(), x, regs, (*slot * 8) as i32);
            }
            Op::Const { bits, kind } => {
                let v = match kind {
                    Kind::Float => self.b.ins().f64const(f64::from_bits(*bits)),
                    _ => self.iconst(*bits as i64),
                };
                self.def(id, *kind, v);
            }
            Op::GuardInt { v, snap } => {
                let x = self.val(*v)?;
                let tag = self.b.ins().band_imm_s(x, 1);
                let bad = self.b.ins().icmp_imm_s(IntCC::Equal, tag, 0);
                self.guard_fail_if(bad, *snap)?;
            }
            Op::GuardFloat { v, snap } => {
                let x = self.val(*v)?;
                let tag = self.b.ins().band_imm_s(x, 7);
                let bad = self.b.ins().icmp_imm_s(IntCC::NotEqual, tag, 4);
                self.guard_fail_if(bad, *snap)?;
            }
            Op::GuardBits { v, bits, snap } => {
                let x = self.val(*v)?;
                let bad = self.b.ins().icmp_imm_s(IntCC::NotEqual, x, *bits as i64);
                self.guard_fail_if(bad, *snap)?;
            }
            Op::GuardNotBits { v, bits, snap } => {
                let x = self.val(*v)?;
                let bad = self.b.ins().icmp_imm_s(IntCC::Equal, x, *bits as i64);
                self.guard_fail_if(bad, *snap)?;
            }
            Op::GuardBool { v, expect, snap } => {
                let x = self.val(*v)?;
                let cc = if *expect { IntCC::Equal } else { IntCC::NotEqual };
                let bad = self.b.ins().icmp_imm_s(cc, x, 0);
                self.guard_fail_if(bad, *snap)?;
            }
            Op::UnboxInt { v } => {
                let x = self.val(*v)?;
                let r = self.b.ins().sshr_imm_s(x, 1);
                self.def(id, Kind::Int, r);
            }
            Op::BoxInt { v } => {
                let x = self.val(*v)?;
                let r = self.box_value(x, Kind::Int);
                self.def(id, Kind::Boxed, r);
            }
            Op::UnboxFloat { v } => {
                let x = self.val(*v)?;
                let r = self.unbox_float(x);
                self.def(id, Kind::Float, r);
            }
            Op::BoxFloat { v } => {
                let x = self.val(*v)?;
                let r = self.box_float(x);
                self.def(id, Kind::Boxed, r);
            }
            Op::BoxBool { v } => {
                let x = self.val(*v)?;
                let r = self.box_value(x, Kind::Bool);
                self.def(id, Kind::Boxed, r);
            }
            Op::Not { v } => {
                let x = self.val(*v)?;
                let r = self.b.ins().bxor_imm_s(x, 1);
                self.def(id, Kind::Bool, r);
            }
            Op::Int { op, a, b, snap } => self.int_op(id, *op, *a, *b, *snap)?,
            Op::Float { op, a, b, snap } => {
                let (x, y) = (self.val(*a)?, self.val(*b)?);
                let arith = |g: &mut Self, f: fn(&mut FunctionBuilder, ir::Value, ir::Value) -> ir::Value| {
                    let r = f(&mut g.b, x, y);
                    g.def(id, Kind::Float, r);
                };
                let cmp = |g: &mut Self, cc: FloatCC| {
                    let c = g.b.ins().fcmp(cc, x, y);
                    let r = g.b.ins().uextend(types::I64, c);
                    g.def(id, Kind::Bool, r);
                };
                match op {
                    FloatOp::Add => arith(self, |b, x, y| b.ins().fadd(x, y)),
                    FloatOp::Sub => arith(self, |b, x, y| b.ins().fsub(x, y)),
                    FloatOp::Mul => arith(self, |b, x, y| b.ins().fmul(x, y)),
                    FloatOp::Div => {
                        let snap = snap.ok_or_else(|| CompileError("float division without an exit".into()))?;
                        let zero = self.b.ins().f64const(0.0);
                        let bad = self.b.ins().fcmp(FloatCC::Equal, y, zero);
                        self.guard_fail_if(bad, snap)?;
                        arith(self, |b, x, y| b.ins().fdiv(x, y));
                    }
                    FloatOp::Lt => cmp(self, FloatCC::LessThan),
                    FloatOp::Le => cmp(self, FloatCC::LessThanOrEqual),
                    FloatOp::Gt => cmp(self, FloatCC::GreaterThan),
                    FloatOp::Ge => cmp(self, FloatCC::GreaterThanOrEqual),
                    FloatOp::Eq => cmp(self, FloatCC::Equal),
                    FloatOp::Ne => cmp(self, FloatCC::NotEqual),
                }
            }
            Op::Call { helper, args, snap } => {
                let argv: Vec<ir::Value> = args.iter().map(|a| self.val(*a)).collect::<Result<_, _>>()?;
                let r = self.call_helper(*helper, &argv, *snap)?;
                let kind = op.result().unwrap_or(Kind::Boxed);
                self.def(id, kind, r);
            }
            Op::LoopHeader { params, entry } => {
                let header = self.b.create_block();
                let mut block_params = Vec::new();
                for (_, kind) in params {
                    let ty = if *kind == Kind::Float { types::F64 } else { types::I64 };
                    block_params.push(self.b.append_block_param(header, ty));
                }
                let args: Vec<BlockArg> = entry
                    .iter()
                    .map(|a| self.val(*a).map(BlockArg::Value))
                    .collect::<Result<_, _>>()?;
                self.b.ins().jump(header, &args);
                self.b.switch_to_block(header);
                self.header = Some(header);
                self.params = block_params;
            }
            Op::Param { index, kind, .. } => {
                let v = self.params[*index as usize];
                self.def(id, *kind, v);
            }
            Op::Safepoint { snap } => {
                if self.has_calls {
                    let want = self.gc_due();
                    self.guard_fail_if(want, *snap)?;
                }
                let length = self.trace.length as i64;
                let (p, fuel) = self.ctx_word(CTX_FUEL);
                let short = self.b.ins().icmp_imm_s(IntCC::UnsignedLessThan, fuel, length);
                self.guard_fail_if(short, *snap)?;
                let paid = self.b.ins().iadd_imm_s(fuel, -length);
                self.b.ins().store(MemFlagsData::trusted(), paid, p, 0);
            }
            Op::Jump { args } => {
                let header = self
                    .header
                    .ok_or_else(|| CompileError("jump without a loop header".into()))?;
                let argv: Vec<BlockArg> = args
                    .iter()
                    .map(|a| self.val(*a).map(BlockArg::Value))
                    .collect::<Result<_, _>>()?;
                self.b.ins().jump(header, &argv);
                // Nothing follows a jump; give the builder a block to stand in.
                let dead = self.b.create_block();
                self.b.switch_to_block(dead);
                let z = self.iconst(0);
                self.b.ins().return_(&[z]);
            }
            Op::Finish { snap } => {
                self.write_back(*snap)?;
                self.finish_exit = Some(self.exits.len() as u32);
                self.leave(*snap);
                let dead = self.b.create_block();
                self.b.switch_to_block(dead);
                let z = self.iconst(0);
                self.b.ins().return_(&[z]);
            }
        }
        Ok(())
    }

    fn int_op(&mut self, id: Vid, op: IntOp, a: Vid, b: Vid, snap: Option<SnapId>) -> Result<(), CompileError> {
        let (x, y) = (self.val(a)?, self.val(b)?);
        let need = |s: Option<SnapId>| s.ok_or_else(|| CompileError(format!("int {op:?} without an exit")));
        if op.is_comparison() {
            let cc = match op {
                IntOp::Lt => IntCC::SignedLessThan,
                IntOp::Le => IntCC::SignedLessThanOrEqual,
                IntOp::Gt => IntCC::SignedGreaterThan,
                IntOp::Ge => IntCC::SignedGreaterThanOrEqual,
                IntOp::Eq => IntCC::Equal,
                _ => IntCC::NotEqual,
            };
            let c = self.b.ins().icmp(cc, x, y);
            let r = self.b.ins().uextend(types::I64, c);
            self.def(id, Kind::Bool, r);
            return Ok(());
        }
        let r = match op {
            IntOp::Add => {
                // Both operands fit 63 bits, so the 64-bit sum cannot overflow.
                let r = self.b.ins().iadd(x, y);
                self.guard_small(r, need(snap)?)?;
                r
            }
            IntOp::Sub => {
                let r = self.b.ins().isub(x, y);
                self.guard_small(r, need(snap)?)?;
                r
            }
            IntOp::Mul => {
                let (r, overflow) = self.b.ins().smul_overflow(x, y);
                let s = need(snap)?;
                self.guard_fail_if(overflow, s)?;
                self.guard_small(r, s)?;
                r
            }
            IntOp::FloorDiv | IntOp::Mod => {
                let s = need(snap)?;
                let zero = self.b.ins().icmp_imm_s(IntCC::Equal, y, 0);
                self.guard_fail_if(zero, s)?;
                let q = self.b.ins().sdiv(x, y);
                let rem = self.b.ins().srem(x, y);
                // Python rounds towards negative infinity: adjust when the signs differ.
                let nonzero = self.b.ins().icmp_imm_s(IntCC::NotEqual, rem, 0);
                let signs = self.b.ins().bxor(rem, y);
                let differ = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, signs, 0);
                let adjust = self.b.ins().band(nonzero, differ);
                let r = if op == IntOp::FloorDiv {
                    let q1 = self.b.ins().iadd_imm_s(q, -1);
                    self.b.ins().select(adjust, q1, q)
                } else {
                    let r1 = self.b.ins().iadd(rem, y);
                    self.b.ins().select(adjust, r1, rem)
                };
                self.guard_small(r, s)?;
                r
            }
            IntOp::And => self.b.ins().band(x, y),
            IntOp::Or => self.b.ins().bor(x, y),
            IntOp::Xor => self.b.ins().bxor(x, y),
            IntOp::Shl => {
                let s = need(snap)?;
                let bad = self.b.ins().icmp_imm_s(IntCC::UnsignedGreaterThanOrEqual, y, 64);
                self.guard_fail_if(bad, s)?;
                let r = self.b.ins().ishl(x, y);
                let back = self.b.ins().sshr(r, y);
                let lost = self.b.ins().icmp(IntCC::NotEqual, back, x);
                self.guard_fail_if(lost, s)?;
                self.guard_small(r, s)?;
                r
            }
            IntOp::Shr => {
                let s = need(snap)?;
                let negative = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, y, 0);
                self.guard_fail_if(negative, s)?;
                let big = self.b.ins().icmp_imm_s(IntCC::SignedGreaterThan, y, 63);
                let c63 = self.iconst(63);
                let count = self.b.ins().select(big, c63, y);
                self.b.ins().sshr(x, count)
            }
            _ => unreachable!("comparisons are handled above"),
        };
        self.def(id, Kind::Int, r);
        Ok(())
    }
}
