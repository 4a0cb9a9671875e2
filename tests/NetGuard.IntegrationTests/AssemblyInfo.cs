// Live capture tests share two CPU cores with the traffic they generate: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
