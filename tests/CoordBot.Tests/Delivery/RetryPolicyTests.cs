using CoordBot.Persistence;
using CoordBot.Telegram.Delivery;
using Microsoft.Extensions.Options;

namespace CoordBot.Tests.Delivery;

public sealed class RetryPolicyTests
{
    private static readonly DateTime Now = new(2030, 1, 1, 12, 0, 0, DateTimeKind.Utc);
    private readonly RetryPolicy _policy = new(Options.Create(new DeliveryOptions { MaxAttempts = 3 }));

    private static OutboxMessage Row(int attempts = 0) => new() { Id = 1, ChatId = 5, Attempts = attempts, NextAttemptAt = Now };

    [Fact]
    public void Accepted_is_sent_with_telegrams_id()
    {
        var decision = _policy.Decide(Row(), 77, null, Now, 0.5);

        Assert.Equal(OutboxStatus.Sent, decision.Outcome.Status);
        Assert.Equal(77, decision.Outcome.TelegramMessageId);
        Assert.Null(decision.RetryIn);
    }

    [Fact]
    public void A_retry_after_waits_exactly_that_long_and_spends_no_try()
    {
        var decision = _policy.Decide(Row(attempts: 2), null, new DeliveryFailure(FailureKind.RetryAfter, "429", TimeSpan.FromSeconds(9)), Now, 0.5);

        Assert.Equal(OutboxStatus.Pending, decision.Outcome.Status);
        Assert.Equal(2, decision.Outcome.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(9), decision.RetryIn);
        Assert.Equal(Now.AddSeconds(9), decision.Outcome.NextAttemptAt);
    }

    [Fact]
    public void A_passing_fault_is_retried_until_the_budget_is_spent()
    {
        var fault = new DeliveryFailure(FailureKind.Transient, "502", TimeSpan.Zero);

        var retried = _policy.Decide(Row(attempts: 1), null, fault, Now, 0.5);
        var givenUp = _policy.Decide(Row(attempts: 2), null, fault, Now, 0.5);

        Assert.Equal(OutboxStatus.Pending, retried.Outcome.Status);
        Assert.Equal(DeliveryFailure.Backoff(2, 0.5), retried.RetryIn);
        Assert.Equal(OutboxStatus.Failed, givenUp.Outcome.Status);
        Assert.Null(givenUp.RetryIn);
    }

    [Fact]
    public void A_refusal_fails_at_once_and_a_moot_one_counts_as_sent()
    {
        Assert.Equal(OutboxStatus.Failed, _policy.Decide(Row(), null, new DeliveryFailure(FailureKind.Permanent, "403", TimeSpan.Zero), Now, 0.5).Outcome.Status);
        Assert.Equal(OutboxStatus.Sent, _policy.Decide(Row(), null, new DeliveryFailure(FailureKind.Moot, "not modified", TimeSpan.Zero), Now, 0.5).Outcome.Status);
    }

    [Fact]
    public void An_expired_row_says_when_its_moment_was()
    {
        var row = Row();
        row.NotAfter = Now.AddMinutes(-2);

        var decision = RetryPolicy.Expire(row, Now);

        Assert.Equal(OutboxStatus.Expired, decision.Outcome.Status);
        Assert.Contains("11:58:00", decision.Outcome.Error, StringComparison.Ordinal);
        Assert.Null(decision.RetryIn);
    }
}
