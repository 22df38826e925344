//! The small standard modules written in Rust: `sys`, `time`, `random`
//! (`math` is in [`super::modules_math`]; `functools` and `itertools` are
//! Python source in the prelude, put into modules by `__wb_fill_module__`).
//!
//! A module is a `MODULE` object over a fresh global namespace, recorded in
//! the runtime's module table so that `import` finds it first.
//!
//! `random` is CPython's own generator, MT19937, seeded the way CPython
//! seeds it from an int, so `random.seed(n)` followed by `random()`,
//! `randrange`, `randint`, `choice`, `shuffle`, `uniform` and `sample` gives
//! the same numbers as CPython. Its state lives in the heap (a hidden list
//! in the module), so each interpreter has its own.

use super::support::{big_index, collect, index_of, list_mut, new_str, raise_msg, R};
use crate::runtime::objects::{field, new_fields, py, py_mut};
use crate::runtime::types as T;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use workbench_framework::interp::NsId;
use workbench_framework::language::Arity;
use workbench_framework::object::Value;
use workbench_framework::space::standard::{collections, StandardSpace, Vm};
use workbench_framework::space::{ErrorKind, OpError, Space};

/// The module called `name`, made (empty, rooted, recorded) if it is new.
pub fn module(vm: &mut Vm, name: &str) -> R {
    if let Some(&m) = py(vm).modules.get(name) {
        return Ok(m);
    }
    let ns = vm.new_namespace(name);
    let name_v = new_str(vm, name)?;
    vm.space.roots.push(name_v);
    let m = new_fields(
        &mut vm.space,
        T::MODULE,
        vec![name_v, Value::small_int(ns.0 as i64).unwrap_or(Value::NONE)],
    )?;
    vm.space.roots.push(m);
    vm.set_global_in(ns, "__name__", name_v);
    py_mut(vm).modules.insert(name.to_string(), m);
    Ok(m)
}

/// The namespace of a module object.
pub fn namespace(vm: &Vm, m: Value) -> NsId {
    NsId(field(&vm.space, m, 1).as_small_int().unwrap_or(0) as u32)
}

/// Binds natives in a module's namespace.
pub fn bind_in(vm: &mut Vm, ns: NsId, entries: &[super::Entry]) -> Result<(), OpError> {
    for &(name, arity, func) in entries {
        let f = vm.make_native_fn(name, arity, func)?;
        vm.space.roots.push(f);
        vm.set_global_in(ns, name, f);
    }
    Ok(())
}

fn module_ns(vm: &mut Vm, name: &str) -> Result<NsId, OpError> {
    let m = module(vm, name)?;
    Ok(namespace(vm, m))
}

// ---- sys -------------------------------------------------------------------------------

fn setrecursionlimit(vm: &mut Vm, a: &[Value]) -> R {
    let n = index_of(vm, a[0])?;
    if n < 1 {
        return Err(OpError::new(
            ErrorKind::Value,
            "recursion limit must be greater or equal than 1",
        ));
    }
    let ns = module_ns(vm, "sys")?;
    vm.set_global_in(ns, "_wb_recursionlimit", a[0]);
    // Frames the prelude and helpers add on top of the program's own.
    vm.set_max_depth((n as usize).saturating_add(50));
    Ok(Value::NONE)
}

fn getrecursionlimit(vm: &mut Vm, _: &[Value]) -> R {
    let ns = module_ns(vm, "sys")?;
    Ok(vm
        .global_in(ns, "_wb_recursionlimit")
        .copied()
        .unwrap_or(Value::small_int(1000).unwrap_or(Value::NONE)))
}

