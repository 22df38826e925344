//! Prolog's natives: every `$name` global the compiled code and the prelude call.
//!
//! Builtins that always run to completion in one step (type tests, term
//! inspection, output, arithmetic helpers, the database) are natives called
//! in line by the compiled code; the compiler's table of them is
//! [`crate::compiler::normalize::INLINE`]. Builtins that backtrack or call
//! goals (`between/3`, `member/2`, `findall/3`, `catch/3`, ...) are Prolog
//! predicates in the prelude (`prelude.pl`), built on these natives.

pub mod atoms;
pub mod db;
pub mod io;
pub mod terms;

use crate::runtime::{arith, control};
use workbench_framework::interp::BUILTINS;
use workbench_framework::language::{Arity, NativeFn};
use workbench_framework::space::standard::{StandardSpace, Vm};
use workbench_framework::space::OpError;

/// Every native: global name, arity, implementation.
pub fn natives() -> Vec<(&'static str, Arity, NativeFn<StandardSpace>)> {
    use Arity::{AtLeast, Exact};
    vec![
        // Control: see `runtime::control`.
        ("$new_var", Exact(0), control::new_var_fn),
        ("$mk", AtLeast(1), control::mk),
        ("$unify", Exact(2), control::unify),
        ("$get_struct", AtLeast(2), control::get_struct),
        ("$key", Exact(1), control::key),
        ("$switch", AtLeast(1), control::switch),
        ("$undo_switched", Exact(1), control::undo_switched),
        ("$mark", Exact(0), control::mark),
        ("$undo", Exact(1), control::undo),
        ("$depth", Exact(0), control::depth),
        ("$cutres", Exact(1), control::cutres),
        ("$succeed", Exact(0), control::succeed),
        ("$pred_of", Exact(1), control::pred_of),
        ("$args_of", Exact(1), control::args_of),
        ("$catch_unify", Exact(2), control::catch_unify),
        ("$throw", Exact(1), control::throw),
        ("$halt0", Exact(0), control::halt0),
        ("$halt", Exact(1), control::halt),
        ("$register_stub", Exact(2), control::register_stub),
        ("$loaded", Exact(0), control::loaded),
        ("$print_uncaught", Exact(3), control::print_uncaught),
        ("$warn_failed", Exact(2), control::warn_failed),
        ("$finish", Exact(0), control::finish),
        ("$warn_singletons", Exact(2), control::warn_singletons),
        ("$add_args", Exact(3), control::add_args),
        ("$check_callable", Exact(1), control::check_callable),
        ("$check_body", Exact(1), control::check_body),
        // Arithmetic.
        ("$eval", Exact(1), arith::eval_native),
        ("$arith2", Exact(3), arith::arith2),
        // Terms.
        ("$var", Exact(1), terms::var),
        ("$nonvar", Exact(1), terms::nonvar),
        ("$atom", Exact(1), terms::atom),
        ("$number", Exact(1), terms::number),
        ("$integer", Exact(1), terms::integer),
        ("$float", Exact(1), terms::float),
        ("$atomic", Exact(1), terms::atomic),
        ("$compound", Exact(1), terms::compound_p),
        ("$callable", Exact(1), terms::callable),
        ("$is_list", Exact(1), terms::is_list),
        ("$ground", Exact(1), terms::ground),
        ("$eq", Exact(2), terms::eq),
        ("$neq", Exact(2), terms::neq),
        ("$lt", Exact(2), terms::lt),
        ("$gt", Exact(2), terms::gt),
        ("$le", Exact(2), terms::le),
        ("$ge", Exact(2), terms::ge),
        ("$compare", Exact(3), terms::compare),
        ("$not_unify", Exact(2), terms::not_unify),
        ("$functor", Exact(3), terms::functor),
        ("$arg", Exact(3), terms::arg),
        ("$univ", Exact(2), terms::univ),
        ("$copy_term", Exact(2), terms::copy_term),
        ("$term_variables", Exact(2), terms::term_variables),
        ("$numbervars", Exact(3), terms::numbervars),
        ("$bagof_prep", Exact(4), terms::bagof_prep),
        ("$bagof_groups", Exact(2), terms::bagof_groups),
        // Atoms.
        ("$atom_codes", Exact(2), atoms::atom_codes),
        ("$atom_chars", Exact(2), atoms::atom_chars),
        ("$char_code", Exact(2), atoms::char_code),
        ("$atom_length", Exact(2), atoms::atom_length),
        ("$atom_concat_det", Exact(3), atoms::atom_concat_det),
        ("$atom_splits", Exact(2), atoms::atom_splits),
        ("$sub_atom_all", Exact(3), atoms::sub_atom_all),
        ("$number_codes", Exact(2), atoms::number_codes),
        ("$number_chars", Exact(2), atoms::number_chars),
        ("$atom_number", Exact(2), atoms::atom_number),
        ("$atom_string", Exact(2), atoms::atom_string),
        ("$upcase_atom", Exact(2), atoms::upcase_atom),
        ("$downcase_atom", Exact(2), atoms::downcase_atom),
        ("$term_to_atom", Exact(2), atoms::term_to_atom),
        ("$atom_to_term", Exact(3), atoms::atom_to_term),
        ("$atomic_list_concat2", Exact(2), atoms::atomic_list_concat2),
        ("$atomic_list_concat3", Exact(3), atoms::atomic_list_concat3),
        ("$string_to_atom", Exact(2), atoms::string_to_atom),
        // Input and output.
        ("$write", Exact(1), io::write),
        ("$print", Exact(1), io::print),
        ("$writeln", Exact(1), io::writeln),
        ("$writeq", Exact(1), io::writeq),
        ("$write_canonical", Exact(1), io::write_canonical),
        ("$write_term", Exact(2), io::write_term),
        ("$write2", Exact(2), io::write2),
        ("$writeq2", Exact(2), io::writeq2),
        ("$nl", Exact(0), io::nl),
        ("$nl1", Exact(1), io::nl1),
        ("$tab", Exact(1), io::tab),
        ("$tab2", Exact(2), io::tab2),
        ("$put_char", Exact(1), io::put_char),
        ("$format", Exact(2), io::format),
        ("$format1", Exact(1), io::format1),
        ("$format3", Exact(3), io::format3),
        ("$print_message", Exact(2), control::print_message),
        ("$read_term", Exact(2), io::read_term),
        ("$read", Exact(1), io::read),
        ("$get_char", Exact(1), io::get_char),
        // Database, collections, flags.
        ("$assertz", Exact(1), db::assertz),
        ("$asserta", Exact(1), db::asserta),
        ("$clauses", Exact(2), db::clauses),
        ("$dyn_clauses", Exact(2), db::dyn_clauses),
        ("$retract_clause", Exact(2), db::retract_clause),
        ("$ensure_dynamic", Exact(1), db::ensure_dynamic_fn),
        ("$dynamic", Exact(1), db::dynamic),
        ("$discontiguous", Exact(1), db::discontiguous),
        ("$abolish", Exact(1), db::abolish),
        ("$fa_new", Exact(1), db::fa_new),
        ("$fa_add", Exact(2), db::fa_add),
        ("$fa_take", Exact(2), db::fa_take),
        ("$msort", Exact(2), db::msort),
        ("$sort", Exact(2), db::sort),
        ("$sort4", Exact(4), db::sort4),
        ("$keysort", Exact(2), db::keysort),
        ("$length", Exact(2), db::length),
        ("$partial_list", Exact(3), db::partial_list),
        ("$op", Exact(3), db::op),
        ("$current_op", Exact(1), db::current_op),
        ("$set_flag", Exact(2), db::set_flag),
        ("$get_flag", Exact(2), db::get_flag),
        ("$nb_setval", Exact(2), db::nb_setval),
        ("$nb_getval", Exact(2), db::nb_getval),
        ("$succ", Exact(2), db::succ),
        ("$plus", Exact(3), db::plus),
        ("$statistics", Exact(2), db::statistics),
        ("$true", Exact(0), db::true0),
        ("$true1", Exact(1), db::true0),
        ("$true2", Exact(2), db::true0),
        ("$consult", Exact(1), crate::language::consult),
        ("$toplevel_answer", Exact(2), crate::toplevel::answer),
    ]
}

/// Binds every native as a global of the builtins namespace.
pub fn install(vm: &mut Vm) -> Result<(), OpError> {
    for (name, arity, func) in natives() {
        let f = vm.make_native_fn(name, arity, func)?;
        vm.space.roots.push(f);
        vm.set_global_in(BUILTINS, name, f);
    }
    Ok(())
}
