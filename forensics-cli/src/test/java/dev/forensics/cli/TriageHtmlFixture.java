package dev.forensics.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A small evidence folder for the HTML report tests: a ZIP named .docx, random bytes named .jpg, plain
 * text, and files whose names attack a report (markup, quotes, ampersands, a right-to-left override, a
 * line break). Every file has a different size, so a sort by size has one right answer.
 */
final class TriageHtmlFixture {

  static final String IMG_NAME = "<img src=x onerror=\"document.title='pwned'\">.txt";
  static final String SCRIPT_NAME = "<script>document.title='pwned'.txt";
  static final String QUOTES_NAME = "Q&A \"final\" 'v2'.txt";
  static final String RTL_NAME = "invoice\u202Efdp.exe";
  static final String NEWLINE_NAME = "line1\nline2.txt";

  /** The names as a reader sees them in the report: controls as visible escapes. */
  static final List<String> SHOWN = List.of("contract.docx", "holiday.jpg", "notes.txt", IMG_NAME, SCRIPT_NAME,
      QUOTES_NAME, "invoice\\u202efdp.exe", "line1\\nline2.txt");

  private TriageHtmlFixture() {}

  /** The cell of {@code row} in the column whose header has {@code data-key=key}. */
  static org.jsoup.nodes.Element cell(org.jsoup.nodes.Element row, String key) {
    org.jsoup.nodes.Element table = row.parents().select("table").first();
    org.jsoup.select.Elements heads = table.select("thead th");
    for (int i = 0; i < heads.size(); i++) {
      if (heads.get(i).attr("data-key").equals(key)) {
        return row.child(i);
      }
    }
    throw new AssertionError("no column " + key);
  }

  /** Writes the files into {@code dir}; skips the test where the file system cannot name them. */
  static void write(Path dir) throws IOException {
    try {
      for (String n : List.of(IMG_NAME, SCRIPT_NAME, QUOTES_NAME, RTL_NAME, NEWLINE_NAME)) {
        dir.resolve(n);
      }
    } catch (InvalidPathException e) {
      assumeTrue(false, "this file system or Java's file name encoding (sun.jnu.encoding="
          + System.getProperty("sun.jnu.encoding") + ") cannot hold the hostile names; run with LC_ALL=C.UTF-8");
    }
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(dir.resolve("contract.docx")))) {
      z.putNextEntry(new ZipEntry("notes.txt"));
      z.write("not a Word file".getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    byte[] random = new byte[8192];
    new Random(1).nextBytes(random);
    Files.write(dir.resolve("holiday.jpg"), random);
    Files.writeString(dir.resolve("notes.txt"), "meeting at the harbour\n");
    Files.writeString(dir.resolve(IMG_NAME), "an image tag in a name\n".repeat(2));
    Files.writeString(dir.resolve(SCRIPT_NAME), "a script tag in a name\n".repeat(3));
    Files.writeString(dir.resolve(QUOTES_NAME), "quotes and ampersands\n".repeat(4));
    Files.writeString(dir.resolve(RTL_NAME), "shown as invoiceexe.pdf\n".repeat(5));
    Files.writeString(dir.resolve(NEWLINE_NAME), "a line break in a name\n".repeat(6));
  }
}
