using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(GlanceBake.Bench.BakeBenchmarks).Assembly).Run(args);
