namespace Simulator.Journal;

/// <summary>
/// The in-memory tail of a <see cref="RunJournal"/>: a growable ring of consecutive events (by sequence number), oldest
/// first, so releasing the oldest is O(1) and an event is found by its sequence number in O(1). Not thread-safe: the
/// journal guards it with its lock.
/// </summary>
internal sealed class JournalRing
{
    private JournalEvent[] _items = new JournalEvent[256];
    private int _head;

    public int Count { get; private set; }

    /// <summary>Sequence number of the oldest event held, or of the next one to come when empty.</summary>
    public long FirstSeq { get; private set; } = 1;

    public JournalEvent this[int index] => _items[(_head + index) % _items.Length];

    public void Add(JournalEvent e)
    {
        if (Count == _items.Length) Grow();
        _items[(_head + Count) % _items.Length] = e;
        Count++;
    }

    /// <summary>Drops the oldest event.</summary>
    public void RemoveFirst()
    {
        _items[_head] = null!;
        _head = (_head + 1) % _items.Length;
        Count--;
        FirstSeq++;
    }

    /// <summary>Up to <paramref name="max"/> events after sequence number <paramref name="seq"/>, appended to <paramref name="into"/>.</summary>
    public void CopySince(long seq, int max, List<JournalEvent> into)
    {
        var start = (int)Math.Max(0, Math.Min(Count, seq + 1 - FirstSeq));
        var end = (int)Math.Min(Count, (long)start + max);
        for (var i = start; i < end; i++) into.Add(this[i]);
    }

    private void Grow()
    {
        var grown = new JournalEvent[_items.Length * 2];
        for (var i = 0; i < Count; i++) grown[i] = this[i];
        _items = grown;
        _head = 0;
    }
}
