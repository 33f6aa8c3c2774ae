//! A set of document numbers as bits: what a query word matches in a segment, combined with
//! the other words' sets a machine word at a time.

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Bits {
    words: Vec<u64>,
}

impl Bits {
    /// An empty set with room for numbers below `len`.
    pub fn new(len: usize) -> Bits {
        Bits {
            words: vec![0; len.div_ceil(64)],
        }
    }

    /// Every number below `len`.
    pub fn full(len: usize) -> Bits {
        let mut b = Bits {
            words: vec![u64::MAX; len.div_ceil(64)],
        };
        if !len.is_multiple_of(64)
            && let Some(last) = b.words.last_mut()
        {
            *last = (1u64 << (len % 64)) - 1;
        }
        b
    }

    pub fn insert(&mut self, n: u32) {
        if let Some(w) = self.words.get_mut(n as usize / 64) {
            *w |= 1 << (n % 64);
        }
    }

    pub fn union_with(&mut self, other: &Bits) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a |= b;
        }
    }

    pub fn intersect_with(&mut self, other: &Bits) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
    }

    /// Take out every number in `other`.
    pub fn subtract(&mut self, other: &Bits) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= !b;
        }
    }

    pub fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// The numbers in the set, ascending.
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.words.iter().enumerate().flat_map(|(i, &w)| {
            let mut rest = w;
            std::iter::from_fn(move || {
                if rest == 0 {
                    return None;
                }
                let bit = rest.trailing_zeros();
                rest &= rest - 1;
                Some(i as u32 * 64 + bit)
            })
        })
    }

    pub fn heap_bytes(&self) -> usize {
        self.words.capacity() * 8
    }
}

#[cfg(test)]
mod tests {
    use super::Bits;

    #[test]
    fn sets_combine_and_list_in_order() {
        let mut a = Bits::new(200);
        for n in [0, 63, 64, 130, 199] {
            a.insert(n);
        }
        assert_eq!(a.iter().collect::<Vec<_>>(), [0, 63, 64, 130, 199]);
        assert_eq!(a.count(), 5);
        let mut b = Bits::full(200);
        assert_eq!(b.count(), 200);
        let mut gone = Bits::new(200);
        gone.insert(64);
        b.subtract(&gone);
        b.intersect_with(&a);
        assert_eq!(b.iter().collect::<Vec<_>>(), [0, 63, 130, 199]);
        let mut c = Bits::new(200);
        c.union_with(&b);
        assert_eq!(c, b);
        // Out of range is ignored, never a panic.
        c.insert(10_000);
        assert_eq!(c.count(), 4);
    }
}
