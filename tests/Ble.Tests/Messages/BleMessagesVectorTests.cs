using Simulator.Ble;
using Simulator.Ble.Messages;

namespace Simulator.Tests.Ble.Messages;

/// <summary>Peer test vectors cited by the spec (§1.2–§2.6, §6): decode to the asserted fields, encode back identically.</summary>
public class BleMessagesVectorTests
{
    public static TheoryData<string, string, string, string> Vectors => new()
    {
        // LoopKit/CGMBLEKit:CGMBLEKitTests/GlucoseRxMessageTests.swift
        { "G6", "3100680a00008a715700cc0006ffc42a", "GlucoseRx", "status=0 sequence=2664 timestamp=5730698 glucose=204 glucoseIsDisplayOnly=false state=6 trend=-1" },
        { "G6", "31006f0a0000be7957007a0006e4818d", "GlucoseRx", "sequence=2671 timestamp=5732798 glucose=122 glucoseIsDisplayOnly=false state=6 trend=-28" },
        { "G6", "3100700a0000f17a5700584006e3cee9", "GlucoseRx", "sequence=2672 timestamp=5733105 glucose=88 glucoseIsDisplayOnly=true state=6 trend=-29" },
        { "G6", "3100aa00000095a078008b00060a8b34", "GlucoseRx", "sequence=170 timestamp=7905429 glucose=139 state=6 trend=10" },
        { "G6", "3100000000008eb14d00820006f6a038", "GlucoseRx", "sequence=0 timestamp=5091726 glucose=130 state=6 trend=-10" },
        // LoopKit/CGMBLEKit:CGMBLEKitTests/TransmitterTimeRxMessageTests.swift
        { "G6", "2500e8f87100ffffffff010000000a70", "TransmitterTimeRx", "status=0 currentTime=7469288 sessionStartTime=4294967295 hasSession=false" },
        { "G6", "250096fd7100ffffffff01000000226d", "TransmitterTimeRx", "currentTime=7470486 hasSession=false" },
        { "G6", "2500eeff7100ffffffff010000008952", "TransmitterTimeRx", "currentTime=7471086 hasSession=false" },
        { "G6", "2500470272007cff710001000000fa1d", "TransmitterTimeRx", "currentTime=7471687 sessionStartTime=7470972 hasSession=true" },
        { "G6", "2500beb24d00f22d4d000100000083c0", "TransmitterTimeRx", "currentTime=5092030 sessionStartTime=5058034 hasSession=true" },
        // xdrip-js/xdrip-js:test/test-version.js (0x21 ASIC read at 14, see FirmwareVersionRx remarks)
        { "G6", "21000212025802120258ff00314541412412", "FirmwareVersionRx", "status=0 firmwareVersion=\"02120258\" bluetoothFirmwareVersion=\"02120258\" hardwareRevision=255 otherFirmwareVersion=\"003145\"" },
        { "G6", "4b00021202582a2e00001100036e006d010997", "TransmitterVersionRx", "status=0 firmwareVersion=\"02120258\" buildVersion=11818 inactiveDays=17 versionCode=3 maxRuntimeDays=110 maxInactiveDays=365" },
        { "G6", "53000a0f0000000000303235302d50726f771a", "ExtendedVersionRx", "status=0 typicalSensorDays=10 featureBits=15" },
        // LoopKit/CGMBLEKit:CGMBLEKit/Messages/BatteryStatusTxMessage.swift (quoted response)
        { "G6", "23003c012f01cd021f247bae", "BatteryStatusG5Rx", "status=0 voltageA=316 voltageB=303 resistance=717 runtime=31 temperature=36" },
        // xdrip-js/xdrip-js:test/test-sensor-rx-message.js
        { "G6", "2f005ac55b006081010030790100482a", "SensorRx", "status=0 timestamp=6014298 unfiltered=98656 filtered=96560" },
        { "G6", "2f005ac55b00d9f2", "SensorTimestampRx", "status=0 timestamp=6014298" },
        // LoopKit/CGMBLEKit:CGMBLEKitTests/GlucoseBackfillMessageTests.swift
        { "G6", "50050200b7ff5200660453000000000000007138", "BackfillTx", "byte1=5 byte2=2 identifier=0 startTime=5439415 endTime=5440614 bufferLength=0 bufferCrc=0" },
        { "G6", "51000100b7ff52006604530032000000e6cb9805", "BackfillRx", "status=0 backfillStatus=1 identifier=0 startTime=5439415 endTime=5440614 bufferLength=50 bufferCrc=52198" },
        // Spec §1.2 ready-made requests
        { "G6", "24e664", "TransmitterTimeTx", "" },
        { "G6", "305336", "GlucoseTx", "" },
        { "G6", "321116", "CalibrationDataTx", "" },
        { "G6", "222004", "BatteryStatusTx", "" },
        { "G6", "2eacc5", "SensorTx", "" },
        { "G6", "428668", "ResetTx", "" },
        { "G6", "4e0aa9", "EgvTx", "" },
        { "G6", "206224", "FirmwareVersionTx", "" },
        { "G6", "4a8ee9", "TransmitterVersionTx", "" },
        { "G6", "52b77a", "ExtendedVersionTx", "" },
        // xdrip-js/xdrip-js:test/test-auth-status-rx-message.js; auth is shared by both generations
        { "G6", "050101", "AuthStatusRx", "authenticated=1 bonded=1" },
        { "G7", "050101", "AuthStatusRx", "authenticated=1 bonded=1" },
        { "G7", "0619", "KeepAliveTx", "seconds=25" },
        // LoopKit/G7SensorKit:G7SensorKitTests/G7GlucoseMessageTests.swift
        { "G7", "4e00a89c00008800000104008d0006038a000f", "G7Egv", "status=0 timestamp=40104 sequence=136 sessionNumber=1 age=4 glucose=141 predictedGlucose=138 state=6 trend=3 secondaryState=15 glucoseTimestamp=40100 glucoseIsDisplayOnly=false" },
        { "G7", "4e00c35501002601000106008a00060187000f", "G7Egv", "glucose=138 glucoseTimestamp=87485 glucoseIsDisplayOnly=false" },
        { "G7", "4e000ec10d00c00b00010000680006fe63001f", "G7Egv", "glucose=104 glucoseTimestamp=901390 glucoseIsDisplayOnly=true" },
        { "G7", "4e00b6000000010000006600ffff017fffff00", "G7Egv", "glucose=null predictedGlucose=null state=1 sequence=1 glucoseTimestamp=80 trend=127 glucoseIsDisplayOnly=false sessionNumber=0" },
        { "G7", "4e00cd000000030000010500ffff027fffff01", "G7Egv", "glucose=null state=2 sequence=3 glucoseTimestamp=200" },
        { "G7", "4e00f90100000400000105009100027effff02", "G7Egv", "glucose=145 state=2 sequence=4 glucoseTimestamp=500" },
        { "G7", "4e00ab060000080000010700540006f5ffff0e", "G7Egv", "state=6 sequence=8 glucoseTimestamp=1700" },
        { "G7", "4e004d440e00d40b0001d46b650018036a000e", "G7Egv", "state=24 sequence=3028 age=27604 timestamp=934989 glucoseTimestamp=907385" },
        { "G7", "4e00c6cc0d00ca0b00010500610006fe5b000f", "G7Egv", "trend=-2" },
        { "G7", "4e00c6cc0d00ca0b000105006100067f5b000f", "G7Egv", "trend=127" },
        { "G7", "4e00f9590200030200012a018f000610d9000f", "G7Egv", "age=298 timestamp=154105 glucoseTimestamp=153807" },
        // LoopKit/G7SensorKit:G7SensorKitTests/ExtendedVersionMessageTests.swift
        { "G7", "5200c0d70d00540600020404ff0c00", "G7ExtendedVersion", "status=0 sessionLength=907200 warmupLength=1620 algorithmVersion=67371520 hardwareVersion=255 maxLifetimeDays=12" },
        { "G7", "4e", "G7EgvTx", "" },
        { "G7", "52", "G7ExtendedVersionTx", "" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Peer_vector_decodes_to_the_documented_fields_and_encodes_back_identically(string generation, string hex, string name, string expected)
    {
        var bytes = Convert.FromHexString(hex);
        var message = BleMessages.Decode(bytes, Enum.Parse<TransmitterGeneration>(generation));

        Assert.Equal(name, message.MessageType.Name);
        Assert.Equal(bytes, message.Encode());
        var json = BleJson.Describe(message);
        foreach (var pair in expected.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var (field, value) = (pair[..pair.IndexOf('=', StringComparison.Ordinal)], pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            Assert.True(json.ContainsKey(field), $"{name} JSON lacks '{field}'");
            Assert.Equal(value, json[field]?.ToJsonString() ?? "null");
        }
    }

    [Theory]
    [InlineData("cf5802008f00060f10", 153807u, (ushort)143, false)]
    [InlineData("f20e0d00ba00060ffb", 855794u, (ushort)186, false)]
    [InlineData("f63d00008500061efe", 15862u, (ushort)133, true)]
    public void G7_backfill_records_from_G7SensorKit_decode_on_the_backfill_channel(string hex, uint timestamp, ushort glucose, bool displayOnly)
    {
        var bytes = Convert.FromHexString(hex);
        var record = Assert.IsType<Simulator.Ble.Dexcom.G7.G7BackfillRecord>(BleMessages.Decode(bytes, TransmitterGeneration.G7, BleChannel.Backfill));

        Assert.Equal(timestamp, record.Timestamp);
        Assert.Equal(glucose, record.Glucose);
        Assert.Equal((byte)6, record.State);
        Assert.Equal(displayOnly, record.GlucoseIsDisplayOnly);
        Assert.Equal(bytes, record.Encode());
    }

    [Fact]
    public void Every_message_type_sample_decodes_and_encodes_back_identically()
    {
        Assert.True(BleMessages.All.Count >= 50);
        foreach (var type in BleMessages.All)
        {
            var bytes = Convert.FromHexString(type.SampleHex);
            var viaType = type.Decode(bytes);
            Assert.Equal(type, viaType.MessageType);
            Assert.Equal(bytes, viaType.Encode());
            foreach (var generation in type.Generations)
            {
                var viaRegistry = BleMessages.Decode(bytes, generation, type.Channel);
                Assert.Equal(type.Name, viaRegistry.MessageType.Name);
                Assert.Equal(bytes, viaRegistry.Encode());
            }
        }
    }

    [Fact]
    public void Message_names_are_unique_and_every_opcode_length_pair_has_one_layout()
    {
        Assert.Equal(BleMessages.All.Count, BleMessages.All.Select(t => t.Name).Distinct().Count());
        var keys = BleMessages.All.Where(t => t.Opcode is not null)
            .SelectMany(t => t.Generations.Select(g => (g, t.Opcode, t.MinLength)))
            .ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }
}
