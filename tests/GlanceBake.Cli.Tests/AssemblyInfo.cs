using Xunit;

// OutputSafetyTests changes the process's current folder, which every CLI run reads (relative paths, the
// GB3002 check): CLI tests therefore run one at a time. The whole assembly takes about a second.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
