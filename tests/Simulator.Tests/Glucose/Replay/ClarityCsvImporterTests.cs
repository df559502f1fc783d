using Simulator.Glucose;
using Simulator.Glucose.Replay;

namespace Simulator.Tests.Glucose.Replay;

public class ClarityCsvImporterTests
{
    private static RecordedTrace LoadMgdl()
    {
        using var reader = new StreamReader(Fixture.Path("clarity-mgdl.csv"));
        return ClarityCsvImporter.Parse(reader, "clarity-mgdl.csv", Fixture.NewYork);
    }

    [Fact]
    public void Realistic_export_keeps_only_EGV_rows_and_counts_the_rest_by_event_type()
    {
        var trace = LoadMgdl();

        Assert.Equal(14, trace.Readings.Count);
        Assert.Equal(
            new Dictionary<string, int> { ["Alert"] = 4, ["Calibration"] = 1, ["Carbs"] = 1, ["Device"] = 1, ["FirstName"] = 1, ["Insulin"] = 1, ["LastName"] = 1 },
            trace.Skipped);
        Assert.Equal("clarity-mgdl.csv", trace.Source);
    }

    [Fact]
    public void Local_timestamps_are_read_in_the_given_zone()
    {
        var first = LoadMgdl().Readings[0];

        // 2024-03-09 is still EST (UTC-5) in New York; DST starts the next day.
        Assert.Equal(new DateTimeOffset(2024, 3, 9, 7, 50, 0, TimeSpan.Zero), first.At.ToUniversalTime());
        Assert.Equal(TimeSpan.FromHours(-5), first.At.Offset);
        Assert.Equal(52, first.Mgdl);
        Assert.Equal(9, first.SourceLine);
    }

    [Fact]
    public void Low_and_High_become_40_and_400_with_the_limit_kept()
    {
        var readings = LoadMgdl().Readings;

        var low = readings.Where(r => r.Limit == ReadingLimit.Low).ToList();
        var high = readings.Where(r => r.Limit == ReadingLimit.High).ToList();
        Assert.Equal([10, 11], low.Select(r => r.SourceLine));
        Assert.All(low, r => Assert.Equal(40, r.Mgdl));
        Assert.Equal([23, 24], high.Select(r => r.SourceLine));
        Assert.All(high, r => Assert.Equal(400, r.Mgdl));
        Assert.Equal(10, readings.Count(r => r.Limit == ReadingLimit.None));
    }

    [Fact]
    public void Rate_of_change_gives_the_arrow_and_an_empty_rate_gives_none()
    {
        var byLine = LoadMgdl().Readings.ToDictionary(r => r.SourceLine, r => r.Trend);

        Assert.Equal(Trend.FortyFiveDown, byLine[9]);   // -1.6
        Assert.Equal(Trend.None, byLine[10]);           // Low, no rate
        Assert.Equal(Trend.DoubleUp, byLine[13]);       // 3.4
        Assert.Equal(Trend.Flat, byLine[19]);           // 1.0 is still flat
        Assert.Equal(Trend.SingleUp, byLine[20]);       // 2.4
        Assert.Equal(Trend.SingleDown, byLine[25]);     // -2.5
    }

    [Fact]
    public void Mmol_export_is_converted_with_factor_18()
    {
        using var reader = new StreamReader(Fixture.Path("clarity-mmol.csv"));
        var trace = ClarityCsvImporter.Parse(reader, "clarity-mmol.csv", Fixture.London);

        Assert.Equal([112, 101, 40, 40, 400, 400], trace.Readings.Select(r => r.Mgdl));
        Assert.Equal([ReadingLimit.None, ReadingLimit.None, ReadingLimit.None, ReadingLimit.Low, ReadingLimit.High, ReadingLimit.None], trace.Readings.Select(r => r.Limit));
        Assert.Equal([Trend.Flat, Trend.FortyFiveDown, Trend.None, Trend.None, Trend.None, Trend.SingleUp], trace.Readings.Select(r => r.Trend));
        // 22:00 British Summer Time is 21:00 UTC.
        Assert.Equal(new DateTimeOffset(2024, 10, 26, 21, 0, 0, TimeSpan.Zero), trace.Readings[0].At.ToUniversalTime());
    }

