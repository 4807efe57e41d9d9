package dev.forensics.exercise.files.internal;

import dev.forensics.exercise.files.Draw;
import dev.forensics.exercise.files.Person;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Minimal valid Office Open XML packages (ECMA-376 Part 2, Open Packaging Conventions): a Word document
 * and an Excel workbook. Parts in a fixed order starting with {@code [Content_Types].xml} and
 * {@code _rels/.rels}; XML written with the JDK's StAX writer; core properties carry the scenario time.
 */
public final class Ooxml {

  static final String CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types";
  static final String PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
  static final String DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  static final String WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  static final String SHEET = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  static final String CORE = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
  static final String APP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";
  static final String DC = "http://purl.org/dc/elements/1.1/";
  static final String DCTERMS = "http://purl.org/dc/terms/";
  static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

  /** Application name written into docProps/app.xml. */
  public static final String APPLICATION = "forensics exercise builder";

  private Ooxml() {}

  /** A Word document with a title paragraph and 3 to 8 body paragraphs. */
  public static byte[] docx(Draw draw, Instant modified) throws IOException {
    String title = draw.title();
    Person author = draw.person();
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add(title);
    int n = draw.between(3, 8);
    for (int i = 0; i < n; i++) {
      paragraphs.add(draw.paragraph());
    }
    byte[] document = xml(w -> {
      w.writeStartElement("w", "document", WORD);
      w.writeNamespace("w", WORD);
      w.writeStartElement("w", "body", WORD);
      for (String p : paragraphs) {
        w.writeStartElement("w", "p", WORD);
        w.writeStartElement("w", "r", WORD);
        w.writeStartElement("w", "t", WORD);
        w.writeCharacters(p);
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
      }
      w.writeEmptyElement("w", "sectPr", WORD);
      w.writeEndElement();
      w.writeEndElement();
    });
    String mainType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    List<Member> parts = new ArrayList<>();
    parts.add(new Member("[Content_Types].xml", contentTypes("/word/document.xml", mainType, List.of())));
    parts.add(new Member("_rels/.rels", packageRels("word/document.xml")));
    parts.add(new Member("word/document.xml", document));
    parts.add(new Member("docProps/core.xml", core(title, author, modified)));
    parts.add(new Member("docProps/app.xml", app()));
    return Archives.zip(parts, modified);
  }

  /** An Excel workbook with one sheet of 5 to 30 rows (name, e-mail, reference, amount). */
  public static byte[] xlsx(Draw draw, Instant modified) throws IOException {
    String title = draw.title();
    Person author = draw.person();
    int rows = draw.between(5, 30);
    List<String[]> data = new ArrayList<>();
    data.add(new String[] {"Name", "Email", "Reference", "Amount"});
    for (int i = 0; i < rows; i++) {
      Person p = draw.person();
      data.add(new String[] {p.fullName(), p.email(), draw.word().toUpperCase(Locale.ROOT) + "-"
          + draw.between(1000, 99999), Integer.toString(draw.between(1, 99999))});
    }
    byte[] sheet = xml(w -> {
      w.writeStartElement("", "worksheet", SHEET);
      w.writeDefaultNamespace(SHEET);
      w.writeStartElement(SHEET, "sheetData");
      for (int r = 0; r < data.size(); r++) {
        w.writeStartElement(SHEET, "row");
        w.writeAttribute("r", Integer.toString(r + 1));
        String[] row = data.get(r);
        for (int c = 0; c < row.length; c++) {
          String ref = (char) ('A' + c) + Integer.toString(r + 1);
          w.writeStartElement(SHEET, "c");
          w.writeAttribute("r", ref);
          boolean number = r > 0 && c == 3;
          if (number) {
            w.writeStartElement(SHEET, "v");
            w.writeCharacters(row[c]);
            w.writeEndElement();
          } else {
            w.writeAttribute("t", "inlineStr");
            w.writeStartElement(SHEET, "is");
            w.writeStartElement(SHEET, "t");
            w.writeCharacters(row[c]);
            w.writeEndElement();
            w.writeEndElement();
          }
          w.writeEndElement();
        }
        w.writeEndElement();
      }
      w.writeEndElement();
      w.writeEndElement();
    });
    byte[] workbook = xml(w -> {
      w.writeStartElement("", "workbook", SHEET);
      w.writeDefaultNamespace(SHEET);
      w.writeNamespace("r", DOC_RELS);
      w.writeStartElement(SHEET, "sheets");
      w.writeEmptyElement(SHEET, "sheet");
      w.writeAttribute("name", "Sheet1");
      w.writeAttribute("sheetId", "1");
      w.writeAttribute("r", DOC_RELS, "id", "rId1");
      w.writeEndElement();
      w.writeEndElement();
    });
    byte[] workbookRels = relationships(List.<String[]>of(new String[] {"rId1", DOC_RELS + "/worksheet", "worksheets/sheet1.xml"}));
    String mainType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    String sheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    List<Member> parts = new ArrayList<>();
    parts.add(new Member("[Content_Types].xml", contentTypes("/xl/workbook.xml", mainType,
        List.<String[]>of(new String[] {"/xl/worksheets/sheet1.xml", sheetType}))));
    parts.add(new Member("_rels/.rels", packageRels("xl/workbook.xml")));
    parts.add(new Member("xl/workbook.xml", workbook));
    parts.add(new Member("xl/_rels/workbook.xml.rels", workbookRels));
    parts.add(new Member("xl/worksheets/sheet1.xml", sheet));
    parts.add(new Member("docProps/core.xml", core(title, author, modified)));
    parts.add(new Member("docProps/app.xml", app()));
    return Archives.zip(parts, modified);
  }

