using Simulator.Glucose;
using Simulator.Glucose.Replay;

namespace Simulator.Tests.Glucose.Replay;

public class NightscoutEntriesImporterTests
{
    private static RecordedTrace LoadFixture()
    {
        using var stream = File.OpenRead(Fixture.Path("nightscout-entries.json"));
        return NightscoutEntriesImporter.Parse(stream, "nightscout-entries.json");
    }

    [Fact]
    public void Keeps_sgv_entries_sorted_oldest_first_and_counts_the_rest()
    {
        var trace = LoadFixture();

        var start = new DateTimeOffset(2019, 11, 30, 9, 55, 0, TimeSpan.Zero);
        Assert.Equal(
            [start, start.AddMinutes(5), start.AddMinutes(10), start.AddMinutes(15), start.AddMinutes(20)],
            trace.Readings.Select(r => r.At));
        Assert.Equal([40, 112, 116, 120, 131], trace.Readings.Select(r => r.Mgdl));
        Assert.Equal(
            new Dictionary<string, int> { ["cal"] = 1, ["mbg"] = 1, [NightscoutEntriesImporter.ErrorCodeKey] = 1 },
            trace.Skipped);
    }

    [Fact]
    public void Duplicate_instants_keep_the_earliest_line()
    {
        var trace = LoadFixture();

        var atTen = Assert.Single(trace.Readings, r => r.At == new DateTimeOffset(2019, 11, 30, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal(112, atTen.Mgdl);
        Assert.Equal(50, atTen.SourceLine);
        Assert.Equal(1, trace.DuplicatesRemoved);
    }

    [Fact]
    public void Directions_map_to_trends_and_39_is_Low()
    {
        var readings = LoadFixture().Readings;

        Assert.Equal([Trend.None, Trend.Flat, Trend.NotComputable, Trend.Flat, Trend.FortyFiveUp], readings.Select(r => r.Trend));
        Assert.Equal(ReadingLimit.Low, readings[0].Limit);
        Assert.Equal([68, 50, 42, 20, 2], readings.Select(r => r.SourceLine));
    }

    [Fact]
    public void Date_is_authoritative_over_a_disagreeing_dateString()
    {
        const string json = """[{"type":"sgv","sgv":100,"date":1575108000000,"dateString":"2001-01-01T00:00:00Z"}]""";

        var reading = Assert.Single(NightscoutEntriesImporter.Parse(json, "e.json").Readings);

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1575108000000), reading.At);
    }

    [Fact]
    public void Above_400_is_High_and_numeric_strings_and_trend_numbers_are_accepted()
    {
        const string json = """[{"sgv":"450","date":"1575108000000","trend":2}]""";

        var reading = Assert.Single(NightscoutEntriesImporter.Parse(json, "e.json").Readings);

        Assert.Equal((400, ReadingLimit.High, Trend.SingleUp), (reading.Mgdl, reading.Limit, reading.Trend));
    }

    [Fact]
    public void A_v3_result_wrapper_and_a_single_entry_are_accepted()
    {
        const string wrapped = """{"status":200,"result":[{"type":"sgv","sgv":101,"date":1575108000000}]}""";
        const string single = """{"type":"sgv","sgv":102,"date":1575108000000}""";

        Assert.Equal(101, Assert.Single(NightscoutEntriesImporter.Parse(wrapped, "v3.json").Readings).Mgdl);
        Assert.Equal(102, Assert.Single(NightscoutEntriesImporter.Parse(single, "one.json").Readings).Mgdl);
    }
}