    [Fact]
    public void Columns_are_found_by_name_with_semicolons_decimal_commas_quotes_and_extra_columns()
    {
        const string text =
            "Exported by a spreadsheet\n" +
            "\"Glucose Value (mmol/L)\";Extra;\"Event Type\";Timestamp (YYYY-MM-DDThh:mm:ss)\n" +
            "\"5,5\";\"a; b\";EGV;2024-01-15T08:00:00\n" +
            "\"6,1\";\"say \"\"hi\"\"\";EGV;2024-01-15 08:05:00\n";

        var trace = ClarityCsvImporter.Parse(new StringReader(text), "eu.csv", Fixture.London);

        Assert.Equal([99, 110], trace.Readings.Select(r => r.Mgdl));
        Assert.Equal([3, 4], trace.Readings.Select(r => r.SourceLine));
        Assert.Equal(TimeSpan.FromMinutes(5), trace.Readings[1].At - trace.Readings[0].At);
    }

    [Fact]
    public void The_repeated_autumn_hour_is_read_in_order_first_summer_then_standard_time()
    {
        var rows = new List<string> { "Index,Timestamp (YYYY-MM-DDThh:mm:ss),Event Type,Glucose Value (mg/dL)" };
        // New York falls back at 02:00 EDT on 2024-11-03: 01:00–01:55 happens twice.
        var locals = new[] { "00:50", "00:55", "01:00", "01:30", "01:55", "01:00", "01:30", "01:55", "02:00" };
        rows.AddRange(locals.Select((t, i) => $"{i + 1},2024-11-03T{t}:00,EGV,100"));

        var trace = ClarityCsvImporter.Parse(new StringReader(string.Join("\n", rows)), "fall.csv", Fixture.NewYork);

        var utc = trace.Readings.Select(r => r.At.UtcDateTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["04:50", "04:55", "05:00", "05:30", "05:55", "06:00", "06:30", "06:55", "07:00"], utc);
    }

    [Fact]
    public void A_time_in_the_skipped_spring_hour_is_read_with_the_offset_before_the_jump()
    {
        const string text = "Timestamp (YYYY-MM-DDThh:mm:ss),Event Type,Glucose Value (mg/dL)\n2024-03-10T01:55:00,EGV,100\n2024-03-10T02:30:00,EGV,101\n2024-03-10T03:05:00,EGV,102\n";

        var trace = ClarityCsvImporter.Parse(new StringReader(text), "spring.csv", Fixture.NewYork);

        // 01:55 EST = 06:55Z; 02:30 does not exist and is read as 02:30 EST = 07:30Z; 03:05 EDT = 07:05Z.
        Assert.Equal([(100, "06:55"), (102, "07:05"), (101, "07:30")],
            trace.Readings.Select(r => (r.Mgdl, r.At.UtcDateTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void A_hundred_thousand_rows_parse()
    {
        var text = new System.Text.StringBuilder("Index,Timestamp (YYYY-MM-DDThh:mm:ss),Event Type,Event Subtype,Glucose Value (mg/dL),Glucose Rate of Change (mg/dL/min)\n");
        var start = new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        for (var i = 0; i < 100_000; i++)
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1},{start.AddMinutes(5 * i):yyyy-MM-ddTHH:mm:ss},EGV,,{80 + i % 200},0.5\n");

        var trace = ClarityCsvImporter.Parse(new StringReader(text.ToString()), "big.csv", TimeZoneInfo.Utc);

        Assert.Equal(100_000, trace.Readings.Count);
        Assert.Empty(trace.Gaps(TimeSpan.FromMinutes(5)));
    }
}
