using CoordBot.Telegram.Delivery;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace CoordBot.Tests.Delivery;

public sealed class DeliveryFailureTests
{
    [Fact]
    public void Too_many_requests_waits_exactly_what_telegram_says()
    {
        var failure = DeliveryFailure.Classify(new ApiRequestException("Too Many Requests: retry after 7", 429, new ResponseParameters { RetryAfter = 7 }));

        Assert.Equal(FailureKind.RetryAfter, failure.Kind);
        Assert.Equal(TimeSpan.FromSeconds(7), failure.RetryAfter);
    }

    [Theory]
    [InlineData(400, "Bad Request: chat not found", FailureKind.Permanent)]
    [InlineData(403, "Forbidden: bot was blocked by the user", FailureKind.Permanent)]
    [InlineData(500, "Internal Server Error", FailureKind.Transient)]
    [InlineData(502, "Bad Gateway", FailureKind.Transient)]
    [InlineData(400, "Bad Request: message is not modified", FailureKind.Moot)]
    [InlineData(400, "Bad Request: query is too old and response timeout expired", FailureKind.Moot)]
    public void Telegram_errors_are_classified(int code, string description, FailureKind expected)
    {
        Assert.Equal(expected, DeliveryFailure.Classify(new ApiRequestException(description, code)).Kind);
    }

    [Fact]
    public void Network_errors_are_passing()
    {
        Assert.Equal(FailureKind.Transient, DeliveryFailure.Classify(new RequestException("connection reset", new HttpRequestException())).Kind);
    }

    [Theory]
    [InlineData(1, 0.0, 1.5)]
    [InlineData(1, 1.0, 2.5)]
    [InlineData(3, 0.5, 8)]
    [InlineData(20, 0.5, 300)]
    public void Backoff_grows_and_is_capped(int attempt, double jitter, double expectedSeconds)
    {
        Assert.Equal(expectedSeconds, DeliveryFailure.Backoff(attempt, jitter).TotalSeconds, 3);
    }
}
