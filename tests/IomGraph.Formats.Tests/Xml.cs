using System.Xml;
using System.Xml.Linq;

namespace IomGraph.Formats.Tests;

internal static class Xml
{
    public const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>Parses with a strict XmlReader: well-formed, no DTD, every character legal.</summary>
    public static XDocument Parse(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, CheckCharacters = true });
        return XDocument.Load(reader);
    }
}
