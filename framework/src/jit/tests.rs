//! Tests of the JIT through whole programs built with the bytecode builder.
