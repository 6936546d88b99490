using CoordBot.Domain.Membership;
using CoordBot.Persistence;
using CoordBot.Telegram.Routing;
using CoordBot.Tests.Support;
using Moq;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace CoordBot.Tests.Routing;

/// <summary>The router enforces a declared command's place, rule and arguments before the handler runs.</summary>
public sealed class CommandGateTests
{
    private const long EstoniaGroup = -1001;
    private const long UnlinkedGroup = -1002;

    private static readonly Actor France = new(7, "Nicolas", false, "FRA", DelegationRole.Head);
    private static readonly Actor Estonia = new(8, "Sven", false, "EST", DelegationRole.Adviser);
    private static readonly Actor Stranger = new(9, "Eve", false);
    private static readonly Actor Operator = new(1, "Op", true);

    [Fact]
    public async Task A_member_in_another_delegations_group_is_refused_and_the_handler_never_runs()
    {
        using var db = TestContexts.Db();
        var probe = new Probe();

        await Route(probe, Context(db, "/probe D3", France, EstoniaGroup, "EST"));

        Assert.Empty(probe.Seen);
        var reply = Assert.Single(TestContexts.Outgoing(db));
        Assert.Equal(EnglishTexts.OtherDelegationsGroup, reply.Text);
        Assert.Equal(EstoniaGroup, reply.ChatId);
    }

    [Fact]
    public async Task An_unlinked_group_hears_nothing_whoever_asks()
    {
        using var db = TestContexts.Db();
        var probe = new Probe();

        await Route(probe, Context(db, "/probe D3", Stranger, UnlinkedGroup, null));
        await Route(probe, Context(db, "/probe D3", Estonia, UnlinkedGroup, null));

        Assert.Empty(probe.Seen);
        // Both are told why (an empty outbox would pass Assert.All and say nothing).
        Assert.Equal([EnglishTexts.UnlinkedGroup, EnglishTexts.UnlinkedGroup], TestContexts.Outgoing(db).Select(m => m.Text));
    }

    [Fact]
    public async Task A_non_member_in_a_linked_group_learns_only_that_this_is_for_members()
    {
        using var db = TestContexts.Db();
        var probe = new Probe();

        await Route(probe, Context(db, "/probe D3", Stranger, EstoniaGroup, "EST"));

        Assert.Empty(probe.Seen);
        Assert.Equal(EnglishTexts.NotAMember, Assert.Single(TestContexts.Outgoing(db)).Text);
    }

    [Theory]
    [InlineData("/probe D3")]
    [InlineData("/probe 3")]
    [InlineData("/probe d3")]
    public async Task In_the_own_group_or_privately_the_handler_gets_its_typed_id(string text)
    {
        using var db = TestContexts.Db();
        var probe = new Probe();

        await Route(probe, Context(db, text, Estonia, EstoniaGroup, "EST"));
        await Route(probe, Context(db, text, Estonia, Estonia.UserId, null));
        await Route(probe, Context(db, text, Operator, EstoniaGroup, "EST"));

        Assert.Equal([3L, 3L, 3L], probe.Seen);
    }

    [Fact]
    public async Task Arguments_that_do_not_parse_get_the_escaped_usage_line()
    {
        using var db = TestContexts.Db();
        var probe = new Probe();

        await Route(probe, Context(db, "/probe <b>", Estonia, Estonia.UserId, null));

        Assert.Empty(probe.Seen);
        Assert.Equal("Usage: /probe D&lt;n&gt;, for example /probe D3 &amp; more", Assert.Single(TestContexts.Outgoing(db)).Text);
    }

    [Fact]
    public async Task The_rule_refuses_with_the_domains_reason_before_anything_is_parsed()
    {
        using var db = TestContexts.Db();
        var probe = new Probe(Rules.Operator);

        await Route(probe, Context(db, "/probe nonsense", Estonia, Estonia.UserId, null));

        Assert.Empty(probe.Seen);
        Assert.Equal("Only an operator of this bot may do this.", Assert.Single(TestContexts.Outgoing(db)).Text);
    }

    [Fact]
    public async Task Help_offers_a_command_exactly_where_its_declaration_lets_it_run()
    {
        using var db = TestContexts.Db();
        var info = new Probe().Info;

        Assert.True(CommandGate.Offers(info, Context(db, "/help", Estonia, EstoniaGroup, "EST")));
        Assert.False(CommandGate.Offers(info, Context(db, "/help", France, EstoniaGroup, "EST")));
        Assert.False(CommandGate.Offers(info, Context(db, "/help", Estonia, UnlinkedGroup, null)));
        Assert.False(CommandGate.Offers(info, Context(db, "/help", Stranger, Stranger.UserId, null)));
        Assert.False(CommandGate.Offers(new Probe(Rules.Operator).Info, Context(db, "/help", Estonia, Estonia.UserId, null)));
    }

