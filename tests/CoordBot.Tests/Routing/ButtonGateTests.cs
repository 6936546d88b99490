using CoordBot.Domain.Membership;
using CoordBot.Persistence;
using CoordBot.Telegram.Routing;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace CoordBot.Tests.Routing;

/// <summary>A button declares who may press it, as a command does, and the router asks that rule before the handler runs.</summary>
public sealed class ButtonGateTests
{
    private static readonly Actor Adviser = new(8, "Sven", false, "EST", DelegationRole.Adviser);
    private static readonly Actor Head = new(7, "Kaja", false, "EST", DelegationRole.Head);

    [Theory]
    [InlineData(ButtonRefusal.Toast, null, "Voting needs the head of delegation or the deputy.", null)]
    [InlineData(ButtonRefusal.ToastAndReply, null, "Voting needs the head of delegation or the deputy.", "Voting needs the head of delegation or the deputy.")]
    [InlineData(ButtonRefusal.Reply, null, null, "Voting needs the head of delegation or the deputy.")]
    [InlineData(ButtonRefusal.Reply, "Voting.Toast.NotRecorded", "Not recorded: see the message.", "Voting needs the head of delegation or the deputy.")]
    public async Task A_press_the_declared_rule_refuses_never_reaches_the_handler_and_is_told_as_declared(ButtonRefusal refusedAs, string? toastKey, string? toast, string? reply)
    {
        using var db = TestContexts.Db();
        var button = Button(new ButtonInfo("b") { Rule = _ => Domain.Verdict.Refused(Domain.ReasonCode.VotingNeedsHead), RefusedAs = refusedAs, ToastKey = toastKey });

        await new UpdateRouter([], [button.Object]).RouteAsync(Press(db, Adviser, "b:1:y"), CancellationToken.None);

        button.Verify(b => b.HandleAsync(It.IsAny<CallbackContext>(), It.IsAny<CancellationToken>()), Times.Never);
        button.Verify(b => b.WitnessRefusalAsync(It.Is<CallbackContext>(c => c.Payload == "1:y"), It.IsAny<CancellationToken>()), Times.Once);
        var sent = TestContexts.Outgoing(db);
        var answer = Assert.Single(sent, m => m.Kind == OutboxKind.AnswerCallback);
        Assert.Equal(toast, answer.Text);
        Assert.Equal(reply, sent.SingleOrDefault(m => m.Kind != OutboxKind.AnswerCallback)?.Text);
    }

