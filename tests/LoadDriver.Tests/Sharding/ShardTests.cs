using LoadDriver.Sharding;

namespace LoadDriver.Tests.Sharding;

public class ShardTests
{
    [Fact]
    public void Shards_deal_request_indices_round_robin_and_together_own_each_exactly_once()
    {
        var shards = Enumerable.Range(0, 3).Select(i => new Shard(i, 3)).ToList();

        for (long index = 0; index < 100; index++)
            Assert.Equal(1, shards.Count(s => s.Owns(index)));
        Assert.Equal([34L, 33L, 33L], shards.Select(s => s.ShareOf(100)));
        Assert.Equal(100, shards.Sum(s => s.ShareOf(100)));
    }

    [Theory]
    [InlineData("0/2", 0, 2)]
    [InlineData("3/4", 3, 4)]
    public void Shards_parse_from_i_slash_n(string text, int index, int count)
    {
        Assert.True(Shard.TryParse(text, out var shard, out _));
        Assert.Equal(new Shard(index, count), shard);
        Assert.Equal(text, shard.ToString());
    }

    [Theory]
    [InlineData("2/2", "shard '2/2' is out of range: the index must be 0 to N-1 and N at least 1, e.g. 0/4 ... 3/4.")]
    [InlineData("1", "shard '1' is not of the form i/N: write the zero-based shard index and the shard count, e.g. 0/4 ... 3/4.")]
    [InlineData("-1/2", "shard '-1/2' is not of the form i/N: write the zero-based shard index and the shard count, e.g. 0/4 ... 3/4.")]
    public void Bad_shards_say_what_to_write(string text, string message)
    {
        Assert.False(Shard.TryParse(text, out _, out var error));
        Assert.Equal(message, error);
    }
}
