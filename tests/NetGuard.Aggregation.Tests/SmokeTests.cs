namespace NetGuard.Aggregation.Tests;

public class SmokeTests
{
    [Fact]
    public void Options_Defaults_AreBounded() => Assert.True(new AggregationOptions().MaxFlows > 0);
}
