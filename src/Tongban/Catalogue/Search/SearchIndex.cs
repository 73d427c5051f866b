using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
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

    // What each document is, by its number: read once here rather than from the stored fields for every hit.
    private readonly (SearchHitKind Kind, string Code)[] _documents;

    // Every term the index holds, with where it is found: read once here, only read afterwards (see TermQueryFor).
    private readonly FrozenDictionary<(string Field, string Text), TermContext> _terms;

    // Counted apart because ConcurrentDictionary.Count takes every one of its locks: asked on each new query, it made
    // concurrent searches wait for one another. A race with a clear may leave the count a little off, which only moves
    // the next clear.
    private int _cachedQueries;

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
        _terms = AllTerms(_searcher);
        _documents = [.. Enumerable.Range(0, _reader.MaxDoc).Select(i => _reader.Document(i)).Select(d =>
            (d.Get(Kind) == nameof(SearchHitKind.LifeEvent) ? SearchHitKind.LifeEvent : SearchHitKind.Service, d.Get(Code)))];
    }

    private static FrozenDictionary<(string Field, string Text), TermContext> AllTerms(IndexSearcher searcher)
    {
        var terms = new Dictionary<(string Field, string Text), TermContext>();
        var fields = MultiFields.GetFields(searcher.IndexReader);
        foreach (var field in fields)
        {
            var each = fields.GetTerms(field).GetEnumerator();
            while (each.MoveNext())
            {
                var term = new Term(field, BytesRef.DeepCopyOf(each.Term));
                terms[(field, term.Text)] = TermContext.Build(searcher.TopReaderContext, term);
            }
        }

        return terms.ToFrozenDictionary();
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

        var hits = Run(Precise(text), max);
        if (Volatile.Read(ref _cachedQueries) >= MaxCachedQueries)
        {
            _answers.Clear();
            Interlocked.Exchange(ref _cachedQueries, 0);
        }

        if (_answers.TryAdd(key, hits))
        {
            Interlocked.Increment(ref _cachedQueries);
        }

        return hits;
    }

    /// <summary>A looser search for the no-result page: any shared Han character, or an English word two typos away.</summary>
    public IReadOnlyList<SearchHit> Similar(string query, int max)
    {
        var text = Normalize(query);
        var loose = new BooleanQuery();
        foreach (var c in Terms(_analyzer, Characters, text).Where(t => t.Length == 1 && t[0] >= '\u3400'))
        {
            if (TermQueryFor(Characters, c) is { } known)
            {
                loose.Add(known, Occur.SHOULD);
            }
        }

        foreach (var word in Terms(_analyzer, Plain, text).Where(w => w.Length >= 3 && w[0] < '\u3400'))
        {
            loose.Add(new FuzzyQuery(new Term(Plain, word), 2, 0), Occur.SHOULD);
        }

        return loose.Clauses.Count == 0 ? [] : Run(loose, max);
    }

    private BooleanQuery Precise(string text)
    {
        var query = new BooleanQuery();
        void Add(Query? q, float boost)
        {
            if (q is null)
            {
                return;
            }

            q.Boost = boost;
            query.Add(q, Occur.SHOULD);
        }

        // Saying exactly the name of a service, or exactly a lay term, beats any partial match.
        Add(TermQueryFor(Exact, text.ToLowerInvariant()), 40f);
        var hasChinese = IsChinese(text);
        var hasLatin = text.Any(c => char.IsLetterOrDigit(c) && c < '\u2E80');
        foreach (var t in hasChinese ? Terms(_analyzer, NameZh, text) : [])
        {
            Add(TermQueryFor(NameZh, t), 4f);
            Add(TermQueryFor(LayZh, t), 3f);
            Add(TermQueryFor(TextZh, t), 1f);
        }

        foreach (var t in hasLatin ? Terms(_analyzer, NameEn, text) : [])
        {
            Add(TermQueryFor(NameEn, t), 4f);
            Add(TermQueryFor(LayEn, t), 3f);
            Add(TermQueryFor(TextEn, t), 1f);
        }

        // Typo tolerance for English: one edit for short words, two for long ones.
        foreach (var word in hasLatin ? Terms(_analyzer, Plain, text).Where(w => w.Length >= 4 && w.All(char.IsAsciiLetterLower)) : [])
        {
            Add(new FuzzyQuery(new Term(Plain, word), word.Length >= 7 ? 2 : 1, 1), 1.5f);
        }

        return query;
    }

    /// <summary>
    /// A query for one term with where the index holds it, found once when the index was built; or none when the index
    /// does not hold the term. Looking terms up in the index's dictionary was the largest part of a search never asked
    /// before. A clause for a missing term matches nothing and scales every document's score alike, so leaving it out
    /// changes no order.
    /// </summary>
    private TermQuery? TermQueryFor(string field, string text) =>
        _terms.TryGetValue((field, text), out var states) ? new TermQuery(new Term(field, text), states) : null;

    private List<SearchHit> Run(Query query, int max)
    {
        var top = _searcher.Search(query, Math.Max(1, max));
        return [.. top.ScoreDocs.Select(d => new SearchHit(_documents[d.Doc].Kind, _documents[d.Doc].Code, d.Score))];
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
