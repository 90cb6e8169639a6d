"""Generated project libraries at any scale: the demo's 东川省 and 青山区, and the benchmarks'
province (bench/generator/) load their projects, reports and plans through this one code path."""