    [Fact]
    public async Task A_press_the_rule_admits_reaches_the_handler_and_no_witness()
    {
        using var db = TestContexts.Db();
        var button = Button(new ButtonInfo("b") { Rule = Rules.Voter });

        await new UpdateRouter([], [button.Object]).RouteAsync(Press(db, Head, "b:1:y"), CancellationToken.None);

        button.Verify(b => b.HandleAsync(It.Is<CallbackContext>(c => c.Payload == "1:y"), It.IsAny<CancellationToken>()), Times.Once);
        button.Verify(b => b.WitnessRefusalAsync(It.IsAny<CallbackContext>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_command_keeps_evidence_of_an_attempt_its_rule_refuses_but_not_of_one_refused_for_its_place()
    {
        using var db = TestContexts.Db();
        var command = new Mock<ICommandHandler>();
        command.SetupGet(c => c.Info).Returns(new CommandInfo("vote", "/vote D<n>", "Vote") { Rule = Rules.Voter, Where = ChatScope.Private });
        var router = new UpdateRouter([command.Object], []);

        await router.RouteAsync(Message(db, Adviser, "/vote D3 yes", Adviser.UserId), CancellationToken.None);
        await router.RouteAsync(Message(db, Adviser, "/vote D3 yes", -1001), CancellationToken.None);

        command.Verify(c => c.HandleAsync(It.IsAny<CommandContext>(), It.IsAny<CancellationToken>()), Times.Never);
        command.Verify(c => c.WitnessRefusalAsync(It.Is<CommandContext>(x => x.Command.Arguments == "D3 yes"), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(2, TestContexts.Outgoing(db).Count);
    }

    [Fact]
    public async Task Every_button_handler_of_the_bot_is_routed_through_the_gate_with_a_declared_rule()
    {
        await using var bot = await BotHarness.StartAsync();
        var router = bot.Services.GetRequiredService<UpdateRouter>();
        var declared = typeof(UpdateRouter).Assembly.GetTypes()
            .Where(t => typeof(ICallbackHandler).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false })
            .ToList();

        // A handler type that the router does not know would be a button nobody's rule guards; one without a rule cannot be built.
        Assert.NotEmpty(declared);
        Assert.Equal(declared.Select(t => t.FullName).Order(), router.Callbacks.Select(c => c.GetType().FullName).Order());
        Assert.All(router.Callbacks, c =>
        {
            Assert.NotNull(c.Info.Rule);
            Assert.NotEqual(CommandButton.Prefix, c.Info.Prefix);
        });
        Assert.True(typeof(ButtonInfo).GetProperty(nameof(ButtonInfo.Rule))!.IsDefined(typeof(System.Runtime.CompilerServices.RequiredMemberAttribute), inherit: false));
    }

    [Fact]
    public async Task Forged_presses_by_an_adviser_get_the_words_they_always_got_and_change_nothing()
    {
        await using var bot = await BotHarness.StartAsync();
        await TestCouncil.Seed("EST", "FRA").WithGroups().WithAdvisers().SeedAsync(bot);
        var adviser = TestCouncil.AdviserOf("EST");
        var group = TestCouncil.GroupOf("EST");

        // The group's language: the toast and the group hear it, as before.
        var mark = bot.LastMessageId(group);
        Forge(bot, adviser, group, "lang:fr");
        Assert.Equal("Only the head or deputy of the delegation may choose this group's language.", (await bot.NextMessageAsync(group, mark)).PlainText);

        // Attendance: the toast alone; the chair's close button: the chair's rule, as a reply.
        Forge(bot, adviser, adviser, "att:1:y");
        mark = bot.LastMessageId(adviser);
        Forge(bot, adviser, adviser, "bc:1");
        Assert.Equal(
            CoordBot.Localization.Reasons.Sentence("en", Domain.Reason.Of(Domain.ReasonCode.PresidentOnly)),
            (await bot.NextMessageAsync(adviser, mark)).PlainText);

        // A forged press has no query Telegram knows (the emulator refuses its answer): the answers are read from the outbox.
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        var toasts = await db.OutboxMessages.Where(m => m.Kind == OutboxKind.AnswerCallback).OrderBy(m => m.Id).Select(m => m.Text).ToListAsync();
        Assert.Equal(["Only the head or deputy of the delegation may choose this group's language.", "Only the head of delegation or the deputy answers for the delegation.", null], toasts);
        Assert.Null(await db.DelegationGroups.Where(g => g.ChatId == group).Select(g => g.Language).SingleAsync());
        Assert.Equal(0, await db.SessionAttendances.CountAsync());
    }

    private static void Forge(BotHarness bot, long user, long chat, string data) =>
        bot.Emulator.PostRawUpdate(System.Text.Json.Nodes.JsonNode.Parse(Hardening.WebhookBot.Press(user, chat, 1, data))!.AsObject() is var update && update.Remove("update_id")
            ? update.ToJsonString()
            : throw new InvalidOperationException());

    private static Mock<ICallbackHandler> Button(ButtonInfo info)
    {
        var button = new Mock<ICallbackHandler>();
        button.SetupGet(b => b.Info).Returns(info);
        button.Setup(b => b.HandleAsync(It.IsAny<CallbackContext>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        button.Setup(b => b.WitnessRefusalAsync(It.IsAny<CallbackContext>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        return button;
    }

    private static UpdateContext Press(CoordBotDb db, Actor sender, string data)
    {
        var update = new Update
        {
            Id = 2,
            CallbackQuery = new CallbackQuery
            {
                Id = "cb",
                From = new User { Id = sender.UserId, FirstName = sender.DisplayName },
                Data = data,
                ChatInstance = "x",
                Message = new Message { Id = 11, Date = TestContexts.Now, Chat = new Chat { Id = sender.UserId, Type = ChatType.Private } },
            },
        };
        return new UpdateContext(db, update, sender.UserId, ChatType.Private, sender, TestContexts.Now, "CoordBot");
    }

    private static UpdateContext Message(CoordBotDb db, Actor sender, string text, long chatId)
    {
        var type = chatId < 0 ? ChatType.Supergroup : ChatType.Private;
        var update = new Update
        {
            Id = 1,
            Message = new Message
            {
                Id = 10,
                Date = TestContexts.Now,
                Text = text,
                Chat = new Chat { Id = chatId, Type = type },
                From = new User { Id = sender.UserId, FirstName = sender.DisplayName },
            },
        };
        return new UpdateContext(db, update, chatId, type, sender with { ChatDelegationCode = chatId < 0 ? "EST" : null }, TestContexts.Now, "CoordBot");
    }
}
