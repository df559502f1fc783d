using ReferenceSystem.Alerts;

namespace ReferenceSystem.Tests.Alerts;

public class AlertPolicyTests
{
    private static readonly AlertPolicy Policy = new(55, 70, 250, 20);

    [Theory]
    [InlineData(40, new[] { "urgent-low", "low" })]
    [InlineData(55, new[] { "urgent-low", "low" })]
    [InlineData(56, new[] { "low" })]
    [InlineData(70, new[] { "low" })]
    [InlineData(71, new string[0])]
    [InlineData(249, new string[0])]
    [InlineData(250, new[] { "high" })]
    public void Thresholds_are_inclusive_and_both_lows_can_be_active(int mgdl, string[] expected)
    {
        Assert.Equal(expected, Policy.ActiveFor(mgdl).Select(k => k.WireName()));
    }

    [Fact]
    public void Wire_names_and_titles_match_the_delivery_mapping()
    {
        Assert.Equal(["urgent-low", "low", "high", "no-data"],
            new[] { AlertKind.UrgentLow, AlertKind.Low, AlertKind.High, AlertKind.NoData }.Select(k => k.WireName()));
        Assert.Equal("Urgent Low", AlertKind.UrgentLow.Title());
    }
}
