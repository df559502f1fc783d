using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Simulator.Faults.Partial;

/// <summary>
/// A uniform draw in [0, 1) fixed by a salt (the run seed and the fault's position) and a key (a client), the same in
/// every process and on every run. <see cref="HashCode"/> is randomised per process, so it cannot serve here.
/// </summary>
public static class StableDraw
{
    public static double Unit(string salt, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{salt}\n{key}"));
        // 53 bits: exactly the precision of a double in [0, 1).
        return (BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11) * (1.0 / (1UL << 53));
    }
}
