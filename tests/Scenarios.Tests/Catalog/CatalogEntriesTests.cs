using Scenarios.Catalog;

namespace Scenarios.Tests.Catalog;

/// <summary>What every built-in scenario must offer: it loads, says where it comes from and what it is, and keeps its faults inside its run.</summary>
public class CatalogEntriesTests
{
    public static TheoryData<string> BuiltInNames()
    {
        var data = new TheoryData<string>();
        foreach (var entry in ScenarioCatalog.List())
            data.Add(entry.Name);
        return data;
    }

    [Fact]
    public void Catalog_has_at_least_twelve_entries()
    {
        Assert.True(ScenarioCatalog.List().Count >= 12, $"the catalog has {ScenarioCatalog.List().Count} entries; at least 12 expected");
    }

    [Theory]
    [InlineData("dexcom-nye-2018")]
    [InlineData("librelink-apr-2019")]
    [InlineData("librelinkup-2023-stale")]
    [InlineData("libre-us-oct-2024")]
    [InlineData("carelink-alerts-2024")]
    [InlineData("nightscout-heroku")]
    [InlineData("apns-delay")]
    [InlineData("fcm-outage")]
    [InlineData("cloud-region-oct-2025")]
    [InlineData("school-wifi-basketball")]
    [InlineData("login-storm-after-recovery")]
    [InlineData("flapping-service")]
    [InlineData("slow-drain-3-day-backlog")]
    public void Incident_scenario_is_in_the_catalog(string name)
    {
        Assert.Contains(ScenarioCatalog.List(), e => e.Name == name);
    }

    [Theory]
    [MemberData(nameof(BuiltInNames))]
    public void Entry_loads_without_errors(string name)
    {
        var scenario = ScenarioCatalog.Load(name);

        Assert.Equal(name, scenario.Name);
        Assert.NotEmpty(scenario.Patients);
    }

    [Theory]
    [MemberData(nameof(BuiltInNames))]
    public void Entry_has_a_source_and_a_description(string name)
    {
        var entry = Assert.Single(ScenarioCatalog.List(), e => e.Name == name);
        var scenario = ScenarioCatalog.Load(name);

        Assert.False(string.IsNullOrWhiteSpace(entry.Source), $"{name} has no source");
        Assert.False(string.IsNullOrWhiteSpace(entry.Description), $"{name} has no description");
        Assert.False(string.IsNullOrWhiteSpace(scenario.Source), $"{name} has no source");
        Assert.False(string.IsNullOrWhiteSpace(scenario.Description), $"{name} has no description");
    }

    [Theory]
    [MemberData(nameof(BuiltInNames))]
    public void Entry_faults_lie_inside_its_run_window(string name)
    {
        var scenario = ScenarioCatalog.Load(name);

        Assert.NotEmpty(scenario.Faults);
        Assert.All(scenario.Faults, f =>
        {
            Assert.True(f.At >= scenario.Start, $"{name}: fault '{f.Kind}' on {f.Target} opens at {f.At:O}, before the run starts at {scenario.Start:O}");
            Assert.True(f.Until <= scenario.End, $"{name}: fault '{f.Kind}' on {f.Target} closes at {f.Until:O}, after the run ends at {scenario.End:O}");
            Assert.True(f.At < f.Until, $"{name}: fault '{f.Kind}' on {f.Target} has an empty window");
        });
    }

    [Theory]
    [MemberData(nameof(BuiltInNames))]
    public void Entry_uses_only_the_vendors_the_reference_system_follows_and_notifies_through(string name)
    {
        var scenario = ScenarioCatalog.Load(name);

        Assert.All(scenario.Vendors, v => Assert.Contains(v, new[] { "dexcom-share", "nightscout", "fcm" }));
    }
}