/// Sets `sys.argv` from `vm.program_path` and `vm.program_args`. Install
/// does it once; a driver that sets the path or arguments after start-up
/// calls this again.
pub fn refresh_argv(vm: &mut Vm) -> Result<(), OpError> {
    let ns = module_ns(vm, "sys")?;
    let script = vm
        .program_path
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let argv = collections::new_list(&mut vm.space, Vec::new())?;
    match vm
        .global_in(ns, "argv")
        .copied()
        .and_then(|old| vm.space.roots.iter().position(|r| *r == old))
    {
        Some(i) => vm.space.roots[i] = argv,
        None => vm.space.roots.push(argv),
    }
    for a in std::iter::once(script).chain(vm.program_args.clone()) {
        let s = new_str(vm, &a)?;
        // With `--space taint --taint-input`, every argument is labelled `argv`.
        let s = vm.space.label_input(s, "argv", None)?;
        super::support::list_push(vm, argv, s)?;
    }
    vm.set_global_in(ns, "argv", argv);
    Ok(())
}

fn install_sys(vm: &mut Vm) -> Result<(), OpError> {
    let ns = module_ns(vm, "sys")?;
    refresh_argv(vm)?;
    let maxsize = vm.space.int_value(i64::MAX)?;
    vm.set_global_in(ns, "maxsize", maxsize);
    for (name, text) in [
        ("platform", "linux"),
        ("byteorder", "little"),
        ("version", "3.11.0 (workbench)"),
    ] {
        let s = new_str(vm, text)?;
        vm.space.roots.push(s);
        vm.set_global_in(ns, name, s);
    }
    let final_ = new_str(vm, "final")?;
    vm.space.roots.push(final_);
    let nums: Vec<Value> = [3, 11, 0]
        .iter()
        .map(|&i| Value::small_int(i).unwrap_or(Value::NONE))
        .collect();
    let vi = collections::new_tuple(&mut vm.space, vec![nums[0], nums[1], nums[2], final_, nums[2]])?;
    vm.space.roots.push(vi);
    vm.set_global_in(ns, "version_info", vi);
    bind_in(
        vm,
        ns,
        &[
            ("setrecursionlimit", Arity::Exact(1), setrecursionlimit),
            ("getrecursionlimit", Arity::Exact(0), getrecursionlimit),
        ],
    )
}

// ---- time -------------------------------------------------------------------------------

fn epoch_seconds() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64())
}

fn start_instant() -> std::time::Instant {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    *START.get_or_init(std::time::Instant::now)
}

fn time_time(vm: &mut Vm, _: &[Value]) -> R {
    vm.space.float_value(epoch_seconds())
}

fn time_ns(vm: &mut Vm, _: &[Value]) -> R {
    let ns = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    vm.space.bigint_value(BigInt::from(ns))
}

fn perf_counter(vm: &mut Vm, _: &[Value]) -> R {
    vm.space.float_value(start_instant().elapsed().as_secs_f64())
}

fn sleep(vm: &mut Vm, a: &[Value]) -> R {
    let s = super::support::float_of_num(vm, a[0]).ok_or_else(|| {
        OpError::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            super::support::tname(vm, a[0])
        ))
    })?;
    if s < 0.0 {
        return Err(OpError::new(ErrorKind::Value, "sleep length must be non-negative"));
    }
    vm.flush();
    std::thread::sleep(std::time::Duration::from_secs_f64(s.min(1e9)));
    Ok(Value::NONE)
}

fn install_time(vm: &mut Vm) -> Result<(), OpError> {
    let _ = start_instant();
    let ns = module_ns(vm, "time")?;
    bind_in(
        vm,
        ns,
        &[
            ("time", Arity::Exact(0), time_time),
            ("time_ns", Arity::Exact(0), time_ns),
            ("perf_counter", Arity::Exact(0), perf_counter),
            ("monotonic", Arity::Exact(0), perf_counter),
            ("process_time", Arity::Exact(0), perf_counter),
            ("sleep", Arity::Exact(1), sleep),
        ],
    )
}

// ---- random: MT19937 ------------------------------------------------------------------------

const N: usize = 624;
const M: usize = 397;

/// The generator's state: `N` words and the index, as small ints in a heap list.
fn state(vm: &mut Vm) -> Result<Value, OpError> {
    let ns = module_ns(vm, "random")?;
    vm.global_in(ns, "_wb_state")
        .copied()
        .ok_or_else(|| OpError::new(ErrorKind::Value, "random state missing"))
}

