using System.Text.Json.Nodes;

namespace Simulator.Ble.Messages;

/// <summary>
/// One decoded Dexcom BLE message. Every message type is a small record with the same cast:
/// a static <c>Type</c> descriptor, <see cref="Encode"/>, a static <c>Decode</c>, and
/// <see cref="DescribeFields"/> for the CLI/JSON view.
/// </summary>
public interface IBleMessage
{
    /// <summary>The descriptor of this message's type (name, opcode, layout).</summary>
    BleMessageType MessageType { get; }

    /// <summary>The exact ATT value bytes, little-endian, with the CRC appended where the layout has one.</summary>
    byte[] Encode();

    /// <summary>Adds this message's fields (camelCase) and derived values to <paramref name="json"/>.</summary>
    void DescribeFields(JsonObject json);
}
