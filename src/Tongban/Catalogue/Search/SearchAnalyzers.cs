using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Tongban.Catalogue.Search;

/// <summary>
/// How text is cut into terms: SmartCn word segmentation for Chinese fields, English stemming for
/// English fields, and unstemmed words (for typo tolerance) and single Han characters (for a loose
/// fallback) from the standard analyser.
/// </summary>
internal static class SearchAnalyzers
{
    public const LuceneVersion Lucene48 = LuceneVersion.LUCENE_48;

    public const string NameZh = "name_zh";
    public const string NameEn = "name_en";
    public const string LayZh = "lay_zh";
    public const string LayEn = "lay_en";
    public const string TextZh = "text_zh";
    public const string TextEn = "text_en";
    public const string Plain = "plain";
    public const string Characters = "chars";

    // Words that say how someone asks, not what they ask for: "我想办…", "how do I apply for…".
    private static readonly string[] ChineseFillers =
        ["我", "我们", "想", "要", "想要", "怎么", "怎样", "如何", "办", "办理", "申请", "的", "了", "吗", "呢", "在", "去", "哪里", "哪儿", "什么", "可以", "能", "需要", "一下", "请问", "帮", "给"];

    private static readonly string[] EnglishFillers =
        ["how", "do", "i", "can", "my", "me", "want", "need", "apply", "application", "get", "where", "what", "please", "help", "shenzhen"];

    public static Analyzer Create()
    {
        var chineseStops = new CharArraySet(Lucene48, ChineseFillers, ignoreCase: false);
        chineseStops.UnionWith(SmartChineseAnalyzer.DefaultStopSet);
        var englishStops = new CharArraySet(Lucene48, EnglishFillers, ignoreCase: true);
        englishStops.UnionWith(EnglishAnalyzer.DefaultStopSet);

        var chinese = new SmartChineseAnalyzer(Lucene48, chineseStops);
        var english = new EnglishAnalyzer(Lucene48, englishStops);
        var plain = new StandardAnalyzer(Lucene48, englishStops);
        return new PerFieldAnalyzerWrapper(plain, new Dictionary<string, Analyzer>
        {
            [NameZh] = chinese,
            [LayZh] = chinese,
            [TextZh] = chinese,
            [NameEn] = english,
            [LayEn] = english,
            [TextEn] = english,
            [Plain] = plain,
            [Characters] = new StandardAnalyzer(Lucene48, CharArraySet.Empty),
        });
    }

    public static List<string> Terms(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms.Distinct(StringComparer.Ordinal).ToList();
    }
}
