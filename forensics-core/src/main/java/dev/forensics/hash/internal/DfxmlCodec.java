package dev.forensics.hash.internal;

import dev.forensics.hash.Digest;
import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import dev.forensics.hash.ManifestEntry;
import dev.forensics.hash.ManifestFormat;
import dev.forensics.hash.ManifestInfo;
import dev.forensics.hash.ManifestParseException;
import dev.forensics.hash.ManifestReadResult;
import dev.forensics.hash.ManifestWriter;
import dev.forensics.hash.UnwritableEntryException;
import dev.forensics.hash.Piece;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Digital Forensics XML 2.0 ({@code dfxml.xsd} 2.0.0-beta.0): one {@code fileobject} per entry with
 * {@code filename}, {@code filesize}, {@code mtime}, piece digests as {@code byte_runs/byte_run} with
 * {@code file_offset}, {@code len} and {@code hashdigest} children, and the whole-file {@code hashdigest}s.
 *
 * <p>The schema's {@code hashdigest/@type} names only MD5, MD6 and the SHA-1/SHA-2 family; SHA3-256 and
 * BLAKE3 are written as {@code type="OTHER"} with the algorithm's id in an attribute {@code algorithm} of
 * the namespace {@value #EXT_NS} (prefix {@code fx}), which the schema admits because every DFXML string
 * element allows attributes of other namespaces. The directory the manifest was made from goes into
 * {@code metadata} as {@code fx:invoked_from}. Readers unaware of the namespace still read the document.
 *
 * <p>Reading also accepts DFXML of other tools (fiwalk, {@code hashdeep -d}): {@code fileobject}s at any
 * depth, {@code byte_run}s outside {@code byte_runs}, a missing namespace. A {@code fileobject} without any
 * digest (a directory, for instance) is not an entry. DTDs are refused, so are external entities.
 */
final class DfxmlCodec {

  static final String NS = "http://www.forensicswiki.org/wiki/Category:Digital_Forensics_XML";
  static final String DC_NS = "http://purl.org/dc/elements/1.1/";
  /** Namespace of this toolkit's additions to DFXML. */
  static final String EXT_NS = "urn:x-dev-forensics:dfxml";
  static final String VERSION = "2.0.0-beta.0";
  static final String DC_TYPE = "Hash List";

  private DfxmlCodec() {}

  // ---------------------------------------------------------------- writing

  static ManifestWriter writer(OutputStream out, ManifestInfo info) throws IOException {
    info.creator().ifPresent(s -> requireXmlText(s, "creator"));
    info.command().ifPresent(s -> requireXmlText(s, "command line"));
    info.invokedFrom().ifPresent(s -> requireXmlText(s, "invoked-from directory"));
    try {
      return new DfxmlWriter(out, info);
    } catch (XMLStreamException e) {
      throw new IOException("cannot write DFXML: " + e.getMessage(), e);
    }
  }

  private static void requireXmlText(String text, String what) {
    int bad = firstNonXmlChar(text);
    if (bad >= 0) {
      throw new IllegalArgumentException("the " + what + " holds " + String.format("U+%04X", bad)
          + ", which XML 1.0 cannot hold: " + Values.show(text));
    }
  }

  /** The first code point XML 1.0 cannot hold, even as a character reference, or -1. */
  static int firstNonXmlChar(String s) {
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
          || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
      if (!ok) {
        return c;
      }
    }
    return -1;
  }

  private static final class DfxmlWriter extends OrderedWriter {
    private final XMLStreamWriter x;
    private final List<HashAlgorithm> algorithms;

    DfxmlWriter(OutputStream out, ManifestInfo info) throws XMLStreamException {
      this.algorithms = info.algorithms();
      this.x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      boolean ext = info.invokedFrom().isPresent()
          || algorithms.stream().anyMatch(a -> a.dfxmlType().equals("OTHER"));
      x.writeStartDocument("UTF-8", "1.0");
      indent(0);
      x.writeStartElement("", "dfxml", NS);
      x.writeDefaultNamespace(NS);
      x.writeNamespace("dc", DC_NS);
      if (ext) {
        x.writeNamespace("fx", EXT_NS);
      }
      x.writeAttribute("version", VERSION);
      indent(1);
      x.writeStartElement("", "metadata", NS);
      indent(2);
      x.writeStartElement("dc", "type", DC_NS);
      x.writeCharacters(DC_TYPE);
      x.writeEndElement();
      if (info.invokedFrom().isPresent()) {
        indent(2);
        x.writeStartElement("fx", "invoked_from", EXT_NS);
        text(info.invokedFrom().get());
        x.writeEndElement();
      }
      indent(1);
      x.writeEndElement();
      if (info.creator().isPresent() || info.command().isPresent() || info.created().isPresent()) {
        indent(1);
        x.writeStartElement("", "creator", NS);
        if (info.creator().isPresent()) {
          String[] pv = splitCreator(info.creator().get());
          simple(2, "program", pv[0]);
          if (pv[1] != null) {
            simple(2, "version", pv[1]);
          }
        }
        if (info.command().isPresent() || info.created().isPresent()) {
          indent(2);
          x.writeStartElement("", "execution_environment", NS);
          if (info.command().isPresent()) {
            simple(3, "command_line", info.command().get());
          }
          if (info.created().isPresent()) {
            simple(3, "start_time", info.created().get().toString());
          }
          indent(2);
          x.writeEndElement();
        }
        indent(1);
        x.writeEndElement();
      }
    }

    @Override
    void writeEntry(ManifestEntry e) throws IOException {
      int bad = firstNonXmlChar(e.path());
      if (bad >= 0) {
        throw new UnwritableEntryException("cannot write " + Values.show(e.path()) + " to DFXML: XML 1.0 cannot hold "
            + String.format("U+%04X", bad));
      }
      try {
        indent(1);
        x.writeStartElement("", "fileobject", NS);
        simple(2, "filename", e.path());
        if (e.hasSize()) {
          simple(2, "filesize", Long.toString(e.size()));
        }
        if (e.modified().isPresent()) {
          simple(2, "mtime", e.modified().get().toString());
        }
        if (!e.pieces().isEmpty()) {
          indent(2);
          x.writeStartElement("", "byte_runs", NS);
          for (Piece p : e.pieces()) {
            indent(3);
            x.writeStartElement("", "byte_run", NS);
            x.writeAttribute("file_offset", Long.toString(p.offset()));
            x.writeAttribute("len", Long.toString(p.length()));
            hashdigests(4, p.digests());
            indent(3);
            x.writeEndElement();
          }
          indent(2);
          x.writeEndElement();
        }
        hashdigests(2, e.digests());
        indent(1);
        x.writeEndElement();
      } catch (XMLStreamException ex) {
        throw new IOException("cannot write DFXML: " + ex.getMessage(), ex);
      }
    }

    private void hashdigests(int depth, DigestSet digests) throws XMLStreamException {
      for (HashAlgorithm a : algorithms) {
        Optional<Digest> d = digests.get(a);
        if (d.isPresent()) {
          indent(depth);
          x.writeStartElement("", "hashdigest", NS);
          x.writeAttribute("type", a.dfxmlType());
          if (a.dfxmlType().equals("OTHER")) {
            x.writeAttribute("fx", EXT_NS, "algorithm", a.id());
          }
          x.writeCharacters(d.get().hex());
          x.writeEndElement();
        }
      }
    }

    private void simple(int depth, String local, String value) throws XMLStreamException {
      indent(depth);
      x.writeStartElement("", local, NS);
      text(value);
      x.writeEndElement();
    }

    /** Text content; a carriage return becomes a character reference, as a parser would turn a raw one into LF. */
    private void text(String value) throws XMLStreamException {
      int from = 0;
      for (int i = value.indexOf('\r'); i >= 0; i = value.indexOf('\r', from)) {
        x.writeCharacters(value.substring(from, i));
        x.writeEntityRef("#13");
        from = i + 1;
      }
      x.writeCharacters(value.substring(from));
    }

    private void indent(int depth) throws XMLStreamException {
      x.writeCharacters("\n" + "  ".repeat(depth));
    }

    @Override
    void finish() throws IOException {
      try {
        indent(0);
        x.writeEndElement();
        x.writeCharacters("\n");
        x.writeEndDocument();
        x.flush();
        x.close();
      } catch (XMLStreamException e) {
        throw new IOException("cannot write DFXML: " + e.getMessage(), e);
      }
    }
  }

  /**
   * Splits a creator such as {@code forensics 0.1.0} into program and version at its last space when a digit
   * follows; {@code program + " " + version} gives the creator back.
   */
  static String[] splitCreator(String creator) {
    int sp = creator.lastIndexOf(' ');
    if (sp > 0 && sp < creator.length() - 1 && Character.isDigit(creator.charAt(sp + 1))) {
      return new String[] {creator.substring(0, sp), creator.substring(sp + 1)};
    }
    return new String[] {creator, null};
  }

  // ---------------------------------------------------------------- reading

  private static XMLInputFactory secureFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    if (f.isPropertySupported(XMLConstants.ACCESS_EXTERNAL_DTD)) {
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    }
    return f;
  }

  /** What the reader found in metadata and creator. */
  private static final class Provenance {
    String program;
    String version;
    String command;
    String invokedFrom;
    Instant created;
  }

  static ManifestReadResult read(InputStream in, String source) throws IOException {
    ManifestAssembler a = new ManifestAssembler(source);
    Provenance prov = new Provenance();
    XMLStreamReader r = null;
    try {
      r = secureFactory().createXMLStreamReader(in);
      boolean root = false;
      int depth = 0;
      while (r.hasNext()) {
        int ev = r.next();
        if (ev == XMLStreamConstants.DTD) {
          throw new ManifestParseException(source, line(r), "DOCTYPE declarations are not allowed in DFXML");
        }
        if (ev == XMLStreamConstants.END_ELEMENT) {
          depth--;
          continue;
        }
        if (ev != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        if (!root) {
          if (!r.getLocalName().equals("dfxml") || !inDfxml(r)) {
            throw new ManifestParseException(source, line(r),
                "expected the DFXML root element 'dfxml' in namespace " + NS + ", found " + Values.show(qname(r)));
          }
          root = true;
          depth = 1;
          continue;
        }
        if (inDfxml(r) && r.getLocalName().equals("fileobject")) {
          readFileObject(r, a);
        } else if (depth == 1 && inDfxml(r) && r.getLocalName().equals("metadata")) {
          readMetadata(r, prov);
        } else if (depth == 1 && inDfxml(r) && r.getLocalName().equals("creator")) {
          readCreator(r, prov, a);
        } else {
          depth++;
        }
      }
      if (!root) {
        throw new ManifestParseException(source, line(r), "expected the DFXML root element 'dfxml', found none");
      }
    } catch (XMLStreamException e) {
      Location loc = e.getLocation();
      throw new ManifestParseException(source, loc == null ? 0 : Math.max(0, loc.getLineNumber()),
          "not well-formed XML: " + xmlMessage(e), e);
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException e) {
          a.problem(0, "closing the XML reader failed: " + e.getMessage());
        }
      }
    }
    String creator = prov.program == null ? null : prov.version == null ? prov.program : prov.program + " " + prov.version;
    return a.result(ManifestFormat.DFXML, a.algorithmsSeenOr(new ArrayList<>(HashAlgorithm.DEFAULTS)),
        a.largestPiece(), creator, prov.command, prov.invokedFrom, prov.created);
  }

  private static String xmlMessage(XMLStreamException e) {
    String m = String.valueOf(e.getMessage());
    int i = m.indexOf("Message: ");
    return i >= 0 ? m.substring(i + "Message: ".length()).trim() : m.trim();
  }

  private static long line(XMLStreamReader r) {
    return Math.max(0, r.getLocation().getLineNumber());
  }

  private static boolean inDfxml(XMLStreamReader r) {
    String ns = r.getNamespaceURI();
    return ns == null || ns.isEmpty() || ns.equals(NS);
  }

  private static String qname(XMLStreamReader r) {
    String ns = r.getNamespaceURI();
    return ns == null || ns.isEmpty() ? r.getLocalName() : "{" + ns + "}" + r.getLocalName();
  }

  /** Skips the rest of the element whose start tag was just read. */
  private static void skip(XMLStreamReader r) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  private static void readMetadata(XMLStreamReader r, Provenance prov) throws XMLStreamException {
    while (true) {
      int ev = r.next();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        return;
      }
      if (ev == XMLStreamConstants.START_ELEMENT) {
        if (EXT_NS.equals(r.getNamespaceURI()) && r.getLocalName().equals("invoked_from")) {
          prov.invokedFrom = r.getElementText();
        } else {
          skip(r);
        }
      }
    }
  }

  private static void readCreator(XMLStreamReader r, Provenance prov, ManifestAssembler a)
      throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int ev = r.next();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      } else if (ev == XMLStreamConstants.START_ELEMENT) {
        String local = inDfxml(r) ? r.getLocalName() : "";
        long line = line(r);
        switch (local) {
          case "program":
            prov.program = r.getElementText();
            break;
          case "version":
            prov.version = r.getElementText();
            break;
          case "command_line":
            prov.command = r.getElementText();
            break;
          case "start_time":
            String text = r.getElementText();
            try {
              prov.created = Values.instant(text, "start_time");
            } catch (RecordException e) {
              a.problem(line, e.getMessage() + "; ignored");
            }
            break;
          case "execution_environment":
            depth++;
            break;
          default:
            skip(r);
        }
      }
    }
  }

  /** What one fileobject held so far; the first fatal problem makes it unusable. */
  private static final class FileObject {
    final long line;
    String filename;
    long size = ManifestEntry.UNKNOWN_SIZE;
    Instant mtime;
    final List<Digest> digests = new ArrayList<>();
    final List<Piece> pieces = new ArrayList<>();
    String fatal;
    long fatalLine;

    FileObject(long line) {
      this.line = line;
    }

    void fail(long at, String message) {
      if (fatal == null) {
        fatal = message;
        fatalLine = at;
      }
    }
  }

  private static void readFileObject(XMLStreamReader r, ManifestAssembler a) throws XMLStreamException {
    FileObject fo = new FileObject(line(r));
    int depth = 1;
    while (depth > 0) {
      int ev = r.next();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
        continue;
      }
      if (ev != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      long at = line(r);
      String local = inDfxml(r) ? r.getLocalName() : "";
      if (local.equals("byte_run")) {
        readByteRun(r, fo, a);
        continue;
      }
      if (depth > 1 || local.isEmpty()) {
        if (local.equals("byte_runs")) {
          depth++;
        } else {
          skip(r);
        }
        continue;
      }
      try {
        switch (local) {
          case "filename":
            String name = r.getElementText();
            if (fo.filename == null) {
              fo.filename = name;
            }
            break;
          case "filesize":
            fo.size = Values.size(r.getElementText().trim(), "filesize");
            break;
          case "mtime":
            fo.mtime = Values.instant(r.getElementText(), "mtime");
            break;
          case "hashdigest":
            hashdigest(r, a, at).ifPresent(fo.digests::add);
            break;
          case "byte_runs":
            depth++;
            break;
          default:
            skip(r);
        }
      } catch (RecordException e) {
        fo.fail(at, e.getMessage());
      }
    }
    finish(fo, a);
  }

  private static void readByteRun(XMLStreamReader r, FileObject fo, ManifestAssembler a) throws XMLStreamException {
    long at = line(r);
    String offset = r.getAttributeValue(null, "file_offset");
    String len = r.getAttributeValue(null, "len");
    List<Digest> digests = new ArrayList<>();
    while (true) {
      int ev = r.next();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        break;
      }
      if (ev == XMLStreamConstants.START_ELEMENT) {
        long dl = line(r);
        if (inDfxml(r) && r.getLocalName().equals("hashdigest")) {
          try {
            hashdigest(r, a, dl).ifPresent(digests::add);
          } catch (RecordException e) {
            fo.fail(dl, e.getMessage());
          }
        } else {
          skip(r);
        }
      }
    }
    if (digests.isEmpty()) {
      return;
    }
    if (offset == null || len == null) {
      fo.fail(at, "byte_run with hashdigest needs the attributes file_offset and len");
      return;
    }
    try {
      long o = Values.nonNegative(offset.trim(), "byte_run file_offset");
      long l = Values.nonNegative(len.trim(), "byte_run len");
      fo.pieces.add(new Piece(o, l, DigestSet.of(digests)));
    } catch (RecordException e) {
      fo.fail(at, e.getMessage());
    } catch (IllegalArgumentException e) {
      fo.fail(at, "byte_run: " + e.getMessage());
    }
  }

  /** The digest of a hashdigest element, or empty (with a problem) when its algorithm is not supported. */
  private static Optional<Digest> hashdigest(XMLStreamReader r, ManifestAssembler a, long at)
      throws XMLStreamException, RecordException {
    String type = r.getAttributeValue(null, "type");
    String named = r.getAttributeValue(EXT_NS, "algorithm");
    String hex = r.getElementText().trim();
    if (type == null) {
      a.problem(at, "hashdigest without a type attribute; ignored");
      return Optional.empty();
    }
    Optional<HashAlgorithm> alg;
    if (type.equalsIgnoreCase("OTHER")) {
      if (named == null) {
        a.problem(at, "hashdigest type 'OTHER' names no algorithm (expected the attribute algorithm of namespace "
            + EXT_NS + "); ignored");
        return Optional.empty();
      }
      alg = HashAlgorithm.lookup(named);
      if (alg.isEmpty()) {
        a.problem(at, "hashdigest algorithm " + Values.show(named) + " is not supported; ignored");
        return Optional.empty();
      }
    } else {
      alg = HashAlgorithm.lookup(type);
      if (alg.isEmpty()) {
        a.problem(at, "hashdigest type " + Values.show(type) + " is not supported; ignored");
        return Optional.empty();
      }
    }
    return Optional.of(Values.digest(alg.get(), hex, "hashdigest type " + Values.show(type)));
  }

  private static void finish(FileObject fo, ManifestAssembler a) {
    if (fo.fatal != null) {
      a.problem(fo.fatalLine, fo.fatal + "; the fileobject is ignored");
      return;
    }
    if (fo.digests.isEmpty() && fo.pieces.isEmpty()) {
      return;
    }
    if (fo.filename == null) {
      a.problem(fo.line, "fileobject has no filename; it is ignored");
      return;
    }
    try {
      Values.path(fo.filename, "filename");
    } catch (RecordException e) {
      a.problem(fo.line, e.getMessage() + "; the fileobject is ignored");
      return;
    }
    DigestSet digests;
    try {
      digests = DigestSet.of(fo.digests);
    } catch (IllegalArgumentException e) {
      a.problem(fo.line, "fileobject " + Values.show(fo.filename) + ": " + e.getMessage() + "; it is ignored");
      return;
    }
    a.add(new ManifestEntry(fo.filename, fo.size, fo.mtime, digests, fo.pieces), fo.line);
  }
}
