using Scenarios.Model;
using static Scenarios.Tests.Loading.ScenarioYaml;

namespace Scenarios.Tests.Loading;

/// <summary>ble: the transmitter, its connection window and the radio between it and the phone.</summary>
public class BleValidationTests
{
    private static string PatientWithBle(string ble) => WithPatients($"""
        patients:
          - id: child-1
            trace: {"{"} source: scripted, points: {"{"} 0h: 120, 6h: 60 {"}"} {"}"}
            followers: [parent-1]
            ble: {ble}
        """);

    [Fact]
    public void A_ble_block_reads_transmitter_id_window_and_radio()
    {
        var ble = Load(PatientWithBle("{ transmitter: g6, id: 8G1234, window: 10s, radio: { missed-windows: 0.02, packet-loss: 0.01, out-of-range: [{ at: 3h, for: 45m }, { at: 1h, for: 5m }] } }"))
            .Patients[0].Ble!;

        Assert.Equal("g6", ble.Transmitter);
        Assert.Equal("8G1234", ble.Id);
        Assert.Equal(TimeSpan.FromSeconds(10), ble.Window);
        Assert.Equal(0.02, ble.Radio.MissedWindows);
        Assert.Equal(0.01, ble.Radio.PacketLoss);
        Assert.Equal([new OutOfRangeSpan(TimeSpan.FromHours(1), TimeSpan.FromMinutes(5)), new OutOfRangeSpan(TimeSpan.FromHours(3), TimeSpan.FromMinutes(45))], ble.Radio.OutOfRange);
    }

    [Fact]
    public void Defaults_are_a_15_second_window_and_a_clean_radio()
    {
        var ble = Load(PatientWithBle("{ transmitter: g7 }")).Patients[0].Ble!;
        Assert.Equal((TimeSpan.FromSeconds(15), 0.0, 0.0, 0), (ble.Window, ble.Radio.MissedWindows, ble.Radio.PacketLoss, ble.Radio.OutOfRange.Count));
        Assert.Null(ble.Id);
    }

    [Fact]
    public void Ble_mistakes_are_reported_together()
    {
        var errors = Errors(PatientWithBle("{ transmitter: g5, id: 8g12, window: 5m, radio: { packet-loss: 2, out-of-range: [{ at: 1h, for: 2h }, { at: 2h, for: 10m }] } }"));

        Assert.Equal(
            [
                "unknown transmitter 'g5' (did you mean 'g6'?)",
                "'8g12' is not a transmitter id; write the 6 characters printed on the transmitter, digits and capital letters, e.g. 8G1234",
                "a connection window of 5m is outside 2s..60s; real transmitters stay connectable for seconds (default 15s)",
                "2 is not a share; write a number from 0 to 1, e.g. 0.02 for 2 %",
                "this span overlaps the one starting 1h after the start; merge them into one",
            ],
            errors.Select(e => e.Message));
    }
}
