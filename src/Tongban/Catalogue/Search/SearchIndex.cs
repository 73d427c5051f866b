using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using static Tongban.Catalogue.Search.SearchAnalyzers;

namespace Tongban.Catalogue.Search;

public enum SearchHitKind
{
    Service,
    LifeEvent,
}

public sealed record SearchHit(SearchHitKind Kind, string Code, float Score);

/// <summary>
/// An in-memory full-text index of one catalogue snapshot (a few hundred documents at most). It is
/// immutable: a new catalogue gets a new index, so a search never sees a half-built one. It holds only
/// managed memory, so a replaced index is simply left to the garbage collector.
/// </summary>
#pragma warning disable CA1001 // Only managed memory: disposing would race with searches still reading a replaced snapshot.
public sealed class SearchIndex
#pragma warning restore CA1001
{
    public const int MaxQueryLength = 200;

    private const string Kind = "kind";
    private const string Code = "code";
    private const string Exact = "exact";

    private readonly Analyzer _analyzer = Create();
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    // Residents ask the same few hundred things over and over; the index never changes, so answers keep.
    private const int MaxCachedQueries = 4096;
    private readonly ConcurrentDictionary<string, IReadOnlyList<SearchHit>> _answers = new(StringComparer.Ordinal);

    public SearchIndex(IEnumerable<Service> services, IEnumerable<LifeEvent> lifeEvents)
    {
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(Lucene48, _analyzer)))
        {
            foreach (var s in services)
            {
                writer.AddDocument(Document(SearchHitKind.Service, s.Code, s.Name, s.LayTerms,
                    [s.Summary, s.Audience, s.Department!.Name, s.Category!.Name]));
            }

            foreach (var e in lifeEvents)
            {
                writer.AddDocument(Document(SearchHitKind.LifeEvent, e.Code, e.Name, e.LayTerms, [e.Summary]));
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader);
    }

    /// <summary>The best matches for what a resident typed, in either language, best first.</summary>
    public IReadOnlyList<SearchHit> Search(string query, int max)
    {
        var text = Normalize(query);
        if (text.Length == 0)
        {
            return [];
        }

        var key = string.Create(CultureInfo.InvariantCulture, $"{max}|{text}");
        if (_answers.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (_answers.Count >= MaxCachedQueries)
        {
            _answers.Clear();
        }

        return _answers[key] = Run(_searcher, Precise(text), max);
    }

    /// <summary>A looser search for the no-result page: any shared Han character, or an English word two typos away.</summary>
    public IReadOnlyList<SearchHit> Similar(string query, int max)
    {
        var text = Normalize(query);
        var loose = new BooleanQuery();
        foreach (var c in Terms(_analyzer, Characters, text).Where(t => t.Length == 1 && t[0] >= '\u3400'))
        {
            loose.Add(new TermQuery(new Term(Characters, c)), Occur.SHOULD);
        }

        foreach (var word in Terms(_analyzer, Plain, text).Where(w => w.Length >= 3 && w[0] < '\u3400'))
        {
            loose.Add(new FuzzyQuery(new Term(Plain, word), 2, 0), Occur.SHOULD);
        }

        return loose.Clauses.Count == 0 ? [] : Run(_searcher, loose, max);
    }

    private BooleanQuery Precise(string text)
    {
        var query = new BooleanQuery();
        void Add(Query q, float boost)
        {
            q.Boost = boost;
            query.Add(q, Occur.SHOULD);
        }

        // Saying exactly the name of a service, or exactly a lay term, beats any partial match.
        Add(new TermQuery(new Term(Exact, text.ToLowerInvariant())), 40f);
        var hasChinese = IsChinese(text);
        var hasLatin = text.Any(c => char.IsLetterOrDigit(c) && c < '\u2E80');
        foreach (var t in hasChinese ? Terms(_analyzer, NameZh, text) : [])
        {
            Add(new TermQuery(new Term(NameZh, t)), 4f);
            Add(new TermQuery(new Term(LayZh, t)), 3f);
            Add(new TermQuery(new Term(TextZh, t)), 1f);
        }

        foreach (var t in hasLatin ? Terms(_analyzer, NameEn, text) : [])
        {
            Add(new TermQuery(new Term(NameEn, t)), 4f);
            Add(new TermQuery(new Term(LayEn, t)), 3f);
            Add(new TermQuery(new Term(TextEn, t)), 1f);
        }

        // Typo tolerance for English: one edit for short words, two for long ones.
        foreach (var word in hasLatin ? Terms(_analyzer, Plain, text).Where(w => w.Length >= 4 && w.All(char.IsAsciiLetterLower)) : [])
        {
            Add(new FuzzyQuery(new Term(Plain, word), word.Length >= 7 ? 2 : 1, 1), 1.5f);
        }

        return query;
    }

    private static List<SearchHit> Run(IndexSearcher searcher, Query query, int max)
    {
        var top = searcher.Search(query, Math.Max(1, max));
        return top.ScoreDocs.Select(d =>
        {
            var doc = searcher.Doc(d.Doc);
            var kind = doc.Get(Kind) == nameof(SearchHitKind.LifeEvent) ? SearchHitKind.LifeEvent : SearchHitKind.Service;
            return new SearchHit(kind, doc.Get(Code), d.Score);
        }).ToList();
    }

    private static Document Document(SearchHitKind kind, string code, Platform.Localization.LocalizedText name, List<string> layTerms, Platform.Localization.LocalizedText[] text)
    {
        var zhLay = layTerms.Where(IsChinese).ToList();
        var enLay = layTerms.Where(t => !IsChinese(t)).ToList();
        var doc = new Document
        {
            new StringField(Kind, kind.ToString(), Field.Store.YES),
            new StringField(Code, code, Field.Store.YES),
            new TextField(NameZh, name.ZhCn, Field.Store.NO),
            new TextField(NameEn, name.En, Field.Store.NO),
            new TextField(LayZh, string.Join("\n", zhLay), Field.Store.NO),
            new TextField(LayEn, string.Join("\n", enLay), Field.Store.NO),
            new TextField(TextZh, string.Join("\n", text.Select(t => t.ZhCn)), Field.Store.NO),
            new TextField(TextEn, string.Join("\n", text.Select(t => t.En)), Field.Store.NO),
            new TextField(Plain, string.Join("\n", enLay.Append(name.En)), Field.Store.NO),
            new TextField(Characters, string.Join("\n", zhLay.Append(name.ZhCn)), Field.Store.NO),
        };
        foreach (var exact in layTerms.Append(name.ZhCn).Append(name.En))
        {
            doc.Add(new StringField(Exact, Normalize(exact).ToLowerInvariant(), Field.Store.NO));
        }

        return doc;
    }

    /// <summary>Trims, drops control characters and collapses spaces; keeps at most <see cref="MaxQueryLength"/> characters.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var builder = new StringBuilder(Math.Min(text.Length, MaxQueryLength));
        var lastWasSpace = true;
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (builder.Length >= MaxQueryLength)
            {
                break;
            }

            var isSpace = char.IsWhiteSpace(c) || char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
            if (isSpace)
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(c);
            }

            lastWasSpace = isSpace;
        }

        return builder.ToString().Trim();
    }

    private static bool IsChinese(string text) => text.Any(c => c >= '\u3400' && c <= '\u9fff');
}
