using System.Text.Json.Nodes;

namespace CoordBot.Tests.BotApi;

public sealed class SendValidationTests
{
    [Theory]
    [InlineData("<b>unclosed")]
    [InlineData("<b>crossed <i>tags</b></i>")]
    [InlineData("stray end</b>")]
    [InlineData("<div>unknown tag</div>")]
    [InlineData("user wrote a < b")]
    [InlineData("<span>span without the spoiler class</span>")]
    public async Task Html_that_Telegram_cannot_parse_is_rejected(string html)
    {
        await using var kit = await EmulatorKit.StartAsync();
        kit.Emulator.RegisterUser(42, "Ada");

        var (status, body) = await kit.CallAsync("sendMessage", new { chat_id = 42, text = html, parse_mode = "HTML" });

        Assert.Equal(400, status);
        Assert.StartsWith("Bad Request: can't parse entities", body["description"]!.GetValue<string>());
        Assert.Empty(kit.Emulator.MessagesIn(42));
    }

    [Fact]
    public async Task Escaped_html_is_delivered_as_plain_text_with_entities()
    {
        await using var kit = await EmulatorKit.StartAsync();
        kit.Emulator.RegisterUser(42, "Ada");

        var (status, body) = await kit.CallAsync("sendMessage", new
        {
            chat_id = 42,
            text = "<b>Vote</b> on &lt;Draft 7&gt; &amp; <a href=\"https://example.org/?a=1&amp;b=2\">text</a>",
            parse_mode = "HTML",
        });

        Assert.Equal(200, status);
        var message = body["result"]!;
        Assert.Equal("Vote on <Draft 7> & text", message["text"]!.GetValue<string>());
        var entities = message["entities"]!.AsArray();
        Assert.Equal("bold", entities[0]!["type"]!.GetValue<string>());
        Assert.Equal(4, entities[0]!["length"]!.GetValue<int>());
        Assert.Equal("text_link", entities[1]!["type"]!.GetValue<string>());
        Assert.Equal("https://example.org/?a=1&b=2", entities[1]!["url"]!.GetValue<string>());
        var sent = Assert.Single(kit.Emulator.MessagesIn(42));
        Assert.Equal("HTML", sent.ParseMode);
        Assert.StartsWith("<b>Vote</b>", sent.Text);
        Assert.Equal("Vote on <Draft 7> & text", sent.PlainText);
    }

    public static TheoryData<object, string> BadSends => new()
    {
        { new { chat_id = 42, text = "" }, "Bad Request: message text is empty" },
        { new { chat_id = 42, text = new string('x', 4097) }, "Bad Request: message is too long" },
        { new { chat_id = 999, text = "hello stranger" }, "Bad Request: chat not found" },
        { new { chat_id = -555, text = "unknown group" }, "Bad Request: chat not found" },
        {
            new { chat_id = 42, text = "pick", reply_markup = new { inline_keyboard = new[] { new[] { new { text = "A", callback_data = new string('d', 65) } } } } },
            "Bad Request: BUTTON_DATA_INVALID"
        },
        {
            new { chat_id = 42, text = "pick", reply_markup = new { inline_keyboard = new[] { new[] { new { text = "only text" } } } } },
            "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
        },
    };

    [Theory]
    [MemberData(nameof(BadSends))]
    public async Task A_send_Telegram_would_refuse_gets_its_400(object parameters, string description)
    {
        await using var kit = await EmulatorKit.StartAsync();
        kit.Emulator.RegisterUser(42, "Ada");

        var (status, body) = await kit.CallAsync("sendMessage", parameters);

        Assert.Equal(400, status);
        Assert.Equal(description, body["description"]!.GetValue<string>());
        Assert.Equal(400, body["error_code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Callback_data_of_exactly_64_bytes_is_accepted()
    {
        await using var kit = await EmulatorKit.StartAsync();
        kit.Emulator.RegisterUser(42, "Ada");
        var keyboard = new { inline_keyboard = new[] { new[] { new { text = "A", callback_data = new string('d', 64) } } } };

        Assert.Equal(200, (await kit.CallAsync("sendMessage", new { chat_id = 42, text = "pick", reply_markup = keyboard })).Status);
    }

    [Fact]
    public async Task An_unknown_method_is_404_and_a_wrong_token_is_401()
    {
        await using var kit = await EmulatorKit.StartAsync();

        var (status, body) = await kit.CallAsync("sendTelepathy");
        Assert.Equal(404, status);
        Assert.Equal("Not Found: method not found", body["description"]!.GetValue<string>());

        using var response = await kit.Http.PostAsync("/bot1:wrong/getMe", null);
        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("Unauthorized", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Parameters_are_also_accepted_from_the_query_string_and_a_urlencoded_form()
    {
        await using var kit = await EmulatorKit.StartAsync();
        kit.Emulator.RegisterUser(42, "Ada");

        using var byQuery = await kit.Http.GetAsync($"/bot{kit.Emulator.BotToken}/sendMessage?chat_id=42&text=from%20query");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["chat_id"] = "42",
            ["text"] = "from form",
            ["reply_markup"] = """{"inline_keyboard":[[{"text":"Yes","callback_data":"y"}]]}""",
        });
        using var byForm = await kit.Http.PostAsync($"/bot{kit.Emulator.BotToken}/sendMessage", form);

        Assert.Equal(200, (int)byQuery.StatusCode);
        Assert.Equal(200, (int)byForm.StatusCode);
        var messages = kit.Emulator.MessagesIn(42);
        Assert.Equal(["from query", "from form"], messages.Select(m => m.Text));
        Assert.Equal([("Yes", "y")], messages[1].Buttons);
    }

    [Fact]
    public async Task Editing_text_without_a_keyboard_removes_it_and_an_identical_edit_is_not_modified()
    {
        await using var kit = await EmulatorKit.StartAsync();
        kit.Emulator.RegisterUser(42, "Ada");
        var keyboard = new { inline_keyboard = new[] { new[] { new { text = "Yes", callback_data = "y" } } } };
        var sent = (await kit.CallAsync("sendMessage", new { chat_id = 42, text = "Vote?", reply_markup = keyboard })).Body;
        var messageId = sent["result"]!["message_id"]!.GetValue<long>();

        var (editStatus, _) = await kit.CallAsync("editMessageText", new { chat_id = 42, message_id = messageId, text = "Vote closed" });
        var (againStatus, again) = await kit.CallAsync("editMessageText", new { chat_id = 42, message_id = messageId, text = "Vote closed" });

        Assert.Equal(200, editStatus);
        Assert.Equal(400, againStatus);
        Assert.StartsWith("Bad Request: message is not modified", again["description"]!.GetValue<string>());
        var message = Assert.Single(kit.Emulator.MessagesIn(42));
        Assert.Equal("Vote closed", message.Text);
        Assert.Empty(message.Buttons);
        Assert.Equal(1, message.EditCount);
    }
}
