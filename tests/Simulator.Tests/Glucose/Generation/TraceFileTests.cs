using Simulator.Glucose;
using Simulator.Glucose.Generation;
using Simulator.Glucose.Replay;
using Simulator.Glucose.Sensors;

namespace Simulator.Tests.Glucose.Generation;

public class TraceFileTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly TracePoint[] Points =
    [
        new(T0, 120.04, 118, Trend.Flat, SensorState.Ok),
        new(T0.AddMinutes(5), 119.5, null, Trend.None, SensorState.Dropout),
        new(T0.AddMinutes(10), 35.2, 40, Trend.SingleDown, SensorState.Low),
    ];

    [Fact]
    public void Csv_has_one_line_per_instant_with_an_empty_cell_for_a_gap()
    {
        using var writer = new StringWriter();
        TraceFile.WriteCsv(writer, Points);

        Assert.Equal(
            "time,truthMgdl,sensorMgdl,trend,state\n"
            + "2024-01-01T00:00:00Z,120.0,118,Flat,Ok\n"
            + "2024-01-01T00:05:00Z,119.5,,None,Dropout\n"
            + "2024-01-01T00:10:00Z,35.2,40,SingleDown,Low\n",
            writer.ToString());
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public void Stats_read_back_the_sensor_values_of_either_format(string format)
    {
        var path = Path.Combine(Path.GetTempPath(), $"trace-{Guid.NewGuid():N}.{format}");
        try
        {
            if (format == "csv")
            {
                using var writer = new StreamWriter(path);
                TraceFile.WriteCsv(writer, Points);
            }
            else
            {
                using var stream = File.Create(path);
                TraceFile.WriteJson(stream, Points);
            }

            Assert.Equal([118.0, 40.0], TraceFile.ReadSensorValues(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_damaged_row_is_named_by_its_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"trace-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllText(path, "time,truthMgdl,sensorMgdl,trend,state\n2024-01-01T00:00:00Z,120.0,118,Flat,Ok\n2024-01-01T00:05:00Z,119.5,abc,Flat,Ok\n");

            var e = Assert.Throws<TraceImportException>(() => TraceFile.ReadSensorValues(path));

            Assert.Equal($"{Path.GetFileName(path)} line 3: sensorMgdl is \"abc\", which is not a whole number of mg/dL; leave it empty for a gap", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
