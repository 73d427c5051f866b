namespace Tongban.Catalogue.Forms;

/// <summary>
/// One of her earlier applications, as the reapply rule and a form's rules see it (<c>a.Granted("…")</c>): which
/// service, its reference, whether it is still open, whether it was granted and on which day it was decided.
/// </summary>
public sealed record EarlierCase(string ServiceCode, string Reference, bool Open, bool Granted, DateOnly? DecidedOn);
