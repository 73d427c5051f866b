using System.Globalization;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;
using static Tongban.Catalogue.Search.SearchAnalyzers;

namespace Tongban.Catalogue.Search;

public enum SearchHitKind
{
    Service,
    LifeEvent,
}

public sealed record SearchHit(SearchHitKind Kind, string Code, float Score);

/// <summary>
/// An in-memory full-text index of the catalogue (a few hundred documents at most), rebuilt after each
/// import. Searches read an immutable snapshot, so a rebuild never disturbs a search in flight.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    public const int MaxQueryLength = 200;

    private const string Kind = "kind";
    private const string Code = "code";
    private const string Exact = "exact";

    private readonly Analyzer _analyzer = Create();
    private readonly SemaphoreSlim _building = new(1, 1);
    private Snapshot? _current;

    private sealed record Snapshot(RAMDirectory Directory, DirectoryReader Reader, IndexSearcher Searcher);

    /// <summary>Builds the index from the database's current catalogue and swaps it in.</summary>
    public async Task Rebuild(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var services = await db.Services.AsNoTracking().Include(s => s.Department).Include(s => s.Category)
            .Where(s => s.RetiredAt == null).ToListAsync(cancellationToken);
        var lifeEvents = await db.LifeEvents.AsNoTracking().ToListAsync(cancellationToken);

        await _building.WaitAsync(cancellationToken);
        try
        {
            var directory = new RAMDirectory();
            using (var writer = new IndexWriter(directory, new IndexWriterConfig(Lucene48, _analyzer)))
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

            var reader = DirectoryReader.Open(directory);
            // Searches still holding the previous snapshot finish on it; the garbage collector reclaims it.
            Volatile.Write(ref _current, new Snapshot(directory, reader, new IndexSearcher(reader)));
        }
        finally
        {
            _building.Release();
        }
    }

    public bool IsBuilt => Volatile.Read(ref _current) is not null;

    /// <summary>The best matches for what a resident typed, in either language, best first.</summary>
    public IReadOnlyList<SearchHit> Search(string query, int max)
    {
        var snapshot = Volatile.Read(ref _current) ?? throw new InvalidOperationException("The search index has not been built yet.");
        var text = Normalize(query);
        if (text.Length == 0)
        {
            return [];
        }

        return Run(snapshot.Searcher, Precise(text), max);
    }

    /// <summary>A looser search for the no-result page: any shared Han character, or an English word two typos away.</summary>
    public IReadOnlyList<SearchHit> Similar(string query, int max)
    {
        var snapshot = Volatile.Read(ref _current) ?? throw new InvalidOperationException("The search index has not been built yet.");
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

        return loose.Clauses.Count == 0 ? [] : Run(snapshot.Searcher, loose, max);
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
        foreach (var t in Terms(_analyzer, NameZh, text))
        {
            Add(new TermQuery(new Term(NameZh, t)), 4f);
            Add(new TermQuery(new Term(LayZh, t)), 3f);
            Add(new TermQuery(new Term(TextZh, t)), 1f);
        }

        foreach (var t in Terms(_analyzer, NameEn, text))
        {
            Add(new TermQuery(new Term(NameEn, t)), 4f);
            Add(new TermQuery(new Term(LayEn, t)), 3f);
            Add(new TermQuery(new Term(TextEn, t)), 1f);
        }

        // Typo tolerance for English: one edit for short words, two for long ones.
        foreach (var word in Terms(_analyzer, Plain, text).Where(w => w.Length >= 4 && w[0] < '\u3400'))
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

    public void Dispose()
    {
        _current?.Reader.Dispose();
        _current?.Directory.Dispose();
        _analyzer.Dispose();
        _building.Dispose();
    }
}
