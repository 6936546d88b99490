using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoordBot.Tests.Support;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace CoordBot.Tests.BotApi;

/// <summary>Questions asked in groups: the bot sends ForceReply and replies to a message; people answer by replying.</summary>
public sealed class ForceReplyTests
{
    [Fact]
    public async Task A_selective_force_reply_question_is_kept_and_a_reply_to_it_reaches_the_client_as_reply_to_message()
    {
        await using var kit = await EmulatorKit.StartAsync();
        kit.Emulator.RegisterGroup(-1001, "Council");
        kit.Emulator.RegisterUser(42, "Ada", "ada");
        var command = kit.Emulator.SendText(-1001, 42, "/comment");
        var commandMessage = Assert.Single(await kit.Bot.GetUpdates(offset: 0, timeout: 0)).Message!;

        var question = await kit.Bot.SendMessage(
            -1001, "Your comment?", replyParameters: new ReplyParameters { MessageId = commandMessage.Id },
            replyMarkup: new ForceReplyMarkup { Selective = true, InputFieldPlaceholder = "Comment" });

        Assert.Equal(commandMessage.Id, question.ReplyToMessage!.Id);
        Assert.Equal("/comment", question.ReplyToMessage.Text);
        var stored = Assert.Single(kit.Emulator.MessagesIn(-1001));
        Assert.Equal(commandMessage.Id, stored.ReplyToMessageId);
        Assert.True(stored.ForceReply);
        Assert.True(stored.ForceReplySelective);

        var answerId = kit.Emulator.SendReply(-1001, 42, question.Id, "We would prefer a shorter text.");

        var answer = Assert.Single(await kit.Bot.GetUpdates(offset: (int)command + 1, timeout: 0));
        Assert.Equal(answerId, answer.Id);
        Assert.Equal("We would prefer a shorter text.", answer.Message!.Text);
        Assert.Equal(question.Id, answer.Message.ReplyToMessage!.Id);
        Assert.Equal("Your comment?", answer.Message.ReplyToMessage.Text);
        Assert.True(answer.Message.ReplyToMessage.From!.IsBot);
    }

    [Fact]
    public async Task A_reply_to_a_message_that_is_not_there_is_refused_unless_sending_without_reply_is_allowed()
    {
        await using var kit = await EmulatorKit.StartAsync();
        kit.Emulator.RegisterUser(42, "Ada", "ada");

        var (refused, body) = await kit.CallAsync("sendMessage", new { chat_id = 42, text = "Hi", reply_parameters = new { message_id = 999 } });
        var (allowed, sent) = await kit.CallAsync("sendMessage", new { chat_id = 42, text = "Hi", reply_parameters = new { message_id = 999, allow_sending_without_reply = true } });
        var (legacy, _) = await kit.CallAsync("sendMessage", new { chat_id = 42, text = "Hi", reply_to_message_id = 999 });

        Assert.Equal(400, refused);
        Assert.Equal("Bad Request: message to be replied not found", body["description"]!.GetValue<string>());
        Assert.Equal(200, allowed);
        Assert.Null(sent["result"]!["reply_to_message"]);
        Assert.Equal(400, legacy);
        Assert.Throws<InvalidOperationException>(() => kit.Emulator.SendReply(42, 42, 999, "answer"));
    }

    [Fact]
    public async Task The_curl_side_sends_a_reply_and_lists_what_each_message_replies_to()
    {
        await using var kit = await EmulatorKit.StartAsync();
        kit.Emulator.RegisterUser(42, "Ada", "ada");
        var (_, sent) = await kit.CallAsync("sendMessage", new { chat_id = 42, text = "Why?", reply_markup = new { force_reply = true } });
        var questionId = sent["result"]!["message_id"]!.GetValue<long>();

        using var reply = await kit.Http.PostAsJsonAsync("_emulator/send", new { chat_id = 42, user_id = 42, text = "Because.", reply_to_message_id = questionId });
        using var stray = await kit.Http.PostAsJsonAsync("_emulator/send", new { chat_id = 42, user_id = 42, text = "Hm", reply_to_message_id = 777 });
        var update = Assert.Single(await kit.UpdatesAsync())!;
        var (_, answer) = await kit.CallAsync("sendMessage", new { chat_id = 42, text = "Noted.", reply_parameters = new { message_id = update["message"]!["message_id"]!.GetValue<long>() } });
        var messages = JsonNode.Parse(await kit.Http.GetStringAsync("_emulator/chats/42/messages"))!.AsArray();
        var timeline = JsonNode.Parse(await kit.Http.GetStringAsync("_emulator/chats/42/timeline"))!["items"]!.AsArray();

        Assert.Equal(200, (int)reply.StatusCode);
        Assert.Equal(400, (int)stray.StatusCode);
        Assert.Equal(questionId, update["message"]!["reply_to_message"]!["message_id"]!.GetValue<long>());
        Assert.Equal("Because.", answer["result"]!["reply_to_message"]!["text"]!.GetValue<string>());
        Assert.True(messages[0]!["force_reply"]!.GetValue<bool>());
        Assert.Equal(update["message"]!["message_id"]!.GetValue<long>(), messages[1]!["reply_to_message_id"]!.GetValue<long>());
        var said = timeline.Single(i => i!["kind"]!.GetValue<string>() == "user")!;
        Assert.Equal(questionId, said["reply_to_message_id"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_restarted_emulator_remembers_what_each_message_replied_to()
    {
        using var directory = new TempDirectory();
        var file = directory.File("coordbot.sandbox.json");
        long questionId;
        await using (var kit = await EmulatorKit.StartAsync(o => o with { StateFile = file }))
        {
            kit.Emulator.RegisterUser(42, "Ada");
            kit.Emulator.SendText(42, 42, "/breaksilence");
            var (_, sent) = await kit.CallAsync("sendMessage", new { chat_id = 42, text = "Why?", reply_parameters = new { message_id = 1 }, reply_markup = new { force_reply = true } });
            questionId = sent["result"]!["message_id"]!.GetValue<long>();
            kit.Emulator.SendReply(42, 42, questionId, "An objection");
        }

        await using var again = await EmulatorKit.StartAsync(o => o with { StateFile = file });

        var question = Assert.Single(again.Emulator.MessagesIn(42));
        Assert.Equal(1, question.ReplyToMessageId);
        Assert.True(question.ForceReply);
        var timeline = JsonNode.Parse(await again.Http.GetStringAsync("_emulator/chats/42/timeline"))!["items"]!.AsArray();
        Assert.Equal(questionId, timeline.Last()!["reply_to_message_id"]!.GetValue<long>());
    }
}
