print("transformer-bench: see BENCHMARKS.md")
