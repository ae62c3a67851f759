//! A first-in first-out queue on one `Vec` and the index of its front: looking at or
//! taking the front is an index, not `VecDeque`'s wrap-around arithmetic, which the SDR
//! queue paid several times per attempt (cachegrind: about a tenth of the instructions of
//! a replication at 10x Baseline's leads). Taken items stay in place until they are at
//! least half the vector; the next push then moves the rest down (amortised constant time,
//! like a ring buffer's growth).

/// A FIFO queue; items are taken from the front and pushed at the back.
#[derive(Debug, Clone)]
pub struct Fifo<T> {
    items: Vec<T>,
    /// Index of the front item in `items`; the ones before it were taken.
    head: usize,
}

impl<T> Default for Fifo<T> {
    fn default() -> Self {
        Fifo {
            items: Vec::new(),
            head: 0,
        }
    }
}

impl<T> Fifo<T> {
    /// Items waiting.
    pub fn len(&self) -> usize {
        self.items.len() - self.head
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Adds an item at the back.
    pub fn push_back(&mut self, item: T) {
        if self.head > 0 && self.head * 2 >= self.items.len() {
            self.items.drain(..self.head);
            self.head = 0;
        }
        self.items.push(item);
    }

    /// The item at the front.
    pub fn front(&self) -> Option<&T> {
        self.items.get(self.head)
    }

    /// The item at the front, to change.
    pub fn front_mut(&mut self) -> Option<&mut T> {
        self.items.get_mut(self.head)
    }

    /// The `i`-th item from the front.
    pub fn get(&self, i: usize) -> Option<&T> {
        self.items.get(self.head.checked_add(i)?)
    }

    /// The `i`-th item from the front, to change.
    pub fn get_mut(&mut self, i: usize) -> Option<&mut T> {
        self.items.get_mut(self.head.checked_add(i)?)
    }

    /// The items waiting, front first.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.items.get(self.head..).unwrap_or(&[]).iter()
    }
}

impl<T: Copy> Fifo<T> {
    /// Takes the item at the front.
    pub fn pop_front(&mut self) -> Option<T> {
        let item = self.front().copied()?;
        self.head += 1;
        Some(item)
    }

    /// Takes the `i`-th item from the front out of the queue, keeping the others' order
    /// (the front one in constant time, as [`Fifo::pop_front`]).
    pub fn remove(&mut self, i: usize) -> Option<T> {
        if i == 0 {
            return self.pop_front();
        }
        let at = self.head.checked_add(i)?;
        (at < self.items.len()).then(|| self.items.remove(at))
    }
}

impl<'a, T> IntoIterator for &'a Fifo<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::Fifo;

    #[test]
    fn items_leave_in_the_order_they_came() {
        let mut q = Fifo::default();
        assert!(q.is_empty());
        for i in 0..5 {
            q.push_back(i);
        }
        assert_eq!(q.pop_front(), Some(0));
        assert_eq!(q.pop_front(), Some(1));
        q.push_back(5);
        assert_eq!(q.front(), Some(&2));
        assert_eq!(q.get(3), Some(&5));
        assert_eq!(q.get(4), None);
        assert_eq!(q.remove(1), Some(3));
        assert_eq!(q.remove(3), None);
        assert_eq!(q.iter().copied().collect::<Vec<_>>(), vec![2, 4, 5]);
        assert_eq!(q.len(), 3);
    }

    /// Random operations against `VecDeque` as the model (proptest is native only).
    #[cfg(not(target_arch = "wasm32"))]
    mod model {
        use super::Fifo;
        use std::collections::VecDeque;

        #[derive(Debug, Clone, Copy)]
        enum Op {
            Push(u16),
            Pop,
            Remove(usize),
            Bump(usize),
            BumpFront,
            Get(usize),
        }

        fn op() -> impl proptest::strategy::Strategy<Value = Op> {
            use proptest::prelude::*;
            prop_oneof![
                3 => any::<u16>().prop_map(Op::Push),
                2 => Just(Op::Pop),
                1 => (0usize..12).prop_map(Op::Remove),
                1 => (0usize..12).prop_map(Op::Bump),
                1 => Just(Op::BumpFront),
                1 => (0usize..12).prop_map(Op::Get),
            ]
        }

        proptest::proptest! {
            /// Any sequence of operations leaves it as a `VecDeque` would be.
            #[test]
            fn it_behaves_as_a_vecdeque(ops in proptest::collection::vec(op(), 0..300)) {
                let mut q = Fifo::default();
                let mut model = VecDeque::new();
                for op in ops {
                    match op {
                        Op::Push(x) => {
                            q.push_back(x);
                            model.push_back(x);
                        }
                        Op::Pop => proptest::prop_assert_eq!(q.pop_front(), model.pop_front()),
                        Op::Remove(i) => proptest::prop_assert_eq!(q.remove(i), model.remove(i)),
                        Op::Bump(i) => match (q.get_mut(i), model.get_mut(i)) {
                            (Some(a), Some(b)) => {
                                *a = a.wrapping_add(1);
                                *b = b.wrapping_add(1);
                            }
                            (None, None) => {}
                            (a, b) => proptest::prop_assert!(false, "get_mut({i}): {a:?} vs {b:?}"),
                        },
                        Op::BumpFront => match (q.front_mut(), model.front_mut()) {
                            (Some(a), Some(b)) => {
                                *a = a.wrapping_add(1);
                                *b = b.wrapping_add(1);
                            }
                            (None, None) => {}
                            (a, b) => proptest::prop_assert!(false, "front_mut: {a:?} vs {b:?}"),
                        },
                        Op::Get(i) => proptest::prop_assert_eq!(q.get(i), model.get(i)),
                    }
                    proptest::prop_assert_eq!(q.len(), model.len());
                    proptest::prop_assert_eq!(q.front(), model.front());
                    proptest::prop_assert!(q.iter().eq(model.iter()));
                }
            }
        }
    }
}
