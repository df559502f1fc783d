using Simulator.Glucose.Replay;

namespace Simulator.Tests.Glucose.Replay;

/// <summary>Every Nightscout import error, pinned word for word, with the line of the offending entry or value.</summary>
public class NightscoutErrorMessageTests
{
    private static TraceImportException Fail(string json) =>
        Assert.Throws<TraceImportException>(() => NightscoutEntriesImporter.Parse(json, "entries.json"));

    [Fact]
    public void Syntax_error_names_the_line()
    {
        var ex = Fail("[\n  {\"type\": \"sgv\", \"sgv\": 112, \"date\": 1575108000000},\n  {\"type\": \"sgv\" \"sgv\": 118}\n]");
        Assert.Equal("entries.json line 3: the JSON is not valid near byte 18 of the line ('\"' is invalid after a value. Expected either ',', '}', or ']'.); fix the file or download the entries again from /api/v1/entries.json.", ex.Message);
        Assert.Equal(3, ex.Line);
    }

    [Fact]
    public void Truncated_file()
    {
        var ex = Fail("[\n  {\"type\": \"sgv\", \"sgv\": 112, \"date\": 1575108000000},\n");
        Assert.StartsWith("entries.json line 3: the JSON is not valid near byte 1 of the line (", ex.Message);
    }

    [Fact]
    public void Sgv_missing()
    {
        var ex = Fail("[\n  {\"type\": \"sgv\", \"sgv\": 112, \"date\": 1575108000000},\n  {\n    \"type\": \"sgv\",\n    \"date\": 1575108300000\n  }\n]");
        Assert.Equal("entries.json line 3: the entry has no \"sgv\" value; an entry of type \"sgv\" needs its glucose in mg/dL, e.g. \"sgv\": 112.", ex.Message);
        Assert.Equal("sgv", ex.Field);
    }

    [Fact]
    public void Sgv_not_a_number()
    {
        var ex = Fail("[\n  {\n    \"type\": \"sgv\",\n    \"sgv\": \"abc\",\n    \"date\": 1575108000000\n  }\n]");
        Assert.Equal("entries.json line 4: \"sgv\" is \"abc\", which is not a number; an entry of type \"sgv\" needs its glucose in mg/dL, e.g. \"sgv\": 112.", ex.Message);
    }

    [Fact]
    public void Sgv_null()
    {
        var ex = Fail("""[{"type":"sgv","sgv":null,"date":1575108000000}]""");
        Assert.Equal("entries.json line 1: \"sgv\" is null, which is not a number; an entry of type \"sgv\" needs its glucose in mg/dL, e.g. \"sgv\": 112.", ex.Message);
    }

    [Fact]
    public void Sgv_negative()
    {
        var ex = Fail("""[{"type":"sgv","sgv":-3,"date":1575108000000}]""");
        Assert.Equal("entries.json line 1: \"sgv\" is -3, which is not a glucose reading; an entry of type \"sgv\" needs its glucose in mg/dL, e.g. \"sgv\": 112.", ex.Message);
    }

    [Fact]
    public void No_time_at_all()
    {
        var ex = Fail("[\n  {\"type\": \"sgv\", \"sgv\": 112}\n]");
        Assert.Equal("entries.json line 2: the entry has neither \"date\" (epoch milliseconds) nor \"dateString\"; every sgv entry needs the time it was measured.", ex.Message);
    }

    [Fact]
    public void Date_in_seconds_without_a_dateString()
    {
        var ex = Fail("""[{"type":"sgv","sgv":112,"date":1575108000}]""");
        Assert.Equal("entries.json line 1: \"date\" is 1575108000, which is not a time in epoch milliseconds (2000–2100); Nightscout's \"date\" counts milliseconds since 1970-01-01 UTC, e.g. 1575108000000.", ex.Message);
    }

    [Fact]
    public void DateString_without_an_offset()
    {
        var ex = Fail("""[{"type":"sgv","sgv":112,"dateString":"2019-11-30T10:00:00"}]""");
        Assert.Equal("entries.json line 1: \"dateString\" is \"2019-11-30T10:00:00\", which has no UTC offset, so the instant is unknown; add \"Z\" or an offset such as +01:00, or give \"date\" in epoch milliseconds.", ex.Message);
    }

    [Fact]
    public void DateString_that_is_not_a_time()
    {
        var ex = Fail("""[{"type":"sgv","sgv":112,"dateString":"yesterday Z"}]""");
        Assert.Equal("entries.json line 1: \"dateString\" is \"yesterday Z\", which is not an ISO-8601 time; write it like 2019-11-30T10:00:00.000Z, or give \"date\" in epoch milliseconds.", ex.Message);
    }

    [Fact]
    public void Unknown_direction()
    {
        var ex = Fail("""[{"type":"sgv","sgv":112,"date":1575108000000,"direction":"Sideways"}]""");
        Assert.Equal("entries.json line 1: \"direction\" is \"Sideways\", which is not a Nightscout direction; use one of DoubleUp, SingleUp, FortyFiveUp, Flat, FortyFiveDown, SingleDown, DoubleDown, NOT COMPUTABLE, RATE OUT OF RANGE, NONE, or leave it out.", ex.Message);
    }

    [Fact]
    public void Entry_that_is_not_an_object()
    {
        var ex = Fail("[\n  {\"type\": \"sgv\", \"sgv\": 112, \"date\": 1575108000000},\n  112\n]");
        Assert.Equal("entries.json line 3: entry 2 is a number, not an object; the file must be a JSON array of Nightscout entries like {\"type\":\"sgv\",\"sgv\":112,\"date\":1575108000000}.", ex.Message);
    }

    [Fact]
    public void Top_level_that_is_not_an_array()
    {
        var ex = Fail("\"hello\"");
        Assert.Equal("entries.json line 1: the file holds a string, not an array of entries; expected the body of /api/v1/entries.json, e.g. [{\"type\":\"sgv\",\"sgv\":112,\"date\":1575108000000}].", ex.Message);
    }

    [Fact]
    public void No_sgv_entries()
    {
        var ex = Fail("""[{"type":"mbg","mbg":120,"date":1575108000000},{"type":"cal","date":1575108000000},{"type":"mbg","mbg":99,"date":1575108300000}]""");
        Assert.Equal("entries.json: no sgv entries were found (3 other entries: 1 cal, 2 mbg); the trace needs at least one entry with \"type\": \"sgv\" and a glucose value.", ex.Message);
    }

    [Fact]
    public void Empty_array()
    {
        var ex = Fail("[]");
        Assert.Equal("entries.json: no sgv entries were found (the array is empty); the trace needs at least one entry with \"type\": \"sgv\" and a glucose value.", ex.Message);
    }

    [Fact]
    public void Empty_file()
    {
        var ex = Fail(" \n ");
        Assert.Equal("entries.json: the file is empty; expected a JSON array of Nightscout entries, as returned by /api/v1/entries.json.", ex.Message);
    }
}