    [Fact]
    public async Task A_button_pressed_in_another_delegations_group_or_an_unlinked_one_is_answered_and_not_handled()
    {
        using var db = TestContexts.Db();
        var button = new Mock<ICallbackHandler>();
        button.SetupGet(b => b.Info).Returns(new ButtonInfo("b") { Rule = Rules.Anyone });
        var router = new UpdateRouter([], [button.Object]);

        await router.RouteAsync(Press(db, France, EstoniaGroup, "EST"), CancellationToken.None);
        await router.RouteAsync(Press(db, Estonia, UnlinkedGroup, null), CancellationToken.None);
        await router.RouteAsync(Press(db, Estonia, EstoniaGroup, "EST"), CancellationToken.None);

        button.Verify(b => b.HandleAsync(It.IsAny<CallbackContext>(), It.IsAny<CancellationToken>()), Times.Once);
        var answers = TestContexts.Outgoing(db).Select(m => m.Text).ToList();
        Assert.Contains("This button belongs to another delegation's group. Nothing was recorded.", answers);
        Assert.Contains("This group is not linked to a delegation. Nothing was recorded.", answers);
    }

    [Fact]
    public void A_message_counts_from_when_Telegram_says_it_was_sent_but_never_from_after_its_receipt()
    {
        using var db = TestContexts.Db();
        var sent = TestContexts.Now.AddMinutes(-30);
        var received = TestContexts.Now.AddMinutes(-29);

        var late = Context(db, "/vote D1 yes", Estonia, Estonia.UserId, null, date: sent, receivedAt: received);
        var future = Context(db, "/vote D1 yes", Estonia, Estonia.UserId, null, date: TestContexts.Now.AddHours(1), receivedAt: received);
        var unknownReceipt = Context(db, "/vote D1 yes", Estonia, Estonia.UserId, null, date: sent);

        Assert.Equal(sent, late.SentAtUtc);
        Assert.Equal(received, future.SentAtUtc);
        Assert.Equal(sent, unknownReceipt.SentAtUtc);
        Assert.Equal(DateTimeKind.Utc, late.SentAtUtc.Kind);
    }

    [Fact]
    public void A_button_press_has_no_send_time_and_counts_from_its_receipt()
    {
        using var db = TestContexts.Db();
        var received = TestContexts.Now.AddMinutes(-5);
        var press = Press(db, Estonia, Estonia.UserId, null, received);

        Assert.Equal(received, press.SentAtUtc);
    }

    private static Task Route(Probe probe, UpdateContext context) =>
        new UpdateRouter([probe], []).RouteAsync(context, CancellationToken.None);

    private static UpdateContext Context(CoordBotDb db, string text, Actor sender, long chatId, string? chatDelegation, DateTime? date = null, DateTime? receivedAt = null)
    {
        var type = chatId < 0 ? ChatType.Supergroup : ChatType.Private;
        var update = new Update
        {
            Id = 1,
            Message = new Message
            {
                Id = 10,
                Date = date ?? TestContexts.Now,
                Text = text,
                Chat = new Chat { Id = chatId, Type = type },
                From = new User { Id = sender.UserId, FirstName = sender.DisplayName },
            },
        };
        return new UpdateContext(db, update, chatId, type, sender with { ChatDelegationCode = chatDelegation }, TestContexts.Now, "CoordBot", receivedAt);
    }

    private static UpdateContext Press(CoordBotDb db, Actor sender, long chatId, string? chatDelegation, DateTime? receivedAt = null)
    {
        var type = chatId < 0 ? ChatType.Supergroup : ChatType.Private;
        var update = new Update
        {
            Id = 2,
            CallbackQuery = new CallbackQuery
            {
                Id = "cb",
                From = new User { Id = sender.UserId, FirstName = sender.DisplayName },
                Data = "b:1:y",
                ChatInstance = "x",
                Message = new Message { Id = 11, Date = TestContexts.Now.AddDays(-1), Chat = new Chat { Id = chatId, Type = type } },
            },
        };
        return new UpdateContext(db, update, chatId, type, sender with { ChatDelegationCode = chatDelegation }, TestContexts.Now, "CoordBot", receivedAt);
    }

    /// <summary>A declared command for council business with one draft id: records the ids it was run with.</summary>
    private sealed class Probe(Func<Actor, Domain.Verdict>? rule = null) : Command<long>
    {
        public List<long> Seen { get; } = [];

        public override CommandInfo Info { get; } = new("probe", "/probe D<n>", "A probe")
        {
            Rule = rule ?? Rules.Member,
            Where = ChatScope.CouncilChat,
            Example = "/probe D3 & more",
        };

        protected override long Parse(ArgReader args) => args.Id('D');

        protected override Task ExecuteAsync(CommandContext context, long id, CancellationToken cancellationToken)
        {
            Seen.Add(id);
            return Task.CompletedTask;
        }
    }
}
