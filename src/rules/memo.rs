//! What several rules derive the same way from one draft, derived once per draft.
//!
//! The engine gives every rule on a draft the same `Memo`; a rule asks it for a value by type
//! and computes it only if no rule before it has. The engine knows nothing of the values: a
//! rule module owns each type it stores.

use std::any::{Any, TypeId};
use std::sync::{Arc, Mutex, PoisonError};

type Slot = (TypeId, Arc<dyn Any + Send + Sync>);

/// One draft's shared derived values, keyed by type.
#[derive(Default)]
pub struct Memo {
    slots: Mutex<Vec<Slot>>,
}

impl Memo {
    /// The draft's value of type `T`, computed by `init` the first time it is asked for.
    ///
    /// `init` runs outside the lock, so rules running on other cores (a very large draft) are
    /// not held up; if two compute it at once, both get the first one stored. `init` must
    /// therefore be a function of the draft alone.
    pub fn get_or_init<T: Any + Send + Sync>(&self, init: impl FnOnce() -> T) -> Arc<T> {
        if let Some(found) = self.find::<T>() {
            return found;
        }
        let value = Arc::new(init());
        let mut slots = self.slots.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(found) = lookup::<T>(&slots) {
            return found;
        }
        slots.push((TypeId::of::<T>(), value.clone()));
        value
    }

    fn find<T: Any + Send + Sync>(&self) -> Option<Arc<T>> {
        lookup(&self.slots.lock().unwrap_or_else(PoisonError::into_inner))
    }
}

fn lookup<T: Any + Send + Sync>(slots: &[Slot]) -> Option<Arc<T>> {
    let (_, value) = slots.iter().find(|(id, _)| *id == TypeId::of::<T>())?;
    value.clone().downcast().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn a_value_is_computed_once_per_type() {
        let memo = Memo::default();
        let calls = Cell::new(0);
        let count = || {
            calls.set(calls.get() + 1);
            7_u32
        };
        assert_eq!(*memo.get_or_init(count), 7);
        assert_eq!(*memo.get_or_init(|| 8_u32), 7, "the first value stays");
        assert_eq!(calls.get(), 1);
        assert_eq!(*memo.get_or_init(|| String::from("x")), "x", "another type has its own slot");
    }
}
