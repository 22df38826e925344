//! Generates the Python parser from `src/grammar.lalrpop` at build time.
fn main() {
    lalrpop::Configuration::new()
        .use_cargo_dir_conventions()
        .process()
        .expect("the Python grammar must be valid LALRPOP");
}
