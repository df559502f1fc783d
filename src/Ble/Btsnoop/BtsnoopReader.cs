using System.Buffers.Binary;
using System.Globalization;

namespace Simulator.Ble.Btsnoop;

/// <summary>
/// Reads a btsnoop file (spec §5.3) into records and, for H4 captures, the ATT characteristic values on
/// handles the <see cref="AttHandleMap"/> knows. ACL continuation fragments (boundary flag 0b01) are
/// reassembled per connection handle and direction by L2CAP length. Truncated or non-btsnoop input
/// throws <see cref="BtsnoopFormatException"/> naming the byte offset.
/// </summary>
public static class BtsnoopReader
{
    public static BtsnoopCapture Read(Stream stream, AttHandleMap? handles = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Read(buffer.ToArray(), handles);
    }

    public static BtsnoopCapture Read(ReadOnlySpan<byte> file, AttHandleMap? handles = null)
    {
        handles ??= AttHandleMap.Dexcom;
        if (file.Length < BtsnoopWriter.FileHeaderLength)
        {
            throw new BtsnoopFormatException(file.Length, string.Create(CultureInfo.InvariantCulture, $"offset {file.Length}: file ends inside the 16-byte btsnoop header"));
        }

        if (!file[..8].SequenceEqual("btsnoop\0"u8))
        {
            throw new BtsnoopFormatException(0, "offset 0: missing the \"btsnoop\\0\" identification; this is not a btsnoop file");
        }

        var version = BinaryPrimitives.ReadUInt32BigEndian(file[8..]);
        if (version != BtsnoopWriter.Version)
        {
            throw new BtsnoopFormatException(8, string.Create(CultureInfo.InvariantCulture, $"offset 8: btsnoop version {version} is not supported (expected 1)"));
        }

        var datalink = (BtsnoopDatalink)BinaryPrimitives.ReadUInt32BigEndian(file[12..]);
        var records = new List<BtsnoopRecord>();
        var values = new List<AttValueEvent>();
        var reassembly = new AclReassembler(handles, values);
        var offset = BtsnoopWriter.FileHeaderLength;
        while (offset < file.Length)
        {
            if (file.Length - offset < BtsnoopRecord.HeaderLength)
            {
                throw new BtsnoopFormatException(offset, string.Create(CultureInfo.InvariantCulture, $"offset {offset}: file ends inside a 24-byte record header (record {records.Count})"));
            }

            var header = file[offset..];
            var original = BinaryPrimitives.ReadUInt32BigEndian(header);
            var included = BinaryPrimitives.ReadUInt32BigEndian(header[4..]);
            var flags = BinaryPrimitives.ReadUInt32BigEndian(header[8..]);
            var drops = BinaryPrimitives.ReadUInt32BigEndian(header[12..]);
            var timestamp = BinaryPrimitives.ReadInt64BigEndian(header[16..]);
            if (included > original)
            {
                throw new BtsnoopFormatException(offset + 4, string.Create(CultureInfo.InvariantCulture, $"offset {offset + 4}: included length {included} exceeds original length {original} (record {records.Count})"));
            }

            var dataStart = offset + BtsnoopRecord.HeaderLength;
            if (included > (uint)(file.Length - dataStart))
            {
                throw new BtsnoopFormatException(dataStart, string.Create(CultureInfo.InvariantCulture, $"offset {dataStart}: record {records.Count} says {included} data bytes but only {file.Length - dataStart} remain"));
            }

            var record = new BtsnoopRecord(original, flags, drops, timestamp, file.Slice(dataStart, (int)included).ToArray());
            if (datalink == BtsnoopDatalink.HciUart && !record.IsTruncated)
            {
                reassembly.Add(records.Count, record);
            }

            records.Add(record);
            offset = dataStart + (int)included;
        }

        return new BtsnoopCapture(datalink, records, values);
    }

    /// <summary>Collects ACL fragments into L2CAP PDUs and emits mapped ATT values.</summary>
    private sealed class AclReassembler(AttHandleMap handles, List<AttValueEvent> values)
    {
        private readonly Dictionary<(ushort Handle, bool Received), List<byte>> pending = [];

        public void Add(int index, BtsnoopRecord record)
        {
            var data = record.Data;
            if (data.Length < 5 || data[0] != HciAttPacket.H4Acl)
            {
                return; // commands, events, SCO, ISO: not ATT values
            }

            var handleWord = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(1));
            var connection = (ushort)(handleWord & 0x0FFF);
            var boundary = (handleWord >> 12) & 0b11;
            var aclLength = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(3));
            var payload = data.AsSpan(5, Math.Min(aclLength, data.Length - 5));
            var key = (connection, record.IsReceived);
            if (boundary == HciAttPacket.ContinuationFragment)
            {
                if (!pending.TryGetValue(key, out var partial))
                {
                    return; // continuation without a start: nothing to attach it to
                }

                partial.AddRange(payload.ToArray());
                TryComplete(index, record, key, partial);
                return;
            }

            var started = new List<byte>(payload.ToArray());
            pending[key] = started;
            TryComplete(index, record, key, started);
        }

        private void TryComplete(int index, BtsnoopRecord record, (ushort Handle, bool Received) key, List<byte> pdu)
        {
            if (pdu.Count < 4)
            {
                return;
            }

            var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(pdu);
            var l2capLength = BinaryPrimitives.ReadUInt16LittleEndian(span);
            if (pdu.Count < 4 + l2capLength)
            {
                return; // wait for continuation fragments
            }

            pending.Remove(key);
            var channel = BinaryPrimitives.ReadUInt16LittleEndian(span[2..]);
            var att = span.Slice(4, l2capLength);
            if (channel != HciAttPacket.AttChannelId || att.Length < 3 || !AttOpcodes.CarriesValue(att[0]))
            {
                return;
            }

            var attHandle = BinaryPrimitives.ReadUInt16LittleEndian(att[1..]);
            if (handles.TryGetCharacteristic(attHandle, out var characteristic))
            {
                values.Add(new AttValueEvent(index, record.Timestamp, att[0], attHandle, characteristic, att[3..].ToArray(), record.IsReceived, key.Handle));
            }
        }
    }
}
