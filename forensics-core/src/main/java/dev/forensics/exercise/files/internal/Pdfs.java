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
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A one-page PDF written with Apache PDFBox: a title, seeded paragraphs in Helvetica (a standard font,
 * not embedded, so no random subset tag) and a few coloured bars. Everything that PDFBox would otherwise
 * take from the clock is fixed: the trailer {@code /ID} pair comes from the seed, CreationDate and
 * ModDate are the scenario time in UTC, Producer and Creator are constants; no XMP metadata.
 */
public final class Pdfs {

  /** Producer written into the document information dictionary. */
  public static final String PRODUCER = "forensics exercise builder (Apache PDFBox)";

  private Pdfs() {}

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
      PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        float y = 120;
        for (float[] bar : bars) {
          cs.setNonStrokingColor(bar[0], bar[1], bar[2]);
          cs.addRect(72, y, bar[3], 14);
          cs.fill();
          y -= 20;
        }
        cs.setNonStrokingColor(0f, 0f, 0f);
        cs.beginText();
        cs.setFont(bold, 18);
        cs.newLineAtOffset(72, 770);
        cs.showText(title);
        cs.setFont(regular, 10);
        cs.setLeading(13);
        cs.newLine();
        cs.newLine();
        int max = 45;
        for (int i = 0; i < lines.size() && i < max; i++) {
          cs.showText(lines.get(i));
          cs.newLine();
        }
        cs.endText();
      }
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
