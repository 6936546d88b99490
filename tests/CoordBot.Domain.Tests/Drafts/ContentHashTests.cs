using CoordBot.Domain.Drafts;

namespace CoordBot.Domain.Tests.Drafts;

public sealed class ContentHashTests
{
    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    public void Hash_is_sha256_hex_of_the_utf8_text(string text, string expected)
    {
        Assert.Equal(expected, ContentHash.Of(text));
        Assert.Equal(expected[..8], ContentHash.ShortHash(text));
    }

    [Fact]
    public void Composed_and_decomposed_accents_hash_alike()
    {
        const string composed = "Côte d\u2019Ivoire, S\u00e3o Tom\u00e9";
        const string decomposed = "Co\u0302te d\u2019Ivoire, Sa\u0303o Tome\u0301";

        Assert.NotEqual(composed, decomposed);
        Assert.Equal(ContentHash.Of(composed), ContentHash.Of(decomposed));
    }

    [Theory]
    [InlineData("Vie\u0323\u0302t Nam", "Vi\u1EC7t Nam")] // marks in canonical order
    [InlineData("Vie\u0302\u0323t Nam", "Vi\u1EC7t Nam")] // marks in the other order
    [InlineData("Vi\u00EA\u0323t Nam", "Vi\u1EC7t Nam")] // half composed
    [InlineData("A\u030A\u0301", "\u01FA")] // composes twice
    [InlineData("\u0395\u0301\u03BB\u03BB\u03B7\u03BD\u03B9\u03BA\u03AC", "\u0388\u03BB\u03BB\u03B7\u03BD\u03B9\u03BA\u03AC")]
    [InlineData("\u0418\u0306", "\u0419")]
    [InlineData("a\u0328\u0301", "\u0105\u0301")] // no precomposed form: stays as ą + acute
    [InlineData("plain ASCII", "plain ASCII")]
    public void Decomposed_text_hashes_like_its_nfc_form(string decomposed, string nfc)
    {
        Assert.Equal(ContentHash.Of(nfc), ContentHash.Of(decomposed));
    }

    [Fact]
    public void A_changed_word_changes_the_hash()
    {
        Assert.NotEqual(ContentHash.Of("The Security Council decides"), ContentHash.Of("The Security Council requests"));
    }
}