fn word(v: Value) -> u32 {
    v.as_small_int().unwrap_or(0) as u32
}

fn put(x: u32) -> Value {
    Value::small_int(x as i64).unwrap_or(Value::NONE)
}

fn init_genrand(mt: &mut [Value], s: u32) {
    mt[0] = put(s);
    for i in 1..N {
        let prev = word(mt[i - 1]);
        mt[i] = put(1812433253u32.wrapping_mul(prev ^ (prev >> 30)).wrapping_add(i as u32));
    }
    mt[N] = put(N as u32);
}

fn init_by_array(mt: &mut [Value], key: &[u32]) {
    init_genrand(mt, 19650218);
    let (mut i, mut j) = (1usize, 0usize);
    let mut k = N.max(key.len());
    while k > 0 {
        let prev = word(mt[i - 1]);
        let v = (word(mt[i]) ^ (prev ^ (prev >> 30)).wrapping_mul(1664525))
            .wrapping_add(key[j])
            .wrapping_add(j as u32);
        mt[i] = put(v);
        i += 1;
        j += 1;
        if i >= N {
            mt[0] = mt[N - 1];
            i = 1;
        }
        if j >= key.len() {
            j = 0;
        }
        k -= 1;
    }
    k = N - 1;
    while k > 0 {
        let prev = word(mt[i - 1]);
        let v = (word(mt[i]) ^ (prev ^ (prev >> 30)).wrapping_mul(1566083941)).wrapping_sub(i as u32);
        mt[i] = put(v);
        i += 1;
        if i >= N {
            mt[0] = mt[N - 1];
            i = 1;
        }
        k -= 1;
    }
    mt[0] = put(0x8000_0000);
}

fn genrand(mt: &mut [Value]) -> u32 {
    let mut idx = word(mt[N]) as usize;
    if idx >= N {
        for kk in 0..N {
            let y = (word(mt[kk]) & 0x8000_0000) | (word(mt[(kk + 1) % N]) & 0x7fff_ffff);
            let mag = if y & 1 == 1 { 0x9908_b0df } else { 0 };
            mt[kk] = put(word(mt[(kk + M) % N]) ^ (y >> 1) ^ mag);
        }
        idx = 0;
    }
    let mut y = word(mt[idx]);
    mt[N] = put(idx as u32 + 1);
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c_5680;
    y ^= (y << 15) & 0xefc6_0000;
    y ^ (y >> 18)
}

fn with_mt<T>(vm: &mut Vm, f: impl FnOnce(&mut [Value]) -> T) -> Result<T, OpError> {
    let s = state(vm)?;
    let mt = list_mut(vm, s).ok_or_else(|| OpError::new(ErrorKind::Value, "random state missing"))?;
    Ok(f(mt))
}

/// `random()`: 53 random bits as a float in [0, 1).
fn random_float(mt: &mut [Value]) -> f64 {
    let a = (genrand(mt) >> 5) as f64;
    let b = (genrand(mt) >> 6) as f64;
    (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
}

/// `getrandbits(k)`.
fn getrandbits(mt: &mut [Value], k: u64) -> BigInt {
    if k <= 32 {
        return BigInt::from(genrand(mt) >> (32 - k as u32));
    }
    let mut words = Vec::new();
    let mut left = k;
    while left > 0 {
        let mut r = genrand(mt);
        if left < 32 {
            r >>= 32 - left as u32;
        }
        words.push(r);
        left = left.saturating_sub(32);
    }
    BigInt::from_slice(num_bigint::Sign::Plus, &words)
}

/// CPython's `_randbelow`: uniform in `[0, n)`, `n > 0`.
fn randbelow(mt: &mut [Value], n: &BigInt) -> BigInt {
    let k = n.bits();
    loop {
        let r = getrandbits(mt, k);
        if &r < n {
            return r;
        }
    }
}

fn seed(vm: &mut Vm, a: &[Value]) -> R {
    let key: Vec<u32> = match a.first().copied() {
        None | Some(Value::NONE) => {
            let t = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos());
            vec![t as u32, (t >> 32) as u32, std::process::id()]
        }
        Some(v) => match super::support::big_of(vm, v) {
            Some(n) => {
                let digits = n.abs().to_u32_digits().1;
                if digits.is_empty() {
                    vec![0]
                } else {
                    digits
                }
            }
            None => {
                let h = collections::hash_of(vm, v)?;
                vec![h as u32, (h >> 32) as u32]
            }
        },
    };
    with_mt(vm, |mt| init_by_array(mt, &key))?;
    Ok(Value::NONE)
}

