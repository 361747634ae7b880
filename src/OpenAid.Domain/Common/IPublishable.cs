namespace OpenAid.Domain.Common;

/// <summary>
/// A record that is not public from the start (a draft notice, a need not yet approved). Until it is public, its
/// audit entries are restricted (Auditors read them); its public history starts with the write that makes it public.
/// Records that do not implement this are public from creation.
/// </summary>
public interface IPublishable
{
    bool IsPublic { get; }
}
