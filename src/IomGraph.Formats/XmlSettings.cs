using System.Text;
using System.Xml;

namespace IomGraph.Formats;

/// <summary>How the XML formats write (into a <see cref="SpoolStream"/>): UTF-8 without a byte order mark, line breaks kept exactly.</summary>
internal static class XmlSettings
{
    public static XmlWriterSettings Create() => new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",

        // Entities keep a carriage return in a description a carriage return; XML readers would fold a literal one.
        NewLineHandling = NewLineHandling.Entitize,
        CloseOutput = false,
    };
}
