namespace Tongban.Platform.Localization;

/// <summary>Anchor for the UI strings: keys are the English text (SharedResource.resx only holds keys that are codes), SharedResource.zh-CN.resx holds the Chinese.</summary>
public sealed class SharedResource;
