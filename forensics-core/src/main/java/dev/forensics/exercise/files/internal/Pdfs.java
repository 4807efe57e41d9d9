package dev.forensics.exercise.files.internal;

import dev.forensics.exercise.files.Draw;
import dev.forensics.exercise.files.Person;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.io.OutputStream;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A one-page PDF written with Apache PDFBox: a title, seeded paragraphs in Helvetica (a standard font,
 * not embedded, so no random subset tag and no host font) and a few coloured bars. Everything that PDFBox would otherwise
 * take from the clock is fixed: the trailer {@code /ID} pair comes from the seed, CreationDate and
 * ModDate are the scenario time in UTC, Producer and Creator are constants; no XMP metadata.
 */
public final class Pdfs {

  /** Producer written into the document information dictionary. */
  public static final String PRODUCER = "forensics exercise builder (Apache PDFBox)";

  private static final COSName REGULAR = COSName.getPDFName("F1");
  private static final COSName BOLD = COSName.getPDFName("F2");

  private Pdfs() {}

  /**
   * A simple Type 1 font dictionary naming one of the 14 standard fonts, not embedded. Built as COS
   * objects rather than through PDType1Font, which would map the font to a host font (scanning the
   * system fonts and writing PDFBox's font cache) although nothing from it reaches the file.
   */
  private static COSDictionary standardFont(String baseFont) {
    COSDictionary font = new COSDictionary();
    font.setItem(COSName.TYPE, COSName.FONT);
    font.setItem(COSName.SUBTYPE, COSName.TYPE1);
    font.setItem(COSName.BASE_FONT, COSName.getPDFName(baseFont));
    font.setItem(COSName.ENCODING, COSName.WIN_ANSI_ENCODING);
    return font;
  }

  private static void op(List<Object> ops, String operator, COSBase... operands) {
    ops.addAll(List.of(operands));
    ops.add(Operator.getOperator(operator));
  }

  public static byte[] pdf(Draw draw, Instant modified) throws IOException {
    String title = draw.title();
    Person author = draw.person();
    List<String> lines = new ArrayList<>();
    int paragraphs = draw.between(2, 5);
    for (int i = 0; i < paragraphs; i++) {
      for (String line : Texts.wrap(draw.paragraph(), 80, "\n").split("\n")) {
        lines.add(line);
      }
      lines.add("");
    }
    float[][] bars = new float[draw.between(1, 4)][];
    for (int i = 0; i < bars.length; i++) {
      bars[i] = new float[] {draw.nextInt(256) / 255f, draw.nextInt(256) / 255f, draw.nextInt(256) / 255f,
          draw.between(20, 400)};
    }
    byte[] id = draw.bytes(16);
    long documentId = draw.nextLong();

    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      COSDictionary fonts = new COSDictionary();
      fonts.setItem(REGULAR, standardFont("Helvetica"));
      fonts.setItem(BOLD, standardFont("Helvetica-Bold"));
      PDResources resources = new PDResources();
      resources.getCOSObject().setItem(COSName.FONT, fonts);
      page.setResources(resources);
      List<Object> ops = new ArrayList<>();
      float y = 120;
      for (float[] bar : bars) {
        op(ops, "rg", new COSFloat(bar[0]), new COSFloat(bar[1]), new COSFloat(bar[2]));
        op(ops, "re", COSInteger.get(72), new COSFloat(y), new COSFloat(bar[3]), COSInteger.get(14));
        op(ops, "f");
        y -= 20;
      }
      op(ops, "rg", COSInteger.ZERO, COSInteger.ZERO, COSInteger.ZERO);
      op(ops, "BT");
      op(ops, "Tf", BOLD, COSInteger.get(18));
      op(ops, "Td", COSInteger.get(72), COSInteger.get(770));
      op(ops, "Tj", new COSString(title));
      op(ops, "Tf", REGULAR, COSInteger.get(10));
      op(ops, "TL", COSInteger.get(13));
      op(ops, "T*");
      op(ops, "T*");
      int max = 45;
      for (int i = 0; i < lines.size() && i < max; i++) {
        op(ops, "Tj", new COSString(lines.get(i)));
        op(ops, "T*");
      }
      op(ops, "ET");
      PDStream contents = new PDStream(doc);
      try (OutputStream os = contents.createOutputStream(COSName.FLATE_DECODE)) {
        new ContentStreamWriter(os).writeTokens(ops);
      }
      page.setContents(contents);
      Calendar time = Calendar.getInstance(TimeZone.getTimeZone("UTC"), Locale.ROOT);
      time.setTimeInMillis(modified.toEpochMilli() / 1000 * 1000);
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(title);
      info.setAuthor(author.fullName());
      info.setCreator(Ooxml.APPLICATION);
      info.setProducer(PRODUCER);
      info.setCreationDate(time);
      info.setModificationDate(time);
      COSArray ids = new COSArray();
      ids.add(new COSString(id));
      ids.add(new COSString(id));
      doc.getDocument().getTrailer().setItem(COSName.ID, ids);
      doc.setDocumentId(documentId);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out, CompressParameters.NO_COMPRESSION);
      return out.toByteArray();
    }
  }
}
