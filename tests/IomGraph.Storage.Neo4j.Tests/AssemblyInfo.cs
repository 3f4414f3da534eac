// The tests that use Neo4j share one server and clear its only database: none of them may run beside another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
