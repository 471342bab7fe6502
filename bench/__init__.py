"""Performance benchmarks (`make bench`): they print what they measured and never assert timings."""
