//! The object library's storage: wrapped values, type ids and the GC heap.
//!
//! These are the representation pieces of the standard space (and later the
//! tiny space and the JIT): [`value`] is the tagged word a register holds,
//! [`heap`] owns every boxed object and collects garbage at safepoints,
//! [`maps`] gives objects with dynamic attributes a compact layout,
//! [`types`] numbers the types that multimethods dispatch on.

pub mod dict;
pub mod floatfmt;
pub mod heap;
pub mod maps;
pub mod types;
pub mod value;

pub use heap::{Body, Heap, Obj};
pub use maps::{MapId, Maps};
pub use types::TypeId;
pub use value::{ObjRef, Value};
