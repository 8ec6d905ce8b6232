//! (Lands with Engine II.)
