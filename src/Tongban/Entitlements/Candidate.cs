using Tongban.Residents;
using Tongban.Residents.Certificates;

namespace Tongban.Entitlements;

/// <summary>A resident the daily job judges for one entitlement: on an occasion (a certificate naming her), or on none.</summary>
/// <param name="Resident">Whom it would be offered to.</param>
/// <param name="Occasion">The certificate that occasions it, if the entitlement has an occasion.</param>
/// <param name="Holder">The person the certificate is about, when the city knows her and she is not the resident.</param>
public sealed record Candidate(Resident Resident, ECertificate? Occasion = null, Resident? Holder = null);
