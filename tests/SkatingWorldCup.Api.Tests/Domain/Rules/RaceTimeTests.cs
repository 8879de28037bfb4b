using System.Globalization;
using SkatingWorldCup.Api.Domain.Rules;

namespace SkatingWorldCup.Api.Tests.Domain.Rules;

public sealed class RaceTimeTests
{
    [Theory]
    [InlineData("36.80", "36.80", 2)]
    [InlineData("38.215", "38.215", 3)]
    [InlineData("36.8", "36.8", 1)]
    [InlineData("1:06.42", "66.42", 2)]
    [InlineData("12:41.69", "761.69", 2)]
    [InlineData("1:46", "106", 0)]
    public void Parses_seconds_keeping_the_recorded_precision(string text, string seconds, int scale)
    {
        var parsed = RaceTime.Parse(text);

        // decimal's == ignores scale (36.80m == 36.8m), so the digits are compared as text as well.
        parsed.ShouldBe(decimal.Parse(seconds, CultureInfo.InvariantCulture));
        parsed.ToString(CultureInfo.InvariantCulture).ShouldBe(seconds);
        parsed.Scale.ShouldBe((byte)scale);
    }

    [Theory]
    [InlineData("36.80")]
    [InlineData("38.215")]
    [InlineData("36.8")]
    [InlineData("1:06.42")]
    [InlineData("12:41.69")]
    [InlineData("1:00.00")]
    public void Formats_back_to_the_text_it_was_parsed_from(string text) =>
        RaceTime.Format(RaceTime.Parse(text)).ShouldBe(text);

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1:60.00")]
    [InlineData("0")]
    [InlineData("0.000")]
    [InlineData("36.8000")]
    [InlineData("36,80")]
    public void Rejects_what_is_not_a_race_time(string text)
    {
        RaceTime.TryParse(text, out _).ShouldBeFalse();
        Should.Throw<FormatException>(() => RaceTime.Parse(text));
    }

    [Fact]
    public void Rejects_null() => RaceTime.TryParse(null, out _).ShouldBeFalse();
}
