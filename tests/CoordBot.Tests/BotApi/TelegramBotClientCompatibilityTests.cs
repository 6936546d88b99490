using System.Text;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace CoordBot.Tests.BotApi;

/// <summary>The real Telegram.Bot 22 client against the emulator: if a shape is wrong, deserialisation fails here.</summary>
public sealed class TelegramBotClientCompatibilityTests
{
    [Fact]
    public async Task The_client_reads_the_bot_from_getMe()
    {
        await using var kit = await EmulatorKit.StartAsync();

        var me = await kit.Bot.GetMe();

        Assert.Equal(123456, me.Id);
        Assert.True(me.IsBot);
        Assert.Equal("CoordBot", me.Username);
    }

    [Fact]
    public async Task A_message_with_an_inline_keyboard_round_trips_through_a_button_press_and_its_answer()
    {
        await using var kit = await EmulatorKit.StartAsync();
        kit.Emulator.RegisterUser(42, "Ada", "ada");
        var keyboard = new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData("For", "vote:7:for"), InlineKeyboardButton.WithCallbackData("Against", "vote:7:against")]]);

        var sent = await kit.Bot.SendMessage(42, "<b>Draft 7</b>: your vote?", ParseMode.Html, replyMarkup: keyboard);

        Assert.Equal("Draft 7: your vote?", sent.Text);
        Assert.Equal(MessageEntityType.Bold, Assert.Single(sent.Entities!).Type);
        Assert.Equal(2, sent.ReplyMarkup!.InlineKeyboard.Single().Count());
        var seen = await kit.Emulator.WaitForMessageAsync(42, m => m.Text!.Contains("Draft 7"), EmulatorKit.SafetyNet);
        Assert.Equal(sent.Id, seen.MessageId);
        Assert.Equal([("For", "vote:7:for"), ("Against", "vote:7:against")], seen.Buttons);

        var pressId = kit.Emulator.PressButton(42, 42, sent.Id, "vote:7:against");
        var update = Assert.Single(await kit.Bot.GetUpdates(offset: 0, timeout: 0));
        Assert.Equal(pressId, update.Id);
        Assert.Equal(UpdateType.CallbackQuery, update.Type);
        var query = update.CallbackQuery!;
        Assert.Equal("vote:7:against", query.Data);
        Assert.Equal(sent.Id, query.Message!.Id);
        Assert.Equal("ada", query.From.Username);

        await kit.Bot.AnswerCallbackQuery(query.Id, "Recorded: against");

        var answer = Assert.Single(kit.Emulator.CallbackAnswers);
        Assert.Equal("Recorded: against", answer.Text);
        Assert.Equal(query.Id, answer.CallbackQueryId);
    }

    [Fact]
    public async Task The_client_long_polls_with_offset_and_timeout()
    {
        await using var kit = await EmulatorKit.StartAsync();
        kit.Emulator.RegisterGroup(-1001, "Security Council");
        var first = kit.Emulator.SendText(-1001, 42, "/agenda@CoordBot");

        var updates = await kit.Bot.GetUpdates(offset: 0, timeout: 0);
        var message = Assert.Single(updates).Message!;
        Assert.Equal(ChatType.Supergroup, message.Chat.Type);
        Assert.Equal("Security Council", message.Chat.Title);
        Assert.Equal(MessageEntityType.BotCommand, message.Entities![0].Type);
        Assert.Equal("/agenda@CoordBot".Length, message.Entities[0].Length);

        var next = kit.Bot.GetUpdates(offset: (int)first + 1, timeout: 30);
        await kit.Emulator.WaitForWaitingPollAsync(EmulatorKit.SafetyNet);
        var second = kit.Emulator.SendText(-1001, 43, "present");

        Assert.Equal(second, Assert.Single(await next.WaitAsync(EmulatorKit.SafetyNet)).Id);
        Assert.Equal(1, kit.Emulator.PendingUpdateCount);
    }

    [Fact]
    public async Task A_document_uploaded_by_the_bot_is_kept_with_its_name_content_and_caption()
    {
        await using var kit = await EmulatorKit.StartAsync();
        kit.Emulator.RegisterUser(42, "Ada");
        var content = Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\nEND:VCALENDAR\n");
        var keyboard = new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData("Got it", "ack")]]);

        using var stream = new MemoryStream(content);
        var sent = await kit.Bot.SendDocument(42, InputFile.FromStream(stream, "session.ics"), caption: "Session <i>calendar</i>", parseMode: ParseMode.Html, replyMarkup: keyboard);

        Assert.Equal("session.ics", sent.Document!.FileName);
        Assert.Equal("text/calendar", sent.Document.MimeType);
        Assert.Equal(content.Length, sent.Document.FileSize);
        Assert.Equal("Session calendar", sent.Caption);
        var kept = Assert.Single(kit.Emulator.MessagesIn(42));
        Assert.Equal("session.ics", kept.DocumentName);
        Assert.Equal(content, kept.DocumentContent);
        Assert.Equal("Session <i>calendar</i>", kept.Caption);
        Assert.Equal([("Got it", "ack")], kept.Buttons);
    }

    [Fact]
    public async Task A_document_sent_by_a_user_can_be_fetched_with_getFile_and_downloaded()
    {
        await using var kit = await EmulatorKit.StartAsync();
        var content = Encoding.UTF8.GetBytes("Draft resolution text");
        kit.Emulator.SendDocument(42, 42, "draft.txt", content, "/upload draft");

        var message = Assert.Single(await kit.Bot.GetUpdates()).Message!;
        Assert.Equal("/upload draft", message.Caption);
        Assert.Equal(MessageEntityType.BotCommand, message.CaptionEntities![0].Type);
        var file = await kit.Bot.GetFile(message.Document!.FileId);
        using var downloaded = new MemoryStream();
        await kit.Bot.DownloadFile(file.FilePath!, downloaded);

        Assert.Equal(content, downloaded.ToArray());
    }

    [Fact]
    public async Task Edits_deletions_commands_members_and_chats_work_through_the_client()
    {
        await using var kit = await EmulatorKit.StartAsync();
        kit.Emulator.RegisterUser(42, "Ada");
        kit.Emulator.RegisterGroup(-1001, "Council");
        kit.Emulator.SetChatMemberStatus(-1001, 42, "creator");

        var sent = await kit.Bot.SendMessage(-1001, "Session opens at 10:00");
        var edited = await kit.Bot.EditMessageText(-1001, sent.Id, "Session opens at <b>11:00</b>", ParseMode.Html);
        Assert.Equal("Session opens at 11:00", edited.Text);
        await kit.Bot.EditMessageReplyMarkup(-1001, sent.Id, new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData("Attend", "attend")]]));
        var extra = await kit.Bot.SendMessage(-1001, "to be removed");
        await kit.Bot.DeleteMessage(-1001, extra.Id);

        await kit.Bot.SetMyCommands([new BotCommand("agenda", "Show the agenda"), new BotCommand("vote", "Cast a vote")]);
        var commands = await kit.Bot.GetMyCommands();
        var creator = await kit.Bot.GetChatMember(-1001, 42);
        var member = await kit.Bot.GetChatMember(42, 42);
        var chat = await kit.Bot.GetChat(-1001);

        var messages = kit.Emulator.MessagesIn(-1001);
        Assert.Equal(2, messages[0].EditCount);
        Assert.Equal([("Attend", "attend")], messages[0].Buttons);
        Assert.True(messages[1].Deleted);
        Assert.Equal(["agenda", "vote"], commands.Select(c => c.Command));
        Assert.Equal(["agenda", "vote"], kit.Emulator.Commands.Select(c => c.Command));
        Assert.Equal(ChatMemberStatus.Creator, creator.Status);
        Assert.Equal(ChatMemberStatus.Member, member.Status);
        Assert.Equal("Council", chat.Title);
        Assert.Equal(ChatType.Supergroup, chat.Type);
        Assert.Contains("bot deleted", kit.Emulator.MessageThreadLog(-1001));
    }

    [Fact]
    public async Task An_administrator_member_deserialises_in_the_client()
    {
        await using var kit = await EmulatorKit.StartAsync();
        kit.Emulator.RegisterUser(42, "Ada");
        kit.Emulator.RegisterGroup(-1001, "Council");
        kit.Emulator.SetChatMemberStatus(-1001, 42, "administrator");

        var admin = await kit.Bot.GetChatMember(-1001, 42);

        Assert.Equal(ChatMemberStatus.Administrator, admin.Status);
    }

    [Fact]
    public async Task Webhook_settings_are_stored_and_block_getUpdates_until_deleted()
    {
        await using var kit = await EmulatorKit.StartAsync();

        await kit.Bot.SetWebhook("https://coordbot.example/hook", maxConnections: 5);
        var info = await kit.Bot.GetWebhookInfo();
        var conflict = await Assert.ThrowsAsync<global::Telegram.Bot.Exceptions.ApiRequestException>(() => kit.Bot.GetUpdates());
        await kit.Bot.DeleteWebhook();

        Assert.Equal("https://coordbot.example/hook", info.Url);
        Assert.Equal(5, info.MaxConnections);
        Assert.Equal(409, conflict.ErrorCode);
        Assert.Empty(await kit.Bot.GetUpdates());
    }

    [Fact]
    public async Task Waiting_for_a_message_that_never_comes_times_out_with_the_chat_transcript()
    {
        await using var kit = await EmulatorKit.StartAsync();
        kit.Emulator.SendText(42, 42, "/start");
        await kit.Bot.SendMessage(42, "Welcome");

        var ex = await Assert.ThrowsAsync<TimeoutException>(() =>
            kit.Emulator.WaitForMessageAsync(42, m => m.Text == "Goodbye", TimeSpan.FromMilliseconds(200)));

        Assert.Contains("/start", ex.Message);
        Assert.Contains("Welcome", ex.Message);
    }

    [Fact]
    public async Task A_raw_update_of_an_unknown_kind_reaches_the_client_untouched()
    {
        await using var kit = await EmulatorKit.StartAsync();

        var id = kit.Emulator.PostRawUpdate("""{"some_future_update":{"x":1}}""");

        var update = Assert.Single(await kit.Bot.GetUpdates());
        Assert.Equal(id, update.Id);
        Assert.Equal(UpdateType.Unknown, update.Type);
    }
}
