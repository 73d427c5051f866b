using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Tongban.Platform.Localization;

/// <summary>
/// The resource files' localizers, with every text found kept per language. ResourceManager takes two locks for each
/// text it looks up; a page asks for dozens, so under load requests queued on those locks (a profile of the search
/// page showed them among its largest costs). Texts are fixed at build time, so keeping them is safe; a name that is
/// not found (which may come from data) is not kept, so the cache cannot grow beyond the resource files.
/// </summary>
internal sealed class CachedStringLocalizerFactory(ResourceManagerStringLocalizerFactory resources) : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<IStringLocalizer, CachedStringLocalizer> _localizers = new();

    public IStringLocalizer Create(Type resourceSource) => Cached(resources.Create(resourceSource));

    public IStringLocalizer Create(string baseName, string location) => Cached(resources.Create(baseName, location));

    // The inner factory already keeps one localizer per resource; this keeps one cache beside each.
    private CachedStringLocalizer Cached(IStringLocalizer inner) => _localizers.GetOrAdd(inner, static i => new CachedStringLocalizer(i));

    private sealed class CachedStringLocalizer(IStringLocalizer inner) : IStringLocalizer
    {
        private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> _found = new();

        public LocalizedString this[string name]
        {
            get
            {
                var key = (CultureInfo.CurrentUICulture.Name, name);
                if (_found.TryGetValue(key, out var text))
                {
                    return text;
                }

                text = inner[name];
                if (!text.ResourceNotFound)
                {
                    _found.TryAdd(key, text);
                }

                return text;
            }
        }

        // As ResourceManagerStringLocalizer formats: the text in the current UI language, the values in the current culture.
        public LocalizedString this[string name, params object[] arguments]
        {
            get
            {
                var format = this[name];
                return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
            }
        }

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
    }
}
