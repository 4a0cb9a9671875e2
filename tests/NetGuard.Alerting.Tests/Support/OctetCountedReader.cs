using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace NetGuard.Alerting.Tests.Support;

/// <summary>Reads RFC 6587 octet-counted frames (<c>LEN SP MSG</c>) from a connected stream socket.</summary>
internal sealed class OctetCountedReader(Socket socket)
{
    private readonly byte[] _one = new byte[1];

    public byte[] Next()
    {
        var digits = new StringBuilder();
        while (true)
        {
            var b = ReadByte();
            if (b == ' ')
            {
                break;
            }

            if (b is < (byte)'0' or > (byte)'9' || digits.Length > 9)
            {
                throw new InvalidDataException($"bad frame length prefix '{digits}{(char)b}'");
            }

            digits.Append((char)b);
        }

        var message = new byte[int.Parse(digits.ToString(), CultureInfo.InvariantCulture)];
        var read = 0;
        while (read < message.Length)
        {
            var n = socket.Receive(message, read, message.Length - read, SocketFlags.None);
            if (n == 0)
            {
                throw new EndOfStreamException("connection closed inside a frame");
            }

            read += n;
        }

        return message;
    }

    private byte ReadByte()
    {
        if (socket.Receive(_one) == 0)
        {
            throw new EndOfStreamException("connection closed");
        }

        return _one[0];
    }
}
