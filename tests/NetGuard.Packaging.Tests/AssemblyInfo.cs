// Each artifact is published once per run (about a minute each) and shared by every test.
[assembly: AssemblyFixture(typeof(NetGuard.Packaging.Tests.PackageBuilds))]
