using Simulator.Glucose.Replay;

namespace Simulator.Tests.Glucose.Replay;

/// <summary>Every Clarity import error, pinned word for word: these messages are what a scenario author sees.</summary>
public class ClarityErrorMessageTests
{
    private const string Header = "Index,Timestamp (YYYY-MM-DDThh:mm:ss),Event Type,Event Subtype,Glucose Value (mg/dL),Glucose Rate of Change (mg/dL/min)";

    private static TraceImportException Fail(string text) =>
        Assert.Throws<TraceImportException>(() => ClarityCsvImporter.Parse(new StringReader(text), "recorded.csv", Fixture.NewYork));

    private static string Rows(params string[] rows) => string.Join("\r\n", [Header, .. rows]);

    [Fact]
    public void Glucose_that_is_not_a_number()
    {
        var ex = Fail(Rows("1,2024-03-09T07:00:00,EGV,,112,", "2,2024-03-09T07:05:00,EGV,,abc,"));
        Assert.Equal("recorded.csv line 3: \"Glucose Value (mg/dL)\" is \"abc\", which is not a number; an EGV row needs a value in mg/dL or \"Low\"/\"High\".", ex.Message);
        Assert.Equal(3, ex.Line);
        Assert.Equal("Glucose Value (mg/dL)", ex.Field);
        Assert.Equal("recorded.csv", ex.SourceName);
    }

    [Fact]
    public void Glucose_that_is_empty()
    {
        var ex = Fail(Rows("1,2024-03-09T07:00:00,EGV,,,"));
        Assert.Equal("recorded.csv line 2: \"Glucose Value (mg/dL)\" is empty; an EGV row needs a value in mg/dL or \"Low\"/\"High\".", ex.Message);
    }

    [Fact]
    public void Glucose_that_is_zero_or_negative()
    {
        var ex = Fail(Rows("1,2024-03-09T07:00:00,EGV,,-5,"));
        Assert.Equal("recorded.csv line 2: \"Glucose Value (mg/dL)\" is \"-5\", which is not a glucose reading; an EGV row needs a value in mg/dL or \"Low\"/\"High\".", ex.Message);
    }

    [Fact]
    public void Mmol_glucose_that_is_not_a_number_names_the_unit()
    {
        var ex = Fail("Timestamp (YYYY-MM-DDThh:mm:ss),Event Type,Glucose Value (mmol/L)\n2024-03-09T07:00:00,EGV,5.x");
        Assert.Equal("recorded.csv line 2: \"Glucose Value (mmol/L)\" is \"5.x\", which is not a number; an EGV row needs a value in mmol/L or \"Low\"/\"High\".", ex.Message);
    }

    [Fact]
    public void Timestamp_that_is_not_a_timestamp()
    {
        var ex = Fail(Rows("1,09/03/2024 07:00,EGV,,112,"));
        Assert.Equal("recorded.csv line 2: \"Timestamp (YYYY-MM-DDThh:mm:ss)\" is \"09/03/2024 07:00\", which is not a timestamp; Clarity writes local time as YYYY-MM-DDThh:mm:ss, e.g. 2024-03-09T07:05:00.", ex.Message);
        Assert.Equal("Timestamp (YYYY-MM-DDThh:mm:ss)", ex.Field);
    }

    [Fact]
    public void EGV_row_without_a_timestamp()
    {
        var ex = Fail(Rows("1,,EGV,,112,"));
        Assert.Equal("recorded.csv line 2: \"Timestamp (YYYY-MM-DDThh:mm:ss)\" is empty; an EGV row needs the time it was measured, written like 2024-03-09T07:05:00.", ex.Message);
    }

    [Fact]
    public void Rate_that_is_not_a_number()
    {
        var ex = Fail(Rows("1,2024-03-09T07:00:00,EGV,,112,fast"));
        Assert.Equal("recorded.csv line 2: \"Glucose Rate of Change (mg/dL/min)\" is \"fast\", which is not a number; leave it empty or give the rate of change per minute.", ex.Message);
    }

    [Fact]
    public void Empty_file()
    {
        var ex = Fail("\uFEFF\r\n  \r\n");
        Assert.Equal("recorded.csv: the file is empty; expected a Dexcom Clarity CSV export with a header row and EGV rows.", ex.Message);
        Assert.Null(ex.Line);
    }

    [Fact]
    public void No_header_row()
    {
        var ex = Fail("date,value\n2024-03-09 07:00,112\n");
        Assert.Equal("recorded.csv: no Clarity header row was found (a row naming \"Timestamp (YYYY-MM-DDThh:mm:ss)\", \"Event Type\" and \"Glucose Value (mg/dL)\"); export the data again from Dexcom Clarity as CSV, or give the right format if this is not a Clarity export.", ex.Message);
    }

    [Fact]
    public void Header_without_a_glucose_column()
    {
        var ex = Fail("Index,Timestamp (YYYY-MM-DDThh:mm:ss),Event Type\n1,2024-03-09T07:00:00,EGV\n");
        Assert.Equal("recorded.csv line 1: the header has no \"Glucose Value\" column (it has \"Index\", \"Timestamp (YYYY-MM-DDThh:mm:ss)\", \"Event Type\"); a Clarity export needs \"Glucose Value (mg/dL)\" or \"Glucose Value (mmol/L)\".", ex.Message);
    }

    [Fact]
    public void Glucose_column_without_a_unit()
    {
        var ex = Fail("Timestamp (YYYY-MM-DDThh:mm:ss),Event Type,Glucose Value\n2024-03-09T07:00:00,EGV,112\n");
        Assert.Equal("recorded.csv line 1: the column \"Glucose Value\" does not say whether it is mg/dL or mmol/L, and no other column does; rename it \"Glucose Value (mg/dL)\" or \"Glucose Value (mmol/L)\" as Clarity writes it.", ex.Message);
    }

    [Fact]
    public void No_EGV_rows()
    {
        var ex = Fail(Rows("1,,FirstName,,,", "2,,Alert,Low,70,", "3,2024-03-09T07:00:00,Insulin,Fast-Acting,,", "4,,Alert,High,250,"));
        Assert.Equal("recorded.csv: no EGV readings were found (4 other rows: 2 Alert, 1 FirstName, 1 Insulin); the trace needs at least one row with Event Type \"EGV\".", ex.Message);
    }

    [Fact]
    public void Header_only()
    {
        var ex = Fail(Header + "\r\n");
        Assert.Equal("recorded.csv: no EGV readings were found (the file has a header but no data rows); the trace needs at least one row with Event Type \"EGV\".", ex.Message);
    }

    [Fact]
    public void Unclosed_quote()
    {
        var ex = Fail(Rows("1,2024-03-09T07:00:00,EGV,,112,", "2,2024-03-09T07:05:00,EGV,\"oops,118,", "3,2024-03-09T07:10:00,EGV,,120,"));
        Assert.Equal("recorded.csv line 3: a quoted field is not closed before the end of the file; look for a stray double quote (\") on this row, or export the file again.", ex.Message);
    }
}
