namespace Simulator.Ble.Messages;

/// <summary>
/// One field of a message layout, as listed by <see cref="BleMessages.All"/> and accepted by
/// <see cref="BleMessages.Build"/>.
/// </summary>
/// <param name="Name">camelCase field name, as used in JSON and in <c>--field name=value</c>.</param>
/// <param name="Kind">
/// Value kind: <c>u8</c>, <c>i8</c>, <c>u16</c>, <c>u32</c>, <c>f32</c>, <c>bytes[n]</c> (hex),
/// <c>u12</c> (low 12 bits of a glucose word), <c>u4</c> (its top 4 flag bits),
/// <c>u12?</c>/<c>u16?</c> (0xFFFF on the wire means none; write "none").
/// </param>
/// <param name="Offset">Byte offset in the message (opcode at 0).</param>
/// <param name="Description">What the field means and where the spec says so.</param>
public sealed record BleFieldInfo(string Name, string Kind, int Offset, string Description);
