package dev.forensics.triage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The {@code <magic>} signatures of a tika-core type table ({@code tika-mimetypes.xml}), read with the
 * JDK's XML parser the way tika-core's {@code MimeTypesReader} builds its clauses: each {@code <match>}
 * directly inside a {@code <magic>} is one signature; a {@code <match>} with nested matches holds when
 * it matches and at least one of them does; a {@code minShouldMatch} element holds when that many of
 * its nested matches do.
 */
public final class MagicSignatures {

  private MagicSignatures() {}

  /** A condition on the first bytes of a file. */
  public sealed interface Clause permits Match, MinShouldMatch {}

  /**
   * A {@code <match>} element's attributes, as written, and its nested matches (none, or any one of
   * which must match too).
   */
  public record Match(String kind, String offset, String value, String mask, List<Clause> children)
      implements Clause {
    public Match {
      children = List.copyOf(children);
    }
  }

  /** A {@code <match minShouldMatch="min">}: at least {@code min} of its nested matches must match. */
  public record MinShouldMatch(int min, List<Clause> children) implements Clause {
    public MinShouldMatch {
      if (min <= 0 || children.isEmpty() || min > children.size()) {
        throw new IllegalArgumentException("minShouldMatch " + min + " of " + children.size() + " clauses");
      }
      children = List.copyOf(children);
    }
  }

  /** One signature of a type: the type's name as written in the XML, its priority and its clause. */
  public record Signature(String type, int priority, Clause clause) {}

  /**
   * A {@code <root-XML>} of a type: an XML document whose root element has this namespace and local name
   * (either may be null or empty) is of that type.
   */
  public record RootXml(String type, String namespaceUri, String localName) {}

  /** What a type table says about content: the signatures and the XML root elements, in document order. */
  public record Table(List<Signature> signatures, List<RootXml> rootXml) {
    public Table {
      signatures = List.copyOf(signatures);
      rootXml = List.copyOf(rootXml);
    }
  }

  /**
   * Reads the signatures of a type table, in document order.
   *
   * @throws IOException when the table cannot be read or is not laid out as tika-core expects (it
   *     declares a DTD, a {@code <magic>} has no match, a {@code minShouldMatch} is out of range)
   */
  public static List<Signature> read(InputStream xml) throws IOException {
    return readTable(xml).signatures();
  }

  /**
   * Reads the signatures and XML root elements of a type table, in document order.
   *
   * @throws IOException as {@link #read}
   */
  public static Table readTable(InputStream xml) throws IOException {
    Handler handler = new Handler();
    try {
      parser().parse(xml, handler);
    } catch (SAXException | IllegalArgumentException e) {
      throw new IOException("tika-core type table: " + e.getMessage(), e);
    }
    return new Table(handler.signatures, handler.rootXml);
  }

  /** The JDK's own SAX parser, with no DTD and no external entities. */
  private static SAXParser parser() throws IOException {
    SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
    factory.setNamespaceAware(false); // tika-core compares qualified names
    factory.setValidating(false);
    factory.setXIncludeAware(false);
    try {
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      return factory.newSAXParser();
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException("cannot set up a secure XML parser", e);
    }
  }

  /** tika-core's MimeTypesReader, reduced to the types and their magic. */
  private static final class Handler extends DefaultHandler {
    final List<Signature> signatures = new ArrayList<>();
    final List<RootXml> rootXml = new ArrayList<>();
    private String type;
    private int priority;
    private Node current = new Node(null, null);

    /** A clause being read: a match or a minShouldMatch, and the clauses nested in it so far. */
    private final class Node {
      final Node parent;
      /** A Match without children, or a MinShouldMatch placeholder (its min), or null for a magic. */
      final Object head;
      List<Clause> children;

      Node(Node parent, Object head) {
        this.parent = parent;
        this.head = head;
      }

      void stop() throws SAXException {
        Clause clause;
        if (head instanceof Integer min) {
          if (children == null) {
            throw new SAXException("minShouldMatch with no nested match in " + type);
          }
          clause = new MinShouldMatch(min, children);
        } else {
          Match m = (Match) head;
          clause = new Match(m.kind(), m.offset(), m.value(), m.mask(), children == null ? List.of() : children);
        }
        if (parent == null) {
          throw new SAXException("<match> outside <magic> in " + type);
        }
        if (parent.children == null) {
          parent.children = new ArrayList<>();
        }
        parent.children.add(clause);
        current = parent;
      }
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
      if (type == null) {
        if (qName.equals("mime-type")) {
          type = attributes.getValue("type");
          if (type == null) {
            throw new SAXException("<mime-type> without a type");
          }
        }
      } else if (qName.equals("match")) {
        String min = attributes.getValue("minShouldMatch");
        if (min != null) {
          current = new Node(current, Integer.parseInt(min));
        } else {
          String kind = attributes.getValue("type");
          current = new Node(current, new Match(kind == null ? "string" : kind, attributes.getValue("offset"),
              attributes.getValue("value"), attributes.getValue("mask"), List.of()));
        }
      } else if (qName.equals("root-XML")) {
        rootXml.add(new RootXml(type, attributes.getValue("namespaceURI"), attributes.getValue("localName")));
      } else if (qName.equals("magic")) {
        String value = attributes.getValue("priority");
        priority = value != null && !value.isEmpty() ? Integer.parseInt(value) : 50;
        current = new Node(current, null);
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
      if (type == null) {
        return;
      }
      if (qName.equals("mime-type")) {
        type = null;
      } else if (qName.equals("match")) {
        if (current == null || current.head == null) {
          throw new SAXException("</match> without <match> in " + type);
        }
        current.stop();
      } else if (qName.equals("magic")) {
        if (current == null || current.children == null) {
          throw new SAXException("<magic> with no match in " + type);
        }
        for (Clause c : current.children) {
          signatures.add(new Signature(type, priority, c));
        }
        current = null;
      }
    }
  }
}
