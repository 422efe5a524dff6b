//! Reading a large file without holding the page: the reader pauses between slices of records
//! ([`Pace`]), and looks at our data only within a slice ([`Local`]), so that the page can paint,
//! show how far the reading is, and take the user's clicks in between. Natively, and for
//! `read_file`, nothing pauses ([`AtOnce`]).

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use super::Fingerprints;
use crate::records::workspace::Dataset;

/// Pauses a long read now and then.
pub trait Pace {
    /// Whether the slice under way has run long enough.
    fn due(&mut self) -> bool;
    /// Hands the page back, `done` of `total` records read; the read resumes when it completes.
    fn pause(&mut self, done: usize, total: usize) -> impl Future<Output = ()>;
}

/// Our data and its fingerprints, lent to the reader for one slice at a time. Between slices it
/// may change (an edit, another tab's write): each record is judged against the data of its
/// slice, and the preview and apply look again at the data as it is then.
pub trait Local {
    fn with<R>(&self, f: impl FnOnce(&Dataset, &Fingerprints) -> R) -> R;
}

impl Local for (&Dataset, &Fingerprints) {
    fn with<R>(&self, f: impl FnOnce(&Dataset, &Fingerprints) -> R) -> R {
        f(self.0, self.1)
    }
}

/// Never pauses.
pub struct AtOnce;

impl Pace for AtOnce {
    fn due(&mut self) -> bool {
        false
    }

    fn pause(&mut self, _: usize, _: usize) -> impl Future<Output = ()> {
        std::future::ready(())
    }
}

/// The result of a read that never pauses ([`AtOnce`]): it is ready at the first look.
pub(super) fn at_once<T>(read: impl Future<Output = T>) -> T {
    match pin!(read).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(value) => value,
        Poll::Pending => unreachable!("a read at once never waits"),
    }
}
