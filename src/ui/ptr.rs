//! [`Ptr`]: an `Rc` that compares by pointer. Yew compares a component's props on every render
//! of its parent, and `Rc<Report>`'s `PartialEq` walks both reports field by field (a report
//! is not `Eq`, so `Rc` cannot shortcut on the pointer): megabytes for 200 documents, on every
//! progress tick. A report never changes once made, so the pointer says whether it is the same.

use std::ops::Deref;
use std::rc::Rc;

/// A shared, immutable value whose equality is identity.
#[derive(Debug, Default)]
pub struct Ptr<T>(Rc<T>);

impl<T> Ptr<T> {
    pub fn new(value: T) -> Self {
        Ptr(Rc::new(value))
    }
}

impl<T> From<Rc<T>> for Ptr<T> {
    fn from(rc: Rc<T>) -> Self {
        Ptr(rc)
    }
}

impl<T> Clone for Ptr<T> {
    fn clone(&self) -> Self {
        Ptr(self.0.clone())
    }
}

impl<T> PartialEq for Ptr<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Ptr<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_only_to_itself() {
        let a = Ptr::new(vec![1, 2]);
        let b = Ptr::new(vec![1, 2]);
        assert_eq!(a, a.clone());
        assert_ne!(a, b, "equal contents, another value");
        assert_eq!(*a, *b);
    }
}
