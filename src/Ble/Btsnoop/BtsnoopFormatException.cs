namespace Simulator.Ble.Btsnoop;

/// <summary>A btsnoop file is truncated or not btsnoop; <see cref="Exception.Message"/> names the byte offset.</summary>
public sealed class BtsnoopFormatException : Exception
{
    public BtsnoopFormatException()
        : this(0, "invalid btsnoop file")
    {
    }

    public BtsnoopFormatException(string message)
        : this(0, message)
    {
    }

    public BtsnoopFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BtsnoopFormatException(long offset, string message)
        : base(message)
    {
        Offset = offset;
    }

    /// <summary>Byte offset in the file where the problem starts.</summary>
    public long Offset { get; }
}
