namespace Tongban.Platform.Sms;

/// <summary>Sends one text message to a mobile number in E.164 form (+8613800138000).</summary>
public interface ISmsSender
{
    Task Send(string mobileNumber, string text, CancellationToken cancellationToken);
}