fn random(vm: &mut Vm, _: &[Value]) -> R {
    let x = with_mt(vm, random_float)?;
    vm.space.float_value(x)
}

fn below(vm: &mut Vm, n: &BigInt) -> Result<BigInt, OpError> {
    with_mt(vm, |mt| randbelow(mt, n))
}

fn randrange_impl(vm: &mut Vm, a: &[Value]) -> Result<BigInt, OpError> {
    let start = big_index(vm, a[0])?;
    let Some(&stop) = a.get(1).filter(|s| **s != Value::NONE) else {
        if a.len() > 2 {
            return Err(OpError::type_error("Missing a non-None stop argument"));
        }
        if start.is_positive() {
            return below(vm, &start);
        }
        return Err(OpError::new(ErrorKind::Value, "empty range for randrange()"));
    };
    let stop = big_index(vm, stop)?;
    let step = match a.get(2) {
        Some(&s) => big_index(vm, s)?,
        None => BigInt::from(1),
    };
    let width = &stop - &start;
    if step == BigInt::from(1) {
        if width.is_positive() {
            return Ok(start + below(vm, &width)?);
        }
        return Err(OpError::new(
            ErrorKind::Value,
            format!("empty range for randrange() ({start}, {stop}, {width})"),
        ));
    }
    let n: BigInt = if step.is_positive() {
        (&width + &step - 1) / &step
    } else if step.is_negative() {
        (&width + &step + 1) / &step
    } else {
        return Err(OpError::new(ErrorKind::Value, "zero step for randrange()"));
    };
    if !n.is_positive() {
        return Err(OpError::new(ErrorKind::Value, "empty range for randrange()"));
    }
    Ok(start + step * below(vm, &n)?)
}

fn randrange(vm: &mut Vm, a: &[Value]) -> R {
    if a.len() > 3 {
        return Err(OpError::type_error(format!(
            "randrange() takes from 2 to 4 positional arguments but {} were given",
            a.len() + 1
        )));
    }
    let r = randrange_impl(vm, a)?;
    vm.space.bigint_value(r)
}

fn randint(vm: &mut Vm, a: &[Value]) -> R {
    let b = big_index(vm, a[1])? + 1;
    let b = vm.space.bigint_value(b)?;
    let r = randrange_impl(vm, &[a[0], b])?;
    vm.space.bigint_value(r)
}

fn getrandbits_fn(vm: &mut Vm, a: &[Value]) -> R {
    let k = index_of(vm, a[0])?;
    if k < 0 {
        return Err(OpError::new(ErrorKind::Value, "number of bits must be non-negative"));
    }
    let r = with_mt(vm, |mt| {
        if k == 0 {
            BigInt::zero()
        } else {
            getrandbits(mt, k as u64)
        }
    })?;
    vm.space.bigint_value(r)
}

fn choice(vm: &mut Vm, a: &[Value]) -> R {
    let n = super::support::length(vm, a[0])?;
    if n == 0 {
        return Err(raise_msg(vm, "IndexError", "Cannot choose from an empty sequence"));
    }
    let i = below(vm, &BigInt::from(n))?;
    let i = vm.space.bigint_value(i)?;
    <StandardSpace as Space>::get_item(vm, a[0], i)
}

