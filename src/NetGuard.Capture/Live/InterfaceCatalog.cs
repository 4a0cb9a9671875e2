using System.Net.NetworkInformation;
using NetGuard.Core.Capture;
using SharpPcap.LibPcap;

namespace NetGuard.Capture.Live;

/// <summary>Finds capture devices by name and picks the default one.</summary>
public static class InterfaceCatalog
{
    /// <summary>The first interface that is up and not loopback, as an operator would expect.</summary>
    public static string DefaultInterface()
    {
        var devices = Devices();
        foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
        {
            if (nic.OperationalStatus != OperationalStatus.Up || nic.NetworkInterfaceType == NetworkInterfaceType.Loopback)
            {
                continue;
            }

            foreach (var device in devices)
            {
                // Npcap names devices \Device\NPF_{GUID}; NetworkInterface.Id is the {GUID}.
                if (device.Name == nic.Name || device.Name.EndsWith(nic.Id, StringComparison.OrdinalIgnoreCase))
                {
                    return device.Name;
                }
            }
        }

        throw new CaptureException("No capture interface is up apart from loopback; name one in NetGuard:Capture:Interfaces.");
    }

    internal static LibPcapLiveDevice Find(string name)
    {
        var devices = Devices();
        foreach (var device in devices)
        {
            if (string.Equals(device.Name, name, StringComparison.Ordinal))
            {
                return device;
            }
        }

        var known = string.Join(", ", devices.Select(d => d.Name));
        throw new CaptureException($"Interface '{name}' does not exist (capture interfaces: {(known.Length == 0 ? "none visible; is libpcap installed and are you allowed to capture?" : known)}).");
    }

    private static List<LibPcapLiveDevice> Devices()
    {
        try
        {
            return [.. LibPcapLiveDeviceList.New()];
        }
        catch (DllNotFoundException e)
        {
            throw new CaptureException("libpcap is not installed (Debian: apt-get install libpcap0.8; Windows: install Npcap).", e);
        }
        catch (TypeInitializationException e) when (e.InnerException is DllNotFoundException)
        {
            throw new CaptureException("libpcap is not installed (Debian: apt-get install libpcap0.8; Windows: install Npcap).", e);
        }
    }
}
