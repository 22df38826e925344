//! Hidden builtins the compiler calls (`__wb_...`): the parts of Python's
//! semantics that are too Python-specific for the opcode table.

use super::import::raise;
use super::objects::py_str;
use workbench_framework::object::{TypeId, Value};
use workbench_framework::space::standard::{collections, StandardSpace, Vm};
use workbench_framework::space::{OpError, Space};

/// `__wb_echo__(v)`: the REPL shows the repr of a non-None expression value.
pub fn echo(vm: &mut Vm, args: &[Value]) -> Result<Value, OpError> {
    if args[0] != Value::NONE {
        let text = <StandardSpace as Space>::repr(vm, &args[0])?;
        vm.write_out(&format!("{text}\n"), args)?;
        vm.flush();
    }
    Ok(Value::NONE)
}

/// `__wb_list_extend__(list, iterable)`: `[*a, *b]` and `f(*a)`.
pub fn list_extend(vm: &mut Vm, args: &[Value]) -> Result<Value, OpError> {
    let it = <StandardSpace as Space>::iter(vm, args[1])?;
    vm.keep_alive(it);
    while let Some(x) = <StandardSpace as Space>::next(vm, it)? {
        collections::append(vm, args[0], x)?;
    }
    Ok(Value::NONE)
}

/// `__wb_dict_update__(dict, mapping)`: `{**a, **b}` (later keys win).
pub fn dict_update(vm: &mut Vm, args: &[Value]) -> Result<Value, OpError> {
    let (d, m) = (args[0], args[1]);
    let it = <StandardSpace as Space>::iter(vm, m)?;
    vm.keep_alive(it);
    while let Some(k) = <StandardSpace as Space>::next(vm, it)? {
        vm.keep_alive(k);
        let v = <StandardSpace as Space>::get_item(vm, m, k)?;
        collections::dict_set(vm, d, k, v)?;
    }
    Ok(Value::NONE)
}

/// `__wb_kwarg__(dict, name, value)`: one explicit keyword of a call with `**`.
pub fn kwarg(vm: &mut Vm, args: &[Value]) -> Result<Value, OpError> {
    if collections::dict_find(vm, args[0], args[1])?.is_some() {
        let name = vm.space.str_of(args[1]).unwrap_or("?").to_string();
        return Err(OpError::type_error(format!(
            "got multiple values for keyword argument '{name}'"
        )));
    }
    collections::dict_set(vm, args[0], args[1], args[2])?;
    Ok(Value::NONE)
}

/// `__wb_kwargs_merge__(dict, mapping)`: a `**mapping` argument; duplicates are errors.
pub fn kwargs_merge(vm: &mut Vm, args: &[Value]) -> Result<Value, OpError> {
    let (d, m) = (args[0], args[1]);
    let it = <StandardSpace as Space>::iter(vm, m)?;
    vm.keep_alive(it);
    while let Some(k) = <StandardSpace as Space>::next(vm, it)? {
        vm.keep_alive(k);
        if vm.space.type_of(k) != TypeId::STR {
            return Err(OpError::type_error("keywords must be strings"));
        }
        let v = <StandardSpace as Space>::get_item(vm, m, k)?;
        kwarg(vm, &[d, k, v])?;
    }
    Ok(Value::NONE)
}

/// `__wb_unpack_star__(iterable, before, after)`: for `a, *b, c = x`, the
/// items as a list of `before + 1 + after` values with the middle ones in a list.
pub fn unpack_star(vm: &mut Vm, args: &[Value]) -> Result<Value, OpError> {
    let before = vm.space.int_of(args[1]).unwrap_or(0) as usize;
    let after = vm.space.int_of(args[2]).unwrap_or(0) as usize;
    let it = <StandardSpace as Space>::iter(vm, args[0])?;
    vm.keep_alive(it);
    let mut items = Vec::new();
    while let Some(x) = <StandardSpace as Space>::next(vm, it)? {
        vm.keep_alive(x);
        items.push(x);
    }
    if items.len() < before + after {
        return Err(raise(
            vm,
            "ValueError",
            format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            ),
        ));
    }
    let middle: Vec<Value> = items[before..items.len() - after].to_vec();
    let middle = collections::new_list(&mut vm.space, middle)?;
    let mut out: Vec<Value> = items[..before].to_vec();
    out.push(middle);
    out.extend_from_slice(&items[items.len() - after..]);
    collections::new_list(&mut vm.space, out)
}

/// `__wb_gen_result__(it)`: the value a finished generator returned (the
/// value of `yield from`); None for other iterators.
pub fn gen_result(vm: &mut Vm, args: &[Value]) -> Result<Value, OpError> {
    if let Some(r) = args[0].as_ref() {
        if let workbench_framework::object::Body::Generator(state) = &vm.space.heap.get(r).body {
            return Ok(state.result);
        }
    }
    Ok(Value::NONE)
}

/// `__wb_set_cause__(exc, cause)`: `raise exc from cause`.
pub fn set_cause(vm: &mut Vm, args: &[Value]) -> Result<Value, OpError> {
    let cause = if args[1] == Value::NONE {
        Value::NONE
    } else {
        super::exceptions::normalize(vm, &args[1..2])?
    };
    let name = py_str(vm, "__cause__")?;
    <StandardSpace as Space>::set_attr(vm, args[0], &name, cause)?;
    // An explicit cause (even `from None`) hides the implicit context in tracebacks.
    let name = py_str(vm, "__suppress_context__")?;
    <StandardSpace as Space>::set_attr(vm, args[0], &name, Value::TRUE)?;
    Ok(Value::NONE)
}

/// `__wb_set_context__(exc, handled)`: a `raise` inside an `except` block
/// chains the exception being handled as the new one's `__context__` (unless
/// it is the same exception, or the new one already has a context).
pub fn set_context(vm: &mut Vm, args: &[Value]) -> Result<Value, OpError> {
    let (exc, handled) = (args[0], args[1]);
    if exc == handled || handled == Value::NONE {
        return Ok(Value::NONE);
    }
    let name = py_str(vm, "__context__")?;
    let current = <StandardSpace as Space>::get_attr(vm, exc, &name)?;
    if current == Value::NONE {
        <StandardSpace as Space>::set_attr(vm, exc, &name, handled)?;
    }
    Ok(Value::NONE)
}