fn shuffle(vm: &mut Vm, a: &[Value]) -> R {
    let n = super::support::length(vm, a[0])?;
    for i in (1..n).rev() {
        let j = below(vm, &BigInt::from(i + 1))?.to_usize().unwrap_or(0);
        let (iv, jv) = (vm.space.int_value(i as i64)?, vm.space.int_value(j as i64)?);
        let x = <StandardSpace as Space>::get_item(vm, a[0], iv)?;
        vm.keep_alive(x);
        let y = <StandardSpace as Space>::get_item(vm, a[0], jv)?;
        vm.keep_alive(y);
        <StandardSpace as Space>::set_item(vm, a[0], iv, y)?;
        <StandardSpace as Space>::set_item(vm, a[0], jv, x)?;
    }
    Ok(Value::NONE)
}

fn uniform(vm: &mut Vm, a: &[Value]) -> R {
    let lo = super::support::float_of_num(vm, a[0]).ok_or_else(|| OpError::type_error("must be real number"))?;
    let hi = super::support::float_of_num(vm, a[1]).ok_or_else(|| OpError::type_error("must be real number"))?;
    let x = with_mt(vm, random_float)?;
    vm.space.float_value(lo + (hi - lo) * x)
}

/// `sample(population, k)`: CPython's algorithm (pool or selected set).
fn sample(vm: &mut Vm, a: &[Value]) -> R {
    let kw = super::support::keywords(vm, "sample", &["k"])?;
    let pool = collect(vm, a[0])?;
    let Some(k) = a.get(1).copied().or(kw[0]) else {
        return Err(OpError::type_error(
            "sample() missing 1 required positional argument: 'k'",
        ));
    };
    let k = index_of(vm, k)?;
    let n = pool.len();
    if k < 0 || k as usize > n {
        return Err(OpError::new(
            ErrorKind::Value,
            "Sample larger than population or is negative",
        ));
    }
    let k = k as usize;
    let mut setsize = 21usize;
    if k > 5 {
        setsize += 4usize.pow(((k * 3) as f64).log(4.0).ceil() as u32);
    }
    let mut result = Vec::with_capacity(k);
    if n <= setsize {
        let mut pool = pool;
        for i in 0..k {
            let j = below(vm, &BigInt::from(n - i))?.to_usize().unwrap_or(0);
            result.push(pool[j]);
            pool[j] = pool[n - i - 1];
        }
    } else {
        let mut selected = std::collections::HashSet::new();
        for _ in 0..k {
            let mut j = below(vm, &BigInt::from(n))?.to_usize().unwrap_or(0);
            while selected.contains(&j) {
                j = below(vm, &BigInt::from(n))?.to_usize().unwrap_or(0);
            }
            selected.insert(j);
            result.push(pool[j]);
        }
    }
    super::support::list(vm, result)
}

fn install_random(vm: &mut Vm) -> Result<(), OpError> {
    let ns = module_ns(vm, "random")?;
    let st = collections::new_list(&mut vm.space, vec![Value::NONE; N + 1])?;
    vm.space.roots.push(st);
    vm.set_global_in(ns, "_wb_state", st);
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    if let Some(mt) = list_mut(vm, st) {
        init_by_array(mt, &[t as u32, (t >> 32) as u32, std::process::id()]);
    }
    bind_in(
        vm,
        ns,
        &[
            ("seed", Arity::AtLeast(0), seed),
            ("random", Arity::Exact(0), random),
            ("randrange", Arity::AtLeast(1), randrange),
            ("randint", Arity::Exact(2), randint),
            ("getrandbits", Arity::Exact(1), getrandbits_fn),
            ("choice", Arity::Exact(1), choice),
            ("shuffle", Arity::Exact(1), shuffle),
            ("uniform", Arity::Exact(2), uniform),
            ("sample", Arity::AtLeast(1), sample),
        ],
    )
}

/// Installs `sys`, `time` and `random`.
pub fn install(vm: &mut Vm) -> Result<(), OpError> {
    install_sys(vm)?;
    install_time(vm)?;
    install_random(vm)
}
