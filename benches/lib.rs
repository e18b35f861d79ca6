//! The benchmarks of commitments live in this package's bench targets
//! (`cargo bench -p commitments-bench`); see BENCHMARKS.md.
