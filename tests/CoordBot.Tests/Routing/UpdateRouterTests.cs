using CoordBot.Persistence;
using CoordBot.Telegram.Routing;
using CoordBot.Tests.Support;
using Moq;

namespace CoordBot.Tests.Routing;

public sealed class UpdateRouterTests
{
    private readonly Mock<ICommandHandler> _invite = Handler("invite");
    private readonly Mock<ICallbackHandler> _vote = new();

    public UpdateRouterTests()
    {
        _vote.SetupGet(h => h.Info).Returns(new ButtonInfo("v") { Rule = Rules.Anyone });
    }

    private UpdateRouter Router() => new([_invite.Object, Handler("help").Object], [_vote.Object]);

    [Fact]
    public async Task A_command_goes_to_its_handler_with_its_arguments()
    {
        using var db = TestContexts.Db();

        await Router().RouteAsync(TestContexts.Message(db, "/invite EST head"), CancellationToken.None);

        _invite.Verify(h => h.HandleAsync(It.Is<CommandContext>(c => c.Command.Arguments == "EST head"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_group_command_addressed_to_this_bot_is_handled_and_one_for_another_bot_is_ignored()
    {
        using var db = TestContexts.Db();

        await Router().RouteAsync(TestContexts.Message(db, "/invite@coordbot EST head", chatId: -100), CancellationToken.None);
        await Router().RouteAsync(TestContexts.Message(db, "/invite@OtherBot EST head", chatId: -100), CancellationToken.None);

        _invite.Verify(h => h.HandleAsync(It.IsAny<CommandContext>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Empty(TestContexts.Outgoing(db));
    }

    [Fact]
    public async Task An_unknown_command_gets_a_hint_to_help()
    {
        using var db = TestContexts.Db();

        await Router().RouteAsync(TestContexts.Message(db, "/frobnicate <now>"), CancellationToken.None);

        var reply = Assert.Single(TestContexts.Outgoing(db));
        Assert.Contains("I don't know /frobnicate", reply.Text, StringComparison.Ordinal);
        Assert.Contains("/help", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_text_in_a_private_chat_gets_a_hint_and_in_a_group_nothing()
    {
        using var db = TestContexts.Db();

        await Router().RouteAsync(TestContexts.Message(db, "hello"), CancellationToken.None);
        await Router().RouteAsync(TestContexts.Message(db, "hello all", chatId: -100), CancellationToken.None);

        var reply = Assert.Single(TestContexts.Outgoing(db));
        Assert.Equal(42, reply.ChatId);
    }

    [Fact]
    public async Task A_button_goes_to_its_handler_by_prefix_and_is_always_answered()
    {
        using var db = TestContexts.Db();

        await Router().RouteAsync(TestContexts.Button(db, "v:12:y"), CancellationToken.None);

        _vote.Verify(h => h.HandleAsync(It.Is<CallbackContext>(c => c.Payload == "12:y"), It.IsAny<CancellationToken>()), Times.Once);
        var answer = Assert.Single(TestContexts.Outgoing(db));
        Assert.Equal(OutboxKind.AnswerCallback, answer.Kind);
        Assert.Equal("cb1", answer.CallbackQueryId);
    }

    [Fact]
    public async Task A_forged_button_is_answered_and_changes_nothing()
    {
        using var db = TestContexts.Db();

        await Router().RouteAsync(TestContexts.Button(db, "zz:evil"), CancellationToken.None);

        _vote.Verify(h => h.HandleAsync(It.IsAny<CallbackContext>(), It.IsAny<CancellationToken>()), Times.Never);
        var answer = Assert.Single(TestContexts.Outgoing(db));
        Assert.Equal("This button is no longer valid.", answer.Text);
    }

    [Fact]
    public void Two_handlers_for_one_command_are_refused_at_start()
    {
        Assert.Throws<InvalidOperationException>(() => new UpdateRouter([Handler("x").Object, Handler("x").Object], []));
    }

    private static Mock<ICommandHandler> Handler(string name)
    {
        var handler = new Mock<ICommandHandler>();
        handler.SetupGet(h => h.Info).Returns(new CommandInfo(name, "/" + name, name) { Rule = Rules.Anyone });
        handler.Setup(h => h.HandleAsync(It.IsAny<CommandContext>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        return handler;
    }
}
