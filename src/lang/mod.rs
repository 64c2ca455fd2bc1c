//! Chinese language helpers (being built).