  private static byte[] contentTypes(String mainPart, String mainType, List<String[]> moreOverrides)
      throws IOException {
    return xml(w -> {
      w.writeStartElement("", "Types", CONTENT_TYPES);
      w.writeDefaultNamespace(CONTENT_TYPES);
      defaultType(w, "rels", "application/vnd.openxmlformats-package.relationships+xml");
      defaultType(w, "xml", "application/xml");
      overrideType(w, mainPart, mainType);
      for (String[] o : moreOverrides) {
        overrideType(w, o[0], o[1]);
      }
      overrideType(w, "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
      overrideType(w, "/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
      w.writeEndElement();
    });
  }

  private static void defaultType(XMLStreamWriter w, String extension, String type) throws XMLStreamException {
    w.writeEmptyElement(CONTENT_TYPES, "Default");
    w.writeAttribute("Extension", extension);
    w.writeAttribute("ContentType", type);
  }

  private static void overrideType(XMLStreamWriter w, String part, String type) throws XMLStreamException {
    w.writeEmptyElement(CONTENT_TYPES, "Override");
    w.writeAttribute("PartName", part);
    w.writeAttribute("ContentType", type);
  }

  private static byte[] packageRels(String mainPart) throws IOException {
    return relationships(List.of(
        new String[] {"rId1", DOC_RELS + "/officeDocument", mainPart},
        new String[] {"rId2", PACKAGE_RELS + "/metadata/core-properties", "docProps/core.xml"},
        new String[] {"rId3", DOC_RELS + "/extended-properties", "docProps/app.xml"}));
  }

  private static byte[] relationships(List<String[]> rels) throws IOException {
    return xml(w -> {
      w.writeStartElement("", "Relationships", PACKAGE_RELS);
      w.writeDefaultNamespace(PACKAGE_RELS);
      for (String[] r : rels) {
        w.writeEmptyElement(PACKAGE_RELS, "Relationship");
        w.writeAttribute("Id", r[0]);
        w.writeAttribute("Type", r[1]);
        w.writeAttribute("Target", r[2]);
      }
      w.writeEndElement();
    });
  }

  private static byte[] core(String title, Person author, Instant modified) throws IOException {
    String time = DateTimeFormatter.ISO_INSTANT.format(modified.truncatedTo(ChronoUnit.SECONDS));
    return xml(w -> {
      w.writeStartElement("cp", "coreProperties", CORE);
      w.writeNamespace("cp", CORE);
      w.writeNamespace("dc", DC);
      w.writeNamespace("dcterms", DCTERMS);
      w.writeNamespace("xsi", XSI);
      element(w, "dc", DC, "title", title);
      element(w, "dc", DC, "creator", author.fullName());
      element(w, "cp", CORE, "lastModifiedBy", author.fullName());
      for (String name : new String[] {"created", "modified"}) {
        w.writeStartElement("dcterms", name, DCTERMS);
        w.writeAttribute("xsi", XSI, "type", "dcterms:W3CDTF");
        w.writeCharacters(time);
        w.writeEndElement();
      }
      w.writeEndElement();
    });
  }

  private static byte[] app() throws IOException {
    return xml(w -> {
      w.writeStartElement("", "Properties", APP);
      w.writeDefaultNamespace(APP);
      w.writeStartElement(APP, "Application");
      w.writeCharacters(APPLICATION);
      w.writeEndElement();
      w.writeEndElement();
    });
  }

  private static void element(XMLStreamWriter w, String prefix, String ns, String name, String text)
      throws XMLStreamException {
    w.writeStartElement(prefix, name, ns);
    w.writeCharacters(text);
    w.writeEndElement();
  }

  private interface XmlBody {
    void write(XMLStreamWriter w) throws XMLStreamException;
  }

  /** A UTF-8 XML document with a standalone declaration, written by StAX. */
  private static byte[] xml(XmlBody body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
      body.write(w);
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write OOXML part: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }
}
